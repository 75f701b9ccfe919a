using Dagsorden.Core.Documents.Pdf;
using Dagsorden.Tests.Browser.Pages;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>The system Chromium driving the real app on a loopback port, signed in through the real form.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _cspViolations = [];

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page, Uri baseAddress)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        BaseAddress = baseAddress;
        // The app's Content-Security-Policy is enforced as in production; Chromium reports each
        // refused style, script or form target on the console ("Refused to … because it violates
        // the following Content Security Policy directive"), which is how a page that depends on
        // inline code is caught here without a script of our own in the page.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (_cspViolations)
                    _cspViolations.Add(page.Url + ": " + message.Text);
            }
        };
    }

    /// <summary>Every CSP violation Chromium has reported so far, with the page it happened on.</summary>
    public IReadOnlyList<string> CspViolations
    {
        get
        {
            lock (_cspViolations)
                return [.. _cspViolations];
        }
    }

    /// <summary>Fails with every violation the pages visited so far caused.</summary>
    public void AssertNoCspViolations()
    {
        var violations = CspViolations;
        Assert.True(violations.Count == 0, $"The pages broke the Content-Security-Policy {violations.Count} time(s):\n{string.Join('\n', violations)}");
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
            Args = ["--no-sandbox", "--lang=da-DK"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "da-DK",
        });
        // The app answers on loopback in well under a second when the machine is idle, but the whole
        // suite runs in parallel on two cores; a wait only lasts this long when the step has failed.
        context.SetDefaultTimeout(30_000);
        return new BrowserSession(playwright, browser, await context.NewPageAsync(), baseAddress);
    }

    /// <summary>Signs in through the sign-in page's own page object, which checks it like any other page.</summary>
    public async Task SignInAsync(string email, string password) =>
        await (await SignInPage.OpenAsync(Page)).SignInAsync(email, password);

    /// <summary>Where a failed journey leaves its screenshot and trace: TestResults/browser beside the test assembly.</summary>
    public static string ArtifactsFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "browser");

    /// <summary>
    /// Runs a journey under a Playwright trace. When it fails, the trace (open it with
    /// `playwright show-trace`) and a screenshot of the page as it was are saved in
    /// <see cref="ArtifactsFolder"/>; when it passes, the trace is thrown away. A journey whose
    /// pages broke the CSP fails too, even if everything it checked was there.
    /// </summary>
    public async Task RecordAsync(string name, Func<Task> journey)
    {
        var tracing = Page.Context.Tracing;
        await tracing.StartAsync(new TracingStartOptions { Title = name, Screenshots = true, Snapshots = true });
        try
        {
            await journey();
            AssertNoCspViolations();
        }
        catch
        {
            await SaveArtifactsAsync(name);
            throw;
        }

        await tracing.StopAsync();
    }

    private async Task SaveArtifactsAsync(string name)
    {
        Directory.CreateDirectory(ArtifactsFolder);
        // The journey's own failure is what the test must report; a page that can no longer be
        // captured (a crashed browser) must not hide it, so each artefact is best effort.
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsFolder, name + ".png"), FullPage = true });
        }
        catch (PlaywrightException)
        {
        }

        try
        {
            await Page.Context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(ArtifactsFolder, name + ".trace.zip") });
        }
        catch (PlaywrightException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
