using System.Net;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Admin;

/// <summary>/admin/forummer/{code}/aarshjul: a rule previews its dates (GET) and plans the meetings (POST).</summary>
public sealed class YearPlanTests
{
    private const string Page = "/admin/forummer/cf/aarshjul";

    [Fact]
    public async Task FormStartsWithJulyLeftOutAndTheForumsTimeAndPlace()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        await using (var db = await database.OpenAsync())
        {
            var forum = await db.Forums.SingleAsync();
            forum.Update(forum.Name, forum.Template, "Mødelokale 2", new TimeOnly(9, 0));
            await db.SaveChangesAsync();
        }

        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);

        var page = await AdminTestSupport.TextAsync(await admin.GetAsync(Page));

        Assert.Contains("name=\"udelad\" value=\"7\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(page, "checked=\"checked\""));
        Assert.Contains("id=\"tid\" name=\"tid\" type=\"time\" value=\"09:00\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Mødelokale 2\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Opret møderne", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewListsTheDatesAndMarksThoseThatExist()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        await PlanAsync(database, new DateOnly(2030, 1, 31));
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var before = await AdminTestSupport.SnapshotAsync(database);

        var page = await AdminTestSupport.TextAsync(await admin.GetAsync(Page + "?forste=2030-01-03&interval=2&til=2030-03-31&tid=09:00&sted=&udelad=2"));

        Assert.Contains("Reglen giver 5 datoer: 4 nye møder, 1 findes allerede.", page, StringComparison.Ordinal);
        Assert.Contains("<li>Torsdag d. 3. januar 2030</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Torsdag d. 17. januar 2030</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li class=\"exists\">Torsdag d. 31. januar 2030 – findes allerede</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("februar 2030", page, StringComparison.Ordinal);
        Assert.Contains("<li>Torsdag d. 14. marts 2030</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Torsdag d. 28. marts 2030</li>", page, StringComparison.Ordinal);
        Assert.Contains("Opret møderne", page, StringComparison.Ordinal);
        Assert.Equal(before, await AdminTestSupport.SnapshotAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreatingPlansTheNewDatesAndSkipsExistingOnes(StorageProvider provider)
    {
        var (database, app) = await AdminTestSupport.StartAsync(provider);
        await using var _ = database;
        await using var __ = app;
        await PlanAsync(database, new DateOnly(2030, 1, 31));
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);

        var response = await AdminTestSupport.PostAsync(admin, Page, Page + "?forste=2030-01-03&interval=2&til=2030-03-31",
            ("forste", "2030-01-03"), ("interval", "2"), ("til", "2030-03-31"), ("tid", "13.30"), ("sted", "Byrådssalen"), ("udelad", "2"), ("udelad", "7"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Page, response.Headers.Location?.OriginalString);
        await using (var db = await database.OpenAsync())
        {
            var meetings = await db.Meetings.AsNoTracking().OrderBy(m => m.Date).ToListAsync();
            Assert.Equal(
                [new DateOnly(2030, 1, 3), new DateOnly(2030, 1, 17), new DateOnly(2030, 1, 31), new DateOnly(2030, 3, 14), new DateOnly(2030, 3, 28)],
                meetings.Select(m => m.Date));
            var planned = meetings.Where(m => m.Date != new DateOnly(2030, 1, 31)).ToList();
            Assert.All(planned, m => Assert.Equal((MeetingStatus.Planned, new TimeOnly(13, 30), "Byrådssalen"), (m.Status, m.StartTime, m.Place)));
            Assert.Equal(2, await db.Items.CountAsync(i => i.MeetingId == planned[0].Id));
        }

        var page = await AdminTestSupport.TextAsync(await admin.GetAsync(Page));
        Assert.Contains("4 møder er oprettet. 1 dato havde allerede et møde og blev sprunget over.", page, StringComparison.Ordinal);
        Assert.Contains("<li>Torsdag d. 14. marts 2030</li>", page, StringComparison.Ordinal);

        // The same rule again creates nothing more.
        await AdminTestSupport.PostAsync(admin, Page, "/admin/forummer/cf", ("forste", "2030-01-03"), ("interval", "2"), ("til", "2030-03-31"), ("udelad", "2"));
        Assert.Contains("0 møder er oprettet. 5 datoer havde allerede et møde og blev sprunget over.", await AdminTestSupport.TextAsync(await admin.GetAsync(Page)), StringComparison.Ordinal);
        await using var after = await database.OpenAsync();
        Assert.Equal(5, await after.Meetings.CountAsync());
    }

    public static TheoryData<string, string, string, string, string, string[], string> BadRules => new()
    {
        // first, interval, until, time, place, months left out, message
        { "", "2", "2030-03-31", "", "", [], "Skriv datoen for det første møde." },
        { "03-01-2030", "2", "2030-03-31", "", "", [], "»03-01-2030« er ikke en dato. Skriv datoen for det første møde som åååå-mm-dd" },
        { "2030-02-30", "2", "2030-03-31", "", "", [], "»2030-02-30« er ikke en dato." },
        { "2030-01-03", "2", "", "", "", [], "Skriv den sidste mulige mødedato." },
        { "2030-01-03", "2", "2029-12-31", "", "", [], "Slutdatoen ligger før den første mødedato." },
        { "2030-01-03", "", "2030-03-31", "", "", [], "Skriv, hvor mange uger der går mellem møderne." },
        { "2030-01-03", "0", "2030-03-31", "", "", [], "»0« kan ikke bruges. Intervallet skal være et helt antal uger mellem 1 og 52." },
        { "2030-01-03", "53", "2030-03-31", "", "", [], "»53« kan ikke bruges." },
        { "2030-01-03", "-1", "2030-03-31", "", "", [], "»-1« kan ikke bruges." },
        { "2030-01-03", "2.5", "2030-03-31", "", "", [], "»2.5« kan ikke bruges." },
        { "2030-01-03", "2", "2030-03-31", "24:00", "", [], "»24:00« er ikke et klokkeslæt." },
        { "2030-01-03", "2", "2030-03-31", "", new string('s', 301), [], "Mødestedet må højst være 300 tegn (nu 301)." },
        { "2030-01-03", "2", "2030-03-31", "", "", ["13"], "»13« er ikke en måned." },
        { "2030-01-03", "2", "2030-03-31", "", "", ["juli"], "»juli« er ikke en måned." },
        { "2030-01-03", "1", "2035-12-31", "", "", [], "Planen giver mere end 200 møder; vælg en kortere periode." },
        { "2030-01-03", "2", "2030-01-31", "", "", ["1"], "Reglen giver ingen mødedatoer." },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task BadRuleIsRefusedWithADanishMessageAndPlansNothing(string first, string interval, string until, string time, string place, string[] months, string message)
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);
        var before = await AdminTestSupport.SnapshotAsync(database);
        var fields = new List<(string, string)> { ("forste", first), ("interval", interval), ("til", until), ("tid", time), ("sted", place) };
        fields.AddRange(months.Select(m => ("udelad", m)));

        // The rule is bad, so its preview has no create form; any of the user's tokens will do.
        var response = await AdminTestSupport.PostAsync(admin, Page, "/admin/forummer/cf", [.. fields]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await AdminTestSupport.TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await AdminTestSupport.SnapshotAsync(database));
    }

    [Fact]
    public async Task BadRuleInThePreviewShowsTheMessageAndNoCreateButton()
    {
        var (database, app) = await AdminTestSupport.StartAsync();
        await using var _ = database;
        await using var __ = app;
        using var admin = await AdminTestSupport.SignInAsAdministratorAsync(app);

        var page = await AdminTestSupport.TextAsync(await admin.GetAsync(Page + "?forste=2030-01-03&interval=0&til=2030-03-31"));

        Assert.Contains("»0« kan ikke bruges. Intervallet skal være et helt antal uger mellem 1 og 52.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Opret møderne", page, StringComparison.Ordinal);
        Assert.Contains("id=\"interval\" name=\"interval\" type=\"number\" min=\"1\" max=\"52\" step=\"1\" value=\"0\"", page, StringComparison.Ordinal);
    }

    private static async Task PlanAsync(TestDatabase database, DateOnly date)
    {
        await using var db = await database.OpenAsync();
        var forum = await db.Forums.SingleAsync(f => f.Code == "CF");
        await new MeetingWorkflow(db).PlanAsync(forum.Id, date, new TimeOnly(10, 0), "Et andet lokale");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
