using System.Globalization;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>The published meeting, /{forum}/{date}: the agenda or minutes as a document, with its PDF and DOCX.</summary>
public sealed class PortalMeetingPage(IPage page) : PageObject(page)
{
    public static async Task<PortalMeetingPage> OpenAsync(IPage page, string forumCode, DateOnly date)
    {
        await page.GotoAsync($"/{forumCode.ToLowerInvariant()}/{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        return await ArriveAsync(page);
    }

    /// <summary>From the front page's list of meetings, as a reader who does not know the address.</summary>
    public static async Task<PortalMeetingPage> OpenFromFrontPageAsync(IPage page, string forumName, DateOnly date)
    {
        await page.GotoAsync("/");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Region, new() { Name = forumName, Exact = false })
            .GetByRole(AriaRole.Link, new() { Name = Dagsorden.Core.Text.DanishDates.LongDate(date), Exact = true }).ClickAsync();
        return await ArriveAsync(page);
    }

    public static async Task<PortalMeetingPage> ArriveAsync(IPage page)
    {
        var meeting = new PortalMeetingPage(page);
        await meeting.ArrivedAsync();
        return meeting;
    }

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public ILocator ItemHeading(int number) => Page.GetByRole(AriaRole.Heading, new() { Name = $"Punkt {number.ToString(CultureInfo.InvariantCulture)}" });

    /// <summary>Downloads the PDF through its link, as a visitor would, and returns its bytes.</summary>
    public async Task<byte[]> DownloadPdfAsync()
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Link("PDF").ClickAsync());
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }
}
