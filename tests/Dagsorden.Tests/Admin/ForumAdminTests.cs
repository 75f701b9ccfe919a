using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Admin;

/// <summary>/admin/forummer and /admin/forummer/{code}: creating and editing forums, and their members.</summary>
public sealed class ForumAdminTests
{
    [Fact]
    public async Task CreatingAForumStoresEverySettingAndOpensItsPage()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);

        var response = await AdminTestSupport.PostAsync(admin, "/admin/forummer", "/admin/forummer",
            ("Code", " øu "), ("Name", " Økonomiudvalget "), ("Template", "Classic2014"), ("DefaultPlace", "Byrådssalen"), ("DefaultTime", "16.30"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/forummer/%C3%B8u", response.Headers.Location?.OriginalString);
        await using (var db = await database.OpenAsync())
        {
            var forum = await db.Forums.SingleAsync(f => f.Code == "ØU");
            Assert.Equal("Økonomiudvalget", forum.Name);
            Assert.Equal(DocumentTemplate.Classic2014, forum.Template);
            Assert.Equal("Byrådssalen", forum.DefaultPlace);
            Assert.Equal(new TimeOnly(16, 30), forum.DefaultStartTime);
        }

        var page = await AdminTestSupport.TextAsync(await admin.GetAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("Forummet Økonomiudvalget (ØU) er oprettet.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"16:30\"", page, StringComparison.Ordinal);
        var list = await AdminTestSupport.TextAsync(await admin.GetAsync("/admin/forummer"));
        Assert.Contains(">ØU</a>", list, StringComparison.Ordinal);
        Assert.Contains("kl. 16:30, Byrådssalen", list, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string, string> BadNewForums => new()
    {
        // code, name, template, place, time, message
        { "", "Nyt forum", "Standard2016", "", "", "Skriv forummets kode, fx CF." },
        { "cf-1", "Nyt forum", "Standard2016", "", "", "»cf-1« kan ikke bruges som kode." },
        { "1AB", "Nyt forum", "Standard2016", "", "", "»1AB« kan ikke bruges som kode." },
        { "ABCDEFGHIJK", "Nyt forum", "Standard2016", "", "", "»ABCDEFGHIJK« kan ikke bruges som kode." },
        { "cf", "Nyt forum", "Standard2016", "", "", "Der findes allerede et forum med koden CF." },
        { "NY", "", "Standard2016", "", "", "Skriv forummets navn, fx Chefforum." },
        { "NY", new string('n', 201), "Standard2016", "", "", "Navnet må højst være 200 tegn (nu 201)." },
        { "NY", "chefforum", "Standard2016", "", "", "Der findes allerede et forum med navnet chefforum." },
        { "NY", "Nyt forum", "", "", "", "Vælg en af skabelonerne." },
        { "NY", "Nyt forum", "1", "", "", "Vælg en af skabelonerne." },
        { "NY", "Nyt forum", "Standard2099", "", "", "Vælg en af skabelonerne." },
        { "NY", "Nyt forum", "Standard2016", new string('s', 301), "", "Mødestedet må højst være 300 tegn (nu 301)." },
        { "NY", "Nyt forum", "Standard2016", "Rådhuset\nlokale 2", "", "Mødestedet skal stå på én linje." },
        { "NY", "Nyt forum", "Standard2016", "", "25:00", "»25:00« er ikke et klokkeslæt. Skriv det som tt:mm, fx 09:00." },
        { "NY", "Nyt forum", "Standard2016", "", "kl. 9", "»kl. 9« er ikke et klokkeslæt." },
    };

    [Theory]
    [MemberData(nameof(BadNewForums))]
    public async Task BadNewForumIsRefusedWithADanishMessageAndChangesNothing(string code, string name, string template, string place, string time, string message)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var before = await AdminTestSupport.SnapshotAsync(database);

        var response = await AdminTestSupport.PostAsync(admin, "/admin/forummer", "/admin/forummer",
            ("Code", code), ("Name", name), ("Template", template), ("DefaultPlace", place), ("DefaultTime", time));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await AdminTestSupport.TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await AdminTestSupport.SnapshotAsync(database));
    }

    [Fact]
    public async Task EditingAForumSavesItsSettings()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);

        var response = await AdminTestSupport.PostAsync(admin, "/admin/forummer/cf?handler=Save", "/admin/forummer/cf",
            ("Name", "Chefforum for hele kommunen"), ("Template", "Classic2014"), ("DefaultPlace", "Mødelokale 2"), ("DefaultTime", "09:00"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = await database.OpenAsync();
        var forum = await db.Forums.SingleAsync(f => f.Code == "CF");
        Assert.Equal(("Chefforum for hele kommunen", DocumentTemplate.Classic2014, "Mødelokale 2", new TimeOnly(9, 0)), (forum.Name, forum.Template, forum.DefaultPlace, forum.DefaultStartTime));
        Assert.Contains("Forummets indstillinger er gemt.", await AdminTestSupport.TextAsync(await admin.GetAsync("/admin/forummer/cf")), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string> BadForumSettings => new()
    {
        // name, template, place, time, message
        { "  ", "Standard2016", "", "", "Skriv forummets navn." },
        { new string('n', 201), "Standard2016", "", "", "Navnet må højst være 200 tegn (nu 201)." },
        { "Direktørforum", "Standard2016", "", "", "Der findes allerede et andet forum med navnet Direktørforum." },
        { "Chefforum", "Classic", "", "", "Vælg en af skabelonerne." },
        { "Chefforum", "Standard2016", new string('s', 301), "", "Mødestedet må højst være 300 tegn (nu 301)." },
        { "Chefforum", "Standard2016", "", "9:75", "»9:75« er ikke et klokkeslæt." },
    };

    [Theory]
    [MemberData(nameof(BadForumSettings))]
    public async Task BadForumSettingsAreRefusedAndChangeNothing(string name, string template, string place, string time, string message)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        await using (var db = await database.OpenAsync())
        {
            db.Forums.Add(new Forum("DF", "Direktørforum"));
            await db.SaveChangesAsync();
        }

        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var before = await AdminTestSupport.SnapshotAsync(database);

        var response = await AdminTestSupport.PostAsync(admin, "/admin/forummer/cf?handler=Save", "/admin/forummer/cf",
            ("Name", name), ("Template", template), ("DefaultPlace", place), ("DefaultTime", time));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await AdminTestSupport.TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await AdminTestSupport.SnapshotAsync(database));
    }

    [Theory]
    [InlineData("/admin/forummer/xx")]
    [InlineData("/admin/forummer/xx/aarshjul")]
    [InlineData("/admin/forummer/%3Cscript%3E")]
    public async Task UnknownForumIsNotFound(string page)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);

        var response = await admin.GetAsync(page);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Siden findes ikke", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MembersAreAddedByEmailChangedAndRemoved()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var userId = await app.AddUserAsync("mette@example.test");
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);

        var added = await AdminTestSupport.PostAsync(admin, "/admin/forummer/cf?handler=AddMember", "/admin/forummer/cf", ("MemberEmail", " Mette@Example.test "), ("MemberRole", "Member"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(ForumRole.Member, await RoleAsync(database, userId));
        var page = await AdminTestSupport.TextAsync(await admin.GetAsync("/admin/forummer/cf"));
        Assert.Contains("Mette@Example.test er nu medlem i Chefforum.", page, StringComparison.Ordinal);
        Assert.Contains("<td>mette@example.test</td>", page, StringComparison.Ordinal);

        var changed = await AdminTestSupport.PostAsync(admin, "/admin/forummer/cf?handler=ChangeRole", "/admin/forummer/cf", ("userId", userId), ("role", "Secretary"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(ForumRole.Secretary, await RoleAsync(database, userId));

        // The member's own next request sees the new role: the secretariat link appears.
        using var mette = await app.SignInAsync("mette@example.test");
        Assert.Contains("href=\"/sekretariat\"", await mette.GetStringAsync("/"), StringComparison.Ordinal);

        var removed = await AdminTestSupport.PostAsync(admin, "/admin/forummer/cf?handler=RemoveMember", "/admin/forummer/cf", ("userId", userId));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await RoleAsync(database, userId));
        Assert.DoesNotContain("href=\"/sekretariat\"", await mette.GetStringAsync("/"), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadNewMembers => new()
    {
        // e-mail, role, message
        { "", "Member", "Skriv e-mailadressen på den bruger, der skal med i forummet." },
        { "ukendt@example.test", "Member", "Der findes ingen bruger med e-mailadressen ukendt@example.test. Opret brugeren under Brugere først." },
        { "mette@example.test", "Formand", "Vælg rollen Medlem eller Sekretær." },
        { "mette@example.test", "", "Vælg rollen Medlem eller Sekretær." },
        { "sekretaer@example.test", "Member", "sekretaer@example.test er allerede med i forummet som Sekretær." },
    };

    [Theory]
    [MemberData(nameof(BadNewMembers))]
    public async Task BadNewMemberIsRefusedAndChangesNothing(string email, string role, string message)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        await app.AddUserAsync("mette@example.test");
        await app.AddUserAsync("sekretaer@example.test", null, ("CF", ForumRole.Secretary));
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var before = await AdminTestSupport.SnapshotAsync(database);

        var response = await AdminTestSupport.PostAsync(admin, "/admin/forummer/cf?handler=AddMember", "/admin/forummer/cf", ("MemberEmail", email), ("MemberRole", role));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminTestSupport.TextAsync(response);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("value=\"Chefforum\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await AdminTestSupport.SnapshotAsync(database));
    }

    [Theory]
    [InlineData("ChangeRole", "member", "Formand", "Vælg rollen Medlem eller Sekretær.")]
    [InlineData("ChangeRole", "outsider", "Secretary", "Brugeren er ikke med i forummet.")]
    [InlineData("ChangeRole", "nobody", "Secretary", "Brugeren er ikke med i forummet.")]
    [InlineData("RemoveMember", "outsider", "", "Brugeren er ikke med i forummet.")]
    [InlineData("RemoveMember", "nobody", "", "Brugeren er ikke med i forummet.")]
    public async Task BadMemberChangeIsRefusedAndChangesNothing(string handler, string who, string role, string message)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var member = await app.AddUserAsync("mette@example.test", null, ("CF", ForumRole.Member));
        var outsider = await app.AddUserAsync("ole@example.test");
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var before = await AdminTestSupport.SnapshotAsync(database);
        var userId = who switch { "member" => member, "outsider" => outsider, _ => "findes-ikke" };

        var response = await AdminTestSupport.PostAsync(admin, $"/admin/forummer/cf?handler={handler}", "/admin/forummer/cf", ("userId", userId), ("role", role));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await AdminTestSupport.TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await AdminTestSupport.SnapshotAsync(database));
    }

    private static async Task<ForumRole?> RoleAsync(Support.TestDatabase database, string userId)
    {
        await using var db = await database.OpenAsync();
        return await db.ForumMemberships.Where(m => m.UserId == userId).Select(m => (ForumRole?)m.Role).SingleOrDefaultAsync();
    }
}
