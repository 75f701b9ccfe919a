using Dagsorden.Core.Accounts;
using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>
/// Takes the README's screenshots of the agenda builder and the item editor from the real app in
/// headless Chromium, and checks on the way that the pages show what the pictures promise.
/// </summary>
public sealed class ReadmeScreenshotsTests
{
    private static string Screenshots => Path.Combine(Repository.Root, "docs", "screenshots");

    [Fact]
    public async Task AgendaBuilderAndItemEditorAreCapturedForTheReadme()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int meetingId;
        await using (var db = await database.OpenAsync())
            meetingId = await SeedAsync(db);
        await using var app = new TestApp(database);
        var address = app.StartOnLoopback();
        await app.AddUserAsync("sekretaer@example.test", null, ("CF", ForumRole.Secretary));
        await using var browser = await BrowserSession.OpenAsync(address, 1280, 1000);
        await browser.SignInAsync("sekretaer@example.test", TestApp.Password);

        await browser.Page.GotoAsync($"/sekretariat/moeder/{meetingId}");
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Chefforum");
        await Assertions.Expect(browser.Page.GetByText("Ny model for mødebooking").First).ToBeVisibleAsync();
        Directory.CreateDirectory(Screenshots);
        await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "dagsordensbygger.png"), FullPage = true });

        await browser.Page.GotoAsync($"/sekretariat/moeder/{meetingId}/punkt/2/rediger");
        await Assertions.Expect(browser.Page.GetByLabel("Titel", new() { Exact = true })).ToHaveValueAsync("Ny model for mødebooking");
        await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "punkteditor.png"), FullPage = true });

        Assert.True(new FileInfo(Path.Combine(Screenshots, "dagsordensbygger.png")).Length > 10_000);
        Assert.True(new FileInfo(Path.Combine(Screenshots, "punkteditor.png")).Length > 10_000);
        browser.AssertNoCspViolations();
    }

    private static async Task<int> SeedAsync(DagsordenDbContext db)
    {
        var forum = new Forum("CF", "Chefforum");
        forum.Update("Chefforum", DocumentTemplate.Standard2016, "Rådhuset, mødelokale 2", new TimeOnly(9, 0));
        db.Forums.Add(forum);
        await db.SaveChangesAsync();
        var workflow = new MeetingWorkflow(db);
        var meeting = await workflow.PlanAsync(forum.Id, new DateOnly(2027, 1, 14), null, null);

        (string Title, string Case, bool Closed, string Text)[] drafts =
        [
            ("Ny model for mødebooking", "00.15.00-G01-4-26", false, "Mødelokalerne bookes i dag i tre forskellige systemer. Forvaltningen foreslår ét fælles system fra 1. april."),
            ("Budgetopfølgning pr. 30. november", "00.30.14-S00-12-26", false, "Forbruget ligger 0,8 procent under det forventede. Afvigelsen skyldes især udskudte anlægsprojekter."),
            ("Personalesag", "81.03.00-G01-7-26", true, "Sagen behandles for lukkede døre."),
        ];
        foreach (var (title, caseNumber, closed, text) in drafts)
        {
            var content = new ItemContent(
                title, null, null, CaseNumber.Parse(caseNumber), closed, false,
                [new SectionContent(SectionKind.Text, "Sagsfremstilling", RichText.FromParagraphs(text)), new SectionContent(SectionKind.Recommendation, "Indstilling", RichText.Empty)],
                new Recommendation("Direktionen indstiller,", new ListBlock(ListKind.Numbered, ". ", 1, [new ListItem([new Inline("At orienteringen tages til efterretning")], [])]), RichText.Empty),
                null, [], null);
            var draft = new ItemDraft(await db.Forums.SingleAsync(f => f.Id == forum.Id), "author", "Sagsbehandleren", content);
            db.ItemDrafts.Add(draft);
            await db.SaveChangesAsync();
            // A fixed date keeps the picture the same from run to run.
            draft.Submit(new DateTime(2027, 1, 4, 9, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
            if (title != "Personalesag")
                await workflow.PlaceDraftAsync(meeting.Id, draft.Id, (await workflow.LoadAsync(meeting.Id)).Revision);
        }

        return meeting.Id;
    }
}
