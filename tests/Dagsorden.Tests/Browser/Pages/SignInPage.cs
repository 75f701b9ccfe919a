using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser.Pages;

/// <summary>/konto/log-ind.</summary>
public sealed class SignInPage(IPage page) : PageObject(page)
{
    public static async Task<SignInPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/konto/log-ind");
        var signIn = new SignInPage(page);
        await signIn.ArrivedAsync();
        return signIn;
    }

    public async Task SignInAsync(string email, string password)
    {
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Adgangskode").FillAsync(password);
        await Button("Log ind").ClickAsync();
        await PageWaits.UrlAsync(Page, url => !url.Contains("/konto/log-ind", StringComparison.Ordinal));
    }
}
