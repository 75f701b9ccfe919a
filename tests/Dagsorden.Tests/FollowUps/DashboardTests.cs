using System.Net;
using System.Text.RegularExpressions;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Secretariat;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.FollowUps;

/// <summary>The forum dashboard (/forum/{code}/overblik): its counts, its chart, and who may open it.</summary>
public sealed partial class DashboardTests
{
    private const string Path = "/forum/cf/overblik";
    private const string Marker = "LUKKET-OVERBLIK-Q7";

    [Fact]
    public async Task TheDashboardCountsFollowUpsDecisionsPerYearAndMinutesAwaitingApproval()
    {
        await using var desk = await Desk.CreateAsync();
        await SeedAsync(desk);
        using var member = await desk.App.SignInAsNewUserAsync("medlem@example.test", null, ("CF", ForumRole.Member));

        var response = await member.GetAsync(Path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<li id=\"antal-aabne\"><strong>2</strong> åbne opfølgninger</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"antal-overskredne\"><strong>1</strong> overskredne</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"antal-ikke-godkendte\"><strong>1</strong> referater venter på godkendelse</li>", html, StringComparison.Ordinal);
        Assert.Contains("Lav den nye model", html, StringComparison.Ordinal);
        Assert.Contains("Skriv notatet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Allerede gjort", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Direktørforums egen", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/cf/2025-05-01\">Torsdag d. 1. maj 2025</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/cf/2024-03-07", html, StringComparison.Ordinal);

        // The table behind the chart: item 1's approval and DF's decisions are not counted, an undecided item neither.
        var table = Regex.Match(html, "<table class=\"chart-table\".*?</table>", RegexOptions.Singleline).Value;
        Assert.Equal(
            ["År", "Godkendt", "Taget til efterretning", "Udsat", "I alt", "2024", "2", "1", "0", "3", "2025", "1", "0", "1", "2"],
            Cell().Matches(table).Select(m => m.Groups[1].Value));
        Assert.Contains("2024: 3 beslutninger (2 godkendt, 1 taget til efterretning); 2025: 2 beslutninger (1 godkendt, 1 udsat)", html, StringComparison.Ordinal);

        // A member reads the follow-ups but is not sent to the secretaries' pages.
        Assert.DoesNotContain("/sekretariat/cf/opfoelgning", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheChartIsInlineSvgWithATitleALabelAndATableAndNoInlineStyle()
    {
        await using var desk = await Desk.CreateAsync();
        await SeedAsync(desk);
        using var secretary = await desk.SecretaryAsync();

        var html = await secretary.GetStringAsync(Path);
        var svg = Regex.Match(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\".*?</svg>", RegexOptions.Singleline).Value;

        Assert.NotEmpty(svg);
        Assert.Contains("aria-label=\"Beslutninger pr. år fordelt på udfald.", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"diagram-titel\">Beslutninger pr. år fordelt på udfald</title>", svg, StringComparison.Ordinal);
        // Two stacked bars: 2024's three decisions fill the plot's 196 units, each of 2025's two a third of it.
        Assert.Equal(4, Regex.Matches(svg, "<rect ").Count);
        Assert.Contains("height=\"130.7\"", Stack(svg, "2024"), StringComparison.Ordinal);
        Assert.Contains("height=\"65.3\"", Stack(svg, "2024"), StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(Stack(svg, "2025"), "height=\"65.3\"").Count);
        Assert.Contains("id=\"beslutninger-tabel\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("href=\"/sekretariat/cf/opfoelgning\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheForumsMembersSecretariesAndAdministratorsOpenTheDashboard()
    {
        await using var desk = await Desk.CreateAsync();
        await SeedAsync(desk);
        var app = desk.App;
        var readers = new (string Name, HttpClient Client, string Expected)[]
        {
            ("anonym", app.CreateBrowserClient(), "sign-in"),
            ("medarbejder", await app.SignInAsNewUserAsync("ansat@example.test"), "403"),
            ("forfatter", await app.SignInAsNewUserAsync("forfatter@example.test", SystemRoles.Author), "403"),
            ("medlem af DF", await app.SignInAsNewUserAsync("df@example.test", null, ("DF", ForumRole.Member)), "403"),
            ("sekretær for DF", await app.SignInAsNewUserAsync("dfsek@example.test", null, ("DF", ForumRole.Secretary)), "403"),
            ("medlem af CF", await app.SignInAsNewUserAsync("medlem@example.test", null, ("CF", ForumRole.Member)), "200"),
            ("sekretær for CF", await desk.SecretaryAsync(), "200"),
            ("administrator", await app.SignInAsNewUserAsync("admin@example.test", SystemRoles.Administrator), "200"),
        };

        foreach (var (name, client, expected) in readers)
        {
            var response = await client.GetAsync(Path);
            var actual = response.StatusCode switch
            {
                HttpStatusCode.OK => "200",
                HttpStatusCode.Forbidden => "403",
                HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/konto/log-ind", StringComparison.Ordinal) => "sign-in",
                var other => ((int)other).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            Assert.True(expected == actual, $"{name}: expected {expected}, got {actual}");
            var unknown = await client.GetAsync("/forum/zz/overblik");
            Assert.True(unknown.StatusCode == (name == "anonym" ? HttpStatusCode.Redirect : HttpStatusCode.NotFound), $"{name} on an unknown forum: {unknown.StatusCode}");
            var forumPage = await client.GetStringAsync("/cf");
            Assert.True((expected == "200") == forumPage.Contains($"href=\"{Path}\"", StringComparison.Ordinal), $"{name}: the forum page's link to the dashboard");
            client.Dispose();
        }
    }

    /// <summary>
    /// CF: minutes of 2024-03-07 (approved) with item 1's approval, two approved items (one closed)
    /// and one noted; minutes of 2025-05-01 (awaiting approval) with one approved, one postponed and
    /// one undecided item. DF: a rejected item. Follow-ups: CF two open (one overdue), one done; DF one.
    /// </summary>
    private static async Task SeedAsync(Desk desk)
    {
        await using var db = await desk.Database.OpenAsync();
        var importer = new MeetingImporter(db);
        await importer.StoreAsync(Minutes("Chefforum", "CF", new DateOnly(2024, 3, 7), approved: true,
            Decided(StandardItems.ApprovalTitle, DecisionOutcome.Approved),
            Decided("Budget", DecisionOutcome.Approved),
            Builders.ClosedItem(Marker, "00.01.00-A00-96-24") with { ForumPrefix = "CF" },
            Decided("Orientering", DecisionOutcome.Noted)));
        await importer.StoreAsync(Minutes("Chefforum", "CF", new DateOnly(2025, 5, 1), approved: false,
            Decided("Strategi", DecisionOutcome.Approved),
            Decided("Model", DecisionOutcome.Postponed),
            Builders.OpenItem("Uden beslutning") with { ForumPrefix = "CF" }));
        await importer.StoreAsync(Minutes("Direktørforum", "DF", new DateOnly(2025, 5, 2), approved: true,
            Decided("DF-sag", DecisionOutcome.Rejected)));

        var service = new FollowUpService(db);
        var cf = await desk.ForumIdAsync("CF");
        var today = FollowUpService.Today(db);
        await service.CreateStandaloneAsync(cf, new FollowUpTerms("Lav den nye model", "Økonomi", null, today.AddDays(-3), null, null));
        await service.CreateStandaloneAsync(cf, new FollowUpTerms("Skriv notatet", "HR", null, null, cf, null));
        var done = await service.CreateStandaloneAsync(cf, new FollowUpTerms("Allerede gjort", "HR", null, today.AddDays(-30), null, null));
        await service.MarkDoneAsync(done.Id, 0);
        await service.CreateStandaloneAsync(await desk.ForumIdAsync("DF"), new FollowUpTerms("Direktørforums egen", "DF", null, today.AddDays(-3), null, null));
    }

    private static ItemContent Decided(string title, DecisionOutcome outcome) =>
        Builders.OpenItem(title) with { ForumPrefix = null, Decision = new Decision(RichText.FromParagraphs(outcome.Danish() + "."), outcome) };

    private static ImportedMeeting Minutes(string forumName, string code, DateOnly date, bool approved, params ItemContent[] items) => new(
        forumName,
        code,
        date,
        new MeetingDetails(new TimeOnly(9, 0), "Mødelokale 1", DocumentKind.Minutes, DocumentTemplate.Standard2016, MinutesApproved: approved),
        items.Select((content, index) => (index + 1, content)).ToList());

    private static string Stack(string svg, string year) =>
        Regex.Match(svg, $"<g>(?:(?!</g>).)*?>{year}</text>\\s*</g>", RegexOptions.Singleline).Value;

    [GeneratedRegex("<t[hd][^>]*>([^<]*)</t[hd]>")]
    private static partial Regex Cell();
}
