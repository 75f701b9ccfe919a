using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Audit;

/// <summary>Reading the audit trail, and the entries no entity change produces: sign-ins and sign-outs.</summary>
public static class AuditLog
{
    /// <summary>The most entries a log page shows; the newest come first.</summary>
    public const int PageSize = 1000;

    /// <summary>Records a sign-in attempt. <paramref name="email"/> is what was typed; passwords are never recorded.</summary>
    public static async Task RecordSignInAsync(DagsordenDbContext db, string action, string email, string? userId, CancellationToken cancellationToken = default)
    {
        if (!AuditActions.SignIns.Contains(action))
            throw new ArgumentOutOfRangeException(nameof(action), action, "Not a sign-in action.");
        var tried = email.Trim();
        db.AuditEntries.Add(new AuditEntry(
            db.Clock.GetUtcNow().UtcDateTime, userId, tried.Length == 0 ? "(ingen e-mail)" : tried, action, AuditActions.SignInEntity, userId ?? ""));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static Task<List<AuditEntry>> ForMeetingAsync(DagsordenDbContext db, int meetingId, CancellationToken cancellationToken = default) =>
        NewestAsync(db.AuditEntries.Where(a => a.MeetingId == meetingId), cancellationToken);

    public static Task<List<AuditEntry>> ForItemAsync(DagsordenDbContext db, int itemId, CancellationToken cancellationToken = default) =>
        NewestAsync(db.AuditEntries.Where(a => a.ItemId == itemId), cancellationToken);

    public static Task<List<AuditEntry>> SignInsAsync(DagsordenDbContext db, CancellationToken cancellationToken = default) =>
        NewestAsync(db.AuditEntries.Where(a => a.EntityType == AuditActions.SignInEntity), cancellationToken);

    /// <summary>Changes to accounts, roles, memberships, forums and departments: what an administrator answers for.</summary>
    public static Task<List<AuditEntry>> AdministrationAsync(DagsordenDbContext db, CancellationToken cancellationToken = default) =>
        NewestAsync(db.AuditEntries.Where(a => AdministrationTypes.Contains(a.EntityType)), cancellationToken);

    private static readonly string[] AdministrationTypes = ["UserAccount", AuditRecorder.UserRoleType, "ForumMembership", "Forum", "Department"];

    private static Task<List<AuditEntry>> NewestAsync(IQueryable<AuditEntry> entries, CancellationToken cancellationToken) =>
        entries.AsNoTracking().OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(PageSize).ToListAsync(cancellationToken);
}
