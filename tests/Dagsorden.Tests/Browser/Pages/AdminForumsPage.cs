using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>/admin/forummer: every forum, and the form that creates one.</summary>
public sealed class AdminForumsPage(IPage page) : PageObject(page)
{
    /// <summary>From the administration's front page, as an administrator finds it.</summary>
    public static async Task<AdminForumsPage> OpenFromAdministrationAsync(IPage page)
    {
        await page.GotoAsync("/admin");
        var forums = new AdminForumsPage(page);
        await forums.ArrivedAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Forummer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Forummer");
        await forums.ArrivedAsync();
        return forums;
    }

    private ILocator Form => Page.GetByRole(AriaRole.Form, new() { Name = "Opret et forum" });

    public async Task FillAsync(string code, string name, string place, string time)
    {
        await Form.GetByLabel("Kode", new() { Exact = true }).FillAsync(code);
        await Form.GetByLabel("Navn", new() { Exact = true }).FillAsync(name);
        await Form.GetByLabel("Fast mødested (valgfrit)").FillAsync(place);
        await Form.GetByLabel("Fast mødetidspunkt (valgfrit)").FillAsync(time);
    }

    /// <summary>Creates the forum; the app goes on to the new forum's administration page.</summary>
    public async Task<AdminForumPage> CreateAsync()
    {
        await Form.GetByRole(AriaRole.Button, new() { Name = "Opret forummet" }).ClickAsync();
        await PageWaits.UrlAsync(Page, new System.Text.RegularExpressions.Regex("/admin/forummer/[a-zæøå0-9]+$"));
        return await AdminForumPage.ArriveAsync(Page);
    }

    /// <summary>Submits a form the app must refuse; the page comes back with the field's Danish message.</summary>
    public async Task SubmitRefusedAsync(string message)
    {
        await Form.GetByRole(AriaRole.Button, new() { Name = "Opret forummet" }).ClickAsync();
        await Assertions.Expect(Page.GetByText(message)).ToBeVisibleAsync();
        await ArrivedAsync();
    }
}
