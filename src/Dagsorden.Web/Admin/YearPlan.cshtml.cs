using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Admin;

public sealed record PlannedDate(DateOnly Date, bool Exists);

/// <summary>
/// /admin/forummer/{code}/aarshjul: the yearly plan as a rule (first date, every N weeks, until, months
/// left out). The form's GET shows the dates it gives; "Opret møderne" POSTs the same rule and plans
/// every date the forum has no meeting on yet.
/// </summary>
public sealed class YearPlanModel(CurrentUser currentUser, DagsordenDbContext db) : AdminPageModel(currentUser)
{
    /// <summary>July is summer holiday; the form starts with it left out.</summary>
    public static IReadOnlySet<int> DefaultExcludedMonths { get; } = new HashSet<int> { 7 };

    public Forum Forum { get; private set; } = null!;

    /// <summary>The plan's dates once the rule is valid; null before the form is used.</summary>
    public IReadOnlyList<PlannedDate>? Dates { get; private set; }

    public IReadOnlyList<DateOnly> FutureMeetings { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "forste")]
    public string? First { get; set; }

    [BindProperty(SupportsGet = true, Name = "interval")]
    public string? Interval { get; set; }

    [BindProperty(SupportsGet = true, Name = "til")]
    public string? Until { get; set; }

    [BindProperty(SupportsGet = true, Name = "tid")]
    public string? Time { get; set; }

    [BindProperty(SupportsGet = true, Name = "sted")]
    public string? Place { get; set; }

    [BindProperty(SupportsGet = true, Name = "udelad")]
    public List<string> ExcludedMonths { get; set; } = [];

    public bool IsExcluded(int month) => ExcludedMonths.Contains(month.ToString(CultureInfo.InvariantCulture));

    public IEnumerable<string> Errors(string field) => ModelStateMessages.For(ModelState, field);

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        if (!await LoadAsync(code))
            return NotFound();

        // The form's own submit always sends the first date; a plain visit gets a filled-in form.
        if (!Request.Query.ContainsKey("forste"))
        {
            var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
            First = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Until = new DateOnly(today.Year, 12, 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Interval = "4";
            Time = Forum.DefaultStartTime?.ToString("HH:mm", CultureInfo.InvariantCulture);
            Place = Forum.DefaultPlace;
            ExcludedMonths = DefaultExcludedMonths.Select(m => m.ToString(CultureInfo.InvariantCulture)).ToList();
            return Page();
        }

        if (Read() is { } plan)
            Dates = await MarkExistingAsync(plan.Dates);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        if (!await LoadAsync(code))
            return NotFound();

        var plan = Read();
        if (plan is null)
            return Page();
        if (plan.Value.Dates.Count == 0)
        {
            ModelState.AddModelError("", "Reglen giver ingen mødedatoer. Vælg en længere periode, eller udelad færre måneder.");
            return Page();
        }

        var created = await new MeetingWorkflow(db).PlanSeriesAsync(Forum.Id, plan.Value.Dates, plan.Value.Time, plan.Value.Place);
        var skipped = plan.Value.Dates.Count - created.Count;
        Message = (created.Count == 1 ? "1 møde er oprettet." : $"{created.Count} møder er oprettet.")
            + (skipped == 0 ? "" : skipped == 1 ? " 1 dato havde allerede et møde og blev sprunget over." : $" {skipped} datoer havde allerede et møde og blev sprunget over.");
        return LocalRedirect(ForumPath(Forum.Code) + "/aarshjul");
    }

    /// <summary>The rule's dates, time and place, or null with the messages on the fields.</summary>
    private (IReadOnlyList<DateOnly> Dates, TimeOnly? Time, string? Place)? Read()
    {
        var first = AdminInput.Date(ModelState, "forste", First, "datoen for det første møde");
        var until = AdminInput.Date(ModelState, "til", Until, "den sidste mulige mødedato");
        int? interval = null;
        if (string.IsNullOrWhiteSpace(Interval))
            ModelState.AddModelError("interval", "Skriv, hvor mange uger der går mellem møderne.");
        else if (!int.TryParse(Interval.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) || weeks is < 1 or > 52)
            ModelState.AddModelError("interval", $"»{Interval}« kan ikke bruges. Intervallet skal være et helt antal uger mellem 1 og 52.");
        else
            interval = weeks;
        var time = AdminInput.Time(ModelState, "tid", Time);
        var place = AdminInput.Text(ModelState, "sted", Place, Limits.Place, null, "Mødestedet");
        var months = new HashSet<int>();
        foreach (var value in ExcludedMonths)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
                months.Add(month);
            else
                ModelState.AddModelError("udelad", $"»{value}« er ikke en måned.");
        }

        if (first is { } f && until is { } u && u < f)
            ModelState.AddModelError("til", "Slutdatoen ligger før den første mødedato.");
        if (!ModelState.IsValid || first is null || until is null || interval is null || place is null)
            return null;

        try
        {
            var dates = new YearPlan(first.Value, interval.Value, until.Value, months).Dates();
            return (dates, time, place.Length == 0 ? null : place);
        }
        catch (DomainException e)
        {
            AddError(e);
            return null;
        }
    }

    private async Task<IReadOnlyList<PlannedDate>> MarkExistingAsync(IReadOnlyList<DateOnly> dates)
    {
        var forumId = Forum.Id;
        var taken = (await db.Meetings.AsNoTracking().Where(m => m.ForumId == forumId).Select(m => m.Date).ToListAsync()).ToHashSet();
        return dates.Select(d => new PlannedDate(d, taken.Contains(d))).ToList();
    }

    private async Task<bool> LoadAsync(string code)
    {
        var wanted = code.Trim().ToUpperInvariant();
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Code == wanted);
        if (forum is null)
            return false;
        Forum = forum;
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        FutureMeetings = await db.Meetings.AsNoTracking()
            .Where(m => m.ForumId == forum.Id && m.Date >= today)
            .OrderBy(m => m.Date)
            .Select(m => m.Date)
            .ToListAsync();
        return true;
    }
}
