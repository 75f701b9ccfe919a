using Dagsorden.Core.Notifications;

namespace Dagsorden.Core.FollowUps;

/// <summary>
/// One reminder owed for a follow-up in one interval ("due soon" in the week before the due date,
/// "overdue" once per week after it). The row is written before sending and marked sent after, so a
/// failing mail server loses nothing: an unsent row is tried again on the next run.
/// </summary>
public sealed class FollowUpReminder : OwedMail
{
    private FollowUpReminder()
    {
    }

    public FollowUpReminder(int followUpId, ReminderKind kind, DateOnly period)
    {
        FollowUpId = followUpId;
        Kind = kind;
        Period = period;
    }

    public int FollowUpId { get; private set; }

    public ReminderKind Kind { get; private set; }

    /// <summary>The first day of the interval the reminder belongs to; one reminder per follow-up, kind and period.</summary>
    public DateOnly Period { get; private set; }
}

public enum ReminderKind
{
    DueSoon,
    Overdue,
}
