namespace Dagsorden.Core.Communication;

/// <summary>A department that must hear of the decisions marked for it; its digest goes to <see cref="Email"/>.</summary>
public sealed class Department
{
    private Department()
    {
        Name = "";
        Email = "";
    }

    public Department(string name, string email)
    {
        Name = "";
        Email = "";
        Change(name, email);
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Email { get; private set; }

    public void Change(string name, string email)
    {
        var trimmedName = name?.Trim() ?? "";
        if (trimmedName.Length == 0)
            throw new DomainException("A department needs a name.", "Afdelingen skal have et navn.");
        Limits.Check("department name", trimmedName, Limits.Name);
        var trimmedEmail = email?.Trim() ?? "";
        if (!Notifications.MailAddresses.IsBare(trimmedEmail))
            throw new DomainException($"'{trimmedEmail}' is not an e-mail address.", "Afdelingens e-mailadresse er ikke gyldig.");
        Name = trimmedName;
        Email = trimmedEmail;
    }
}

/// <summary>"Kommunikation": a department that must hear of an item's decision.</summary>
public sealed class ItemAudience(int itemId, int departmentId)
{
    public int Id { get; private set; }

    public int ItemId { get; private set; } = itemId;

    public int DepartmentId { get; private set; } = departmentId;
}

/// <summary>
/// The digest of a meeting's decisions owed to one department once its minutes are published.
/// Written with the publication and marked sent after delivery, so a failed send is retried.
/// </summary>
public sealed class DigestDelivery(int meetingId, int departmentId) : Notifications.OwedMail
{
    public int MeetingId { get; private set; } = meetingId;

    public int DepartmentId { get; private set; } = departmentId;
}
