using System.Net;
using System.Security.Cryptography;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dagsorden.Tests.Web;

/// <summary>
/// GET /bilag/{id} against guessed ids: every attachment a reader may not read answers 404, exactly
/// like one that does not exist, and the one reader who may gets the stored bytes.
/// </summary>
public sealed class AttachmentDownloadTests
{
    [Fact]
    public async Task TheItemPageLinksExactlyTheFilesTheReaderMayDownload()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        var seeded = await SeedAsync(database, app);
        using var readers = await WorkflowFixture.ReadersAsync(app);
        var publicLink = $"href=\"/bilag/{seeded["Offentligt bilag"].Id}\"";
        var internalLink = $"href=\"/bilag/{seeded["Internt notat"].Id}\"";
        var unpublishedLink = $"href=\"/bilag/{seeded["Upubliceret bilag"].Id}\"";

        foreach (var (reader, client) in readers.All)
        {
            var page = await client.GetStringAsync("/tf/2026-02-05/punkt/2");
            var closedPage = await client.GetStringAsync("/tf/2026-02-05/punkt/3");
            var isMember = reader is "medlem" or "sekretær";

            Assert.True(page.Contains(publicLink, StringComparison.Ordinal), $"{reader} gets no link to the public file");
            Assert.True(page.Contains("Offentligt bilag</a> (PNG-billede, 1 kB)", StringComparison.Ordinal), $"{reader}: {page}");
            Assert.Equal(isMember, page.Contains(internalLink, StringComparison.Ordinal));
            Assert.Equal(isMember, closedPage.Contains($"href=\"/bilag/{seeded["Lukket bilag"].Id}\"", StringComparison.Ordinal));
            // The item page shows the published version, so a file added since is not offered there, not even to the secretary.
            Assert.DoesNotContain(unpublishedLink, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EachReaderDownloadsExactlyTheAttachmentsTheyMayReadAndEveryOtherIdIsNotFound()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        var seeded = await SeedAsync(database, app);
        using var readers = await WorkflowFixture.ReadersAsync(app);

        // Who may read each attachment; everyone else gets 404.
        var expected = new (string Name, string[] Readers)[]
        {
            ("Offentligt bilag", ["anonym", "medarbejder", "medlem af andet forum", "medlem", "sekretær"]),
            ("Internt notat", ["medlem", "sekretær"]),
            ("Lukket bilag", ["medlem", "sekretær"]),
            ("Upubliceret bilag", ["sekretær"]),
            ("Planlagt bilag", ["sekretær"]),
            ("Andet forums notat", ["medlem af andet forum"]),
        };
        foreach (var (name, allowed) in expected)
        {
            var (id, sha256) = seeded[name];
            foreach (var (reader, client) in readers.All)
            {
                using var response = await client.GetAsync($"/bilag/{id}");
                if (allowed.Contains(reader))
                {
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reader} should read {name}: {response.StatusCode}");
                    Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())));
                    Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
                    Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
                    Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
                    if (name != "Offentligt bilag")
                    {
                        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"{name} for {reader} may be cached: {response.Headers.CacheControl}");
                    }
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{reader} must not learn of {name}: {response.StatusCode}");
                }
            }
        }
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("%2E%2E%2Fdagsorden.db")]
    [InlineData("1%20OR%201=1")]
    [InlineData("99999999999999999999")]
    public async Task UnknownOrMalformedIdIsNotFoundForEveryone(string id)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await SeedAsync(database, app);
        using var readers = await WorkflowFixture.ReadersAsync(app);

        foreach (var (reader, client) in readers.All)
        {
            using var response = await client.GetAsync("/bilag/" + id);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{reader}, /bilag/{id}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task DownloadOffersTheDeliveredNameWithoutAnyFolderAsAnRfc6266Filename()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        var seeded = await SeedAsync(database, app);
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/bilag/{seeded["Offentligt bilag"].Id}");
        var disposition = response.Content.Headers.ContentDisposition!;

        Assert.Equal("Bilag æøå.png", disposition.FileNameStar);
        Assert.DoesNotContain('/', disposition.FileName!);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Windows\\evil.exe", "evil.exe")]
    [InlineData("a\"b\r\nSet-Cookie: x.pdf", "a_b__Set-Cookie_ x.pdf")]
    [InlineData("...", "bilag-7")]
    [InlineData("", "bilag-7")]
    public void SafeFileNameKeepsNoFolderQuoteOrLineBreak(string delivered, string offered) =>
        Assert.Equal(offered, Dagsorden.Web.Attachments.AttachmentEndpoints.SafeFileName(delivered, 7));

    /// <summary>
    /// TF (workflow): a published meeting with a public and an internal attachment on an open item, a
    /// closed item's attachment, and one added after publishing; a planned meeting's attachment. AF: an
    /// internal attachment of another forum's published meeting. Each file has its own bytes.
    /// </summary>
    internal static async Task<Dictionary<string, (int Id, string Sha256)>> SeedAsync(TestDatabase database, TestApp app)
    {
        var store = app.Services.GetRequiredService<AttachmentStore>();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);

        async Task<AttachmentContent> FileAsync(string title, bool isPublic, string fileName)
        {
            byte[] bytes = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. System.Text.Encoding.UTF8.GetBytes(title + Guid.NewGuid())];
            var file = await store.StoreAsync(bytes, fileName, "test");
            hashes[title] = file.Sha256;
            return new AttachmentContent(title, isPublic, file);
        }

        await using var db = await database.OpenAsync();
        var forum = new Forum("TF", "Testforum");
        db.Forums.Add(forum);
        var other = new Forum("AF", "Andet forum");
        db.Forums.Add(other);
        await db.SaveChangesAsync();
        var workflow = new MeetingWorkflow(db);

        var published = await workflow.PlanAsync(forum.Id, new DateOnly(2026, 2, 5), null, null);
        await WorkflowFixture.PlaceAsync(db, published.Id, Builders.OpenItem("Budget", null, "Tekst.", await FileAsync("Offentligt bilag", true, "mappe/Bilag æøå.png"), await FileAsync("Internt notat", false, "notat.png")));
        await WorkflowFixture.PlaceAsync(db, published.Id, Builders.ClosedItem("LUKKET", "00.01.00-A00-96-26") with { Attachments = [await FileAsync("Lukket bilag", true, "lukket.png")] });
        await workflow.PublishAgendaAsync(published.Id, "Sekretær");
        var budget = (await workflow.LoadAsync(published.Id)).Item(2);
        await workflow.EditItemAsync(published.Id, 2, budget.Content with { Attachments = [.. budget.Content.Attachments, await FileAsync("Upubliceret bilag", true, "ny.png")] }, budget.Revision);

        var planned = await workflow.PlanAsync(forum.Id, new DateOnly(2026, 3, 5), null, null);
        await WorkflowFixture.PlaceAsync(db, planned.Id, Builders.OpenItem("Plan", null, "Tekst.", await FileAsync("Planlagt bilag", true, "plan.png")));

        var elsewhere = await workflow.PlanAsync(other.Id, new DateOnly(2026, 2, 12), null, null);
        await WorkflowFixture.PlaceAsync(db, elsewhere.Id, Builders.OpenItem("Andet", null, "Tekst.", await FileAsync("Andet forums notat", false, "andet.png")));
        await workflow.PublishAgendaAsync(elsewhere.Id, "Sekretær");

        var rows = await db.Attachments.AsNoTracking().ToListAsync();
        return hashes.ToDictionary(h => h.Key, h => (rows.Single(a => a.Title == h.Key).Id, h.Value), StringComparer.Ordinal);
    }
}
