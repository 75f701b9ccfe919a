using Dagsorden.Core.Forums;

namespace Dagsorden.Core.Accounts;

/// <summary>A user's place in one forum: a member reads the forum's closed items; a secretary also builds its agendas and minutes.</summary>
public sealed class ForumMembership
{
    private ForumMembership()
    {
        UserId = "";
        Forum = null!;
    }

    public ForumMembership(Forum forum, string userId, ForumRole role)
    {
        Forum = forum;
        UserId = string.IsNullOrWhiteSpace(userId) ? throw new DomainException("A membership needs a user.") : userId;
        Role = role;
    }

    public int Id { get; private set; }

    public int ForumId { get; private set; }

    public Forum Forum { get; private set; }

    public string UserId { get; private set; }

    public ForumRole Role { get; private set; }

    public void ChangeRole(ForumRole role) => Role = role;
}

public enum ForumRole
{
    /// <summary>Medlem: reads everything of the forum, closed items included, and keeps private notes.</summary>
    Member,

    /// <summary>Sekretær: a member who also builds and publishes the forum's agendas and minutes.</summary>
    Secretary,
}

public static class ForumRoles
{
    public static string Danish(this ForumRole role) => role switch
    {
        ForumRole.Member => "Medlem",
        ForumRole.Secretary => "Sekretær",
        _ => role.ToString(),
    };

    /// <summary>Reads "Medlem"/"Member" and "Sekretær"/"Secretary" in any case.</summary>
    public static ForumRole? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "medlem" or "member" => ForumRole.Member,
        "sekretær" or "sekretaer" or "secretary" => ForumRole.Secretary,
        _ => null,
    };
}
