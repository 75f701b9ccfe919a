using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>/admin/forummer/{code}: a forum's settings and its members and secretaries.</summary>
public sealed class AdminForumPage(IPage page) : PageObject(page)
{
    public static async Task<AdminForumPage> ArriveAsync(IPage page)
    {
        var forum = new AdminForumPage(page);
        await forum.ArrivedAsync();
        return forum;
    }

    public ILocator Members => Page.GetByRole(AriaRole.Table, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Medlemmer af ") });

    private ILocator AddForm => Page.GetByRole(AriaRole.Form, new() { Name = "Tilføj et medlem" });

    /// <summary>Adds a user by e-mail as Medlem or Sekretær; the page comes back with the message that says so.</summary>
    public async Task AddMemberAsync(string email, string role)
    {
        await FillMemberAsync(email, role);
        await Assertions.Expect(Status).ToContainTextAsync(email + " er nu " + role.ToLowerInvariant());
        await ArrivedAsync();
    }

    public async Task AddMemberRefusedAsync(string email, string role, string message)
    {
        await FillMemberAsync(email, role);
        await Assertions.Expect(AddForm.GetByText(message)).ToBeVisibleAsync();
        await ArrivedAsync();
    }

    public async Task<YearPlanPage> OpenYearPlanAsync()
    {
        await Link("Læg møder ind fra årshjulet").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Årshjul for");
        return await YearPlanPage.ArriveAsync(Page);
    }

    private async Task FillMemberAsync(string email, string role)
    {
        await AddForm.GetByLabel("Brugerens e-mail").FillAsync(email);
        await AddForm.GetByRole(AriaRole.Radio, new() { Name = role, Exact = true }).CheckAsync();
        await AddForm.GetByRole(AriaRole.Button, new() { Name = "Tilføj" }).ClickAsync();
    }
}
