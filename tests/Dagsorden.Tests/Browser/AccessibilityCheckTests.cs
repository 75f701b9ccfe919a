using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>
/// The journeys prove pages accessible by axe finding nothing; these tests prove that the check
/// and the failure artefacts work at all, so a silent axe could not pass every page.
/// </summary>
public sealed class AccessibilityCheckTests
{
    [Fact]
    public async Task AxeReportsAnUnlabelledFieldAndAnImageWithoutText()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await using var browser = await BrowserSession.OpenAsync(app.StartOnLoopback());
        await browser.Page.SetContentAsync("<!DOCTYPE html><html lang=\"da\"><head><title>Prøve</title></head><body><main><h1>Prøve</h1><img src=\"x.png\"><input name=\"q\"></main></body></html>");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Accessibility.AssertNoViolationsAsync(browser.Page));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>The journeys see pages as they should be; a user who makes a mistake meets these, and they must be as accessible.</summary>
    [Fact]
    public async Task PagesShowingAnErrorHaveNoAxeViolations()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await using var browser = await BrowserSession.OpenAsync(app.StartOnLoopback());
        var page = browser.Page;
        await browser.RecordAsync(nameof(PagesShowingAnErrorHaveNoAxeViolations), async () =>
        {
            await Pages.SignInPage.OpenAsync(page);
            await page.GetByLabel("E-mail").FillAsync("ukendt@example.test");
            await page.GetByLabel("Adgangskode").FillAsync("forkert-kode");
            await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();
            await Accessibility.AssertNoViolationsAsync(page);

            await page.GotoAsync("/soeg?q=budget&fra=2027-01-01&til=2026-01-01&kle=abc");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Til dato ligger før fra dato.");
            await Accessibility.AssertNoViolationsAsync(page);

            await page.GotoAsync("/cf/2027-01-14");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mødet findes ikke");
            await Accessibility.AssertNoViolationsAsync(page);
        });
    }

    [Fact]
    public async Task AFailingJourneyLeavesAScreenshotAndATrace()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await using var browser = await BrowserSession.OpenAsync(app.StartOnLoopback());
        const string name = nameof(AFailingJourneyLeavesAScreenshotAndATrace);
        var screenshot = Path.Combine(BrowserSession.ArtifactsFolder, name + ".png");
        var trace = Path.Combine(BrowserSession.ArtifactsFolder, name + ".trace.zip");
        // On a clean checkout the folder does not exist until a journey has failed.
        Directory.CreateDirectory(BrowserSession.ArtifactsFolder);
        File.Delete(screenshot);
        File.Delete(trace);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => browser.RecordAsync(name, async () =>
        {
            await browser.Page.GotoAsync("/konto/log-ind");
            throw new InvalidOperationException("Rejsen fejler med vilje.");
        }));

        Assert.Equal("Rejsen fejler med vilje.", failure.Message);
        Assert.True(new FileInfo(screenshot).Length > 1_000);
        Assert.True(new FileInfo(trace).Length > 1_000);
    }
}
