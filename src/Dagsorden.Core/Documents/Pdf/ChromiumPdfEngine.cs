using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Dagsorden.Core.Documents.Pdf;

/// <summary>
/// Prints with the machine's own Chromium, Chrome or Edge through Playwright. One browser is started
/// on first use and kept for every later render, and so are its tabs.
/// </summary>
public sealed class ChromiumPdfEngine(string? executablePath = null) : IPdfEngine
{
    public const string BrowserEnvironmentVariable = "DAGSORDEN_BROWSER";

    private static readonly string[] KnownLocations =
    [
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium", "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable", "/opt/google/chrome/chrome", "/usr/bin/microsoft-edge", "/opt/microsoft/msedge/msedge",
    ];

    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly ConcurrentBag<IPage> _idlePages = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The configured path, else $DAGSORDEN_BROWSER, else the first known install location.</summary>
    public static string FindBrowser(string? configured = null)
    {
        var candidate = configured ?? Environment.GetEnvironmentVariable(BrowserEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(candidate))
        {
            return File.Exists(candidate)
                ? candidate
                : throw new DomainException($"The browser '{candidate}' does not exist. Set {BrowserEnvironmentVariable} to a Chromium, Chrome or Edge executable.");
        }

        return KnownLocations.FirstOrDefault(File.Exists)
            ?? throw new DomainException(
                "PDF needs Chromium, Chrome or Edge, and none was found. Install one, e.g. 'sudo apt-get install chromium', " +
                $"or set {BrowserEnvironmentVariable} to the browser's executable.");
    }

    public async Task<PdfPrint> PrintAsync(string html, PdfPrintOptions options, CancellationToken cancellationToken = default)
    {
        var page = await TakePageAsync(cancellationToken);
        try
        {
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            var prepared = options.PrepareScript is null ? null : await page.EvaluateAsync<string>(options.PrepareScript);
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                PreferCSSPageSize = true,
                PrintBackground = true,
                Tagged = options.Tagged,
                Outline = options.Outline,
            });
            _idlePages.Add(page);
            return new PdfPrint(pdf, prepared);
        }
        catch
        {
            await page.CloseAsync();
            throw;
        }
    }

    // Opening a tab costs more than printing a meeting, so tabs are kept and reused: one per concurrent render.
    private async Task<IPage> TakePageAsync(CancellationToken cancellationToken)
    {
        while (_idlePages.TryTake(out var idle))
        {
            if (!idle.IsClosed)
                return idle;
        }

        var browser = await BrowserAsync(cancellationToken);
        var page = await browser.NewPageAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        return page;
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true })
            return _browser;
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true })
                return _browser;
            var path = FindBrowser(executablePath);
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                // The machine's network is closed; background services would only fail and wait.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return _browser;
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        _startLock.Dispose();
    }
}
