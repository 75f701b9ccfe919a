using System.Globalization;
using Dagsorden.Core.Items;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Dagsorden.Web.Search;

/// <summary>
/// /soeg: the search over every published meeting's items. The public (anonymous users and
/// employees) search with <see cref="SearchAccess.Public"/>: closed items are never found, shown or
/// counted. A forum's members also find its closed items.
/// </summary>
public sealed class IndexModel(DagsordenDbContext db, CurrentUser currentUser) : PageModel
{
    public const int PageSize = 20;

    /// <summary>The outcome filter's values in the address, and their Danish names.</summary>
    public static IReadOnlyList<(string Slug, DecisionOutcome Outcome, string Name)> Outcomes { get; } =
    [
        ("godkendt", DecisionOutcome.Approved, "Godkendt"),
        ("bemaerkninger", DecisionOutcome.ApprovedWithRemarks, "Godkendt med bemærkninger"),
        ("efterretning", DecisionOutcome.Noted, "Taget til efterretning"),
        ("droeftet", DecisionOutcome.Discussed, "Drøftet"),
        ("udsat", DecisionOutcome.Postponed, "Udsat"),
        ("afvist", DecisionOutcome.Rejected, "Afvist"),
        ("intet", DecisionOutcome.NothingToReport, "Intet at bemærke"),
        ("andet", DecisionOutcome.Other, "Anden beslutning"),
    ];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "forum")]
    public string? Forum { get; set; }

    [BindProperty(SupportsGet = true, Name = "fra")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "til")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "kle")]
    public string? Kle { get; set; }

    [BindProperty(SupportsGet = true, Name = "udfald")]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public string? PageNumberText { get; set; }

    public int PageNumber { get; private set; } = 1;

    public SearchResults? Results { get; private set; }

    public IReadOnlyList<SearchTerm> Terms { get; private set; } = [];

    /// <summary>What is wrong with the search, in Danish; shown instead of results.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The names of the forums whose closed items the user finds; empty for the public.</summary>
    public IReadOnlyList<string> ClosedForums { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await currentUser.GetAsync(cancellationToken);
        var memberOf = access.SearchAccess.MemberOf.ToList();
        if (memberOf.Count > 0)
        {
            ClosedForums = await db.Forums.AsNoTracking().Where(f => memberOf.Contains(f.Id)).OrderBy(f => f.Name).Select(f => f.Name).ToListAsync(cancellationToken);
            Response.Headers[HeaderNames.Vary] = "Cookie";
            Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        }

        if (Query is null && Forum is null && From is null && To is null && Kle is null && Outcome is null)
            return Page();

        var request = new SearchRequest
        {
            Text = Query ?? "",
            ForumCode = Blank(Forum),
            From = ParseDate(From, "Fra dato"),
            To = ParseDate(To, "Til dato"),
            KleSubject = Blank(Kle),
            Outcome = ParseOutcome(Outcome),
            Limit = PageSize,
        };
        if (Blank(PageNumberText) is { } side)
        {
            if (int.TryParse(side, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 500)
                PageNumber = number;
            else
                Errors.Add($"»{side}« er ikke et sidetal.");
        }

        if (request.KleSubject is { } kle && !SearchRequest.IsKleSubjectPrefix(kle))
            Errors.Add($"»{kle}« er ikke et KLE-emne. Skriv fx 83, 83.02 eller 83.02.00.");
        if (request.From is { } from && request.To is { } to && from > to)
            Errors.Add("Til dato ligger før fra dato.");
        if (request.ForumCode is { } code && !await db.Forums.AnyAsync(f => f.Code == code.ToUpperInvariant(), cancellationToken))
            Errors.Add($"Der findes intet forum med koden »{code}«.");
        Terms = request.Terms;
        if (Terms.Count == 0)
            Errors.Add("Skriv mindst ét ord at søge efter. Tegn som * - ( ) og \" tæller ikke som ord.");

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Results = await SearchIndexes.For(db).SearchAsync(request with { Offset = (PageNumber - 1) * PageSize }, access.SearchAccess, cancellationToken);
        return Page();
    }

    public static string OutcomeName(DecisionOutcome? outcome) =>
        outcome is { } o ? Outcomes.First(x => x.Outcome == o).Name : "Ingen beslutning";

    public static string OutcomeSlug(DecisionOutcome? outcome) =>
        outcome is { } o ? Outcomes.First(x => x.Outcome == o).Slug : "";

    /// <summary>This search's address with some parameters changed (null removes one); always page 1 unless given.</summary>
    public string Link(string? forum = null, string? outcome = null, int? year = null, int? page = null)
    {
        var values = new List<(string, string?)>
        {
            ("q", Query),
            ("forum", forum ?? Forum),
            ("fra", year is { } y ? Year(y, 1, 1) : From),
            ("til", year is { } y2 ? Year(y2, 12, 31) : To),
            ("kle", Kle),
            ("udfald", outcome ?? Outcome),
            ("side", page?.ToString(CultureInfo.InvariantCulture)),
        };
        return "/soeg?" + string.Join('&', values
            .Where(v => !string.IsNullOrWhiteSpace(v.Item2))
            .Select(v => v.Item1 + "=" + Uri.EscapeDataString(v.Item2!)));
    }

    private static string Year(int year, int month, int day) => new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private DateOnly? ParseDate(string? text, string field)
    {
        if (Blank(text) is not { } value)
            return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Errors.Add($"{field}: »{value}« er ikke en dato. Skriv datoen som år-måned-dag, fx 2016-08-18.");
        return null;
    }

    private DecisionOutcome? ParseOutcome(string? text)
    {
        if (Blank(text) is not { } value)
            return null;
        var found = Outcomes.FirstOrDefault(o => string.Equals(o.Slug, value, StringComparison.OrdinalIgnoreCase));
        if (found.Slug is not null)
            return found.Outcome;
        Errors.Add($"»{value}« er ikke et beslutningsudfald. Vælg et af: {string.Join(", ", Outcomes.Select(o => o.Slug))}.");
        return null;
    }
}
