using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>The author's side: /punkter (Mine punkter), /punkter/nyt and the draft editor /punkter/{id}.</summary>
public sealed class DraftEditorPage(IPage page) : PageObject(page)
{
    /// <summary>From Mine punkter, through the new-item form, to the editor of the new draft.</summary>
    public static async Task<DraftEditorPage> CreateAsync(IPage page, string forum, string title)
    {
        await page.GotoAsync("/punkter");
        var editor = new DraftEditorPage(page);
        await editor.ArrivedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Skriv et nyt punkt" }).ClickAsync();
        await editor.ArrivedAsync();
        await page.GetByLabel("Forum").SelectOptionAsync(new SelectOptionValue { Label = forum });
        await page.GetByLabel("Titel").FillAsync(title);
        await editor.Button("Opret punktet").ClickAsync();
        await PageWaits.UrlAsync(page, new System.Text.RegularExpressions.Regex("/punkter/[0-9]+$"));
        await editor.ArrivedAsync();
        return editor;
    }

    public ILocator Title => Page.GetByLabel("Titel", new() { Exact = true });

    /// <summary>The headings of the item's sections, in the order the form shows them.</summary>
    public Task<IReadOnlyList<string>> SectionHeadingsAsync() => Page.Locator("form.item-editor fieldset.section > legend").AllTextContentsAsync();

    public ILocator Section(int index) => Page.Locator("#afsnit-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public ILocator MoveSectionUpButton(string heading) => Button("Flyt afsnittet op", ": »" + heading + "«");

    public ILocator MoveSectionDownButton(string heading) => Button("Flyt afsnittet ned", ": »" + heading + "«");

    /// <summary>After a move the editor comes back saved, at the moved section.</summary>
    public async Task ArriveAfterSectionMoveAsync(int index)
    {
        await PageWaits.UrlAsync(Page, url => url.EndsWith("?besked=gemt#afsnit-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), complete: true);
        await Assertions.Expect(Status).ToHaveTextAsync("Ændringerne er gemt.");
        await ArrivedAsync();
    }

    public Task WriteSectionAsync(string heading, string text) => Page.GetByLabel($"Tekst under »{heading}«").FillAsync(text);

    public async Task WriteRecommendationAsync(string proposer, string clauses)
    {
        await Page.GetByLabel("Hvem indstiller").FillAsync(proposer);
        await Page.GetByLabel("At-punkter, ét pr. linje").FillAsync(clauses);
    }

    public Task WriteCaseNumberAsync(string caseNumber) => Page.GetByLabel("Sagsnummer (fx 83.02.00-P20-1-15)").FillAsync(caseNumber);

    /// <summary>Chooses a file, gives it a title and attaches it; the page comes back with the attachment listed.</summary>
    public async Task AttachAsync(string fileName, byte[] content, string title, bool isPublic)
    {
        var listed = Page.GetByLabel(new System.Text.RegularExpressions.Regex(@"^Titel på bilag \d+ "));
        var before = await listed.CountAsync();
        await Page.GetByLabel("Vedhæft en fil").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = content });
        await Page.GetByLabel("Bilagets titel (valgfri; ellers filens navn)").FillAsync(title);
        await Page.GetByRole(AriaRole.Group, new() { Name = "Bilag" }).GetByLabel("Offentligt bilag").Last.SetCheckedAsync(isPublic);
        await Button("Vedhæft filen").ClickAsync();

        // Waits for the page that lists one more attachment. Waiting for the load event instead
        // once timed out in CI with the new page on screen (the event went by unseen).
        await Assertions.Expect(listed).ToHaveCountAsync(before + 1);
        await ArrivedAsync();
    }

    public ILocator AttachmentTitle(int number, string fileName) => Page.GetByLabel($"Titel på bilag {number} ({fileName})");

    public async Task SubmitAsync()
    {
        await Button("Gem og indsend til sekretæren").ClickAsync();
        await Assertions.Expect(Status).ToHaveTextAsync("Punktet er indsendt til forummets sekretær.");
        await ArrivedAsync();
    }
}
