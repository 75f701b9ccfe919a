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

    /// <summary>
    /// A page of the meeting's log, newest first: the newest entries, or with <paramref name="before"/>
    /// those older than that entry. Null when <paramref name="before"/> is no entry of this log.
    /// </summary>
    public static Task<AuditPage?> ForMeetingAsync(DagsordenDbContext db, int meetingId, long? before = null, CancellationToken cancellationToken = default) =>
        PageAsync(db.AuditEntries.Where(a => a.MeetingId == meetingId), before, cancellationToken);

    /// <inheritdoc cref="ForMeetingAsync"/>
    public static Task<AuditPage?> ForItemAsync(DagsordenDbContext db, int itemId, long? before = null, CancellationToken cancellationToken = default) =>
        PageAsync(db.AuditEntries.Where(a => a.ItemId == itemId), before, cancellationToken);

    /// <inheritdoc cref="ForMeetingAsync"/>
    public static Task<AuditPage?> SignInsAsync(DagsordenDbContext db, long? before = null, CancellationToken cancellationToken = default) =>
        PageAsync(db.AuditEntries.Where(a => a.EntityType == AuditActions.SignInEntity), before, cancellationToken);

    /// <summary>Changes to accounts, roles, memberships, forums and departments: what an administrator answers for. Paged as <see cref="ForMeetingAsync"/>.</summary>
    public static Task<AuditPage?> AdministrationAsync(DagsordenDbContext db, long? before = null, CancellationToken cancellationToken = default) =>
        PageAsync(db.AuditEntries.Where(a => AdministrationTypes.Contains(a.EntityType)), before, cancellationToken);

    private static readonly string[] AdministrationTypes = ["UserAccount", AuditRecorder.UserRoleType, "ForumMembership", "Forum", "Department"];

    /// <summary>
    /// Pages by the last entry shown rather than by a page number, so that entries recorded while
    /// someone reads older pages do not shift what the next page shows.
    /// </summary>
    private static async Task<AuditPage?> PageAsync(IQueryable<AuditEntry> log, long? before, CancellationToken cancellationToken)
    {
        var entries = log.AsNoTracking();
        if (before is { } id)
        {
            var from = await entries.Where(a => a.Id == id).Select(a => new { a.At }).FirstOrDefaultAsync(cancellationToken);
            if (from is null)
                return null;
            entries = entries.Where(a => a.At < from.At || (a.At == from.At && a.Id < id));
        }

        var page = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        return page.Count > PageSize
            ? new AuditPage(page[..PageSize], page[PageSize - 1].Id)
            : new AuditPage(page, null);
    }
}

/// <summary>One page of a log, newest first; <paramref name="OlderFrom"/> is the entry the next page continues after, when there are older ones.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? OlderFrom);
