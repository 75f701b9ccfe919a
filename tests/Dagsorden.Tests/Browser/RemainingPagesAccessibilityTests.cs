using System.Globalization;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Browser.Pages;
using Dagsorden.Tests.Support;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>
/// axe-core on the pages the item journey never reaches: administration, the forum's own page, a
/// published version, the author's list, and the two messages a secretary or author meets when
/// something goes wrong (a refused field, a change someone else made first).
/// </summary>
public sealed class RemainingPagesAccessibilityTests
{
    // Administrator and the forum's secretary in one, so one sign-in reaches every page here.
    private const string Administrator = "admin@example.test";

    [Fact]
    public async Task AdministrationForumVersionAndErrorPagesHaveNoAxeViolations()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int laterId;
        await using (var db = await database.OpenAsync())
            (_, laterId) = await ReadingPagesData.SeedAsync(db);
        await using var app = new TestApp(database);
        var address = app.StartOnLoopback();
        await app.AddUserAsync(Administrator, SystemRoles.Administrator, ("CF", ForumRole.Secretary));
        await using var browser = await BrowserSession.OpenAsync(address);
        var page = browser.Page;

        await browser.RecordAsync(nameof(AdministrationForumVersionAndErrorPagesHaveNoAxeViolations), async () =>
        {
            await browser.SignInAsync(Administrator, TestApp.Password);

            await CheckAsync(page, "/admin", "Administration");
            await CheckAsync(page, "/admin/forummer", "Forummer");
            await CheckAsync(page, "/admin/forummer/cf", "Chefforum (CF)");
            await CheckAsync(page, "/admin/brugere", "Brugere");
            await CheckAsync(page, "/admin/forummer/cf/aarshjul?forste=2027-02-04&interval=4&til=2027-06-30", "Årshjul for Chefforum");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Datoerne" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Reglen giver 6 datoer: 6 nye møder");

            await CheckAsync(page, "/cf/2026", "Chefforum");
            await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("12. november 2026");
            await CheckAsync(page, "/cf/2026-11-12/udgave/1", "DAGSORDEN Chefforum");
            await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(ReadingPagesData.BookingTitle);

            // Creating the draft passes /punkter and /punkter/nyt, each checked on arrival.
            var editor = await DraftEditorPage.CreateAsync(page, "Chefforum (CF)", "Nyt mødelokale i stueetagen");
            await editor.Title.FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Skriv en titel.");
            await Accessibility.AssertNoViolationsAsync(page);

            // Someone else changes the agenda while the secretary has the builder open.
            var builder = await BuilderPage.OpenAsync(page, laterId);
            await using (var db = await database.OpenAsync())
            {
                var workflow = new MeetingWorkflow(db);
                await workflow.MarkToFollowAsync(laterId, 2, true, (await workflow.LoadAsync(laterId)).Revision);
            }

            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Fjern\\s*: punkt 2$") }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("ændret af en anden i mellemtiden");
            await Assertions.Expect(builder.Item(2)).ToContainTextAsync("Eftersendes");
            await Accessibility.AssertNoViolationsAsync(page);
        });
    }

    private static async Task CheckAsync(IPage page, string path, string heading)
    {
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
