using System.Net;
using Dagsorden.Core.Communication;
using Dagsorden.Tests.Admin;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.FollowUps;

/// <summary>/admin/afdelinger: administrators create departments and change their names and addresses; bad values are refused by field.</summary>
public sealed class DepartmentAdminTests
{
    private const string Page = "/admin/afdelinger";

    [Fact]
    public async Task AdministratorCreatesRenamesAndReaddressesADepartment()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);

        var created = await Post(admin, "Create", ("navn", "  Økonomi og Analyse "), ("email", "oekonomi@kommune.example"));
        var id = (await DepartmentsAsync(database)).Single().Id;
        var saved = await Post(admin, "Save", ("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("navn", "Økonomi"), ("email", "budget@kommune.example"));
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (created.StatusCode, saved.StatusCode));
        var department = Assert.Single(await DepartmentsAsync(database));
        Assert.Equal(("Økonomi", "budget@kommune.example"), (department.Name, department.Email));
        Assert.Contains("Afdelingen Økonomi er gemt.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"budget@kommune.example\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/afdelinger\">Afdelinger</a>", await admin.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "hr@kommune.example", "Skriv afdelingens navn")]
    [InlineData("   ", "hr@kommune.example", "Skriv afdelingens navn")]
    [InlineData("HR\nLøn", "hr@kommune.example", "Navnet skal stå på én linje.")]
    [InlineData("økonomi", "ny@kommune.example", "Der findes allerede en afdeling med navnet økonomi.")]
    [InlineData("HR", "", "Skriv den e-mailadresse, afdelingens beslutninger sendes til.")]
    [InlineData("HR", "ikke en adresse", "»ikke en adresse« er ikke en e-mailadresse.")]
    [InlineData("HR", "hr@", "»hr@« er ikke en e-mailadresse.")]
    [InlineData("HR", "a@b.dk, c@d.dk", "»a@b.dk, c@d.dk« er ikke en e-mailadresse.")]
    [InlineData("HR", "Personale <hr@kommune.example>", "»Personale <hr@kommune.example>« er ikke en e-mailadresse.")]
    public async Task BadValuesAreRefusedByFieldAndChangeNothing(string name, string email, string message)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(admin, "Create", ("navn", "Økonomi"), ("email", "oekonomi@kommune.example"))).StatusCode);
        var economyId = (await DepartmentsAsync(database)).Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var create = await Post(admin, "Create", ("navn", name), ("email", email));
        // Saving a department under its own name (in any case) is no duplicate; the other bad values are refused there too.
        var save = name == "økonomi" ? null : await Post(admin, "Save", ("id", economyId), ("navn", name), ("email", email));

        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        Assert.Contains(message, await AdminTestSupport.TextAsync(create), StringComparison.Ordinal);
        if (save is not null)
        {
            Assert.Equal(HttpStatusCode.OK, save.StatusCode);
            Assert.Contains(message, await AdminTestSupport.TextAsync(save), StringComparison.Ordinal);
        }

        var department = Assert.Single(await DepartmentsAsync(database));
        Assert.Equal(("Økonomi", "oekonomi@kommune.example"), (department.Name, department.Email));
    }

    [Fact]
    public async Task RenamingOntoAnotherDepartmentsNameIsRefusedButKeepingOnesOwnIsNot()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        await Post(admin, "Create", ("navn", "Økonomi"), ("email", "oekonomi@kommune.example"));
        await Post(admin, "Create", ("navn", "HR"), ("email", "hr@kommune.example"));
        var hr = (await DepartmentsAsync(database)).Single(d => d.Name == "HR").Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var onto = await Post(admin, "Save", ("id", hr), ("navn", "ØKONOMI"), ("email", "hr@kommune.example"));
        var own = await Post(admin, "Save", ("id", hr), ("navn", "hr"), ("email", "personale@kommune.example"));

        Assert.Contains("Der findes allerede en afdeling med navnet ØKONOMI.", await AdminTestSupport.TextAsync(onto), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal(["hr", "Økonomi"], (await DepartmentsAsync(database)).Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("9999")]
    [InlineData("abc")]
    public async Task SavingAnUnknownDepartmentIsRefused(string id)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);

        var response = await Post(admin, "Save", ("id", id), ("navn", "Spøgelse"), ("email", "x@kommune.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Afdelingen findes ikke (længere).", await AdminTestSupport.TextAsync(response), StringComparison.Ordinal);
        Assert.Empty(await DepartmentsAsync(database));
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string handler, params (string Name, string Value)[] fields) =>
        AdminTestSupport.PostAsync(client, $"{Page}?handler={handler}", Page, fields);

    private static async Task<List<Department>> DepartmentsAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        return await db.Departments.AsNoTracking().ToListAsync();
    }
}
