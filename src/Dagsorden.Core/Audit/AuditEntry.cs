namespace Dagsorden.Core.Audit;

/// <summary>
/// One recorded change or sign-in: who, when, what, and the old and new value. The table is
/// append-only: the database refuses updates and deletes (triggers in the migration), so not even
/// the application can rewrite history.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxValueLength = 20_000;

    private AuditEntry()
    {
        Actor = "";
        Action = "";
        EntityType = "";
        EntityId = "";
    }

    public AuditEntry(DateTime at, string? actorId, string actor, string action, string entityType, string entityId,
        int? meetingId = null, int? itemId = null, string? field = null, string? oldValue = null, string? newValue = null)
    {
        At = at;
        ActorId = actorId;
        Actor = Cut(actor, Limits.Name);
        Action = Cut(action, 100);
        EntityType = Cut(entityType, 100);
        EntityId = Cut(entityId, 100);
        MeetingId = meetingId;
        ItemId = itemId;
        Field = field is null ? null : Cut(field, 200);
        OldValue = oldValue is null ? null : Cut(oldValue, MaxValueLength);
        NewValue = newValue is null ? null : Cut(newValue, MaxValueLength);
    }

    public long Id { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>The user's id; null for the command line, imports and failed sign-ins of unknown users.</summary>
    public string? ActorId { get; private set; }

    /// <summary>The name shown in the log: the user's name, "Import", "Kommandolinje", or the e-mail tried at sign-in.</summary>
    public string Actor { get; private set; }

    /// <summary>What happened, e.g. "Added", "Modified", "Deleted", "SignIn", "SignInFailed".</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>No foreign keys: the record outlives what it describes.</summary>
    public int? MeetingId { get; private set; }

    public int? ItemId { get; private set; }

    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    private static string Cut(string value, int maximum) => value.Length > maximum ? value[..maximum] : value;
}
