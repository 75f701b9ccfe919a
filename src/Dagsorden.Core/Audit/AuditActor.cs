namespace Dagsorden.Core.Audit;

/// <summary>Who the changes saved by a context are recorded as made by.</summary>
/// <param name="UserId">The signed-in user's id; null for the command line, imports and background jobs.</param>
/// <param name="Name">The name shown in the log when the user has no display name, or the only name there is.</param>
public sealed record AuditActor(string? UserId, string Name)
{
    /// <summary>Background jobs and anything else that did not say who it is.</summary>
    public static AuditActor System { get; } = new(null, "System");

    public static AuditActor CommandLine { get; } = new(null, "Kommandolinje");

    public static AuditActor Import { get; } = new(null, "Import");
}

/// <summary>The values of <see cref="AuditEntry.Action"/>.</summary>
public static class AuditActions
{
    public const string Added = nameof(Added);
    public const string Modified = nameof(Modified);
    public const string Deleted = nameof(Deleted);
    public const string SignIn = nameof(SignIn);
    public const string SignInFailed = nameof(SignInFailed);
    public const string LockedOut = nameof(LockedOut);
    public const string SignOut = nameof(SignOut);

    /// <summary>The entity type of sign-in entries.</summary>
    public const string SignInEntity = "SignIn";

    public static IReadOnlyList<string> SignIns { get; } = [SignIn, SignInFailed, LockedOut, SignOut];
}
