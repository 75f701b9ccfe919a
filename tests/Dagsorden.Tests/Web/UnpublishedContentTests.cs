using System.Net;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using static Dagsorden.Tests.Web.WorkflowFixture;

namespace Dagsorden.Tests.Web;

/// <summary>Planned meetings and the edits made since a meeting's last published version reach no page or download.</summary>
public sealed class UnpublishedContentTests
{
    // Every page and download that could show TF's meetings or the shared case's items.
    private static readonly string[] Surfaces =
    [
        "/", "/tf", "/tf/2026", "/tf/2026-02-05", "/tf/2026-02-05/punkt/3", "/tf/2026-02-05/punkt/5",
        "/tf/2026-02-05/udgave/1", "/tf/2026-02-05/udgave/2", "/tf/2026-02-05.docx", "/tf/2026-02-05.pdf",
        "/soeg?q=planlagt+r5j", "/soeg?q=udkast+h3m", "/soeg?q=plan", "/soeg?q=tekst", "/soeg?q=budget",
    ];

    [Fact]
    public async Task PlannedMeetingAndUnpublishedEditsShowOnNoPageForAnyReader()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var readers = await ReadersAsync(app);

        foreach (var (name, client) in readers.All)
        {
            foreach (var address in Surfaces)
            {
                var response = await client.GetAsync(address);
                var text = await TextAsync(response);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name} {address}: {response.StatusCode}");
                Assert.False(text.Contains(PlanMarker, StringComparison.Ordinal), $"{name} sees the planned item on {address}");
                Assert.False(text.Contains(EditMarker, StringComparison.Ordinal), $"{name} sees an unpublished edit on {address}");
            }

            // The search box repeats the query, so the markers' own searches are checked by their counts.
            foreach (var query in new[] { PlanMarker, EditMarker, "nyt punkt", "ny tekst" })
                Assert.True((await client.GetStringAsync("/soeg?q=" + Uri.EscapeDataString(query))).Contains("0 punkter fundet", StringComparison.Ordinal), $"{name} finds {query}");

            foreach (var address in new[] { "/tf/2026-03-05", "/tf/2026-03-05/punkt/2", "/tf/2026-03-05/udgave/1", "/tf/2026-03-05.pdf", "/tf/2026-03-05.docx", "/tf/2026-02-05/punkt/6" })
            {
                var response = await client.GetAsync(address);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name} {address}: {response.StatusCode}");
                Assert.DoesNotContain(PlanMarker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task PublishedMeetingShowsItsLatestVersionNotTheLiveRows()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var meeting = await client.GetStringAsync("/tf/2026-02-05");
        var budget = await client.GetStringAsync("/tf/2026-02-05/punkt/3");
        var evt = await client.GetStringAsync("/tf/2026-02-05/punkt/5");
        var forum = await client.GetStringAsync("/tf");

        Assert.Contains("Punkt 3: TF - Budget</h2>", meeting, StringComparison.Ordinal);
        Assert.Contains("Punkt 4: TF - Tillægspunkt</h2>", meeting, StringComparison.Ordinal);
        Assert.Contains("Budgettet for året.", budget, StringComparison.Ordinal);
        Assert.Contains("Punkt 5: TF - Evt.</h1>", evt, StringComparison.Ordinal);

        // The live meeting has six items; the year's plan counts the five published.
        Assert.Matches("5. februar 2026</a></td>\\s*<td>kl. 09:00</td>\\s*<td>Dagsorden</td>\\s*<td class=\"number\">5</td>", forum);
    }

    [Fact]
    public async Task PublicForumPagesHaveNoPlannedMeetingNorItsYear()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var readers = await ReadersAsync(app);

        foreach (var (name, client) in readers.Public)
        {
            var forum = await client.GetStringAsync("/tf");
            var year = await client.GetAsync("/tf/2027");
            var front = await client.GetStringAsync("/");

            Assert.True(forum.Contains("<h2>Møder i 2026</h2>", StringComparison.Ordinal), name);
            Assert.False(forum.Contains("5. marts 2026", StringComparison.Ordinal), name);
            Assert.False(forum.Contains("Under forberedelse", StringComparison.Ordinal), name);
            Assert.False(forum.Contains("/tf/2027", StringComparison.Ordinal), name);
            Assert.False(front.Contains("5. marts 2026", StringComparison.Ordinal), name);
            Assert.Equal(HttpStatusCode.NotFound, year.StatusCode);
            Assert.Contains("Testforum har ingen møder i 2027.", await year.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MembersSeePlannedMeetingsOnTheForumPageAndSecretariesALinkToTheBuilder()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var fixture = await SeedAsync(database);
        await using var app = new TestApp(database);
        using var readers = await ReadersAsync(app);

        var member = await readers.Member.GetStringAsync("/tf/2026");
        var secretary = await readers.Secretary.GetStringAsync("/tf/2026");
        var memberNextYear = await readers.Member.GetAsync("/tf/2027");
        var memberMeeting = await readers.Member.GetAsync("/tf/2026-03-05");
        var secretaryMeeting = await readers.Secretary.GetAsync("/tf/2026-03-05");

        Assert.Matches("<td>Torsdag d. 5. marts 2026</td>\\s*<td>kl. 09:00</td>\\s*<td>Under forberedelse</td>", member);
        Assert.DoesNotContain("/sekretariat/moeder/", member, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/sekretariat/moeder/{fixture.PlannedId}\">Torsdag d. 5. marts 2026</a>", secretary, StringComparison.Ordinal);
        Assert.Contains("href=\"/tf/2027\">2027</a>", member, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, memberNextYear.StatusCode);
        Assert.Contains("Rådhuset", await memberNextYear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(memberNextYear.Headers.CacheControl is { NoStore: true, Public: false });

        // The planned meeting's own page stays unpublished for members too; it says why.
        Assert.Equal(HttpStatusCode.NotFound, memberMeeting.StatusCode);
        var memberText = await memberMeeting.Content.ReadAsStringAsync();
        Assert.Contains("Mødet i Testforum torsdag d. 5. marts 2026 er under forberedelse.", memberText, StringComparison.Ordinal);
        Assert.DoesNotContain(PlanMarker, memberText, StringComparison.Ordinal);
        Assert.DoesNotContain("/sekretariat/moeder/", memberText, StringComparison.Ordinal);
        Assert.Contains($"href=\"/sekretariat/moeder/{fixture.PlannedId}\"", await secretaryMeeting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlannedMeetingPageTellsThePublicOnlyThatThereIsNoMeeting()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var readers = await ReadersAsync(app);

        foreach (var (name, client) in readers.Public)
        {
            var text = await (await client.GetAsync("/tf/2026-03-05")).Content.ReadAsStringAsync();
            Assert.True(text.Contains("Der er intet møde i TF torsdag d. 5. marts 2026.", StringComparison.Ordinal), name);
            Assert.False(text.Contains("under forberedelse", StringComparison.Ordinal), name);
        }
    }

    /// <summary>The text a reader gets: a PDF's words, a DOCX's XML, otherwise the body as is.</summary>
    internal static async Task<string> TextAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.Content.Headers.ContentType?.MediaType switch
        {
            "application/pdf" => Documents.DocumentLeakTests.PdfText(bytes),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => Documents.DocumentLeakTests.DocxXml(bytes),
            _ => System.Text.Encoding.UTF8.GetString(bytes),
        };
    }
}
