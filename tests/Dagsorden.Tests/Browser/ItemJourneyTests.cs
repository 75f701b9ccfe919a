using Dagsorden.Core.Accounts;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Browser.Pages;
using Dagsorden.Tests.Documents;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>
/// One item's whole life in a real browser: an author writes it, the secretary puts it on the
/// agenda, a member reads it, the meeting decides it, the next meeting approves the minutes, and an
/// anonymous visitor finds the decision. The steps share one app and database because each needs
/// the state the one before left; every page on the way is checked with axe-core.
/// </summary>
public sealed class ItemJourneyTests
{
    private const string Author = "forfatter@example.test";
    private const string Secretary = "sekretaer@example.test";
    private const string Member = "medlem@example.test";

    private const string Title = "Fælles system til mødebooking";
    private const string PublicDecision = "Forummet vælger bookingsystemet Lokalia fra 1. april.";

    // Closed text: seen by the forum's members, never by anyone else, in no page, hit or PDF.
    private const string ClosedTitle = "Personalesag om tjenesteforseelse";
    private const string ClosedText = "Medarbejderen har modtaget en skriftlig advarsel.";
    private const string ClosedDecision = "Advarslen fastholdes uden yderligere skridt.";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);
    private static readonly DateOnly FirstDate = Today.AddDays(14);
    private static readonly DateOnly NextDate = Today.AddDays(42);

    [Fact]
    public async Task AnItemGoesFromAuthorToPublicSearchWithoutLeakingTheClosedItem()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int meetingId;
        await using (var db = await database.OpenAsync())
            meetingId = await SeedAsync(db);
        await using var app = new TestApp(database);
        var address = app.StartOnLoopback();
        await app.AddUserAsync(Author, SystemRoles.Author);
        await app.AddUserAsync(Secretary, null, ("CF", ForumRole.Secretary));
        await app.AddUserAsync(Member, null, ("CF", ForumRole.Member));
        await using var browser = await BrowserSession.OpenAsync(address);

        await browser.RecordAsync(nameof(AnItemGoesFromAuthorToPublicSearchWithoutLeakingTheClosedItem), async () =>
        {
            await AuthorDraftsAndSubmitsAsync(browser.Page);
            await SecretaryBuildsAndPublishesTheAgendaAsync(browser.Page, meetingId);
            await MemberReadsTheClosedItemAndWritesANoteAsync(browser.Page);
            await SecretaryRecordsDecisionsAndPublishesTheMinutesAsync(browser.Page, meetingId);
            await NextMeetingApprovesTheMinutesAsync(browser.Page, meetingId);
            await VisitorFindsTheDecisionAndDownloadsThePublicPdfAsync(browser.Page);
        });
    }

    private static async Task AuthorDraftsAndSubmitsAsync(IPage page)
    {
        await (await SignInPage.OpenAsync(page)).SignInAsync(Author, TestApp.Password);
        var editor = await DraftEditorPage.CreateAsync(page, "Chefforum (CF)", Title);
        await editor.WriteCaseNumberAsync("00.15.00-G01-4-26");
        await editor.WriteSectionAsync("Sagsfremstilling", "Mødelokalerne bookes i dag i tre systemer. Et fælles **bookingsystem** sparer tid.");
        await editor.WriteRecommendationAsync("Afdelingschefen for Økonomi og Stab", "at forummet vælger et fælles bookingsystem");
        await editor.AttachAsync("prisoverslag.pdf", SmallPdf(), "Prisoverslag", isPublic: true);

        // Attaching saved the text written before it, and the file is listed under its title.
        await Assertions.Expect(editor.AttachmentTitle(1, "prisoverslag.pdf")).ToHaveValueAsync("Prisoverslag");
        await Assertions.Expect(page.GetByLabel("Tekst under »Sagsfremstilling«")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("tre systemer"));
        await editor.SubmitAsync();
        await editor.SignOutAsync();
    }

    private static async Task SecretaryBuildsAndPublishesTheAgendaAsync(IPage page, int meetingId)
    {
        await (await SignInPage.OpenAsync(page)).SignInAsync(Secretary, TestApp.Password);
        var builder = await BuilderPage.OpenAsync(page, meetingId);
        await Assertions.Expect(builder.Queue.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);

        await builder.PlaceAsync(Title);
        await builder.PlaceAsync("Budgetopfølgning");
        await builder.PlaceAsync(ClosedTitle);
        await Assertions.Expect(builder.Queue).ToContainTextAsync("Køen er tom.");
        Assert.Equal(
            ["Godkendelse af dagsorden og referat", Title, "Budgetopfølgning", ClosedTitle, "Evt."],
            (await builder.TitlesAsync()).Select(StripForumCode));

        // Reordering without a mouse: Tab from the top of the page to »Flyt ned« on item 2 and press Enter.
        await page.Locator("body").FocusAsync();
        await KeyboardNavigation.TabToAsync(page, builder.MoveDownButton(2));
        await page.Keyboard.PressAsync("Enter");
        await PageWaits.UrlAsync(page, url => url.EndsWith("#punkt-3", StringComparison.Ordinal));
        builder = await BuilderPage.ArriveAsync(page);
        Assert.Equal(
            ["Godkendelse af dagsorden og referat", "Budgetopfølgning", Title, ClosedTitle, "Evt."],
            (await builder.TitlesAsync()).Select(StripForumCode));

        // The secretary completes the author's item before publishing it.
        var editor = await builder.EditAsync(3);
        await Assertions.Expect(editor.Title).ToHaveValueAsync(Title);
        await editor.WriteSectionAsync("Økonomi", "Udgiften afholdes inden for rammen.");
        await editor.SaveAsync();
        builder = await BuilderPage.OpenAsync(page, meetingId);

        await builder.MarkToFollowAsync(2);
        await Assertions.Expect(builder.Item(2)).ToContainTextAsync("Eftersendes");
        await Assertions.Expect(builder.Item(4)).ToContainTextAsync("Lukket");

        await builder.PublishAgendaAsync();
        await Assertions.Expect(builder.Status).ToContainTextAsync("offentliggjort");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Offentliggjorte udgaver" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await builder.SignOutAsync();
    }

    private static async Task MemberReadsTheClosedItemAndWritesANoteAsync(IPage page)
    {
        await (await SignInPage.OpenAsync(page)).SignInAsync(Member, TestApp.Password);
        var agenda = await PortalMeetingPage.OpenFromFrontPageAsync(page, "Chefforum", FirstDate);
        await Assertions.Expect(agenda.Main).ToContainTextAsync(Title);
        await Assertions.Expect(agenda.Main).ToContainTextAsync(ClosedTitle);
        await Assertions.Expect(agenda.Main).ToContainTextAsync(ClosedText);
        await Assertions.Expect(agenda.Main).ToContainTextAsync("Udgiften afholdes inden for rammen.");

        var closedItem = await PortalItemPage.OpenAsync(page, "CF", FirstDate, 4);
        await Assertions.Expect(closedItem.Main).ToContainTextAsync(ClosedText);
        await closedItem.WriteNoteAsync("Spørg til tidslinjen for sagen.");
        await Assertions.Expect(closedItem.Note).ToHaveValueAsync("Spørg til tidslinjen for sagen.");
        await closedItem.SignOutAsync();
    }

    private static async Task SecretaryRecordsDecisionsAndPublishesTheMinutesAsync(IPage page, int meetingId)
    {
        await (await SignInPage.OpenAsync(page)).SignInAsync(Secretary, TestApp.Password);
        var meeting = await (await BuilderPage.OpenAsync(page, meetingId)).OpenMeetingAsync();
        await meeting.RecordDecisionAsync(1, "Godkendt");
        await meeting.RecordDecisionAsync(2, "Taget til efterretning");
        await meeting.RecordDecisionAsync(3, "Godkendt", PublicDecision);
        await meeting.RecordDecisionAsync(4, "Godkendt", ClosedDecision);
        await meeting.RecordDecisionAsync(5, "Drøftet");
        await meeting.PublishMinutesAsync();
        await Assertions.Expect(meeting.Decisions).ToContainTextAsync(PublicDecision);
    }

    private static async Task NextMeetingApprovesTheMinutesAsync(IPage page, int firstMeetingId)
    {
        var secretariat = await SecretariatPage.OpenAsync(page);
        var builder = await secretariat.PlanMeetingAsync("Chefforum (CF)", NextDate, "09:00");
        await Assertions.Expect(builder.Item(1)).ToContainTextAsync(DanishDates.ShortDate(FirstDate));
        await builder.PublishAgendaAsync();

        var meeting = await builder.OpenMeetingAsync();
        await Assertions.Expect(meeting.Item(1)).ToContainTextAsync("Godkendes punktet, godkendes også referatet af mødet d. " + DanishDates.ShortDate(FirstDate));
        await meeting.RecordDecisionAsync(1, "Godkendt");
        await Assertions.Expect(meeting.Item(1)).ToContainTextAsync("Punktet har godkendt referatet af mødet d. " + DanishDates.ShortDate(FirstDate));

        var first = await MeetingPage.OpenAsync(page, firstMeetingId);
        await Assertions.Expect(first.Page.GetByText("Referatet er godkendt på mødet")).ToBeVisibleAsync();
        await first.SignOutAsync();
    }

    private static async Task VisitorFindsTheDecisionAndDownloadsThePublicPdfAsync(IPage page)
    {
        var search = await SearchPage.OpenAsync(page);
        await search.SearchAsync("advarsel");
        await Assertions.Expect(search.Count).ToHaveTextAsync("0 punkter fundet");

        await search.SearchAsync("Lokalia");
        await Assertions.Expect(search.Count).ToHaveTextAsync("1 punkt fundet");
        var minutes = await search.OpenHitAsync(Title);
        await Assertions.Expect(minutes.Main).ToContainTextAsync(PublicDecision);
        await Assertions.Expect(minutes.ItemHeading(4)).ToBeVisibleAsync();
        foreach (var secret in new[] { ClosedTitle, ClosedText, ClosedDecision })
            await Assertions.Expect(minutes.Main).Not.ToContainTextAsync(secret);

        var text = DocumentLeakTests.PdfText(await minutes.DownloadPdfAsync());
        Assert.Contains("Lokalia", text, StringComparison.Ordinal);
        foreach (var secret in new[] { "Personalesag", "advarsel", "Advarslen" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    // The agenda shows an item's full title with the forum's code in front ("CF - …").
    private static string StripForumCode(string title) => title.StartsWith("CF - ", StringComparison.Ordinal) ? title[5..] : title;

    /// <summary>A real one-page PDF with a line of text, small enough to write by hand.</summary>
    private static byte[] SmallPdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 770 Td (Prisoverslag) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static async Task<int> SeedAsync(DagsordenDbContext db)
    {
        var forum = new Forum("CF", "Chefforum");
        forum.Update("Chefforum", DocumentTemplate.Standard2016, "Rådhuset, mødelokale 2", new TimeOnly(9, 0));
        db.Forums.Add(forum);
        await db.SaveChangesAsync();
        var meeting = await new MeetingWorkflow(db).PlanAsync(forum.Id, FirstDate, null, null);

        // Two items from another author wait in the queue beside the one the journey writes.
        foreach (var (title, closed, text) in new[] { ("Budgetopfølgning", false, "Forbruget ligger under det forventede."), (ClosedTitle, true, ClosedText) })
        {
            var content = new ItemContent(
                title, null, null, null, closed, false,
                [new SectionContent(SectionKind.Text, "Sagsfremstilling", RichText.FromParagraphs(text))],
                null, null, [], null);
            // Planning leaves the context without the forum it read; the draft needs it tracked again.
            var draft = new ItemDraft(await db.Forums.SingleAsync(f => f.Id == forum.Id), "kollega", "Kollega", content);
            db.ItemDrafts.Add(draft);
            await db.SaveChangesAsync();
            draft.Submit(DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        return meeting.Id;
    }
}
