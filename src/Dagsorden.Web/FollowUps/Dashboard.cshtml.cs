using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.FollowUps;

/// <summary>
/// /forum/{code}/overblik: the forum's open and overdue follow-ups, its decisions per year by
/// outcome, and the meetings whose minutes still await approval. For the forum's members and
/// secretaries and for administrators; it lists follow-ups of closed items, so nobody else.
/// </summary>
public sealed class DashboardModel(CurrentUser currentUser, DagsordenDbContext db) : WorkPageModel(currentUser)
{
    public Forum Forum { get; private set; } = null!;

    public bool IsSecretary { get; private set; }

    public IReadOnlyList<FollowUpRow> OpenFollowUps { get; private set; } = [];

    public int OverdueCount => OpenFollowUps.Count(f => f.IsOverdue);

    public DecisionChart Chart { get; private set; } = null!;

    public IReadOnlyList<DateOnly> UnapprovedMinutes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(cancellationToken);
        if (!access.IsSignedIn)
            return Challenge();
        var upper = (code ?? "").ToUpperInvariant();
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Code == upper, cancellationToken);
        if (forum is null)
            return NotFound();
        if (Require(access, access.IsMemberOf(forum.Id) || access.IsAdministrator) is { } refused)
            return refused;

        Forum = forum;
        IsSecretary = access.IsSecretaryOf(forum.Id) || access.IsAdministrator;
        OpenFollowUps = await new FollowUpService(db).ForForumAsync(forum.Id, includeClosed: false, cancellationToken);
        Chart = DecisionChart.From(await db.PerYearAsync(forum.Id, cancellationToken));
        UnapprovedMinutes = await new MeetingWorkflow(db).UnapprovedMinutesAsync(forum.Id, DateOnly.MaxValue, cancellationToken);
        return Page();
    }
}
