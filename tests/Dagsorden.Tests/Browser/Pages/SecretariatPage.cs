using System.Globalization;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>/sekretariat: the secretary's desks, one per forum, with the form that plans a meeting.</summary>
public sealed class SecretariatPage(IPage page) : PageObject(page)
{
    public static async Task<SecretariatPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/sekretariat");
        var secretariat = new SecretariatPage(page);
        await secretariat.ArrivedAsync();
        return secretariat;
    }

    /// <summary>Plans a meeting from the forum's desk; the app goes on to the new meeting's agenda builder.</summary>
    public async Task<BuilderPage> PlanMeetingAsync(string desk, DateOnly date, string time)
    {
        var form = Page.GetByRole(AriaRole.Region, new() { Name = desk }).GetByRole(AriaRole.Form, new() { Name = "Nyt møde" });
        await form.GetByLabel("Dato").FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.GetByLabel("Tidspunkt").FillAsync(time);
        await form.GetByRole(AriaRole.Button, new() { Name = "Opret mødet" }).ClickAsync();
        await PageWaits.UrlAsync(Page, new System.Text.RegularExpressions.Regex("/sekretariat/moeder/[0-9]+$"));
        return await BuilderPage.ArriveAsync(Page);
    }
}
