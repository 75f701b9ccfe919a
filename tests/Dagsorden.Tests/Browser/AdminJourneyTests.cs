using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Browser.Pages;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>
/// An administrator sets up a new forum from nothing: creates it, creates its two people, makes one
/// a member and one the secretary, and lays in the year's meetings from the årshjul. Each form is
/// first sent with a mistake, so every page is checked with axe both as it loads and as it looks
/// with the Danish message that names the field.
/// </summary>
public sealed class AdminJourneyTests
{
    private const string Administrator = "admin@example.test";
    private const string Member = "mette.medlem@example.test";
    private const string Secretary = "sune.sekretaer@example.test";

    [Fact]
    public async Task AnAdministratorSetsUpAForumWithMembersAndAYearOfMeetings()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        var address = app.StartOnLoopback();
        await app.AddUserAsync(Administrator, SystemRoles.Administrator);
        await using var browser = await BrowserSession.OpenAsync(address);
        var page = browser.Page;

        await browser.RecordAsync(nameof(AnAdministratorSetsUpAForumWithMembersAndAYearOfMeetings), async () =>
        {
            await (await SignInPage.OpenAsync(page)).SignInAsync(Administrator, TestApp.Password);

            var forums = await AdminForumsPage.OpenFromAdministrationAsync(page);
            await forums.FillAsync("", "Økonomiforum", "Rådhuset, lokale 3", "13:00");
            await forums.SubmitRefusedAsync("Skriv forummets kode, fx CF.");
            await forums.FillAsync("øf-1", "Økonomiforum", "Rådhuset, lokale 3", "13:00");
            await forums.SubmitRefusedAsync("»øf-1« kan ikke bruges som kode.");
            await forums.FillAsync("OEF", "Økonomiforum", "Rådhuset, lokale 3", "13:00");
            var forum = await forums.CreateAsync();
            await Assertions.Expect(forum.Status).ToContainTextAsync("Forummet Økonomiforum (OEF) er oprettet.");

            var users = await AdminUsersPage.OpenAsync(page);
            await users.CreateRefusedAsync(Member, "Mette Medlem", "", "Skriv en første adgangskode til brugeren.");
            await users.CreateAsync(Member, "Mette Medlem", TestApp.Password);
            await users.CreateAsync(Secretary, "Sune Sekretær", TestApp.Password);

            await page.GotoAsync("/admin/forummer/oef");
            forum = await AdminForumPage.ArriveAsync(page);
            await forum.AddMemberRefusedAsync("ukendt@example.test", "Medlem", "Der findes ingen bruger med e-mailadressen ukendt@example.test.");
            await forum.AddMemberAsync(Member, "Medlem");
            await forum.AddMemberAsync(Secretary, "Sekretær");
            await Assertions.Expect(forum.Members.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);

            var plan = await forum.OpenYearPlanAsync();
            await plan.FillAsync(new DateOnly(2030, 2, 7), 4, new DateOnly(2030, 1, 31));
            await plan.ShowDatesRefusedAsync("Slutdatoen ligger før den første mødedato.");
            await plan.FillAsync(new DateOnly(2030, 2, 7), 4, new DateOnly(2030, 6, 30));
            Assert.Equal("Reglen giver 6 datoer: 6 nye møder.", await plan.ShowDatesAsync());
            await plan.CreateMeetingsAsync();
            await Assertions.Expect(plan.Status).ToHaveTextAsync("6 møder er oprettet.");
            await Assertions.Expect(plan.UpcomingMeetings.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(6);
        });

        // What the pages said was done is what the database holds.
        await using var db = await database.OpenAsync();
        var created = await db.Forums.SingleAsync(f => f.Code == "OEF");
        Assert.Equal("Rådhuset, lokale 3", created.DefaultPlace);
        var roles = await db.ForumMemberships.Where(m => m.ForumId == created.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.Role })
            .ToDictionaryAsync(r => r.Email!, r => r.Role);
        Assert.Equal(new Dictionary<string, ForumRole> { [Member] = ForumRole.Member, [Secretary] = ForumRole.Secretary }, roles);
        var dates = await db.Meetings.Where(m => m.ForumId == created.Id).Select(m => m.Date).OrderBy(d => d).ToListAsync();
        Assert.Equal([new(2030, 2, 7), new(2030, 3, 7), new(2030, 4, 4), new(2030, 5, 2), new(2030, 5, 30), new(2030, 6, 27)], dates);
    }
}
