using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Admin;

/// <summary>The administration is for administrators: anonymous visitors are sent to sign in, everyone else gets 403.</summary>
public sealed class AdminAccessTests
{
    public static TheoryData<string> Pages => new("/admin", "/admin/forummer", "/admin/forummer/cf", "/admin/forummer/cf/aarshjul", "/admin/brugere");

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AnonymousVisitorIsSentToSignInAndBack(string page)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var client = app.CreateBrowserClient();

        var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/log-ind?tilbage=" + Uri.EscapeDataString(page), response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task UsersWithoutTheAdministratorRoleGetForbidden(string page)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var author = await app.SignInAsNewUserAsync("forfatter@example.test", SystemRoles.Author);
        using var secretary = await app.SignInAsNewUserAsync("sekretaer@example.test", null, ("CF", ForumRole.Secretary));
        using var employee = await app.SignInAsNewUserAsync("medarbejder@example.test");

        foreach (var client in new[] { author, secretary, employee })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Ingen adgang", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AdministratorSeesThePage(string page)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);

        var response = await admin.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"da\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonAdministratorsPostsAreForbiddenAndChangeNothing()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var secretary = await app.SignInAsNewUserAsync("sekretaer@example.test", null, ("CF", ForumRole.Secretary));
        var before = await AdminTestSupport.SnapshotAsync(database);

        // The token comes from a page the secretary may see; the post itself must still be refused.
        var posts = new[]
        {
            await AdminTestSupport.PostAsync(secretary, "/admin/forummer", "/konto/log-ud", ("Code", "NY"), ("Name", "Nyt forum"), ("Template", "Standard2016")),
            await AdminTestSupport.PostAsync(secretary, "/admin/forummer/cf?handler=Save", "/konto/log-ud", ("Name", "Omdøbt"), ("Template", "Standard2016")),
            await AdminTestSupport.PostAsync(secretary, "/admin/forummer/cf?handler=AddMember", "/konto/log-ud", ("MemberEmail", "sekretaer@example.test"), ("MemberRole", "Secretary")),
            await AdminTestSupport.PostAsync(secretary, "/admin/forummer/cf/aarshjul", "/konto/log-ud", ("forste", "2030-01-03"), ("interval", "2"), ("til", "2030-02-28")),
            await AdminTestSupport.PostAsync(secretary, "/admin/brugere?handler=Create", "/konto/log-ud", ("Email", "ny@example.test"), ("DisplayName", "Ny"), ("Roles", "Administrator"), ("Password", "lang-adgangskode-1")),
        };

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Forbidden, p.StatusCode));
        Assert.Equal(before, await AdminTestSupport.SnapshotAsync(database));
    }

    [Fact]
    public async Task HeaderLinksAdministrationForAdministratorsOnly()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);

        var page = await admin.GetStringAsync("/admin");

        Assert.Contains("href=\"/admin\">Administration</a>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/forummer\">Forummer</a>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/brugere\">Brugere</a>", page, StringComparison.Ordinal);
    }
}
