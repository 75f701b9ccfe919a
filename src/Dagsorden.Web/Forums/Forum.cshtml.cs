using Dagsorden.Core.Forums;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Forums;

/// <summary>A forum's meetings by year, e.g. /cf (the newest year) or /cf/2016: the year's plan.</summary>
public sealed class ForumModel(DagsordenDbContext db) : PortalPageModel
{
    public Forum? Forum { get; private set; }

    public IReadOnlyList<ForumYear> Years { get; private set; } = [];

    public int Year { get; private set; }

    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];


    public async Task<IActionResult> OnGetAsync(string code, int? year, CancellationToken cancellationToken)
    {
        var forumCode = code.ToUpperInvariant();
        Forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Code == forumCode, cancellationToken);
        if (Forum is null)
            return NotFoundPage($"Der findes intet forum med koden »{code}«.");

        Years = await db.YearsAsync(Forum.Id, cancellationToken);
        Year = year ?? Years.FirstOrDefault()?.Year ?? DateTime.UtcNow.Year;
        if (year is not null && Years.All(y => y.Year != year))
            return NotFoundPage($"{Forum.Name} har ingen møder i {year}.");
        Meetings = await db.MeetingsInYearAsync(Forum.Id, Year, cancellationToken);
        return Page();
    }
}
