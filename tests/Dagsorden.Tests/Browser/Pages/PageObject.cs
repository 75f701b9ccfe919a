using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>
/// One page of the app as a user sees it. Every page object checks the page with axe-core when it
/// arrives, so a journey cannot visit an inaccessible page without failing.
/// </summary>
public abstract class PageObject(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>The page's status or confirmation message (role status), as a screen reader announces it.</summary>
    public ILocator Status => Page.GetByRole(AriaRole.Status);

    protected async Task ArrivedAsync()
    {
        await PageWaits.LoadedAsync(Page);
        await Accessibility.AssertNoViolationsAsync(Page);
    }

    protected ILocator Button(string name, bool exact = true) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = exact });

    /// <summary>
    /// A button whose visible text is completed by a visually hidden part (»Flyt ned« + »: punkt 2«).
    /// The hidden span is positioned absolutely, which makes it a block, so the accessible name
    /// may have a space before the colon; the pattern accepts either.
    /// </summary>
    protected ILocator Button(string visible, string hidden) => Page.GetByRole(AriaRole.Button, new() { NameRegex = Completed(visible, hidden) });

    protected static System.Text.RegularExpressions.Regex Completed(string visible, string hidden) =>
        new("^" + System.Text.RegularExpressions.Regex.Escape(visible) + "\\s*" + System.Text.RegularExpressions.Regex.Escape(hidden.TrimStart()).Replace("\\ ", "\\s+", StringComparison.Ordinal) + "$");

    protected ILocator Link(string visible, string hidden) => Page.GetByRole(AriaRole.Link, new() { NameRegex = Completed(visible, hidden) });

    protected ILocator Link(string name, bool exact = true) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = exact });

    /// <summary>Signs out through the header's button, so the next actor starts as an anonymous visitor.</summary>
    public async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Konto" }).GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Konto" }).GetByRole(AriaRole.Link, new() { Name = "Log ind" })).ToBeVisibleAsync();
    }
}
