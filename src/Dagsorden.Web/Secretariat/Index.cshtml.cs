using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Secretariat;

/// <summary>/sekretariat: for each forum the user is secretary of, its queue of submitted items, its meetings, and "Nyt møde".</summary>
public sealed class IndexModel(CurrentUser currentUser, DagsordenDbContext db) : SecretariatPageModel(currentUser, db)
{
    private const int RecentCount = 5;

    public IReadOnlyList<ForumDesk> Desks { get; private set; } = [];

    /// <summary>The "Nyt møde" form that was refused, with what the user wrote, so it can be shown again.</summary>
    public PlanForm? Refused { get; private set; }

    /// <summary>The refused form's Danish messages by field ("dato", "tid", "sted"; "" for the form as a whole).</summary>
    public Dictionary<string, string> PlanErrors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Access = await AccessAsync(cancellationToken);
        if (Require(Access, Access.IsSecretaryOfAny) is { } refused)
            return refused;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(string? forum, string? dato, string? tid, string? sted, CancellationToken cancellationToken)
    {
        Access = await AccessAsync(cancellationToken);
        if (Require(Access, Access.IsSecretaryOfAny) is { } refusedAccess)
            return refusedAccess;
        if (!int.TryParse(forum, NumberStyles.None, CultureInfo.InvariantCulture, out var forumId) || !Access.IsSecretaryOf(forumId))
            return Forbid();

        var form = new PlanForm(forumId, dato ?? "", tid ?? "", sted ?? "");
        var date = default(DateOnly);
        TimeOnly? time = null;
        if (string.IsNullOrWhiteSpace(dato))
            PlanErrors["dato"] = "Skriv mødets dato.";
        else if (!DateOnly.TryParseExact(dato.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) || date.Year < 2000)
            PlanErrors["dato"] = $"»{Shorten(dato.Trim())}« er ikke en dato. Skriv datoen som år-måned-dag, fx 2026-03-12.";
        if (!string.IsNullOrWhiteSpace(tid))
        {
            if (TimeOnly.TryParseExact(tid.Trim(), ["HH:mm", "H:mm", "HH:mm:ss", "HH.mm", "H.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                time = parsed;
            else
                PlanErrors["tid"] = $"»{Shorten(tid.Trim())}« er ikke et klokkeslæt. Skriv tidspunktet som timer:minutter, fx 09:00.";
        }

        if (sted is not null && sted.Trim().Length > Limits.Place)
            PlanErrors["sted"] = $"Mødestedet er {sted.Trim().Length} tegn langt; højst {Limits.Place} tegn er tilladt.";

        if (PlanErrors.Count == 0)
        {
            try
            {
                // An emptied time or place field falls back to the forum's default (Meeting.Plan).
                var meeting = await new MeetingWorkflow(Db).PlanAsync(forumId, date, time, string.IsNullOrWhiteSpace(sted) ? null : sted.Trim(), cancellationToken);
                Notice = $"Mødet {DanishDates.LongDate(meeting.Date).ToLowerInvariant()} er oprettet.";
                return Redirect(BuilderModel.PathOf(meeting.Id));
            }
            catch (DomainException e)
            {
                PlanErrors["dato"] = e.DanishMessage;
            }
        }

        Refused = form;
        await LoadAsync(cancellationToken);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var forumIds = Access.Forums.Where(f => f.Value == Core.Accounts.ForumRole.Secretary).Select(f => f.Key).ToList();
        var forums = await Db.Forums.AsNoTracking().Where(f => forumIds.Contains(f.Id)).OrderBy(f => f.Name).ToListAsync(cancellationToken);
        var today = SecretariatQueries.Today(Db);
        var desks = new List<ForumDesk>();
        foreach (var forum in forums)
        {
            var meetings = await Db.Meetings.AsNoTracking()
                .Where(m => m.ForumId == forum.Id)
                .Select(m => new MeetingRow(m.Id, m.Date, m.StartTime, m.Place, m.Status, m.Items.Count()))
                .ToListAsync(cancellationToken);
            desks.Add(new ForumDesk(
                forum,
                await SecretariatQueries.QueueAsync(Db, forum.Id, cancellationToken),
                meetings.Where(m => m.Date >= today).OrderBy(m => m.Date).ToList(),
                meetings.Where(m => m.Date < today).OrderByDescending(m => m.Date).Take(RecentCount).ToList()));
        }

        Desks = desks;
    }

    /// <summary>The values the "Nyt møde" form of <paramref name="forum"/> shows: what was refused, else the forum's defaults.</summary>
    public PlanForm FormFor(Forum forum) =>
        Refused is { } refused && refused.ForumId == forum.Id
            ? refused
            : new PlanForm(forum.Id, "", forum.DefaultStartTime is { } time ? DanishDates.Time(time) : "", forum.DefaultPlace ?? "");

    public string? ErrorFor(Forum forum, string field) =>
        Refused?.ForumId == forum.Id && PlanErrors.TryGetValue(field, out var error) ? error : null;
}

public sealed record ForumDesk(Forum Forum, IReadOnlyList<QueuedDraft> Queue, IReadOnlyList<MeetingRow> Upcoming, IReadOnlyList<MeetingRow> Recent);

public sealed record MeetingRow(int Id, DateOnly Date, TimeOnly? StartTime, string? Place, MeetingStatus Status, int ItemCount);

public sealed record PlanForm(int ForumId, string Date, string Time, string Place);
