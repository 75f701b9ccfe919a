using System.Globalization;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>The agenda builder, /sekretariat/moeder/{id}: the items in order, the queue of submitted items, publishing.</summary>
public sealed class BuilderPage(IPage page) : PageObject(page)
{
    public static async Task<BuilderPage> OpenAsync(IPage page, int meetingId)
    {
        await page.GotoAsync("/sekretariat/moeder/" + meetingId.ToString(CultureInfo.InvariantCulture));
        return await ArriveAsync(page);
    }

    public static async Task<BuilderPage> ArriveAsync(IPage page)
    {
        var builder = new BuilderPage(page);
        await builder.ArrivedAsync();
        return builder;
    }

    /// <summary>The meeting's id, from the address the builder is on.</summary>
    public int MeetingId => int.Parse(new Uri(Page.Url).Segments.Last().TrimEnd('/'), CultureInfo.InvariantCulture);

    public ILocator Queue => Page.GetByRole(AriaRole.Complementary, new() { Name = "Indsendte punkter" });

    /// <summary>The agenda's item titles in their order, as the numbered list shows them.</summary>
    public Task<IReadOnlyList<string>> TitlesAsync() =>
        Page.GetByRole(AriaRole.Region, new() { Name = "Punkter" }).Locator(".builder-item .item-title").AllTextContentsAsync();

    public ILocator Item(int number) => Page.Locator("#punkt-" + number.ToString(CultureInfo.InvariantCulture));

    public ILocator MoveDownButton(int number) => Button("Flyt ned", ": punkt " + number.ToString(CultureInfo.InvariantCulture));

    public ILocator MoveUpButton(int number) => Button("Flyt op", ": punkt " + number.ToString(CultureInfo.InvariantCulture));

    /// <summary>»Flyt til« with the number written in its field; a move the app refuses comes back with its message as an alert.</summary>
    public async Task MoveToRefusedAsync(int number, string position, string message)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        await Page.GetByRole(AriaRole.Spinbutton, new() { NameRegex = Completed("Nyt nummer", " for punkt " + n) }).FillAsync(position);
        await Button("Flyt til", ": punkt " + n).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(message);
        await ArrivedAsync();
    }

    public Task PlaceAsync(string title) => SubmitAsync(Queue.GetByRole(AriaRole.Button, new() { NameRegex = Completed("Sæt på dagsordenen", ": CF - " + title) }));

    public Task MoveDownAsync(int number) => SubmitAsync(MoveDownButton(number));

    public Task MarkToFollowAsync(int number) => SubmitAsync(Button("Eftersendes", ": punkt " + number.ToString(CultureInfo.InvariantCulture)));

    public Task PublishAgendaAsync() => SubmitAsync(Button("Offentliggør dagsorden"));

    public async Task<AgendaItemEditorPage> EditAsync(int number)
    {
        await Link("Rediger", " punkt " + number.ToString(CultureInfo.InvariantCulture)).ClickAsync();
        return await AgendaItemEditorPage.ArriveAsync(Page);
    }

    public async Task<MeetingPage> OpenMeetingAsync()
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Mødets sider" }).GetByRole(AriaRole.Link, new() { Name = "Mødet: fremmøde og beslutninger" }).ClickAsync();
        return await MeetingPage.ArriveAsync(Page);
    }

    /// <summary>Every action is a plain form post that comes back to the builder (POST-redirect-GET).</summary>
    private async Task SubmitAsync(ILocator button)
    {
        await button.ClickAsync();
        await PageWaits.LoadedAsync(Page, complete: true);
        await ArrivedAsync();
    }
}
