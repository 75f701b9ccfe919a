using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>The secretary's editor of an item on the agenda, /sekretariat/moeder/{id}/punkt/{n}/rediger.</summary>
public sealed class AgendaItemEditorPage(IPage page) : PageObject(page)
{
    public static async Task<AgendaItemEditorPage> ArriveAsync(IPage page)
    {
        var editor = new AgendaItemEditorPage(page);
        await editor.ArrivedAsync();
        return editor;
    }

    public ILocator Title => Page.GetByLabel("Titel", new() { Exact = true });

    public Task WriteSectionAsync(string heading, string text) => Page.GetByLabel($"Tekst under »{heading}«").FillAsync(text);

    /// <summary>Saves a form the app must refuse; the editor comes back with the field's Danish message as an alert.</summary>
    public async Task SaveRefusedAsync(string message)
    {
        await Button("Gem").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(message);
        await ArrivedAsync();
    }

    public async Task SaveAsync()
    {
        // The form's hidden default button (for Enter) is also »Gem«, but aria-hidden, so the role query finds only the visible one.
        await Button("Gem").ClickAsync();
        await Assertions.Expect(Status).ToHaveTextAsync("Ændringerne er gemt.");
        await ArrivedAsync();
    }
}
