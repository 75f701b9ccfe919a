using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Browser.Pages;
using Dagsorden.Tests.Support;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>
/// The agenda without a mouse: the move buttons answer Space as well as Enter, Alt+arrow moves the
/// focused item, and after each move the focus is on the item that moved, so the next key acts on
/// it. And wherever the keyboard goes, the focus can be seen.
/// </summary>
public sealed class KeyboardOperationTests
{
    private const string Secretary = "sekretaer@example.test";
    private const string Author = "forfatter@example.test";

    [Fact]
    public async Task BuilderItemsMoveWithSpaceEnterAndAltArrowAndKeepTheFocus()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int meetingId;
        await using (var db = await database.OpenAsync())
            meetingId = await AgendaData.SeedAsync(db);
        await using var app = new TestApp(database);
        var address = app.StartOnLoopback();
        await app.AddUserAsync(Secretary, null, ("CF", ForumRole.Secretary));
        await using var browser = await BrowserSession.OpenAsync(address);
        var page = browser.Page;
        var (a, b, c) = (AgendaData.Titles[0], AgendaData.Titles[1], AgendaData.Titles[2]);

        await browser.RecordAsync(nameof(BuilderItemsMoveWithSpaceEnterAndAltArrowAndKeepTheFocus), async () =>
        {
            await browser.SignInAsync(Secretary, TestApp.Password);
            var builder = await BuilderPage.OpenAsync(page, meetingId);
            Assert.Equal([a, b, c], await MiddleTitlesAsync(builder));

            // Space on »Flyt ned« for item 2, reached with Tab from the top of the page.
            await page.Locator("body").FocusAsync();
            await KeyboardNavigation.TabToAsync(page, builder.MoveDownButton(2));
            await page.Keyboard.PressAsync("Space");
            builder = await ArriveAfterMoveAsync(page, 3);
            Assert.Equal([b, a, c], await MiddleTitlesAsync(builder));
            await Assertions.Expect(builder.Item(3)).ToBeFocusedAsync();

            // From the moved item, Tab on to its own »Flyt op« and press Enter: back where it was.
            await KeyboardNavigation.TabToAsync(page, builder.MoveUpButton(3), maximumPresses: 10);
            await page.Keyboard.PressAsync("Enter");
            builder = await ArriveAfterMoveAsync(page, 2);
            Assert.Equal([a, b, c], await MiddleTitlesAsync(builder));
            await Assertions.Expect(builder.Item(2)).ToBeFocusedAsync();

            // The focus is on the item, so Alt+ArrowDown twice takes it to the bottom of the three.
            await page.Keyboard.PressAsync("Alt+ArrowDown");
            builder = await ArriveAfterMoveAsync(page, 3);
            await page.Keyboard.PressAsync("Alt+ArrowDown");
            builder = await ArriveAfterMoveAsync(page, 4);
            Assert.Equal([b, c, a], await MiddleTitlesAsync(builder));
            await Assertions.Expect(builder.Item(4)).ToBeFocusedAsync();
        });
    }

    [Fact]
    public async Task ItemEditorSectionsMoveWithSpaceAndEnterAndKeepTheFocus()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = await database.OpenAsync())
            await AgendaData.SeedAsync(db);
        await using var app = new TestApp(database);
        var address = app.StartOnLoopback();
        await app.AddUserAsync(Author, SystemRoles.Author);
        await using var browser = await BrowserSession.OpenAsync(address);
        var page = browser.Page;

        await browser.RecordAsync(nameof(ItemEditorSectionsMoveWithSpaceAndEnterAndKeepTheFocus), async () =>
        {
            await browser.SignInAsync(Author, TestApp.Password);
            var editor = await DraftEditorPage.CreateAsync(page, "Chefforum (CF)", "Ny telefonløsning");
            await page.GetByLabel("Tekst under »Sagsfremstilling«").FillAsync("Kontrakten udløber til sommer.");
            Assert.Equal(["Anledning", "Indstilling", "Sagsfremstilling", "Økonomi", "Kommunikation"], await editor.SectionHeadingsAsync());

            // Space on »Flyt afsnittet ned« for Sagsfremstilling: it changes places with Økonomi, and the text typed before goes with it.
            await page.Locator("body").FocusAsync();
            await KeyboardNavigation.TabToAsync(page, editor.MoveSectionDownButton("Sagsfremstilling"));
            await page.Keyboard.PressAsync("Space");
            await editor.ArriveAfterSectionMoveAsync(3);
            Assert.Equal(["Anledning", "Indstilling", "Økonomi", "Sagsfremstilling", "Kommunikation"], await editor.SectionHeadingsAsync());
            await Assertions.Expect(editor.Section(3)).ToBeFocusedAsync();
            await Assertions.Expect(page.GetByLabel("Tekst under »Sagsfremstilling«")).ToHaveValueAsync("Kontrakten udløber til sommer.");

            // Tab from the focused section reaches its own »Flyt afsnittet op«; Enter moves it back.
            await KeyboardNavigation.TabToAsync(page, editor.MoveSectionUpButton("Sagsfremstilling"), maximumPresses: 10);
            await page.Keyboard.PressAsync("Enter");
            await editor.ArriveAfterSectionMoveAsync(2);
            Assert.Equal(["Anledning", "Indstilling", "Sagsfremstilling", "Økonomi", "Kommunikation"], await editor.SectionHeadingsAsync());
            await Assertions.Expect(editor.Section(2)).ToBeFocusedAsync();
        });
    }

    /// <summary>WCAG 2.4.7: every link, button and field the keyboard reaches on the main pages shows that it has focus.</summary>
    [Fact]
    public async Task EveryStopTheKeyboardReachesShowsAVisibleFocusOutline()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int meetingId;
        await using (var db = await database.OpenAsync())
            meetingId = await AgendaData.SeedAsync(db);
        await using var app = new TestApp(database);
        var address = app.StartOnLoopback();
        await app.AddUserAsync(Secretary, SystemRoles.Administrator, ("CF", ForumRole.Secretary));
        await using var browser = await BrowserSession.OpenAsync(address);
        var page = browser.Page;
        var failures = new List<string>();
        var kinds = new HashSet<string>();

        await browser.RecordAsync(nameof(EveryStopTheKeyboardReachesShowsAVisibleFocusOutline), async () =>
        {
            await CheckAsync("/konto/log-ind");
            await CheckAsync("/soeg?q=budget");
            await browser.SignInAsync(Secretary, TestApp.Password);
            await CheckAsync("/");
            await CheckAsync("/sekretariat");
            await CheckAsync($"/sekretariat/moeder/{meetingId}");
            await CheckAsync($"/sekretariat/moeder/{meetingId}/punkt/2/rediger");
            await CheckAsync("/punkter/nyt");
            await CheckAsync("/admin/forummer/cf");
        });

        Assert.True(failures.Count == 0, "Focus is not visible on:\n" + string.Join('\n', failures));
        // The pages really were walked through: links, buttons and each kind of field got focus.
        foreach (var kind in new[] { "a", "button[submit]", "input[text]", "input[email]", "input[password]", "textarea[textarea]", "select[select-one]", "input[checkbox]" })
            Assert.Contains(kind, kinds);

        async Task CheckAsync(string path)
        {
            await page.GotoAsync(path);
            var stops = await KeyboardNavigation.TabThroughAsync(page);
            Assert.True(stops.Count >= 3, $"Tab reached only {stops.Count} element(s) on {path}.");
            foreach (var stop in stops)
            {
                kinds.Add(stop.Kind);
                if (!stop.Visible)
                    failures.Add($"{path}: {stop.Kind} »{stop.Name}«");
            }
        }
    }

    private static async Task<BuilderPage> ArriveAfterMoveAsync(IPage page, int number)
    {
        await PageWaits.UrlAsync(page, url => url.EndsWith("#punkt-" + number, StringComparison.Ordinal), complete: true);
        return await BuilderPage.ArriveAsync(page);
    }

    // Items 1 (approval) and 5 (Evt.) stay in place; the three between them are the ones moved.
    private static async Task<string[]> MiddleTitlesAsync(BuilderPage builder) =>
        [.. (await builder.TitlesAsync()).Skip(1).Take(3).Select(t => t.StartsWith("CF - ", StringComparison.Ordinal) ? t[5..] : t)];
}
