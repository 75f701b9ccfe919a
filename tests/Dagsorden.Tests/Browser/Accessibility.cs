using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>axe-core against the page as the browser shows it, on the WCAG 2.0 and 2.1 A and AA rules.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Fails with every violation, the rule, and the elements it found, so the markup to fix is named in the test output.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Options);
        if (result.Violations.Length == 0)
            return;
        var lines = result.Violations.SelectMany(violation =>
            new[] { $"{violation.Id} ({violation.Impact}): {violation.Help}" }
                .Concat(violation.Nodes.Select(node => $"    {node.Target}: {node.Html}")));
        Assert.Fail($"axe-core found {result.Violations.Length} violation(s) on {page.Url}:\n{string.Join('\n', lines)}");
    }
}
