using Dagsorden.Core.Accounts;
using Dagsorden.Core.Import;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dagsorden.Tests.Web;

/// <summary>
/// The meeting page's short output cache keeps only the public's answer: a member always gets the
/// closed items fresh, the public never gets them, a signed-in user's change empties the cache, and
/// public PDFs are rendered once and served the same.
/// </summary>
public sealed class PublicPageCacheTests
{
    private const string Marker = "FORTROLIG-C4C";

    [Fact]
    public async Task OnlyTheAnonymousViewIsCachedAndAMembersViewNeverLeaks()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = await database.OpenAsync())
            await new MeetingImporter(db).StoreAsync(Builders.MeetingWithClosedItem(Marker));
        await using var testApp = new TestApp(database);
        await testApp.AddUserAsync("medlem@example.dk", null, ("TF", ForumRole.Member));
        using var app = testApp.WithWebHostBuilder(b => b.UseSetting("PublicPageCacheSeconds", "60"));
        using var anonymous = app.CreateClient();

        var first = await anonymous.GetAsync("/tf/2025-06-05");
        var second = await anonymous.GetAsync("/tf/2025-06-05");
        using var member = await SignInAsync(app, "medlem@example.dk");
        var asMember = await (await member.GetAsync("/tf/2025-06-05")).Content.ReadAsStringAsync();
        var afterMember = await anonymous.GetAsync("/tf/2025-06-05");

        Assert.False(first.Headers.Contains("Age"), "the first answer is rendered");
        Assert.True(second.Headers.Contains("Age"), "the second anonymous answer comes from the cache");
        Assert.Contains(Marker, asMember, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, await afterMember.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Any change by a signed-in user through the site empties the cache.
        await TestApp.PostFormAsync(member, "/konto/log-ud", new(), "/tf/2025-06-05");
        var afterChange = await anonymous.GetAsync("/tf/2025-06-05");
        Assert.False(afterChange.Headers.Contains("Age"), "rendered again after a signed-in POST");
    }

    [Fact]
    public async Task APublicPdfIsRenderedOnceAndServedTheSameWhileAMembersIsItsOwn()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = await database.OpenAsync())
            await new MeetingImporter(db).StoreAsync(Builders.MeetingWithClosedItem(Marker));
        await using var app = new TestApp(database);
        await app.AddUserAsync("medlem@example.dk", null, ("TF", ForumRole.Member));
        using var anonymous = app.CreateClient();

        var pdfs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => anonymous.GetByteArrayAsync("/tf/2025-06-05.pdf")));
        using var member = await app.SignInAsync("medlem@example.dk");
        var memberPdf = await member.GetByteArrayAsync("/tf/2025-06-05.pdf");

        Assert.All(pdfs, pdf => Assert.Equal(pdfs[0], pdf));
        Assert.DoesNotContain(Marker, Documents.DocumentLeakTests.PdfText(pdfs[0]), StringComparison.Ordinal);
        Assert.Contains(Marker, Documents.DocumentLeakTests.PdfText(memberPdf), StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await TestApp.PostFormAsync(client, "/konto/log-ind", new() { ["Email"] = email, ["Password"] = TestApp.Password });
        return client;
    }
}
