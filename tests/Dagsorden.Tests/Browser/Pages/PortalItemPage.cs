using System.Globalization;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>One published item, /{forum}/{date}/punkt/{n}; a member also sees their private note on it here.</summary>
public sealed class PortalItemPage(IPage page) : PageObject(page)
{
    public static async Task<PortalItemPage> OpenAsync(IPage page, string forumCode, DateOnly date, int number)
    {
        await page.GotoAsync($"/{forumCode.ToLowerInvariant()}/{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/punkt/{number.ToString(CultureInfo.InvariantCulture)}");
        var item = new PortalItemPage(page);
        await item.ArrivedAsync();
        return item;
    }

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public ILocator Note => Page.GetByRole(AriaRole.Region, new() { Name = "Mine noter" }).GetByRole(AriaRole.Textbox);

    public async Task WriteNoteAsync(string text)
    {
        await Note.FillAsync(text);
        await Button("Gem noten").ClickAsync();
        await PageWaits.LoadedAsync(Page, complete: true);
        await Assertions.Expect(Status).ToHaveTextAsync("Noten er gemt.");
        await ArrivedAsync();
    }
}
