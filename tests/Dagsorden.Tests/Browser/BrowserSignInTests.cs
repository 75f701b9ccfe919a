using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

public sealed class BrowserSignInTests
{
    [Fact]
    public async Task AuthorSignsInWithTheKeyboardAndSeesTheirLinks()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        var address = app.StartOnLoopback();
        await app.AddUserAsync("forfatter@example.test", SystemRoles.Author);
        await using var browser = await BrowserSession.OpenAsync(address);

        await browser.Page.GotoAsync("/konto/log-ind");
        await browser.Page.GetByLabel("E-mail").FillAsync("forfatter@example.test");
        await browser.Page.GetByLabel("Adgangskode").FillAsync(TestApp.Password);
        await browser.Page.Keyboard.PressAsync("Enter");
        await PageWaits.UrlAsync(browser.Page, address.ToString());

        var account = browser.Page.GetByRole(AriaRole.Navigation, new() { Name = "Konto" });
        Assert.Equal("forfatter", await account.Locator(".site-user").TextContentAsync());
        Assert.Equal(1, await account.GetByRole(AriaRole.Link, new() { Name = "Mine punkter" }).CountAsync());
        Assert.Equal("da", await browser.Page.Locator("html").GetAttributeAsync("lang"));
        browser.AssertNoCspViolations();
    }
}
