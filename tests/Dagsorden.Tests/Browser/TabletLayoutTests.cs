using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Browser.Pages;
using Dagsorden.Tests.Support;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>
/// Members read their papers on a tablet. At 768 px nothing may push the page sideways: a reader
/// who must scroll horizontally to see the end of a line has lost the text.
/// </summary>
public sealed class TabletLayoutTests
{
    private const int Width = 768;
    private const string Member = "medlem@example.test";
    private const string Secretary = "sekretaer@example.test";

    [Fact]
    public async Task ReadingAndSecretariatPagesFitATabletWithoutScrollingSideways()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int earlierId;
        await using (var db = await database.OpenAsync())
            (earlierId, _) = await ReadingPagesData.SeedAsync(db);
        await using var app = new TestApp(database);
        var address = app.StartOnLoopback();
        await app.AddUserAsync(Member, null, ("CF", ForumRole.Member));
        await app.AddUserAsync(Secretary, null, ("CF", ForumRole.Secretary));
        await using var browser = await BrowserSession.OpenAsync(address, Width, 1024);
        var page = browser.Page;

        await browser.RecordAsync(nameof(ReadingAndSecretariatPagesFitATabletWithoutScrollingSideways), async () =>
        {
            var publicMeeting = await PortalMeetingPage.OpenAsync(page, "CF", ReadingPagesData.Earlier);
            await Assertions.Expect(publicMeeting.Main).ToContainTextAsync(ReadingPagesData.LongTitle);
            await Assertions.Expect(publicMeeting.Main).Not.ToContainTextAsync(ReadingPagesData.ClosedText);
            await AssertFitsAsync(page);
            Directory.CreateDirectory(ReadmeScreenshots.Folder);
            await page.ScreenshotAsync(new() { Path = ReadmeScreenshots.PathOf("moedeside-tablet.png"), FullPage = true });

            await browser.SignInAsync(Member, TestApp.Password);
            var agenda = await PortalMeetingPage.OpenAsync(page, "CF", ReadingPagesData.Earlier);
            await Assertions.Expect(agenda.Main).ToContainTextAsync(ReadingPagesData.ClosedText);
            await AssertFitsAsync(page);
            foreach (var number in new[] { 3, 4 })
            {
                var item = await PortalItemPage.OpenAsync(page, "CF", ReadingPagesData.Earlier, number);
                await Assertions.Expect(item.Note).ToBeVisibleAsync();
                await AssertFitsAsync(page);
            }

            await agenda.SignOutAsync();

            await browser.SignInAsync(Secretary, TestApp.Password);
            // The meeting with the long title, so the builder's list and the editor's fields meet it too.
            var builder = await BuilderPage.OpenAsync(page, earlierId);
            await Assertions.Expect(builder.Item(3)).ToContainTextAsync(ReadingPagesData.LongTitle);
            await AssertFitsAsync(page);
            // With the minutes published the builder offers no edit link; the editor is still reached at its address.
            await page.GotoAsync($"/sekretariat/moeder/{earlierId}/punkt/3/rediger");
            var editor = await AgendaItemEditorPage.ArriveAsync(page);
            await Assertions.Expect(editor.Title).ToHaveValueAsync(ReadingPagesData.LongTitle);
            await AssertFitsAsync(page);
        });

        Assert.True(new FileInfo(ReadmeScreenshots.PathOf("moedeside-tablet.png")).Length > 10_000);
    }

    /// <summary>
    /// The document may not be wider than the window, and no element the reader can see may end
    /// beyond the viewport's right edge; the offenders are named so the CSS to fix is obvious.
    /// </summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var offenders = await page.EvaluateAsync<string[]>("""
            () => {
                const root = document.documentElement;
                const found = [];
                if (root.scrollWidth > root.clientWidth)
                    found.push(`document: scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`);
                for (const element of document.body.querySelectorAll('*')) {
                    const box = element.getBoundingClientRect();
                    if (box.width === 0 || box.height === 0)
                        continue;
                    // Text too long to wrap spills out of its element's box without widening it; its own right edge is box.left + scrollWidth.
                    const spills = getComputedStyle(element).overflowX === 'visible' && box.left + element.scrollWidth > window.innerWidth + 0.5;
                    if (box.right > window.innerWidth + 0.5 || spills) {
                        const name = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().replace(/\s+/g, '.') : '');
                        found.push(`${name} ends at ${Math.round(box.right)} px: ${(element.textContent || '').trim().slice(0, 60)}`);
                    }
                }
                return found;
            }
            """);
        Assert.True(offenders.Length == 0, $"{page.Url} is wider than {Width} px:\n{string.Join('\n', offenders.Take(20))}");
    }
}
