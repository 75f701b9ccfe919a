using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Forums;

/// <summary>How many of a forum's decisions in one year had one outcome.</summary>
public sealed record DecisionCount(int Year, DecisionOutcome Outcome, int Count);

public static class DecisionStatistics
{
    /// <summary>
    /// The forum's recorded decisions per year and outcome, oldest year first. Item 1's approval of the
    /// agenda and minutes is left out: every meeting has one, and counting it would only say how many
    /// meetings there were. Planned meetings have no decisions yet and are skipped.
    /// </summary>
    public static async Task<IReadOnlyList<DecisionCount>> PerYearAsync(this DagsordenDbContext db, int forumId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Items.AsNoTracking()
            .Where(i => i.DecisionOutcome != null)
            .Join(db.Meetings.Where(m => m.ForumId == forumId && m.Status != MeetingStatus.Planned), i => i.MeetingId, m => m.Id, (i, m) => new { m.Date, i.Number, i.Title, i.DecisionOutcome })
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => !(r.Number == 1 && r.Title.Trim().TrimEnd('.').Equals(StandardItems.ApprovalTitle, StringComparison.OrdinalIgnoreCase)))
            .GroupBy(r => (r.Date.Year, Outcome: r.DecisionOutcome!.Value))
            .Select(g => new DecisionCount(g.Key.Year, g.Key.Outcome, g.Count()))
            .OrderBy(c => c.Year).ThenBy(c => c.Outcome)
            .ToList();
    }
}
