using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;

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

    [Fact]
    public async Task AFailingJourneyLeavesAScreenshotAndATrace()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await using var browser = await BrowserSession.OpenAsync(app.StartOnLoopback());
        const string name = nameof(AFailingJourneyLeavesAScreenshotAndATrace);
        var screenshot = Path.Combine(BrowserSession.ArtifactsFolder, name + ".png");
        var trace = Path.Combine(BrowserSession.ArtifactsFolder, name + ".trace.zip");
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
