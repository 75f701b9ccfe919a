using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Items;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Items;

public sealed class DraftEditorTests
{
    private const string Author = "forfatter@example.test";

    [Fact]
    public async Task AnAuthorWritesADraftSubmitsItAndSeesItsStatus()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);

        var id = await EditorPages.CreateDraftAsync(client, forumId, "Ny telefonløsning");
        var url = $"/punkter/{id}";
        var created = await EditorPages.DraftAsync(database, id);
        var list = await client.GetStringAsync("/punkter");
        var saved = await EditorPages.EditAsync(client, url, new()
        {
            ["Form.CaseNumber"] = "83.02.00-P20-1-15",
            ["Form.Proposer"] = "Afdelingschefen for Økonomi og Stab",
            ["Form.Clauses"] = "at løsningen godkendes\nat sagen sendes til Økonomiudvalget",
            ["Form.Sections[0].Body"] = "Kontrakten udløber.\n\n- pris\n- kvalitet",
        });
        var submitted = await EditorPages.EditAsync(client, url, [], handling: "indsend");
        var afterSubmit = await client.GetStringAsync(submitted.Headers.Location!.OriginalString);
        var draft = await EditorPages.DraftAsync(database, id);

        Assert.Equal(["Anledning", "Indstilling", "Sagsfremstilling", "Økonomi", "Kommunikation"], created.Content.Sections.Select(s => s.Heading));
        Assert.Equal(DraftStatus.Draft, created.Status);
        Assert.Contains("Ny telefonløsning</a>", list, StringComparison.Ordinal);
        Assert.Contains(">Kladde</span>", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(url + "?besked=gemt", saved.Headers.Location!.OriginalString);
        Assert.Equal(url + "?besked=indsendt", submitted.Headers.Location!.OriginalString);
        Assert.Contains("Punktet er indsendt til forummets sekretær.", afterSubmit, StringComparison.Ordinal);
        Assert.Contains("Træk punktet tilbage fra køen", afterSubmit, StringComparison.Ordinal);
        Assert.DoesNotContain("Gem og indsend", afterSubmit, StringComparison.Ordinal);
        Assert.Equal(DraftStatus.Submitted, draft.Status);
        Assert.NotNull(draft.Submitted);
        Assert.Equal(CaseNumber.Parse("83.02.00-P20-1-15"), draft.Content.CaseNumber);
        Assert.Equal("Afdelingschefen for Økonomi og Stab indstiller,", draft.Content.Recommendation!.LeadIn);
        Assert.Equal(["at løsningen godkendes", "at sagen sendes til Økonomiudvalget"], draft.Content.Recommendation.ClauseTexts);
        Assert.IsType<ListBlock>(draft.Content.Sections[0].Body.Blocks[1]);
        Assert.Contains(">Indsendt</span>", await client.GetStringAsync("/punkter"), StringComparison.Ordinal);
        var script = System.Text.RegularExpressions.Regex.Match(afterSubmit, "<script src=\"(/js/editor[^\"]*)\"");
        Assert.True(script.Success, "The editor links its script.");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(WebUtility.HtmlDecode(script.Groups[1].Value))).StatusCode);
        await using var db = await database.OpenAsync();
        Assert.Equal(id, Assert.Single(await DraftQueries.SubmittedAsync(db, forumId)).Id);
    }

    [Fact]
    public async Task WithdrawingTakesTheDraftOutOfTheQueue()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Punkt");
        await EditorPages.EditAsync(client, $"/punkter/{id}", [], handling: "indsend");

        var response = await EditorPages.EditAsync(client, $"/punkter/{id}", [], handling: "traek-tilbage");

        Assert.Equal($"/punkter/{id}?besked=trukket-tilbage", response.Headers.Location!.OriginalString);
        Assert.Equal(DraftStatus.Draft, (await EditorPages.DraftAsync(database, id)).Status);
        await using var db = await database.OpenAsync();
        Assert.Empty(await DraftQueries.SubmittedAsync(db, forumId));
    }

    [Fact]
    public async Task OnlyTheAuthorAndTheForumsSecretariesOpenADraft()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await EditorPages.SeedForumAsync(database, "LF", "Lederforum");
        await using var app = new TestApp(database);
        using var author = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(author, forumId, "Fortroligt udkast");
        var form = await EditorPages.ReadFormAsync(author, $"/punkter/{id}");
        using var otherAuthor = await app.SignInAsNewUserAsync("anden@example.test", SystemRoles.Author);
        using var employee = await app.SignInAsNewUserAsync("medarbejder@example.test");
        using var member = await app.SignInAsNewUserAsync("medlem@example.test", null, ("CF", ForumRole.Member));
        using var otherSecretary = await app.SignInAsNewUserAsync("lf-sekretaer@example.test", null, ("LF", ForumRole.Secretary));
        using var secretary = await app.SignInAsNewUserAsync("sekretaer@example.test", null, ("CF", ForumRole.Secretary));
        using var anonymous = app.CreateBrowserClient();

        foreach (var refused in new[] { otherAuthor, employee, member, otherSecretary })
        {
            var get = await refused.GetAsync($"/punkter/{id}");
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            Assert.Contains("Ingen adgang", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("Fortroligt udkast", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Posting with the author's own form (and a token of one's own) changes nothing either.
        var token = await Token(otherAuthor);
        var post = await EditorPages.PostAsync(otherAuthor, $"/punkter/{id}", form.With("__RequestVerificationToken", token).With("Form.Title", "Overtaget"));
        var anonymousGet = await anonymous.GetAsync($"/punkter/{id}");
        var secretaryGet = await secretary.GetAsync($"/punkter/{id}");
        var secretarySubmit = await EditorPages.EditAsync(secretary, $"/punkter/{id}", [], handling: "indsend");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Fortroligt udkast", (await EditorPages.DraftAsync(database, id)).Content.Title);
        Assert.Equal(HttpStatusCode.Redirect, anonymousGet.StatusCode);
        Assert.Equal("/konto/log-ind", EditorPages.PathOf(anonymousGet.Headers.Location!));
        Assert.Equal(HttpStatusCode.OK, secretaryGet.StatusCode);
        Assert.Contains("Skrevet af</span> forfatter", await secretaryGet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, secretarySubmit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync("/punkter/999999")).StatusCode);
    }

    [Fact]
    public async Task EmployeesCannotWriteItemsAndAnonymousVisitorsAreSentToSignIn()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var employee = await app.SignInAsNewUserAsync("medarbejder@example.test", null, ("CF", ForumRole.Member));
        using var anonymous = app.CreateBrowserClient();

        foreach (var url in new[] { "/punkter", "/punkter/nyt" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync(url)).StatusCode);
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/konto/log-ind", EditorPages.PathOf(response.Headers.Location!));
        }
    }

    [Theory]
    [InlineData("", "Titel", "Vælg det forum, punktet skal behandles i.")]
    [InlineData("999999", "Titel", "Vælg det forum, punktet skal behandles i.")]
    [InlineData("CF", "Titel", "Vælg det forum, punktet skal behandles i.")]
    [InlineData("-1", "Titel", "Vælg det forum, punktet skal behandles i.")]
    [InlineData("{forum}", "", "Skriv en titel.")]
    [InlineData("{forum}", "   ", "Skriv en titel.")]
    [InlineData("{forum}", "To\nlinjer", "Titlen skal stå på én linje")]
    [InlineData("{forum}", "{long}", "Titlen fylder 1001 tegn; højst 1000 tegn er tilladt.")]
    public async Task ANewDraftWithABadForumOrTitleIsRefused(string forum, string title, string message)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);

        var response = await TestApp.PostFormAsync(client, "/punkter/nyt", new()
        {
            ["ForumId"] = forum.Replace("{forum}", forumId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            ["Title"] = title.Replace("{long}", new string('x', 1001), StringComparison.Ordinal),
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Punktet blev ikke oprettet", html, StringComparison.Ordinal);
        await using var db = await database.OpenAsync();
        Assert.Empty(db.ItemDrafts);
    }

    [Theory]
    [InlineData("Form.Title", "", "Skriv en titel.")]
    [InlineData("Form.Title", "To\nlinjer", "Titlen skal stå på én linje")]
    [InlineData("Form.Title", "Tab\tind", "Titlen skal stå på én linje")]
    [InlineData("Form.Title", "{long}", "Titlen fylder 1001 tegn")]
    [InlineData("Form.Proposer", "Chef\nen", "Feltet »Hvem indstiller« skal stå på én linje")]
    [InlineData("Form.Proposer", "{201}", "Feltet »Hvem indstiller« fylder 201 tegn; højst 200 tegn er tilladt.")]
    [InlineData("Form.Sections[1].Kind", "Evil", "Afsnit 2 har en ukendt type.")]
    [InlineData("Form.Sections[1].Kind", "7", "Afsnit 2 har en ukendt type.")]
    [InlineData("Form.Sections[1].Kind", "Text,Decision", "Afsnit 2 har en ukendt type.")]
    [InlineData("Form.Sections[0].Heading", "{long}", "fylder 1001 tegn")]
    [InlineData("Form.Sections[0].Heading", "Over\nskrift", "skal stå på én linje")]
    [InlineData("Form.Sections[2].Kind", "Recommendation", "højst have ét afsnit med indstilling")]
    [InlineData("Form.Revision", "ikke-et-tal", "Værdien »ikke-et-tal« kan ikke bruges i feltet »udgave«")]
    [InlineData("Form.IsClosed", "måske", "Værdien »måske« kan ikke bruges i feltet »Lukket punkt«")]
    [InlineData("Form.CaseNumber", "{101}", "Sagsnummeret er 101 tegn langt")]
    [InlineData("Form.Attachments[0].Title", "Bilag uden fil", "")]
    public async Task EachFieldsBadValuesGetADanishMessageAndChangeNothing(string field, string value, string message)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Oprindelig titel");
        var before = await EditorPages.DraftAsync(database, id);

        var fields = await EditorPages.ReadFormAsync(client, $"/punkter/{id}");
        fields.With("Form.Sections[0].Body", "Min tekst, som ikke må gå tabt.");
        fields.With(field, value.Replace("{long}", new string('x', 1001), StringComparison.Ordinal)
            .Replace("{201}", new string('x', 201), StringComparison.Ordinal)
            .Replace("{101}", new string('7', 101), StringComparison.Ordinal));
        if (field.StartsWith("Form.Attachments", StringComparison.Ordinal))
        {
            // A row pointing at a file the item does not have: another item's file cannot be borrowed.
            fields.With("Form.Attachments[0].Sha256", new string('a', 64));
            message = "Filen til bilag 1 findes ikke på punktet.";
        }

        var response = await EditorPages.PostAsync(client, $"/punkter/{id}", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Punktet er ikke gemt.", html, StringComparison.Ordinal);
        Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Min tekst, som ikke må gå tabt.</textarea>", html, StringComparison.Ordinal);
        var after = await EditorPages.DraftAsync(database, id);
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(EditorPages.Json(before.Content), EditorPages.Json(after.Content));
    }

    [Theory]
    [InlineData("fjern-afsnit-99", "Afsnittet findes ikke og kan ikke fjernes.")]
    [InlineData("fjern-afsnit-1", "Afsnittet findes ikke og kan ikke fjernes.")] // the recommendation
    [InlineData("fjern-afsnit-x", "Afsnittet findes ikke og kan ikke fjernes.")]
    [InlineData("fjern-afsnit-0", "Afsnittet »Anledning« har tekst. Slet teksten først")]
    [InlineData("fjern-bilag-0", "Bilaget findes ikke og kan ikke fjernes.")]
    [InlineData("slet-alt", "Knappen kendes ikke.")]
    [InlineData("tilfoej-afsnit", "Skriv en overskrift til det nye afsnit.")]
    [InlineData("vedhaeft", "Vælg den fil, der skal vedhæftes.")]
    public async Task ABadButtonValueIsRefusedWithoutLosingText(string handling, string message)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Titel");

        var response = await EditorPages.EditAsync(client, $"/punkter/{id}", new() { ["Form.Sections[0].Body"] = "Tekst i anledning" }, handling);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Tekst i anledning</textarea>", html, StringComparison.Ordinal);
        Assert.True((await EditorPages.DraftAsync(database, id)).Content.Sections[0].Body.IsEmpty);
    }

    [Fact]
    public async Task ACustomSectionIsAddedBeforeTheDecisionAndAnEmptyOneRemoved()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Titel");
        var url = $"/punkter/{id}";

        await EditorPages.EditAsync(client, url, new() { ["Form.NewSectionHeading"] = "Tidsplan", ["Form.Sections[0].Body"] = "Tekst" }, "tilfoej-afsnit");
        var added = await EditorPages.DraftAsync(database, id);
        var tooLong = await EditorPages.EditAsync(client, url, new() { ["Form.NewSectionHeading"] = new string('o', 1001) }, "tilfoej-afsnit");
        await EditorPages.EditAsync(client, url, [], "fjern-afsnit-3"); // Økonomi, empty
        var removed = await EditorPages.DraftAsync(database, id);

        Assert.Equal(["Anledning", "Indstilling", "Sagsfremstilling", "Økonomi", "Kommunikation", "Tidsplan"], added.Content.Sections.Select(s => s.Heading));
        Assert.Equal("Tekst", added.Content.Sections[0].Body.ToPlainText());
        Assert.Contains("Overskriften til det nye afsnit fylder 1001 tegn; højst 1000 tegn er tilladt.", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["Anledning", "Indstilling", "Sagsfremstilling", "Kommunikation", "Tidsplan"], removed.Content.Sections.Select(s => s.Heading));
    }

    [Fact]
    public async Task ScriptInRichTextIsStoredWithoutTagsAndShownEscaped()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "<script>alert('titel')</script>");
        var url = $"/punkter/{id}";

        await EditorPages.EditAsync(client, url, new()
        {
            ["Form.Sections[0].Body"] = "Før<script>alert(1)</script> efter",
            ["Form.Sections[2].Body"] = "<p>Billede: <img src=x onerror=alert(1)> slut</p>",
            ["Form.Clauses"] = "at <b onmouseover=alert(1)>intet</b> sker",
            ["Form.Proposer"] = "<svg onload=alert(1)>",
        });
        var draft = await EditorPages.DraftAsync(database, id);
        var editor = await client.GetStringAsync(url);
        var list = await client.GetStringAsync("/punkter");

        Assert.Equal("Før efter", draft.Content.Sections[0].Body.ToPlainText());
        Assert.Equal("Billede: slut", draft.Content.Sections[2].Body.ToPlainText());
        Assert.Equal("at **intet** sker", RecommendationInput.ToFields(draft.Content.Recommendation).Clauses);
        var stored = System.Text.Json.JsonSerializer.Serialize(draft.Content.Sections) + RichTextFormat.RenderInlines(draft.Content.Recommendation!.Clauses!.Items[0].Inlines);
        Assert.DoesNotContain("<script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover", stored, StringComparison.OrdinalIgnoreCase);
        foreach (var page in new[] { editor, list })
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        }

        // A title or proposer is plain text: kept as typed, and encoded wherever it is shown.
        Assert.Contains("&lt;script&gt;alert(&#x27;titel&#x27;)&lt;/script&gt;", list, StringComparison.Ordinal);
        Assert.Contains("&lt;svg onload=alert(1)&gt;", editor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCaseNumberFormIsSavedVerbatimOnlyWhenConfirmed()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Titel");
        var url = $"/punkter/{id}";

        var refused = await EditorPages.EditAsync(client, url, new() { ["Form.CaseNumber"] = "MDR-2016-02836", ["Form.Sections[0].Body"] = "Bevar mig" });
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var unknownSubject = await EditorPages.EditAsync(client, url, new() { ["Form.CaseNumber"] = "99.99.99-A00-1-16" });
        var confirmed = await EditorPages.EditAsync(client, url, new() { ["Form.CaseNumber"] = "MDR-2016-02836", ["Form.KeepCaseNumber"] = "true" });
        var resaved = await EditorPages.EditAsync(client, url, new() { ["Form.Title"] = "Ny titel" });
        var draft = await EditorPages.DraftAsync(database, id);

        Assert.Contains("»MDR-2016-02836« har ikke en form, systemet kender", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Bevar mig</textarea>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("KLE-emnet 99.99.99 i sagsnummeret »99.99.99-A00-1-16« findes ikke i KLE-emneplanen", WebUtility.HtmlDecode(await unknownSubject.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode); // once stored, it is not questioned again
        Assert.Equal("MDR-2016-02836", draft.Content.CaseNumber!.Value);
        Assert.Equal(CaseNumberKind.Other, draft.Content.CaseNumber.Kind);
        Assert.Equal("Ny titel", draft.Content.Title);
    }

    [Fact]
    public async Task TheEditorShowsTheCaseNumbersKleSubjectAndSearchesThePlan()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Titel");
        var url = $"/punkter/{id}";
        await EditorPages.EditAsync(client, url, new() { ["Form.CaseNumber"] = "83.02.00-P20-1-15" });
        var subject = KleSubjectPlan.Default.Find("83.02.00")!;

        var page = await client.GetStringAsync(url);
        var search = await client.GetStringAsync(url + "?kle=83.02");
        var postedSearch = await EditorPages.EditAsync(client, url, new() { ["kle"] = "83.02", ["Form.Sections[0].Body"] = "Ikke gemt endnu" }, "kle");
        var postedHtml = await postedSearch.Content.ReadAsStringAsync();
        var tooLong = await client.GetStringAsync(url + "?kle=" + new string('k', 101));

        Assert.Contains("KLE-emne: " + subject.Title, page, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"code\">83.02.00</span> {subject.Title}", search, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, postedSearch.StatusCode);
        Assert.Contains($"<span class=\"code\">83.02.00</span> {subject.Title}", postedHtml, StringComparison.Ordinal);
        Assert.Contains("Ikke gemt endnu</textarea>", postedHtml, StringComparison.Ordinal);
        Assert.True((await EditorPages.DraftAsync(database, id)).Content.Sections[0].Body.IsEmpty);
        Assert.Contains("Søg med højst 100 tegn", tooLong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSecondOfTwoSimultaneousSavesKeepsItsTextAndOverwritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var author = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        using var secretary = await app.SignInAsNewUserAsync("sekretaer@example.test", null, ("CF", ForumRole.Secretary));
        var id = await EditorPages.CreateDraftAsync(author, forumId, "Titel");
        var url = $"/punkter/{id}";
        var authorForm = await EditorPages.ReadFormAsync(author, url);
        var secretaryForm = await EditorPages.ReadFormAsync(secretary, url);

        var first = await EditorPages.PostAsync(secretary, url, secretaryForm.With("Form.Sections[0].Body", "Sekretærens tekst"));
        var second = await EditorPages.PostAsync(author, url, authorForm.With("Form.Sections[0].Body", "Forfatterens tekst").With("Form.Title", "Forfatterens titel"));
        var html = await second.Content.ReadAsStringAsync();
        var stored = await EditorPages.DraftAsync(database, id);
        var retry = await EditorPages.PostAsync(author, url, EditorPages.FormFields(html));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Udkastet er blevet ændret af en anden, mens du skrev.", html, StringComparison.Ordinal);
        Assert.Contains("Forfatterens tekst</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Forfatterens titel\"", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"gemt-udgave\">Den gemte udgave</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"markup\">Sekretærens tekst</pre>", html, StringComparison.Ordinal);
        Assert.Equal("Sekretærens tekst", stored.Content.Sections[0].Body.ToPlainText());
        Assert.Equal("Titel", stored.Content.Title);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal("Forfatterens tekst", (await EditorPages.DraftAsync(database, id)).Content.Sections[0].Body.ToPlainText());
    }

    [Fact]
    public async Task APlacedDraftIsShownReadOnly()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Titel");
        var form = await EditorPages.ReadFormAsync(client, $"/punkter/{id}");
        await EditorPages.EditAsync(client, $"/punkter/{id}", [], "indsend");
        await using (var db = await database.OpenAsync())
        {
            var meeting = await new Dagsorden.Core.Meetings.MeetingWorkflow(db).PlanAsync(forumId, new DateOnly(2026, 5, 7), null, null);
            await new Dagsorden.Core.Meetings.MeetingWorkflow(db).PlaceDraftAsync(meeting.Id, id, meeting.Revision);
        }

        var page = await client.GetStringAsync($"/punkter/{id}");
        var post = await EditorPages.PostAsync(client, $"/punkter/{id}", form.With("Form.Revision", "2").With("Form.Title", "Ændret"));

        Assert.Contains("Punktet er sat på en dagsorden.", page, StringComparison.Ordinal);
        Assert.Contains(">Sat på dagsorden</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.Title\"", page, StringComparison.Ordinal);
        Assert.Contains("Punktet er sat på en dagsorden; ret det dér.", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Titel", (await EditorPages.DraftAsync(database, id)).Content.Title);
    }

    private static async Task<string> Token(HttpClient client) =>
        (await EditorPages.ReadFormAsync(client, "/punkter/nyt")).Value("__RequestVerificationToken");
}
