using System.Globalization;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>The secretary's meeting page, /sekretariat/moeder/{id}/moedet: attendance, decisions and the minutes.</summary>
public sealed class MeetingPage(IPage page) : PageObject(page)
{
    public static async Task<MeetingPage> OpenAsync(IPage page, int meetingId)
    {
        await page.GotoAsync($"/sekretariat/moeder/{meetingId.ToString(CultureInfo.InvariantCulture)}/moedet");
        return await ArriveAsync(page);
    }

    public static async Task<MeetingPage> ArriveAsync(IPage page)
    {
        var meeting = new MeetingPage(page);
        await meeting.ArrivedAsync();
        return meeting;
    }

    public ILocator Decisions => Page.GetByRole(AriaRole.Region, new() { Name = "Punkter og beslutninger" });

    public ILocator Item(int number) => Page.Locator("#punkt-" + number.ToString(CultureInfo.InvariantCulture));

    public async Task RecordDecisionAsync(int number, string outcome, string text = "")
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        await Page.GetByRole(AriaRole.Combobox, new() { NameRegex = Completed("Udfald", " for punkt " + n) }).SelectOptionAsync(new SelectOptionValue { Label = outcome });
        await Page.GetByRole(AriaRole.Textbox, new() { NameRegex = Completed("Beslutning", " for punkt " + n) }).FillAsync(text);
        await Button("Gem beslutningen", " for punkt " + n).ClickAsync();
        await PageWaits.LoadedAsync(Page, complete: true);
        await Assertions.Expect(Status).ToHaveTextAsync($"Beslutningen på punkt {n} er gemt.");
        await ArrivedAsync();
    }

    public async Task PublishMinutesAsync()
    {
        await Button("Offentliggør referat").ClickAsync();
        await PageWaits.LoadedAsync(Page, complete: true);
        await Assertions.Expect(Status).ToContainTextAsync("er offentliggjort");
        await ArrivedAsync();
    }
}
