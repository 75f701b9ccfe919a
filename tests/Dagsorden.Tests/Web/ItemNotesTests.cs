using System.Net;
using Dagsorden.Core.Items;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Dagsorden.Tests.Web.WorkflowFixture;

namespace Dagsorden.Tests.Web;

/// <summary>A member's private notes on an item: only the writer ever reads them.</summary>
public sealed class ItemNotesTests
{
    private const string NoteMarker = "NOTE-V6B";
    private const string Budget = "/tf/2026-02-05/punkt/3";

    [Fact]
    public async Task MemberSavesANoteThatOnlyTheyEverSee()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var readers = await ReadersAsync(app);

        var response = await TestApp.PostFormAsync(readers.Member, Budget, new() { ["note"] = $"  Husk at spørge om {NoteMarker}.  " });
        var page = await readers.Member.GetStringAsync(Budget + "?noter=gemt");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Budget + "?noter=gemt#mine-noter", response.Headers.Location?.OriginalString);
        Assert.Contains($">Husk at spørge om {NoteMarker}.</textarea>", page, StringComparison.Ordinal);
        Assert.Contains("Noten er gemt.", page, StringComparison.Ordinal);
        Assert.Contains("Senest gemt", page, StringComparison.Ordinal);

        // Nobody else: not the forum's secretary, not another member, not an employee, not the public.
        using var otherMember = await app.SignInAsNewUserAsync("medlem2@example.test", null, ("TF", Core.Accounts.ForumRole.Member));
        foreach (var (name, client) in readers.Public.Append(("sekretær", readers.Secretary)).Append(("andet medlem", otherMember)))
        {
            foreach (var address in new[] { Budget, "/tf/2026-02-05", "/tf/2026-02-05.docx", "/soeg?q=husk" })
            {
                var text = await UnpublishedContentTests.TextAsync(await client.GetAsync(address));
                Assert.False(text.Contains(NoteMarker, StringComparison.Ordinal), $"{name} reads the note on {address}");
            }
        }

        Assert.DoesNotContain("Mine noter", await readers.Employee.GetStringAsync(Budget), StringComparison.Ordinal);
        Assert.DoesNotContain("Mine noter", await readers.OtherForumMember.GetStringAsync(Budget), StringComparison.Ordinal);
        Assert.Contains("Mine noter", await readers.Secretary.GetStringAsync(Budget), StringComparison.Ordinal);
        Assert.DoesNotContain(NoteMarker, await readers.Member.GetStringAsync("/tf/2026-02-05/punkt/2"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    public async Task EmptyNoteDeletesTheNote(string empty)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync("medlem@example.test", null, ("TF", Core.Accounts.ForumRole.Member));
        await TestApp.PostFormAsync(client, Budget, new() { ["note"] = NoteMarker });
        Assert.Equal(1, await NoteCountAsync(database));

        var response = await TestApp.PostFormAsync(client, Budget, new() { ["note"] = empty });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Budget + "?noter=slettet#mine-noter", response.Headers.Location?.OriginalString);
        Assert.Equal(0, await NoteCountAsync(database));
        Assert.Contains("Noten er slettet.", await client.GetStringAsync(Budget + "?noter=slettet"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooLongNoteIsRefusedWithADanishMessageAndTheStoredNoteIsUnchanged()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync("medlem@example.test", null, ("TF", Core.Accounts.ForumRole.Member));
        await TestApp.PostFormAsync(client, Budget, new() { ["note"] = NoteMarker });

        var response = await TestApp.PostFormAsync(client, Budget, new() { ["note"] = new string('x', ItemNote.MaxLength + 1) });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mine noter: Noten er 10001 tegn; højst 10000 er tilladt. Noten er ikke gemt.", html, StringComparison.Ordinal);
        await using var db = await database.OpenAsync();
        Assert.Equal(NoteMarker, (await db.ItemNotes.SingleAsync()).Text);
    }

    [Fact]
    public async Task NoteOfExactlyTheLimitIsSaved()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync("medlem@example.test", null, ("TF", Core.Accounts.ForumRole.Member));

        var response = await TestApp.PostFormAsync(client, Budget, new() { ["note"] = "<script>alert(1)</script>" + new string('æ', ItemNote.MaxLength - 25) });
        var page = await client.GetStringAsync(Budget);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = await database.OpenAsync();
        Assert.Equal(ItemNote.MaxLength, (await db.ItemNotes.SingleAsync()).Text.Length);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoteOnAnItemOfAnotherForumIsForbidden()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var readers = await ReadersAsync(app);

        // They get no note form; a valid antiforgery token for each comes from the sign-in page's form.
        var otherForum = await TestApp.PostFormAsync(readers.OtherForumMember, Budget, new() { ["note"] = NoteMarker }, formPage: "/konto/log-ind");
        var employee = await TestApp.PostFormAsync(readers.Employee, Budget, new() { ["note"] = NoteMarker }, formPage: "/konto/log-ind");
        var anonymous = await TestApp.PostFormAsync(readers.Anonymous, Budget, new() { ["note"] = NoteMarker }, formPage: "/konto/log-ind");

        Assert.Equal(HttpStatusCode.Forbidden, otherForum.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, employee.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/konto/log-ind?tilbage=", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await NoteCountAsync(database));
    }

    [Theory]
    [InlineData("/tf/2026-02-05/punkt/99", "Punkt 99 findes ikke på mødet.")]
    [InlineData("/tf/2026-02-05/punkt/6", "Punkt 6 findes ikke på mødet.")]
    [InlineData("/tf/2026-03-05/punkt/2", "er under forberedelse")]
    [InlineData("/tf/2026-13-05/punkt/2", "»2026-13-05« er ikke en dato.")]
    [InlineData("/xx/2026-02-05/punkt/2", "Der findes intet forum med koden »xx«.")]
    public async Task NoteOnAnUnknownItemIsNotFound(string address, string message)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync("medlem@example.test", null, ("TF", Core.Accounts.ForumRole.Member));

        // The form is taken from a real item page; the post goes to the unknown one.
        var response = await TestApp.PostFormAsync(client, address, new() { ["note"] = NoteMarker }, formPage: Budget);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await NoteCountAsync(database));
    }

    [Fact]
    public async Task NoteOnAPublishedItemTakenOffTheAgendaSinceIsNotFound()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var fixture = await SeedAsync(database);
        await using (var db = await database.OpenAsync())
        {
            var workflow = new Core.Meetings.MeetingWorkflow(db);
            await workflow.RemoveItemAsync(fixture.PublishedId, 4, (await workflow.LoadAsync(fixture.PublishedId)).Revision);
        }

        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync("medlem@example.test", null, ("TF", Core.Accounts.ForumRole.Member));

        var response = await TestApp.PostFormAsync(client, "/tf/2026-02-05/punkt/4", new() { ["note"] = NoteMarker });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Punktet findes ikke længere på mødet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await NoteCountAsync(database));
    }

    [Fact]
    public async Task UnknownNoteStatusInTheAddressShowsNoMessage()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync("medlem@example.test", null, ("TF", Core.Accounts.ForumRole.Member));

        var response = await client.GetAsync(Budget + "?noter=%3Cscript%3E");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("role=\"status\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }
}
