using System.Net;
using System.Security.Cryptography;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Items;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dagsorden.Tests.Items;

public sealed class AttachmentUploadTests
{
    private const string Author = "forfatter@example.test";

    [Fact]
    public async Task APdfIsStoredByItsHashAndListedUnderBilag()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Titel");
        var url = $"/punkter/{id}";
        var pdf = EditorPages.Pdf("budget");

        var upload = await EditorPages.EditAsync(client, url, new() { ["Form.UploadTitle"] = "Budgetnotat", ["Form.UploadPublic"] = "true", ["Form.Sections[0].Body"] = "Tekst gemmes med" }, "vedhaeft", ("budget.pdf", pdf));
        var draft = await EditorPages.DraftAsync(database, id);
        var resaved = await EditorPages.EditAsync(client, url, new() { ["Form.Attachments[0].Title"] = "Budgetnotat, rettet" });
        var kept = await EditorPages.DraftAsync(database, id);

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var attachment = Assert.Single(draft.Content.Attachments);
        Assert.Equal("Budgetnotat", attachment.Title);
        Assert.True(attachment.IsPublic);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), attachment.File!.Sha256);
        Assert.Equal(ContentTypes.Pdf, attachment.File.ContentType);
        Assert.Equal("budget.pdf", attachment.File.FileName);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(database.Directory, "data", "attachments", attachment.File.StorageKey)));
        Assert.Equal("Tekst gemmes med", draft.Content.Sections[0].Body.ToPlainText());
        Assert.Equal(SectionKind.Attachments, draft.Content.Sections[^1].Kind);
        Assert.Equal("Bilag", draft.Content.Sections[^1].Heading);
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
        Assert.Equal("Budgetnotat, rettet", Assert.Single(kept.Content.Attachments).Title);
        Assert.Equal(attachment.File, kept.Content.Attachments[0].File);
    }

    [Fact]
    public async Task AnAttachmentIsRemoved()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Titel");
        var url = $"/punkter/{id}";
        await EditorPages.EditAsync(client, url, [], "vedhaeft", ("a.pdf", EditorPages.Pdf("a")));
        await EditorPages.EditAsync(client, url, [], "vedhaeft", ("b.pdf", EditorPages.Pdf("b")));

        var response = await EditorPages.EditAsync(client, url, [], "fjern-bilag-0");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("b", Assert.Single((await EditorPages.DraftAsync(database, id)).Content.Attachments).Title);
    }

    [Theory]
    [InlineData("rapport.pdf", new byte[] { (byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 })]
    [InlineData("side.pdf", new byte[] { (byte)'<', (byte)'h', (byte)'t', (byte)'m', (byte)'l', (byte)'>' })]
    [InlineData("gammel.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00 })]
    public async Task AFileThatIsNotAnAllowedTypeIsRefusedWhateverItsName(string name, byte[] bytes)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Titel");

        var response = await EditorPages.EditAsync(client, $"/punkter/{id}", new() { ["Form.Sections[0].Body"] = "Min tekst" }, "vedhaeft", (name, bytes));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var draft = await EditorPages.DraftAsync(database, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Filen »{name}« kan ikke vedhæftes, fordi dens indhold ikke er PDF, Word (DOCX), Excel (XLSX), PNG eller JPEG.", html, StringComparison.Ordinal);
        Assert.Contains("Min tekst</textarea>", html, StringComparison.Ordinal);
        Assert.Empty(draft.Content.Attachments);
        Assert.True(draft.Content.Sections[0].Body.IsEmpty);
        Assert.False(Directory.Exists(Path.Combine(database.Directory, "data", "attachments")) && Directory.EnumerateFiles(Path.Combine(database.Directory, "data", "attachments"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task AnAttachmentOfAClosedItemIsNeverPublic()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Personalesag");
        var url = $"/punkter/{id}";
        await EditorPages.EditAsync(client, url, [], "vedhaeft", ("a.pdf", EditorPages.Pdf("a")));

        await EditorPages.EditAsync(client, url, new() { ["Form.IsClosed"] = "true", ["Form.UploadPublic"] = "true", ["Form.Attachments[0].IsPublic"] = "true" }, "vedhaeft", ("b.pdf", EditorPages.Pdf("b")));
        var draft = await EditorPages.DraftAsync(database, id);

        Assert.True(draft.Content.IsClosed);
        Assert.Equal(2, draft.Content.Attachments.Count);
        Assert.All(draft.Content.Attachments, a => Assert.False(a.IsPublic));
    }

    [Fact]
    public async Task AFileOverTheLimitGetsADanishMessageAndNothingIsSaved()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Titel");
        var large = new byte[(26 * 1024 * 1024) + 1];
        EditorPages.Pdf().CopyTo(large, 0);

        var response = await EditorPages.EditAsync(client, $"/punkter/{id}", new() { ["Form.Sections[0].Body"] = "Min tekst" }, "vedhaeft", ("stor.pdf", large));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Filen »stor.pdf« fylder 26,1 MB; et bilag må højst fylde 25 MB.", html, StringComparison.Ordinal);
        Assert.Contains("Min tekst</textarea>", html, StringComparison.Ordinal);
        Assert.Empty((await EditorPages.DraftAsync(database, id)).Content.Attachments);
    }

    [Fact]
    public async Task ARequestFarOverTheConfiguredLimitIsAnsweredWithTheEditorAndADanishMessage()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        await app.AddUserAsync(Author, SystemRoles.Author);
        await using var limited = app.WithWebHostBuilder(builder => builder.UseSetting("AttachmentLimitMegabytes", "1"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await TestApp.PostFormAsync(client, "/konto/log-ind", new() { ["Email"] = Author, ["Password"] = TestApp.Password });
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Titel");
        var url = $"/punkter/{id}";
        var withinRequest = new byte[(1024 * 1024) + 100];
        EditorPages.Pdf().CopyTo(withinRequest, 0);
        var farOver = new byte[5 * 1024 * 1024];
        EditorPages.Pdf().CopyTo(farOver, 0);

        var page = await client.GetStringAsync(url);
        var overLimit = await EditorPages.EditAsync(client, url, [], "vedhaeft", ("lidt-for-stor.pdf", withinRequest));
        var refused = await EditorPages.EditAsync(client, url, new() { ["Form.Title"] = "Ny titel" }, "vedhaeft", ("alt-for-stor.pdf", farOver));
        var shown = await client.GetStringAsync(refused.Headers.Location!.OriginalString);

        Assert.Contains("højst 1 MB", page, StringComparison.Ordinal);
        Assert.Contains("Filen »lidt-for-stor.pdf« fylder 1,1 MB; et bilag må højst fylde 1 MB.", WebUtility.HtmlDecode(await overLimit.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(url + "?besked=for-stort", refused.Headers.Location!.OriginalString);
        Assert.Contains("Det, du sendte, var for stort til at blive modtaget, så intet blev gemt. Et bilag må højst fylde 1 MB", shown, StringComparison.Ordinal);
        var draft = await EditorPages.DraftAsync(database, id);
        Assert.Equal("Titel", draft.Content.Title);
        Assert.Empty(draft.Content.Attachments);
    }
}
