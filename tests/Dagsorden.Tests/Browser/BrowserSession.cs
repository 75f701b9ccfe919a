using Dagsorden.Core.Documents.Pdf;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>The system Chromium driving the real app on a loopback port, signed in through the real form.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page, Uri baseAddress)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        BaseAddress = baseAddress;
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    public static async Task<BrowserSession> OpenAsync(Uri baseAddress, int width = 1280, int height = 900)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPdfEngine.FindBrowser(),
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "da-DK",
        });
        return new BrowserSession(playwright, browser, await context.NewPageAsync(), baseAddress);
    }

    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/konto/log-ind");
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Adgangskode").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/konto/log-ind", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
