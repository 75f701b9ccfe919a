using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Items;
using Dagsorden.Tests.Support;
using Dagsorden.Web.Attachments;

namespace Dagsorden.Tests.Security;

/// <summary>
/// Path traversal through an uploaded attachment's name: the file is stored under its hash inside
/// the attachment store whatever it is called, and the name offered on download has no folder.
/// (The download's header for a stored "../../etc/passwd": Web/AttachmentDownloadTests; zip slip in
/// ESDH exports: Esdh/MaliciousInputTests.)
/// </summary>
public sealed class PathTraversalTests
{
    [Theory]
    [InlineData("../../x.pdf")]
    [InlineData("../../../../../../tmp/dagsorden-traversal.pdf")]
    [InlineData("..\\..\\x.pdf")]
    [InlineData("/etc/dagsorden-traversal.pdf")]
    [InlineData("C:\\Windows\\System32\\x.pdf")]
    [InlineData("....//....//x.pdf")]
    [InlineData("%2e%2e%2fx.pdf")]
    public async Task AnUploadNamedOutsideTheStoreIsStoredInsideItAndOfferedWithoutAFolder(string name)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync("forfatter@example.test", SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Titel");
        var before = Files(database.Directory);

        var response = await EditorPages.EditAsync(client, $"/punkter/{id}", new() { ["Form.UploadTitle"] = "Bilag", ["Form.UploadPublic"] = "true" }, "vedhaeft", (name, EditorPages.Pdf("traversal")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var file = Assert.Single((await EditorPages.DraftAsync(database, id)).Content.Attachments).File!;
        var root = Path.GetFullPath(Path.Combine(database.Directory, "data", "attachments"));
        var stored = Path.GetFullPath(Path.Combine(root, file.StorageKey));
        Assert.StartsWith(root + Path.DirectorySeparatorChar, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("..", file.StorageKey, StringComparison.Ordinal);
        Assert.Contains(file.Sha256, file.StorageKey, StringComparison.Ordinal);
        Assert.DoesNotContain('/', file.FileName);
        var offered = AttachmentEndpoints.SafeFileName(file.FileName, 7);
        Assert.DoesNotContain('/', offered);
        Assert.DoesNotContain('\\', offered);
        Assert.DoesNotContain('\0', offered);
        Assert.False(offered.StartsWith('.'), offered);

        // The only new files are the store's own, under the store.
        Assert.All(Files(database.Directory).Except(before), f => Assert.StartsWith(root, f, StringComparison.Ordinal));
        Assert.False(File.Exists("/tmp/dagsorden-traversal.pdf"));
        Assert.False(File.Exists("/etc/dagsorden-traversal.pdf"));
    }

    private static HashSet<string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Where(f => !f.Contains("dagsorden.db", StringComparison.Ordinal)).ToHashSet();
}
