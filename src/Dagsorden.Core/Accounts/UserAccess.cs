using Dagsorden.Core.Search;

namespace Dagsorden.Core.Accounts;

/// <summary>
/// What one request's user may do, read from the database on each request so that a changed
/// membership takes effect at once. Anonymous users get <see cref="Anonymous"/>.
/// </summary>
public sealed record UserAccess(
    string? UserId,
    string? DisplayName,
    bool IsAdministrator,
    bool IsAuthor,
    IReadOnlyDictionary<int, ForumRole> Forums)
{
    public static UserAccess Anonymous { get; } = new(null, null, false, false, new Dictionary<int, ForumRole>());

    public bool IsSignedIn => UserId is not null;

    /// <summary>Members and secretaries read the forum's closed items.</summary>
    public bool IsMemberOf(int forumId) => Forums.ContainsKey(forumId);

    public bool IsSecretaryOf(int forumId) => Forums.TryGetValue(forumId, out var role) && role == ForumRole.Secretary;

    public bool IsSecretaryOfAny => Forums.Values.Any(r => r == ForumRole.Secretary);

    /// <summary>Authors draft items; so do secretaries, who often write the forum's own items.</summary>
    public bool MayDraftItems => IsAuthor || IsSecretaryOfAny;

    public SearchAccess SearchAccess => Forums.Count == 0 ? SearchAccess.Public : SearchAccess.Member(Forums.Keys);
}
