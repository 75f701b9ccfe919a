using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>
/// The journeys pass only if no page breaks the CSP and axe finds nothing. These prove both checks
/// work under the enforced policy: Chromium reports an inline style as a violation (and refuses
/// it), and axe, injected through the DevTools protocol, still runs and still finds faults.
/// </summary>
public sealed class ContentSecurityPolicyTests
{
    [Fact]
    public async Task AnInlineStyleOnAnAppPageIsRefusedAndReported()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await using var browser = await BrowserSession.OpenAsync(app.StartOnLoopback());
        var page = browser.Page;
        await page.GotoAsync("/konto/log-ind");
        Assert.Empty(browser.CspViolations);

        // As an injected payload would: a style element hiding the page.
        await page.RunAndWaitForConsoleMessageAsync(
            () => page.EvaluateAsync("() => document.head.insertAdjacentHTML('beforeend', '<style>main { display: none; }</style>')"),
            new() { Predicate = message => message.Text.Contains("Content Security Policy", StringComparison.Ordinal) });

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.Contains("style-src", browser.CspViolations[0], StringComparison.Ordinal);
        Assert.Throws<Xunit.Sdk.TrueException>(browser.AssertNoCspViolations);
    }

    /// <summary>axe is evaluated through the DevTools protocol, which the page's CSP does not govern, so it needs no BypassCSP.</summary>
    [Fact]
    public async Task AxeRunsOnAnAppPageUnderTheCspWithoutBreakingIt()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        await using var browser = await BrowserSession.OpenAsync(app.StartOnLoopback());
        var page = browser.Page;
        await page.GotoAsync("/konto/log-ind");

        await Accessibility.AssertNoViolationsAsync(page);
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input name=\"umærket\">')");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Accessibility.AssertNoViolationsAsync(page));

        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        Assert.Contains("umærket", failure.Message, StringComparison.Ordinal);
        browser.AssertNoCspViolations();
    }
}
