using System.Net;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using static Dagsorden.Tests.Web.WorkflowFixture;

namespace Dagsorden.Tests.Web;

/// <summary>The meeting page's list of published versions, each version's own page, and the minutes' approval state.</summary>
public sealed class VersionPagesTests
{
    [Fact]
    public async Task MeetingPageListsTheVersionsNewestFirstWithTheirChanges()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var page = await client.GetStringAsync("/tf/2026-02-05");

        Assert.Contains("<span class=\"label\">Status:</span> Dagsorden offentliggjort</p>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"udgaver\">Udgaver</h2>", page, StringComparison.Ordinal);
        var supplement = page.IndexOf("<a href=\"/tf/2026-02-05/udgave/2\">Tillægsdagsorden 1</a>", StringComparison.Ordinal);
        var first = page.IndexOf("<a href=\"/tf/2026-02-05/udgave/1\">Dagsorden</a>", StringComparison.Ordinal);
        Assert.True(supplement > 0 && first > supplement, "Both versions are listed, the newest first.");
        Assert.Contains("<li>Punkt 4 er tilføjet: TF - Tillægspunkt</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Punkt 2 er nu punkt 3: TF - Budget</li>", page, StringComparison.Ordinal);
        Assert.Matches("offentliggjort [a-zø]+dag d\\. \\d+\\. [a-z]+ \\d{4} kl\\. \\d\\d:\\d\\d", page);
    }

    [Fact]
    public async Task EachVersionShowsAsItWasPublished()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var first = await client.GetStringAsync("/tf/2026-02-05/udgave/1");
        var second = await client.GetStringAsync("/tf/2026-02-05/udgave/2");

        Assert.Contains("<span class=\"label\">Dagsorden</span>, offentliggjort", first, StringComparison.Ordinal);
        Assert.Contains("Punkt 2: TF - Budget</h2>", first, StringComparison.Ordinal);
        Assert.Contains("Punkt 3: Lukket</h2>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Tillægspunkt", first, StringComparison.Ordinal);
        Assert.Contains("Der er kommet en nyere udgave.", first, StringComparison.Ordinal);
        Assert.Contains("<span class=\"label\">Tillægsdagsorden 1</span>, offentliggjort", second, StringComparison.Ordinal);
        Assert.Contains("Punkt 4: TF - Tillægspunkt</h2>", second, StringComparison.Ordinal);
        Assert.Contains("Det er den gældende udgave.", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/tf/2026-02-05/udgave/3", "Mødet har ingen udgave 3. Udgaverne er nummereret 1 til 2.")]
    [InlineData("/tf/2026-02-05/udgave/0", "Mødet har ingen udgave 0.")]
    [InlineData("/tf/2026-02-05/udgave/-1", "Mødet har ingen udgave -1.")]
    [InlineData("/tf/2026-02-05/udgave/99999999999", "Siden findes ikke")]
    [InlineData("/tf/2026-02-05/udgave/abc", "Siden findes ikke")]
    [InlineData("/tf/2026-02-30/udgave/1", "»2026-02-30« er ikke en dato.")]
    [InlineData("/tf/2026-03-05/udgave/1", "Der er intet møde i TF torsdag d. 5. marts 2026.")]
    [InlineData("/xx/2026-02-05/udgave/1", "Der findes intet forum med koden »xx«.")]
    [InlineData("/tf/2025-06-05/udgave/1", "Mødet er ikke udgivet i flere udgaver; se dokumentet på mødets side.")]
    public async Task UnknownVersionIsADanishNotFound(string address, string message)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using (var db = await database.OpenAsync())
            await new MeetingImporter(db).StoreAsync(Builders.Meeting(new DateOnly(2025, 6, 5), Builders.OpenItem("Importeret")));
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportedMeetingShowsItsStoredRowsAndNoVersions()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = await database.OpenAsync())
            await new MeetingImporter(db).StoreAsync(Builders.Meeting(new DateOnly(2025, 6, 5), Builders.OpenItem("Importeret")));
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var page = await client.GetStringAsync("/tf/2025-06-05");

        Assert.Contains("Punkt 1: TF - Importeret</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Status:</span> Referat offentliggjort, afventer godkendelse</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Udgaver", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovedAndCorrectedMinutesShowTheApprovalAndTheReason()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = await database.OpenAsync())
        {
            var forum = new Forum("TF", "Testforum");
            db.Forums.Add(forum);
            await db.SaveChangesAsync();
            var workflow = new MeetingWorkflow(db);

            var first = await workflow.PlanAsync(forum.Id, new DateOnly(2026, 2, 5), new TimeOnly(9, 0), null);
            await workflow.PublishAgendaAsync(first.Id, "Sekretær");
            await DecideAllAsync(workflow, first.Id);
            await workflow.PublishMinutesAsync(first.Id, "Sekretær");

            var second = await workflow.PlanAsync(forum.Id, new DateOnly(2026, 3, 5), new TimeOnly(9, 0), null);
            await workflow.PublishAgendaAsync(second.Id, "Sekretær");
            await DecideAllAsync(workflow, second.Id);

            var evt = (await workflow.LoadAsync(first.Id)).Item(2);
            await workflow.CorrectItemAsync(first.Id, 2, evt.Content with { Decision = Decided("Rettet beslutning.") }, "Beslutningen var skrevet forkert af.", evt.Revision, "Sekretær");
        }

        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var page = await client.GetStringAsync("/tf/2026-02-05");
        var next = await client.GetStringAsync("/tf/2026-03-05");

        Assert.Contains("Status:</span> Referat godkendt på mødet torsdag d. 5. marts 2026</p>", page, StringComparison.Ordinal);
        Assert.Contains(">Rettet referat</a>", page, StringComparison.Ordinal);
        Assert.Contains(">Referat</a>", page, StringComparison.Ordinal);
        Assert.Contains(">Dagsorden</a>", page, StringComparison.Ordinal);
        Assert.Contains("Begrundelse for rettelsen:</span> Beslutningen var skrevet forkert af.", page, StringComparison.Ordinal);
        Assert.Contains("<li>Punkt 2: beslutningen er ændret</li>", page, StringComparison.Ordinal);
        Assert.Contains("Rettet beslutning.", page, StringComparison.Ordinal);
        Assert.Contains("Status:</span> Dagsorden offentliggjort</p>", next, StringComparison.Ordinal);

        // The second meeting's decisions are recorded but its minutes unpublished: they show nowhere.
        Assert.DoesNotContain("Besluttet.", next, StringComparison.Ordinal);
    }

    private static Decision Decided(string text) => new(RichText.FromParagraphs(text), DecisionOutcome.Approved);

    private static async Task DecideAllAsync(MeetingWorkflow workflow, int meetingId)
    {
        foreach (var item in (await workflow.LoadAsync(meetingId)).Items)
            await workflow.RecordDecisionAsync(meetingId, item.Number, Decided("Besluttet."), item.Revision);
    }
}
