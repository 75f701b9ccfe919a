using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dagsorden.Core.Notifications;

/// <summary>
/// A mail owed as a row (ADR 8): written before it is sent and marked sent once the SMTP server took
/// it, so a failing server loses nothing. Follow-up reminders and the departments' digests are both
/// owed this way and share the bookkeeping, the claim and the sending here.
/// </summary>
public abstract class OwedMail
{
    public const int MaxErrorLength = 2000;

    /// <summary>
    /// How long a pass holds a mail it is sending. A second pass (another web server, or cron running
    /// the CLI) leaves it alone that long; a failed one is tried again by the first pass after it.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public int Id { get; private set; }

    public DateTime? Sent { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? LastAttempt { get; private set; }

    public string? LastError { get; private set; }

    public void MarkSent(DateTime now)
    {
        Attempts++;
        LastAttempt = now;
        Sent = now;
        LastError = null;
    }

    public void MarkFailed(DateTime now, string error)
    {
        Attempts++;
        LastAttempt = now;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
    }

    /// <summary>Takes the row for this pass in one conditional update, so two passes at once never both send it.</summary>
    public static async Task<bool> ClaimAsync<T>(DbSet<T> rows, T row, DateTime now, CancellationToken cancellationToken)
        where T : OwedMail
    {
        var leaseStart = now - Lease;
        var updated = await rows
            .Where(r => r.Id == row.Id && r.Sent == null && (r.LastAttempt == null || r.LastAttempt < leaseStart))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastAttempt, now), cancellationToken);
        return updated == 1;
    }

    /// <summary>
    /// Sends the claimed mails and marks each row sent or failed; a failure is logged and returned, and
    /// its row stays owed for the next pass. The caller saves the rows.
    /// </summary>
    public static async Task<IReadOnlyList<MailFailure>> SendAsync(
        Mailer mailer, IReadOnlyList<(OwedMail Row, OutgoingMail Mail, string What)> owed, DateTime now, ILogger log, CancellationToken cancellationToken)
    {
        var deliveries = await mailer.DeliverAsync(owed.Select(o => o.Mail).ToList(), cancellationToken);
        var failures = new List<MailFailure>();
        for (var i = 0; i < owed.Count; i++)
        {
            var (row, mail, what) = owed[i];
            if (deliveries[i].Error is { } error)
            {
                row.MarkFailed(now, error);
                failures.Add(new MailFailure(what, mail.ToAddress, error));
                log.LogWarning(
                    "The {What} to {Address} was not sent (attempt {Attempt}); it is tried again on the next run: {Error}",
                    what, mail.ToAddress, row.Attempts, error);
            }
            else
            {
                row.MarkSent(now);
            }
        }

        return failures;
    }
}
