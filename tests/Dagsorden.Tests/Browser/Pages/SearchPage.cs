using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>/soeg: the search form and its hits.</summary>
public sealed class SearchPage(IPage page) : PageObject(page)
{
    public static async Task<SearchPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Søg i møderne" }).ClickAsync();
        var search = new SearchPage(page);
        await search.ArrivedAsync();
        return search;
    }

    public ILocator Count => Page.GetByRole(AriaRole.Status);

    public ILocator Hits => Page.Locator(".search-results").GetByRole(AriaRole.Heading);

    public async Task SearchAsync(string words)
    {
        await Page.GetByRole(AriaRole.Search).GetByLabel("Søgeord").FillAsync(words);
        await Page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
        await PageWaits.LoadedAsync(Page, complete: true);
        await ArrivedAsync();
    }

    public async Task<PortalMeetingPage> OpenHitAsync(string titleContains)
    {
        await Hits.GetByRole(AriaRole.Link, new() { Name = titleContains }).ClickAsync();
        return await PortalMeetingPage.ArriveAsync(Page);
    }
}
