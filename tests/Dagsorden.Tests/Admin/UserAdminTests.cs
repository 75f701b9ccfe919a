using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Admin;

/// <summary>/admin/brugere: creating users, changing their system roles and unlocking them.</summary>
public sealed class UserAdminTests
{
    private const string Page = "/admin/brugere";

    [Fact]
    public async Task CreatedUserHasTheRolesAndSignsInWithTheInitialPassword()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);

        var response = await AdminTestSupport.PostAsync(admin, Page + "?handler=Create", Page,
            ("Email", " frida@example.test "), ("DisplayName", " Frida Hansen "), ("Roles", "Forfatter"), ("Password", "første-kode-42"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await AdminTestSupport.TextAsync(await admin.GetAsync(Page));
        Assert.Contains("Brugeren frida@example.test er oprettet.", list, StringComparison.Ordinal);
        Assert.Contains("<td>Frida Hansen<br><span class=\"muted\">frida@example.test</span></td>", list, StringComparison.Ordinal);
        using var frida = await app.SignInAsync("frida@example.test", "første-kode-42");
        var home = await frida.GetStringAsync("/");
        Assert.Contains("<span class=\"site-user\">Frida Hansen</span>", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/punkter\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", home, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string[], string, string> BadNewUsers => new()
    {
        // e-mail, name, roles, password, message
        { "", "Frida Hansen", [], "første-kode-42", "Skriv brugerens e-mailadresse." },
        { "frida", "Frida Hansen", [], "første-kode-42", "»frida« er ikke en gyldig e-mailadresse." },
        { "frida@example", "Frida Hansen", [], "første-kode-42", "»frida@example« er ikke en gyldig e-mailadresse." },
        { "frida hansen@example.test", "Frida Hansen", [], "første-kode-42", "»frida hansen@example.test« er ikke en gyldig e-mailadresse." },
        { new string('f', 250) + "@example.test", "Frida Hansen", [], "første-kode-42", "E-mailadressen må højst være 256 tegn." },
        { "ADMIN@example.test", "Frida Hansen", [], "første-kode-42", "Der findes allerede en bruger med e-mailadressen ADMIN@example.test." },
        { "frida@example.test", "", [], "første-kode-42", "Skriv brugerens navn, fx Mette Hansen." },
        { "frida@example.test", new string('n', 201), [], "første-kode-42", "Navnet må højst være 200 tegn (nu 201)." },
        { "frida@example.test", "Frida Hansen", ["Superbruger"], "første-kode-42", "Ukendt rolle: »Superbruger«." },
        { "frida@example.test", "Frida Hansen", [], "", "Skriv en første adgangskode til brugeren." },
        { "frida@example.test", "Frida Hansen", [], "kort-1", "Adgangskoden skal være mindst 10 tegn." },
        { "frida@example.test", "Frida Hansen", [], "ingen-tal-her", "Adgangskoden skal indeholde mindst ét tal." },
        { "frida@example.test", "Frida Hansen", [], "1234567890", "Adgangskoden skal indeholde mindst ét lille bogstav." },
    };

    [Theory]
    [MemberData(nameof(BadNewUsers))]
    public async Task BadNewUserIsRefusedWithADanishMessageAndChangesNothing(string email, string name, string[] roles, string password, string message)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var before = await AdminTestSupport.SnapshotAsync(database);
        var fields = new List<(string, string)> { ("Email", email), ("DisplayName", name), ("Password", password) };
        fields.AddRange(roles.Select(r => ("Roles", r)));

        var response = await AdminTestSupport.PostAsync(admin, Page + "?handler=Create", Page, [.. fields]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminTestSupport.TextAsync(response);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"" + password + "\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await AdminTestSupport.SnapshotAsync(database));
    }

    [Fact]
    public async Task SystemRolesAreChangedAndTakeEffectAtTheUsersNextRequest()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var userId = await app.AddUserAsync("mads@example.test");
        using var mads = await app.SignInAsync("mads@example.test");
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);

        var granted = await AdminTestSupport.PostAsync(admin, Page + "?handler=Roles", Page, ("userId", userId), ("roles", "Administrator"), ("roles", "Forfatter"));

        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Contains("Rollerne for mads@example.test er gemt.", await AdminTestSupport.TextAsync(await admin.GetAsync(Page)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await mads.GetAsync("/admin")).StatusCode);

        var revoked = await AdminTestSupport.PostAsync(admin, Page + "?handler=Roles", Page, ("userId", userId));

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mads.GetAsync("/admin")).StatusCode);
        await using var db = await database.OpenAsync();
        Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == userId));
    }

    [Theory]
    [InlineData("other", new[] { "Superbruger" }, "Ukendt rolle: »Superbruger«.")]
    [InlineData("nobody", new[] { "Forfatter" }, "Brugeren findes ikke.")]
    [InlineData("self", new string[0], "admin@example.test er den eneste administrator. Giv en anden bruger rollen Administrator, før du fjerner den her.")]
    [InlineData("self", new[] { "Forfatter" }, "admin@example.test er den eneste administrator.")]
    public async Task BadRoleChangeIsRefusedAndChangesNothing(string who, string[] roles, string message)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        var other = await app.AddUserAsync("mads@example.test");
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var self = await UserIdAsync(database, AdminTestSupport.AdminEmail);
        var before = await AdminTestSupport.SnapshotAsync(database);
        var fields = new List<(string, string)> { ("userId", who switch { "other" => other, "self" => self, _ => "findes-ikke" }) };
        fields.AddRange(roles.Select(r => ("roles", r)));

        var response = await AdminTestSupport.PostAsync(admin, Page + "?handler=Roles", Page, [.. fields]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await AdminTestSupport.TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await AdminTestSupport.SnapshotAsync(database));
    }

    [Fact]
    public async Task AnAdministratorMayStepDownWhenAnotherRemains()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        await app.AddUserAsync("ada@example.test", SystemRoles.Administrator);
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var self = await UserIdAsync(database, AdminTestSupport.AdminEmail);

        var response = await AdminTestSupport.PostAsync(admin, Page + "?handler=Roles", Page, ("userId", self), ("roles", "Forfatter"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task LockedOutUserIsShownAndUnlocked()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        await app.AddUserAsync("mads@example.test");
        using (var guesser = app.CreateBrowserClient())
        {
            for (var i = 0; i < 5; i++)
                await TestApp.PostFormAsync(guesser, "/konto/log-ind", new() { ["Email"] = "mads@example.test", ["Password"] = "forkert-kode-" + i });
        }

        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var list = await AdminTestSupport.TextAsync(await admin.GetAsync(Page));
        Assert.Contains("<span>Låst til ", list, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Lås kontoen for mads@example.test op\"", list, StringComparison.Ordinal);

        var response = await AdminTestSupport.PostAsync(admin, Page + "?handler=Unlock", Page, ("userId", await UserIdAsync(database, "mads@example.test")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await AdminTestSupport.TextAsync(await admin.GetAsync(Page));
        Assert.Contains("Kontoen for mads@example.test er låst op.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Låst til", after, StringComparison.Ordinal);
        using var mads = await app.SignInAsync("mads@example.test");
        Assert.Contains("site-user", await mads.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministratorGivesAUserWhoForgotTheirPasswordANewOne()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        await app.AddUserAsync("mads@example.test");
        using var oldSession = await app.SignInAsync("mads@example.test");
        using (var guesser = app.CreateBrowserClient())
        {
            for (var i = 0; i < 5; i++)
                await TestApp.PostFormAsync(guesser, "/konto/log-ind", new() { ["Email"] = "mads@example.test", ["Password"] = "forkert-kode-" + i });
        }

        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var list = await AdminTestSupport.TextAsync(await admin.GetAsync(Page));
        Assert.Contains("aria-label=\"Gem ny adgangskode til mads@example.test\"", list, StringComparison.Ordinal);

        var response = await AdminTestSupport.PostAsync(admin, Page + "?handler=Password", Page,
            ("userId", await UserIdAsync(database, "mads@example.test")), ("newPassword", "nyt-kodeord-77"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await AdminTestSupport.TextAsync(await admin.GetAsync(Page));
        Assert.Contains("mads@example.test har fået en ny adgangskode", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Låst til", after, StringComparison.Ordinal);
        Assert.DoesNotContain("nyt-kodeord-77", after, StringComparison.Ordinal);
        using var mads = await app.SignInAsync("mads@example.test", "nyt-kodeord-77");
        Assert.Contains("site-user", await mads.GetStringAsync("/"), StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync("mads@example.test"));

        // The session that was open before the change is no longer signed in.
        Assert.DoesNotContain("site-user", await oldSession.GetStringAsync("/"), StringComparison.Ordinal);
        await using var db = await database.OpenAsync();
        Assert.False(await db.AuditEntries.AnyAsync(e => (e.OldValue ?? "").Contains("kodeord") || (e.NewValue ?? "").Contains("kodeord")));
    }

    [Fact]
    public async Task AnAdministratorWhoSetsTheirOwnPasswordStaysSignedIn()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var adminId = await UserIdAsync(database, "admin@example.test");

        var response = await AdminTestSupport.PostAsync(admin, Page + "?handler=Password", Page, ("userId", adminId), ("newPassword", "eget-nyt-kodeord-5"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("admin@example.test har fået en ny adgangskode", await AdminTestSupport.TextAsync(await admin.GetAsync(Page)), StringComparison.Ordinal);
        using var again = await app.SignInAsync("admin@example.test", "eget-nyt-kodeord-5");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(Page)).StatusCode);
    }

    public static TheoryData<string?, string?, string> BadNewPasswords => new()
    {
        // user ("mads" for the existing user), new password, message
        { "mads", "", "Skriv en adgangskode." },
        { "mads", null, "Skriv en adgangskode." },
        { "mads", "kort-1", "Adgangskoden skal være mindst 10 tegn." },
        { "mads", "ingen-tal-her", "Adgangskoden skal indeholde mindst ét tal." },
        { "mads", "1234567890", "Adgangskoden skal indeholde mindst ét lille bogstav." },
        { "findes-ikke", "nyt-kodeord-77", "Brugeren findes ikke." },
        { "", "nyt-kodeord-77", "Brugeren findes ikke." },
        { null, "nyt-kodeord-77", "Brugeren findes ikke." },
    };

    [Theory]
    [MemberData(nameof(BadNewPasswords))]
    public async Task BadNewPasswordIsRefusedWithADanishMessageAndTheOldOneStillWorks(string? user, string? password, string message)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        await app.AddUserAsync("mads@example.test");
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var before = await AdminTestSupport.SnapshotAsync(database);
        var fields = new List<(string, string)>();
        if (user is not null)
            fields.Add(("userId", user == "mads" ? await UserIdAsync(database, "mads@example.test") : user));
        if (password is not null)
            fields.Add(("newPassword", password));

        var response = await AdminTestSupport.PostAsync(admin, Page + "?handler=Password", Page, [.. fields]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AdminTestSupport.TextAsync(response);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Equal(before, await AdminTestSupport.SnapshotAsync(database));
        using var mads = await app.SignInAsync("mads@example.test");
    }

    [Fact]
    public async Task OnlyAnAdministratorMaySetAPassword()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        await app.AddUserAsync("mads@example.test");
        var madsId = await UserIdAsync(database, "mads@example.test");
        using var secretary = await app.SignInAsNewUserAsync("sekretaer@example.test");
        var before = await AdminTestSupport.SnapshotAsync(database);

        var response = await AdminTestSupport.PostAsync(secretary, Page + "?handler=Password", "/", ("userId", madsId), ("newPassword", "overtaget-kode-1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await AdminTestSupport.SnapshotAsync(database));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync("mads@example.test", "overtaget-kode-1"));
    }

    [Fact]
    public async Task UnlockingAnUnknownUserIsRefused()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var before = await AdminTestSupport.SnapshotAsync(database);

        var response = await AdminTestSupport.PostAsync(admin, Page + "?handler=Unlock", Page, ("userId", "findes-ikke"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Brugeren findes ikke.", await AdminTestSupport.TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await AdminTestSupport.SnapshotAsync(database));
    }

    private static async Task<string> UserIdAsync(TestDatabase database, string email)
    {
        await using var db = await database.OpenAsync();
        var normalized = new UpperInvariantLookupNormalizer().NormalizeEmail(email);
        return await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync();
    }
}
