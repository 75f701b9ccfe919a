using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Browser.Pages;
using Dagsorden.Tests.Support;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>
/// Takes the README's pictures of what readers see: the public meeting page, an item with its
/// case timeline, search results and a member's view of a closed item. Each picture is taken only
/// after the page is checked to show what its caption promises, and nothing closed to the public.
/// </summary>
public sealed class ReadingPagesScreenshotsTests
{
    private const string Member = "medlem@example.test";

    [Fact]
    public async Task ReadingPagesAreCapturedForTheReadme()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = await database.OpenAsync())
            await ReadingPagesData.SeedAsync(db);
        await using var app = new TestApp(database);
        var address = app.StartOnLoopback();
        await app.AddUserAsync(Member, null, ("CF", ForumRole.Member));
        await using var browser = await BrowserSession.OpenAsync(address, 1280, 900);
        var page = browser.Page;
        Directory.CreateDirectory(ReadmeScreenshots.Folder);
        string[] pictures = ["moedeside.png", "punktside.png", "soegning.png", "lukket-punkt-medlem.png"];

        await browser.RecordAsync(nameof(ReadingPagesAreCapturedForTheReadme), async () =>
        {
            var meeting = await PortalMeetingPage.OpenAsync(page, "CF", ReadingPagesData.Earlier);
            await Assertions.Expect(meeting.Main).ToContainTextAsync(ReadingPagesData.BookingDecision);
            await Assertions.Expect(meeting.Main).Not.ToContainTextAsync(ReadingPagesData.ClosedTitle);
            await page.ScreenshotAsync(new() { Path = ReadmeScreenshots.PathOf(pictures[0]), FullPage = true });

            var item = await PortalItemPage.OpenAsync(page, "CF", ReadingPagesData.Later, 2);
            var timeline = page.GetByRole(AriaRole.Region, new() { Name = "Sagens forløb" });
            await Assertions.Expect(timeline.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
            await Assertions.Expect(timeline.GetByRole(AriaRole.Link, new() { Name = "Punkt 2: CF - " + ReadingPagesData.BookingTitle })).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = ReadmeScreenshots.PathOf(pictures[1]), FullPage = true });

            var search = await SearchPage.OpenAsync(page);
            await search.SearchAsync("bookingsystem");
            await Assertions.Expect(search.Count).ToHaveTextAsync("2 punkter fundet");
            await page.ScreenshotAsync(new() { Path = ReadmeScreenshots.PathOf(pictures[2]), FullPage = true });

            await browser.SignInAsync(Member, TestApp.Password);
            var closed = await PortalItemPage.OpenAsync(page, "CF", ReadingPagesData.Earlier, 4);
            await Assertions.Expect(closed.Main).ToContainTextAsync(ReadingPagesData.ClosedText);
            await Assertions.Expect(closed.Note).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = ReadmeScreenshots.PathOf(pictures[3]), FullPage = true });
        });

        foreach (var picture in pictures)
            Assert.True(new FileInfo(ReadmeScreenshots.PathOf(picture)).Length > 10_000, picture + " is missing or empty.");
    }
}
