using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Privacy;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Dagsorden.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Privacy;

/// <summary>
/// A name the secretary leaves out of an item's public version reaches no public surface (page, PDF,
/// DOCX, search and its snippets, OParl, Atom), while the forum's members read the item whole.
/// </summary>
public sealed class RedactionTests
{
    private const string Name = "Kirsten Kviksølv";
    private const string Surname = "Kviksølv";
    private const string Meeting = "/tf/2026-09-03";

    [Fact]
    public async Task ARedactedNameReachesNoPublicSurfaceButMembersReadIt()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await PublishedWithRedactionAsync(database);
        await using var app = new TestApp(database);
        using var readers = await WorkflowFixture.ReadersAsync(app);

        string[] surfaces =
        [
            Meeting, Meeting + "/punkt/2", Meeting + ".pdf", Meeting + ".docx", Meeting + "/udgave/1", Meeting + "/udgave/2",
            "/soeg?q=arbejdsgruppe", "/soeg?q=kantine", "/tf/dokumenter.atom",
            "/oparl/v1/body/1/agendaitems", "/oparl/v1/body/1/papers", "/oparl/v1/body/1/files", "/oparl/v1/body/1/meetings",
        ];
        foreach (var (reader, client) in readers.Public)
        {
            foreach (var address in surfaces)
            {
                var response = await client.GetAsync(address);
                var text = await UnpublishedContentTests.TextAsync(response);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reader} {address}: {response.StatusCode}");
                Assert.False(text.Contains(Surname, StringComparison.OrdinalIgnoreCase), $"{reader} reads the redacted name on {address}");
            }

            var item = await client.GetStringAsync(Meeting + "/punkt/2");
            Assert.Contains("Arbejdsgruppe: [navn udeladt] og Ole Olsen", item, StringComparison.Ordinal);
            var snippet = await client.GetStringAsync("/soeg?q=arbejdsgruppe");
            Assert.Contains("[navn udeladt]", snippet, StringComparison.Ordinal);

            // The search box repeats the query, so the name's own search is checked by its count.
            Assert.Contains("0 punkter fundet", await client.GetStringAsync("/soeg?q=" + Uri.EscapeDataString(Surname)), StringComparison.Ordinal);
        }

        foreach (var (reader, client) in readers.Members)
        {
            var item = await client.GetStringAsync(Meeting + "/punkt/2");
            Assert.True(item.Contains("Arbejdsgruppe: " + Name + " og Ole Olsen", StringComparison.Ordinal), $"{reader} does not read the item whole");
            Assert.Contains("Bilag om " + Name, await UnpublishedContentTests.TextAsync(await client.GetAsync(Meeting + ".docx")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EachVersionKeepsTheRedactionsItWasPublishedWith()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = await database.OpenAsync())
        {
            var meetingId = await CprPublishingTests.PlannedMeetingAsync(db, Item());
            var workflow = new MeetingWorkflow(db);
            await workflow.PublishAgendaAsync(meetingId, "Sekretær");
            await workflow.SetPublicRedactionsAsync(meetingId, 2, [Name], (await workflow.LoadAsync(meetingId)).Item(2).Revision, "Sekretær");
            await workflow.PublishAgendaAsync(meetingId, "Sekretær");
        }

        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        Assert.Contains(Name, await client.GetStringAsync(Meeting + "/udgave/1"), StringComparison.Ordinal);
        Assert.DoesNotContain(Surname, await client.GetStringAsync(Meeting + "/udgave/2"), StringComparison.Ordinal);
        Assert.DoesNotContain(Surname, await client.GetStringAsync(Meeting), StringComparison.Ordinal);
        Assert.Contains("Punkt 2: navnene, der udelades i den offentlige udgave, er ændret", await client.GetStringAsync(Meeting), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicSearchRowsHoldNoRedactedNameAfterARebuild(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await PublishedWithRedactionAsync(database);
        await using var db = await database.OpenAsync();

        await SearchIndexes.RebuildAsync(db);

        var index = SearchIndexes.For(db);
        Assert.Equal(0, (await index.SearchAsync(new SearchRequest { Text = Surname }, SearchAccess.Public)).Total);
        var hits = await index.SearchAsync(new SearchRequest { Text = "arbejdsgruppe" }, SearchAccess.Public);
        Assert.Contains(Redactions.Marker, Highlighter.PlainText(Assert.Single(hits.Hits).Snippet), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSecretarySavesTheNamesInTheItemEditor()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int meetingId;
        await using (var db = await database.OpenAsync())
            meetingId = await CprPublishingTests.PlannedMeetingAsync(db, Item());
        await using var app = new TestApp(database);
        using var secretary = await app.SignInAsNewUserAsync("sekretaer@example.test", null, ("TF", ForumRole.Secretary));
        var editor = $"/sekretariat/moeder/{meetingId}/punkt/2/rediger";

        var page = await secretary.GetStringAsync(editor);
        Assert.Contains("<label for=\"navne-felt\">Navne, der udelades i den offentlige udgave</label>", page, StringComparison.Ordinal);

        var response = await TestApp.PostFormAsync(secretary, editor + "?handler=Navne", new() { ["navne"] = $" {Name} \r\n\r\nOle Olsen\r\n{Name}", ["navne-revision"] = await RevisionAsync(database, meetingId) }, editor);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Name, "Ole Olsen"], await RedactionsAsync(database, meetingId));
        var saved = System.Net.WebUtility.HtmlDecode(await secretary.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("Navnene er gemt. De udelades i den offentlige udgave, når mødet offentliggøres.", saved, StringComparison.Ordinal);
        Assert.Contains($">{Name}\nOle Olsen</textarea>", saved, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x", "0", "»x« er for kort til at udelade; skriv hele navnet.")]
    [InlineData("LONG", "0", "er 201 tegn lang; et navn må højst være 200 tegn.")]
    [InlineData("MANY", "0", "Der kan højst udelades 100 navne pr. punkt; du skrev 101.")]
    [InlineData("Ole Olsen", "abc", "Siden var forældet, så navnene er ikke gemt.")]
    [InlineData("Ole Olsen", "", "Siden var forældet, så navnene er ikke gemt.")]
    [InlineData("Ole Olsen", "-1", "Siden var forældet, så navnene er ikke gemt.")]
    [InlineData("Ole Olsen", "999", "er blevet ændret af en anden")]
    public async Task BadNamesAreRefusedWithADanishMessageAndNothingIsSaved(string names, string revision, string message)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int meetingId;
        await using (var db = await database.OpenAsync())
            meetingId = await CprPublishingTests.PlannedMeetingAsync(db, Item());
        await using var app = new TestApp(database);
        using var secretary = await app.SignInAsNewUserAsync("sekretaer@example.test", null, ("TF", ForumRole.Secretary));
        var editor = $"/sekretariat/moeder/{meetingId}/punkt/2/rediger";
        var posted = names switch
        {
            "LONG" => new string('a', 201),
            "MANY" => string.Join('\n', Enumerable.Range(1, 101).Select(i => "Navn " + i)),
            _ => names,
        };
        if (revision == "0")
            revision = await RevisionAsync(database, meetingId);

        var response = await TestApp.PostFormAsync(secretary, editor + "?handler=Navne", new() { ["navne"] = posted, ["navne-revision"] = revision }, editor);

        var page = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Navnene er ikke gemt.", page, StringComparison.Ordinal);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Empty(await RedactionsAsync(database, meetingId));
    }

    [Fact]
    public async Task RedactingApprovedMinutesPublishesANewVersionAtOnce()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var meetingId = await CprPublishingTests.ApprovedMinutesAsync(db);
        var workflow = new MeetingWorkflow(db);

        await workflow.SetPublicRedactionsAsync(meetingId, 2, ["Klagesag"], (await workflow.LoadAsync(meetingId)).Item(2).Revision, "Sekretær");

        var versions = await workflow.VersionsAsync(meetingId);
        Assert.Equal(3, versions.Count);
        Assert.Equal("Personoplysninger er udeladt af den offentlige udgave af punkt 2.", versions[^1].CorrectionReason);
        Assert.Equal(["Klagesag"], versions[^1].Snapshot.Items.Single(i => i.Number == 2).PublicRedactions);
        Assert.Null(versions[^2].Snapshot.Items.Single(i => i.Number == 2).PublicRedactions);
    }

    [Fact]
    public async Task TheSecretarySeesWhyTheAgendaWasNotPublishedOnTheBuilder()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int meetingId;
        await using (var db = await database.OpenAsync())
            meetingId = await CprPublishingTests.PlannedMeetingAsync(db, Builders.OpenItem("Klagesag", body: "Borgeren 120345-6789 klager."));
        await using var app = new TestApp(database);
        using var secretary = await app.SignInAsNewUserAsync("sekretaer@example.test", null, ("TF", ForumRole.Secretary));
        var builder = $"/sekretariat/moeder/{meetingId}";
        string revision;
        await using (var db = await database.OpenAsync())
            revision = (await db.Meetings.SingleAsync(m => m.Id == meetingId)).Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await TestApp.PostFormAsync(secretary, builder + "?handler=Publish", new() { ["revision"] = revision }, builder);

        var page = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Punkt 2, Sagsfremstilling, indeholder et CPR-nummer (12****-****). Fjern det, før mødet offentliggøres.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("120345-6789", page.Replace("Borgeren 120345-6789 klager.", "", StringComparison.Ordinal), StringComparison.Ordinal);
        await using (var db = await database.OpenAsync())
            Assert.Equal(MeetingStatus.Planned, (await db.Meetings.SingleAsync(m => m.Id == meetingId)).Status);
    }

    /// <summary>Item 2 with the name in its title, text, recommendation and an attachment's title.</summary>
    private static ItemContent Item() => Builders.OpenItem($"Arbejdsgruppe om kantinen ({Name})", "00.01.00-A00-7-26", $"Arbejdsgruppe: {Name} og Ole Olsen.") with
    {
        Sections =
        [
            new SectionContent(SectionKind.Text, "Sagsfremstilling", RichText.FromParagraphs($"Arbejdsgruppe: {Name} og Ole Olsen.")),
            new SectionContent(SectionKind.Recommendation, "Indstilling", RichText.Empty),
            new SectionContent(SectionKind.Decision, "Beslutning", RichText.Empty),
            new SectionContent(SectionKind.Attachments, "Bilag", RichText.Empty),
        ],
        Recommendation = new Recommendation("Direktøren indstiller,", null, RichText.FromParagraphs($"at {Name} leder gruppen")),
        Attachments = [new AttachmentContent($"Bilag om {Name}", true, CprPublishingTests.File("Kantinens regnskab"))],
    };

    /// <summary>TF 2026-09-03: item 2 with the name redacted, the agenda published, then the minutes with the name in the decision.</summary>
    private static async Task PublishedWithRedactionAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var meetingId = await CprPublishingTests.PlannedMeetingAsync(db, Item());
        var workflow = new MeetingWorkflow(db);
        await workflow.SetPublicRedactionsAsync(meetingId, 2, [Name], (await workflow.LoadAsync(meetingId)).Item(2).Revision, "Sekretær");
        await workflow.PublishAgendaAsync(meetingId, "Sekretær");
        await CprPublishingTests.DecideAllAsync(workflow, meetingId, "Godkendt.");
        var decision = new Decision(RichText.FromParagraphs($"Godkendt; {Name} leder kantinegruppen."), DecisionOutcome.Approved);
        await workflow.RecordDecisionAsync(meetingId, 2, decision, (await workflow.LoadAsync(meetingId)).Item(2).Revision);
        await workflow.PublishMinutesAsync(meetingId, "Sekretær");
    }

    private static async Task<string> RevisionAsync(TestDatabase database, int meetingId)
    {
        await using var db = await database.OpenAsync();
        var item = await db.Items.SingleAsync(i => i.MeetingId == meetingId && i.Number == 2);
        return item.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<string>> RedactionsAsync(TestDatabase database, int meetingId)
    {
        await using var db = await database.OpenAsync();
        return (await db.Items.SingleAsync(i => i.MeetingId == meetingId && i.Number == 2)).PublicRedactions;
    }
}
