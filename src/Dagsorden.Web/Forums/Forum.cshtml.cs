using Dagsorden.Core.Forums;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Dagsorden.Web.Meetings;
using Dagsorden.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Forums;

/// <summary>
/// A forum's meetings by year, e.g. /cf (the newest year) or /cf/2016: the year's plan. The forum's
/// members also see the meetings still being planned; its secretaries get links to build them.
/// </summary>
public sealed class ForumModel(DagsordenDbContext db, CurrentUser currentUser) : PortalPageModel
{
    public Forum? Forum { get; private set; }

    public IReadOnlyList<ForumYear> Years { get; private set; } = [];

    public int Year { get; private set; }

    public IReadOnlyList<ListedMeeting> Meetings { get; private set; } = [];

    public bool IsSecretary { get; private set; }

    /// <summary>The forum's members, secretaries and administrators may open its dashboard.</summary>
    public bool SeesDashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int? year, CancellationToken cancellationToken)
    {
        var forumCode = code.ToUpperInvariant();
        Forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Code == forumCode, cancellationToken);
        if (Forum is null)
            return NotFoundPage($"Der findes intet forum med koden »{code}«.");

        var access = await currentUser.GetAsync(cancellationToken);
        var seesPlanned = access.IsMemberOf(Forum.Id);
        IsSecretary = access.IsSecretaryOf(Forum.Id);
        SeesDashboard = seesPlanned || access.IsAdministrator;
        if (seesPlanned)
            MemberContent.KeepPrivate(Response, Core.Documents.DocumentAudience.Internal);

        var forumId = Forum.Id;
        var dates = await db.Meetings.AsNoTracking()
            .Where(m => m.ForumId == forumId && (seesPlanned || m.Status != MeetingStatus.Planned))
            .Select(m => m.Date)
            .ToListAsync(cancellationToken);
        Years = dates.GroupBy(d => d.Year).OrderByDescending(g => g.Key).Select(g => new ForumYear(g.Key, g.Count())).ToList();
        Year = year ?? Years.FirstOrDefault()?.Year ?? DateTime.UtcNow.Year;
        if (year is not null && Years.All(y => y.Year != year))
            return NotFoundPage($"{Forum.Name} har ingen møder i {year}.");

        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);
        Meetings = await ListedMeetings.ListAsync(db, m => m.ForumId == forumId && m.Date >= from && m.Date <= to, seesPlanned, cancellationToken);
        return Page();
    }
}
