using System.Globalization;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>/admin/forummer/{code}/aarshjul: a rule for the year's meetings, its dates shown first, then created.</summary>
public sealed class YearPlanPage(IPage page) : PageObject(page)
{
    public static async Task<YearPlanPage> ArriveAsync(IPage page)
    {
        var plan = new YearPlanPage(page);
        await plan.ArrivedAsync();
        return plan;
    }

    public ILocator UpcomingMeetings => Page.GetByRole(AriaRole.Heading, new() { Name = "Forummets kommende møder" }).Locator("xpath=following-sibling::ul[1]");

    public async Task FillAsync(DateOnly first, int weeks, DateOnly until, params string[] monthsWithout)
    {
        await Page.GetByLabel("Første mødedato").FillAsync(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByLabel("Antal uger mellem møderne").FillAsync(weeks.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("Sidste mulige mødedato").FillAsync(until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var month in monthsWithout)
            await Page.GetByRole(AriaRole.Group, new() { Name = "Måneder uden møder" }).GetByLabel(month, new() { Exact = true }).CheckAsync();
    }

    /// <summary>Shows the rule's dates (a GET, so nothing is created yet); returns the sentence that counts them.</summary>
    public async Task<string> ShowDatesAsync()
    {
        await Button("Vis datoerne").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Datoerne" })).ToBeVisibleAsync();
        await ArrivedAsync();
        return await Status.InnerTextAsync();
    }

    public async Task ShowDatesRefusedAsync(string message)
    {
        await Button("Vis datoerne").ClickAsync();
        await Assertions.Expect(Page.GetByText(message)).ToBeVisibleAsync();
        await ArrivedAsync();
    }

    public async Task CreateMeetingsAsync()
    {
        await Button("Opret møderne").ClickAsync();
        await Assertions.Expect(Status).ToContainTextAsync("møder er oprettet");
        await ArrivedAsync();
    }
}
