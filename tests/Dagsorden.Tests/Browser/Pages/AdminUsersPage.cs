using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>/admin/brugere: every user, their system roles, and the form that creates a user.</summary>
public sealed class AdminUsersPage(IPage page) : PageObject(page)
{
    public static async Task<AdminUsersPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/admin/brugere");
        var users = new AdminUsersPage(page);
        await users.ArrivedAsync();
        return users;
    }

    private ILocator Form => Page.GetByRole(AriaRole.Form, new() { Name = "Opret en bruger" });

    public async Task CreateAsync(string email, string name, string password)
    {
        await FillAsync(email, name, password);
        await Assertions.Expect(Page.GetByRole(AriaRole.Table).GetByText(email, new() { Exact = true })).ToBeVisibleAsync();
        await ArrivedAsync();
    }

    public async Task CreateRefusedAsync(string email, string name, string password, string message)
    {
        await FillAsync(email, name, password);
        await Assertions.Expect(Form.GetByText(message)).ToBeVisibleAsync();
        await ArrivedAsync();
    }

    private async Task FillAsync(string email, string name, string password)
    {
        await Form.GetByLabel("E-mail").FillAsync(email);
        await Form.GetByLabel("Navn").FillAsync(name);
        await Form.GetByLabel("Første adgangskode").FillAsync(password);
        await Form.GetByRole(AriaRole.Button, new() { Name = "Opret brugeren" }).ClickAsync();
    }
}
