using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Secretariat;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.FollowUps;

/// <summary>The secretaries' follow-up pages and the agenda builder's follow-ups, through the real forms.</summary>
public sealed partial class FollowUpPagesTests
{
    private const string ListPath = "/sekretariat/cf/opfoelgning";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task ASecretaryFollowsUpADecidedItemEditsItAndClosesIt()
    {
        await using var desk = await Desk.CreateAsync();
        var seeded = await SeedAsync(desk);
        using var client = await desk.SecretaryAsync();

        Assert.Contains($"href=\"{ListPath}\">Opfølgning på beslutninger</a>", await client.GetStringAsync("/sekretariat"), StringComparison.Ordinal);
        var minutes = await client.GetStringAsync(Desk.MinutesPath(seeded.DecidedMeetingId));
        var link = $"{ListPath}?punkt={seeded.DecidedItemId.ToString(CultureInfo.InvariantCulture)}";
        Assert.Contains($"href=\"{link}#ny\">Opret opfølgning", minutes, StringComparison.Ordinal);
        Assert.DoesNotContain($"?punkt={seeded.UndecidedItemId.ToString(CultureInfo.InvariantCulture)}", minutes, StringComparison.Ordinal);
        var form = await client.GetStringAsync(link);
        Assert.Contains("Udspringer af", form, StringComparison.Ordinal);
        Assert.Contains("punkt 2: CF - Budgetmodel", form, StringComparison.Ordinal);

        var created = await TestApp.PostFormAsync(client, link, Fields(("punkt", seeded.DecidedItemId.ToString(CultureInfo.InvariantCulture)), ("frist", "2099-10-22")), link);
        Desk.AssertRedirect(created);
        var list = await client.GetStringAsync(ListPath);
        Assert.Contains("Opfølgningen er oprettet.", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Fristen ligger før i dag", list, StringComparison.Ordinal);
        Assert.Contains("senest 22-10-2099", list, StringComparison.Ordinal);
        var id = await SingleFollowUpIdAsync(desk);
        var editPath = $"{ListPath}/{id.ToString(CultureInfo.InvariantCulture)}";
        Assert.Contains($"href=\"{editPath}\">Fremlæg modellen igen</a>", list, StringComparison.Ordinal);

        Desk.AssertRedirect(await TestApp.PostFormAsync(client, editPath, Fields(("tekst", "Fremlæg den reviderede model"), ("frist", ""), ("moede", Text(seeded.NextMeetingId)), ("revision", "0")), editPath));
        var stored = await FollowUpAsync(desk, id);
        Assert.Equal("Fremlæg den reviderede model", stored.Text);
        Assert.Equal(seeded.NextMeetingId, stored.TargetMeetingId);
        Assert.Equal(await desk.ForumIdAsync(), stored.TargetForumId);

        Desk.AssertRedirect(await TestApp.PostFormAsync(client, editPath + "?handler=Done", new() { ["revision"] = "1" }, editPath));
        Assert.Equal(FollowUpStatus.Done, (await FollowUpAsync(desk, id)).Status);
        Assert.Contains("Opfølgningen er markeret som udført.", await client.GetStringAsync(editPath), StringComparison.Ordinal);
        Desk.AssertRedirect(await TestApp.PostFormAsync(client, editPath + "?handler=Reopen", new() { ["revision"] = "2" }, editPath));
        Desk.AssertRedirect(await TestApp.PostFormAsync(client, editPath + "?handler=Cancel", new() { ["revision"] = "3" }, editPath));
        Assert.Equal(FollowUpStatus.Cancelled, (await FollowUpAsync(desk, id)).Status);
        Assert.Contains("Afsluttede opfølgninger", await client.GetStringAsync(ListPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFollowUpWithADueDateInThePastIsCreatedWithAClearWarning()
    {
        await using var desk = await Desk.CreateAsync();
        await SeedAsync(desk);
        using var client = await desk.SecretaryAsync();

        var response = await TestApp.PostFormAsync(client, ListPath, Fields(("frist", "2001-02-03")));
        Desk.AssertRedirect(response);
        var list = await client.GetStringAsync(ListPath);

        Assert.Contains("<p class=\"notice warning\" role=\"status\">Opfølgningen er oprettet. Fristen ligger før i dag (03-02-2001)", list, StringComparison.Ordinal);
        Assert.Contains("Overskredet", list, StringComparison.Ordinal);
        Assert.Contains("Oprettet uden for et punkt", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadValuesInTheNewFollowUpFormAreRefusedNamingTheFieldAndNothingIsStored()
    {
        await using var desk = await Desk.CreateAsync();
        var seeded = await SeedAsync(desk);
        using var client = await desk.SecretaryAsync();
        (Dictionary<string, string> Fields, HttpStatusCode Status, string Message)[] cases =
        [
            (Fields(("tekst", "   ")), HttpStatusCode.BadRequest, "Skriv, hvad der skal følges op på."),
            (Fields(("tekst", new string('x', FollowUp.MaxTextLength + 1))), HttpStatusCode.BadRequest, "højst 2000 tegn"),
            (Fields(("ansvarlig", "")), HttpStatusCode.BadRequest, "Skriv, hvem der er ansvarlig"),
            (Fields(("ansvarlig", new string('x', 201))), HttpStatusCode.BadRequest, "højst 200 tegn"),
            (Fields(("email", "ikke-en-adresse")), HttpStatusCode.BadRequest, "»ikke-en-adresse« er ikke en e-mailadresse."),
            (Fields(("email", "a@b.dk, c@d.dk")), HttpStatusCode.BadRequest, "er ikke en e-mailadresse"),
            (Fields(("frist", "22. oktober")), HttpStatusCode.BadRequest, "»22. oktober« er ikke en dato. Skriv fristen som år-måned-dag"),
            (Fields(("frist", "2026-02-30")), HttpStatusCode.BadRequest, "»2026-02-30« er ikke en dato."),
            (Fields(("frist", "0001-01-01")), HttpStatusCode.BadRequest, "er ikke en dato"),
            (Fields(("frist", "")), HttpStatusCode.BadRequest, "Angiv en frist, eller vælg det forum eller møde"),
            (Fields(("forum", "abc")), HttpStatusCode.BadRequest, "Vælg forummet på listen."),
            (Fields(("forum", "987654")), HttpStatusCode.BadRequest, "Vælg forummet på listen."),
            (Fields(("moede", "987654")), HttpStatusCode.BadRequest, "Vælg mødet på listen."),
            (Fields(("forum", Text(await desk.ForumIdAsync("DF"))), ("moede", Text(seeded.NextMeetingId))), HttpStatusCode.BadRequest, "Det valgte møde hører ikke til det valgte forum."),
            (Fields(("punkt", Text(seeded.UndecidedItemId))), HttpStatusCode.NotFound, ""),
            (Fields(("punkt", Text(seeded.DfItemId))), HttpStatusCode.NotFound, ""),
            (Fields(("punkt", "987654")), HttpStatusCode.NotFound, ""),
            (Fields(("punkt", "to")), HttpStatusCode.NotFound, ""),
        ];

        foreach (var (fields, status, message) in cases)
        {
            var response = await TestApp.PostFormAsync(client, ListPath, fields);
            var html = await response.Content.ReadAsStringAsync();
            var what = string.Join(", ", fields.Select(f => f.Key + "=" + f.Value[..Math.Min(f.Value.Length, 20)]));
            Assert.True(response.StatusCode == status, $"{what}: {(int)response.StatusCode}");
            Assert.Contains(message, html, StringComparison.Ordinal);
            if (status == HttpStatusCode.BadRequest)
            {
                Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
                // What the secretary wrote is offered again.
                Assert.Contains($"name=\"ansvarlig\" value=\"{fields["ansvarlig"]}\"", html, StringComparison.Ordinal);
            }
        }

        await using var db = await desk.Database.OpenAsync();
        Assert.Equal(0, await db.FollowUps.CountAsync());
    }

    [Fact]
    public async Task BadValuesOnTheEditPageAreRefusedAndTheFollowUpIsUnchanged()
    {
        await using var desk = await Desk.CreateAsync();
        await SeedAsync(desk);
        using var client = await desk.SecretaryAsync();
        int dfFollowUp;
        await using (var db = await desk.Database.OpenAsync())
        {
            dfFollowUp = (await new FollowUpService(db).CreateStandaloneAsync(await desk.ForumIdAsync("DF"), new FollowUpTerms("DF's", "DF", null, Today.AddDays(30), null, null))).Id;
        }

        Desk.AssertRedirect(await TestApp.PostFormAsync(client, ListPath, Fields()));
        var id = (await FollowUpIdsAsync(desk)).Single(i => i != dfFollowUp);
        var editPath = $"{ListPath}/{Text(id)}";
        (string Url, Dictionary<string, string> Fields, HttpStatusCode Status, string Message)[] cases =
        [
            (editPath, Fields(("tekst", ""), ("revision", "0")), HttpStatusCode.BadRequest, "Skriv, hvad der skal følges op på."),
            (editPath, Fields(("email", "@"), ("revision", "0")), HttpStatusCode.BadRequest, "er ikke en e-mailadresse"),
            (editPath, Fields(("frist", "i morgen"), ("revision", "0")), HttpStatusCode.BadRequest, "»i morgen« er ikke en dato."),
            (editPath, Fields(("revision", "7")), HttpStatusCode.Conflict, "Opfølgningen er blevet ændret af en anden"),
            (editPath, Fields(("revision", "nul")), HttpStatusCode.Conflict, "Formularen manglede oplysning"),
            (editPath, Fields(("revision", "")), HttpStatusCode.Conflict, "Formularen manglede oplysning"),
            (editPath + "?handler=Done", new() { ["revision"] = "5" }, HttpStatusCode.Conflict, "Opfølgningen er blevet ændret af en anden"),
            (editPath + "?handler=Cancel", new() { ["revision"] = "x" }, HttpStatusCode.Conflict, "Formularen manglede oplysning"),
            (editPath + "?handler=Reopen", new() { ["revision"] = "0" }, HttpStatusCode.BadRequest, "Opfølgningen er allerede åben."),
            ($"{ListPath}/{Text(dfFollowUp)}", Fields(("revision", "0")), HttpStatusCode.NotFound, ""),
            ($"{ListPath}/{Text(dfFollowUp)}?handler=Done", new() { ["revision"] = "0" }, HttpStatusCode.NotFound, ""),
            ($"{ListPath}/987654", Fields(("revision", "0")), HttpStatusCode.NotFound, ""),
            ("/sekretariat/zz/opfoelgning", Fields(), HttpStatusCode.NotFound, ""),
        ];

        foreach (var (url, fields, status, message) in cases)
        {
            var response = await TestApp.PostFormAsync(client, url, fields, editPath);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{url} {string.Join(", ", fields)}: {(int)response.StatusCode}");
            Assert.Contains(message, html, StringComparison.Ordinal);
        }

        var stored = await FollowUpAsync(desk, id);
        Assert.Equal((0, FollowUpStatus.Open, "Fremlæg modellen igen"), (stored.Revision, stored.Status, stored.Text));
        Assert.Equal((0, FollowUpStatus.Open), ((await FollowUpAsync(desk, dfFollowUp)).Revision, (await FollowUpAsync(desk, dfFollowUp)).Status));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{ListPath}/{Text(dfFollowUp)}")).StatusCode);
    }

    [Fact]
    public async Task AFollowUpShownOnTheBuilderBecomesAnItemAndClosesWhenTheItemIsDecided()
    {
        await using var desk = await Desk.CreateAsync();
        var seeded = await SeedAsync(desk);
        using var client = await desk.SecretaryAsync();
        var link = $"{ListPath}?punkt={Text(seeded.DecidedItemId)}";
        Desk.AssertRedirect(await TestApp.PostFormAsync(client, link, Fields(("punkt", Text(seeded.DecidedItemId)), ("frist", ""), ("moede", Text(seeded.NextMeetingId))), link));
        Desk.AssertRedirect(await TestApp.PostFormAsync(client, ListPath, Fields(("tekst", "Senere sag"), ("frist", Today.AddYears(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))));
        var ids = await FollowUpIdsAsync(desk);
        var (followUpId, laterId) = (ids[0], ids[1]);

        var builder = await client.GetStringAsync(Desk.BuilderPath(seeded.NextMeetingId));
        Assert.Contains("Opfølgninger til mødet", builder, StringComparison.Ordinal);
        Assert.Contains("Fremlæg modellen igen", builder, StringComparison.Ordinal);
        Assert.DoesNotContain("Senere sag", builder, StringComparison.Ordinal);

        // Bad values first: nothing is queued.
        (string FollowUp, string Version, HttpStatusCode Status, string Message)[] cases =
        [
            (Text(laterId), "0", HttpStatusCode.BadRequest, "Opfølgningen er ikke (længere) åben til dette møde."),
            ("987654", "0", HttpStatusCode.BadRequest, "Opfølgningen er ikke (længere) åben til dette møde."),
            ("en", "0", HttpStatusCode.BadRequest, "Opfølgningen er ikke (længere) åben til dette møde."),
            (Text(followUpId), "9", HttpStatusCode.Conflict, "Opfølgningen er blevet ændret af en anden"),
            (Text(followUpId), "", HttpStatusCode.Conflict, "Formularen manglede oplysning"),
        ];
        foreach (var (followUp, version, status, message) in cases)
        {
            var refused = await TestApp.PostFormAsync(client, Desk.BuilderPath(seeded.NextMeetingId) + "?handler=FollowUp", new() { ["opfoelgning"] = followUp, ["version"] = version }, Desk.BuilderPath(seeded.NextMeetingId));
            Assert.True(refused.StatusCode == status, $"{followUp}/{version}: {(int)refused.StatusCode}");
            Assert.Contains(message, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty(await DraftIdsAsync(desk));

        Desk.AssertRedirect(await TestApp.PostFormAsync(client, Desk.BuilderPath(seeded.NextMeetingId) + "?handler=FollowUp", new() { ["opfoelgning"] = Text(followUpId), ["version"] = "0" }, Desk.BuilderPath(seeded.NextMeetingId)));
        var draftId = Assert.Single(await DraftIdsAsync(desk));
        builder = await client.GetStringAsync(Desk.BuilderPath(seeded.NextMeetingId));
        Assert.Contains("Opfølgningen er sat i køen som et punkt.", builder, StringComparison.Ordinal);
        Assert.Contains("CF - Opfølgning: Fremlæg modellen igen", builder, StringComparison.Ordinal);
        Assert.Contains("Sat i køen som punkt", builder, StringComparison.Ordinal);

        Desk.AssertRedirect(await Desk.PlaceAsync(client, seeded.NextMeetingId, draftId));
        Desk.AssertRedirect(await Desk.PublishAgendaAsync(client, seeded.NextMeetingId));
        var meeting = await desk.LoadAsync(seeded.NextMeetingId);
        var item = meeting.Items.Single(i => i.Title == "Opfølgning: Fremlæg modellen igen");
        Assert.Equal(FollowUpBench.Case, item.CaseNumber?.Value);
        Assert.Equal(FollowUpStatus.Open, (await FollowUpAsync(desk, followUpId)).Status);

        Desk.AssertRedirect(await Desk.DecideAsync(client, seeded.NextMeetingId, item.Number, "Approved", "Modellen er godkendt."));

        Assert.Equal(FollowUpStatus.Done, (await FollowUpAsync(desk, followUpId)).Status);
        Assert.Equal(FollowUpStatus.Open, (await FollowUpAsync(desk, laterId)).Status);
        Assert.Contains("Ingen åbne opfølgninger har frist til dette møde.", await client.GetStringAsync(Desk.BuilderPath(seeded.NextMeetingId)), StringComparison.Ordinal);
    }

    internal static Dictionary<string, string> Fields(params (string Key, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["tekst"] = "Fremlæg modellen igen",
            ["ansvarlig"] = "Økonomi og Stab",
            ["email"] = "oes@example.test",
            ["frist"] = "2099-01-01",
            ["forum"] = "",
            ["moede"] = "",
        };
        foreach (var (key, value) in overrides)
            fields[key] = value;
        return fields;
    }

    internal static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// CF met a week ago (agenda published): item 2 "Budgetmodel" (case <see cref="FollowUpBench.Case"/>)
    /// decided, item 3 undecided. CF meets again in two weeks; DF has a decided item of its own.
    /// </summary>
    internal static async Task<Seeded> SeedAsync(Desk desk)
    {
        await using var db = await desk.Database.OpenAsync();
        var workflow = new MeetingWorkflow(db);
        var cf = await desk.ForumIdAsync("CF");
        var df = await desk.ForumIdAsync("DF");
        var decided = await workflow.PlanAsync(cf, Today.AddDays(-7), null, null);
        await PlaceAsync(db, decided.Id, Builders.OpenItem("Budgetmodel", FollowUpBench.Case) with { ForumPrefix = "CF" });
        await PlaceAsync(db, decided.Id, Builders.OpenItem("Uafklaret") with { ForumPrefix = "CF" });
        await workflow.PublishAgendaAsync(decided.Id, "Sekretær");
        var meeting = await workflow.LoadAsync(decided.Id);
        await workflow.RecordDecisionAsync(decided.Id, 2, new Decision(RichText.FromParagraphs("Godkendt. Modellen fremlægges for chefforum igen."), DecisionOutcome.Approved), meeting.Item(2).Revision);
        var next = await workflow.PlanAsync(cf, Today.AddDays(14), null, null);

        var dfMeeting = await workflow.PlanAsync(df, Today.AddDays(-7), null, null);
        await PlaceAsync(db, dfMeeting.Id, Builders.OpenItem("DF-sag") with { ForumPrefix = "DF" });
        await workflow.PublishAgendaAsync(dfMeeting.Id, "Sekretær");
        var dfLoaded = await workflow.LoadAsync(dfMeeting.Id);
        await workflow.RecordDecisionAsync(dfMeeting.Id, 2, new Decision(RichText.FromParagraphs("Godkendt."), DecisionOutcome.Approved), dfLoaded.Item(2).Revision);

        meeting = await workflow.LoadAsync(decided.Id);
        dfLoaded = await workflow.LoadAsync(dfMeeting.Id);
        return new Seeded(decided.Id, meeting.Item(2).Id, meeting.Item(3).Id, next.Id, dfLoaded.Item(2).Id);
    }

    private static async Task PlaceAsync(Core.Storage.DagsordenDbContext db, int meetingId, ItemContent content) =>
        await Web.WorkflowFixture.PlaceAsync(db, meetingId, content);

    private static async Task<int> SingleFollowUpIdAsync(Desk desk) => Assert.Single(await FollowUpIdsAsync(desk));

    private static async Task<List<int>> FollowUpIdsAsync(Desk desk)
    {
        await using var db = await desk.Database.OpenAsync();
        return await db.FollowUps.OrderBy(f => f.Id).Select(f => f.Id).ToListAsync();
    }

    private static async Task<List<int>> DraftIdsAsync(Desk desk)
    {
        await using var db = await desk.Database.OpenAsync();
        var drafts = await db.ItemDrafts.AsNoTracking().ToListAsync();
        return drafts.Where(d => d.Content.Title.StartsWith("Opfølgning", StringComparison.Ordinal)).Select(d => d.Id).ToList();
    }

    private static async Task<FollowUp> FollowUpAsync(Desk desk, int id)
    {
        await using var db = await desk.Database.OpenAsync();
        return await db.FollowUps.AsNoTracking().SingleAsync(f => f.Id == id);
    }

    internal sealed record Seeded(int DecidedMeetingId, int DecidedItemId, int UndecidedItemId, int NextMeetingId, int DfItemId);
}
