using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Items;

public sealed class AgendaItemEditorTests
{
    private const string Secretary = "sekretaer@example.test";

    [Fact]
    public async Task ASecretaryEditsAnAgendaItem()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var meetingId = await SeedMeetingAsync(database, approved: false);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Secretary, null, ("CF", ForumRole.Secretary));
        var url = $"/sekretariat/moeder/{meetingId}/punkt/2/rediger";
        var before = await ItemAsync(database, meetingId, 2);

        var page = await client.GetStringAsync(url);
        var response = await EditorPages.EditAsync(client, url, new()
        {
            ["Form.Title"] = "Ny telefonløsning, rettet",
            ["Form.Sections[0].Body"] = "Ny tekst med **fed**.",
            ["Form.Proposer"] = "Kommunaldirektøren",
            ["Form.Clauses"] = "at løsningen godkendes",
        });
        var after = await ItemAsync(database, meetingId, 2);

        Assert.Contains("<h1>Ret punkt 2: CF - Ny telefonløsning</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Begrundelse for rettelsen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Gem og indsend", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url + "?besked=gemt", response.Headers.Location!.OriginalString);
        Assert.Equal("Ny telefonløsning, rettet", after.Title);
        Assert.Equal("CF", after.ForumPrefix);
        Assert.Equal("Ny tekst med fed.", after.Sections[0].Body.ToPlainText());
        Assert.Equal("Kommunaldirektøren indstiller,", after.Recommendation!.LeadIn);
        Assert.Equal(CaseNumber.Parse("83.02.00-P20-1-15"), after.CaseNumber);
        Assert.True(after.Revision > before.Revision);
    }

    [Fact]
    public async Task PublishedMinutesAreEditedWithoutTouchingTheDecision()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var meetingId = await SeedMeetingAsync(database, approved: false, minutes: true);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Secretary, null, ("CF", ForumRole.Secretary));
        var url = $"/sekretariat/moeder/{meetingId}/punkt/2/rediger";

        var page = await client.GetStringAsync(url);
        var response = await EditorPages.EditAsync(client, url, new() { ["Form.Sections[0].Body"] = "Rettet anledning", ["Form.DecisionText"] = "Forsøg på at ændre beslutningen" });
        var item = await ItemAsync(database, meetingId, 2);

        Assert.Contains("ændres under »Beslutning« på mødets side", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.DecisionText\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Rettet anledning", item.Sections[0].Body.ToPlainText());
        Assert.Equal("Chefforum godkendte løsningen.", item.DecisionText!.ToPlainText());
    }

    [Fact]
    public async Task OnlyTheForumsSecretariesOpenTheItemEditor()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var meetingId = await SeedMeetingAsync(database, approved: false);
        await EditorPages.SeedForumAsync(database, "LF", "Lederforum");
        await using var app = new TestApp(database);
        using var secretary = await app.SignInAsNewUserAsync(Secretary, null, ("CF", ForumRole.Secretary));
        var form = await EditorPages.ReadFormAsync(secretary, $"/sekretariat/moeder/{meetingId}/punkt/2/rediger");
        using var member = await app.SignInAsNewUserAsync("medlem@example.test", null, ("CF", ForumRole.Member));
        using var author = await app.SignInAsNewUserAsync("forfatter@example.test", SystemRoles.Author);
        using var otherSecretary = await app.SignInAsNewUserAsync("lf@example.test", null, ("LF", ForumRole.Secretary));
        using var anonymous = app.CreateBrowserClient();
        var url = $"/sekretariat/moeder/{meetingId}/punkt/2/rediger";

        foreach (var refused in new[] { member, author, otherSecretary })
        {
            var response = await refused.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("Kontrakten udløber", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The secretary's form, posted with the other forum's secretary's own antiforgery token.
        var ownToken = (await EditorPages.ReadFormAsync(otherSecretary, "/punkter/nyt")).Value("__RequestVerificationToken");
        var otherPost = await EditorPages.PostAsync(otherSecretary, url, form.With("__RequestVerificationToken", ownToken).With("Form.Title", "Overtaget"));
        var anonymousGet = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, anonymousGet.StatusCode);
        Assert.Equal("/konto/log-ind", EditorPages.PathOf(anonymousGet.Headers.Location!));
        Assert.Equal(HttpStatusCode.Forbidden, otherPost.StatusCode);
        Assert.Equal("Ny telefonløsning", (await ItemAsync(database, meetingId, 2)).Title);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"/sekretariat/moeder/{meetingId}/punkt/99/rediger")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync("/sekretariat/moeder/999999/punkt/1/rediger")).StatusCode);
    }

    [Fact]
    public async Task TwoSecretariesSavingTheSameItemDoNotOverwriteEachOther()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var meetingId = await SeedMeetingAsync(database, approved: false);
        await using var app = new TestApp(database);
        using var first = await app.SignInAsNewUserAsync(Secretary, null, ("CF", ForumRole.Secretary));
        using var second = await app.SignInAsNewUserAsync("sekretaer2@example.test", null, ("CF", ForumRole.Secretary));
        var url = $"/sekretariat/moeder/{meetingId}/punkt/2/rediger";
        var firstForm = await EditorPages.ReadFormAsync(first, url);
        var secondForm = await EditorPages.ReadFormAsync(second, url);

        var saved = await EditorPages.PostAsync(first, url, firstForm.With("Form.Sections[0].Body", "Første sekretærs tekst"));
        var conflict = await EditorPages.PostAsync(second, url, secondForm.With("Form.Sections[0].Body", "Anden sekretærs tekst").With("Form.Title", "Anden titel"));
        var html = await conflict.Content.ReadAsStringAsync();
        var stored = await ItemAsync(database, meetingId, 2);
        var retry = await EditorPages.PostAsync(second, url, EditorPages.FormFields(html));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Punkt 2 er blevet ændret af en anden, mens du skrev.", html, StringComparison.Ordinal);
        Assert.Contains("Anden sekretærs tekst</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Anden titel\"", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"markup\">Første sekretærs tekst</pre>", html, StringComparison.Ordinal);
        Assert.Equal("Første sekretærs tekst", stored.Sections[0].Body.ToPlainText());
        Assert.Equal("Ny telefonløsning", stored.Title);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal("Anden titel", (await ItemAsync(database, meetingId, 2)).Title);
    }

    [Fact]
    public async Task ApprovedMinutesAreCorrectedOnlyWithAReasonAndTheCorrectionIsPublished()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var meetingId = await SeedMeetingAsync(database, approved: true);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Secretary, null, ("CF", ForumRole.Secretary));
        var url = $"/sekretariat/moeder/{meetingId}/punkt/2/rediger";

        var page = await client.GetStringAsync(url);
        var withoutReason = await EditorPages.EditAsync(client, url, new() { ["Form.DecisionText"] = "Chefforum godkendte løsningen med en rettelse." });
        var badOutcome = await EditorPages.EditAsync(client, url, new() { ["Form.DecisionOutcome"] = "Vedtaget", ["Form.Reason"] = "Stavefejl" });
        var emptyDecision = await EditorPages.EditAsync(client, url, new() { ["Form.DecisionText"] = " ", ["Form.Reason"] = "Stavefejl" });
        var unchanged = await ItemAsync(database, meetingId, 2);
        var corrected = await EditorPages.EditAsync(client, url, new()
        {
            ["Form.DecisionText"] = "Chefforum godkendte løsningen med en rettelse.",
            ["Form.DecisionOutcome"] = nameof(DecisionOutcome.ApprovedWithRemarks),
            ["Form.Reason"] = "Beslutningen var skrevet forkert af.",
        });
        var after = await ItemAsync(database, meetingId, 2);
        await using var db = await database.OpenAsync();
        var versions = await db.MeetingVersions.AsNoTracking().Where(v => v.MeetingId == meetingId).ToListAsync();

        Assert.Contains("Begrundelse for rettelsen", page, StringComparison.Ordinal);
        Assert.Contains("Gem og offentliggør rettelsen", page, StringComparison.Ordinal);
        Assert.Contains("Skriv en begrundelse for rettelsen", WebUtility.HtmlDecode(await withoutReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Vælg beslutningens udfald på listen.", WebUtility.HtmlDecode(await badOutcome.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Skriv beslutningens tekst", WebUtility.HtmlDecode(await emptyDecision.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Chefforum godkendte løsningen.", unchanged.DecisionText!.ToPlainText());
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(url + "?besked=rettet", corrected.Headers.Location!.OriginalString);
        Assert.Equal("Chefforum godkendte løsningen med en rettelse.", after.DecisionText!.ToPlainText());
        Assert.Equal(DecisionOutcome.ApprovedWithRemarks, after.DecisionOutcome);
        var version = Assert.Single(versions);
        Assert.Equal("Beslutningen var skrevet forkert af.", version.CorrectionReason);
        Assert.Equal("sekretaer", version.PublishedBy);
    }

    [Fact]
    public async Task AnItemsAttachmentIsUploadedAndKeptWhenTheItemIsSavedAgain()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var meetingId = await SeedMeetingAsync(database, approved: false);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Secretary, null, ("CF", ForumRole.Secretary));
        var url = $"/sekretariat/moeder/{meetingId}/punkt/2/rediger";

        var upload = await EditorPages.EditAsync(client, url, new() { ["Form.UploadTitle"] = "Tilbud", ["Form.UploadPublic"] = "true" }, "vedhaeft", ("tilbud.pdf", EditorPages.Pdf("tilbud")));
        var saved = await EditorPages.EditAsync(client, url, new() { ["Form.Title"] = "Ny titel" });
        var item = await ItemAsync(database, meetingId, 2);

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var attachment = Assert.Single(item.Attachments);
        Assert.Equal("Tilbud", attachment.Title);
        Assert.True(attachment.IsPublic);
        Assert.Equal("tilbud.pdf", attachment.FileName);
        Assert.Equal(64, attachment.Sha256!.Length);
        Assert.True(File.Exists(Path.Combine(database.Directory, "data", "attachments", attachment.StorageKey!)));
        Assert.Equal(SectionKind.Attachments, item.Sections[^1].Kind);
    }

    /// <summary>CF on 2026-05-07: item 1 the approval, item 2 "Ny telefonløsning", item 3 "Evt."; a published agenda, or minutes (with decisions) published or approved.</summary>
    private static async Task<int> SeedMeetingAsync(TestDatabase database, bool approved, bool minutes = false)
    {
        await EditorPages.SeedForumAsync(database);
        await using var db = await database.OpenAsync();
        ItemContent Item(string title, string? decision) => new(
            title, "CF", null, title == "Ny telefonløsning" ? CaseNumber.Parse("83.02.00-P20-1-15") : null, false, false,
            [
                new SectionContent(SectionKind.Text, "Anledning", RichText.FromParagraphs("Kontrakten udløber.")),
                new SectionContent(SectionKind.Recommendation, "Indstilling", RichText.Empty),
                new SectionContent(SectionKind.Decision, "Beslutning", RichText.Empty),
            ],
            new Recommendation("Direktøren indstiller,", new ListBlock(ListKind.Numbered, ". ", 1, [new ListItem([new Inline("at løsningen godkendes")], [])]), RichText.Empty),
            decision is null ? null : new Decision(RichText.FromParagraphs(decision), DecisionOutcome.Approved),
            [],
            null);
        var details = new MeetingDetails(new TimeOnly(9, 0), "Mødelokale 1", approved || minutes ? DocumentKind.Minutes : DocumentKind.Agenda, DocumentTemplate.Standard2016, MinutesApproved: approved);
        var (key, _) = await new MeetingImporter(db).StoreAsync(new ImportedMeeting("Chefforum", "CF", new DateOnly(2026, 5, 7), details,
        [
            (1, Item(StandardItems.ApprovalTitle, approved || minutes ? "Godkendt." : null)),
            (2, Item("Ny telefonløsning", approved || minutes ? "Chefforum godkendte løsningen." : null)),
            (3, Item(StandardItems.AnyOtherBusinessTitle, approved || minutes ? "Intet." : null)),
        ]));
        return await db.Meetings.Where(m => m.Date == key.Date).Select(m => m.Id).SingleAsync();
    }

    private static async Task<AgendaItem> ItemAsync(TestDatabase database, int meetingId, int number)
    {
        await using var db = await database.OpenAsync();
        return await db.Items.AsNoTracking().Include(i => i.Attachments).SingleAsync(i => i.MeetingId == meetingId && i.Number == number);
    }
}
