using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>
/// Waits for a page by asking the page itself (<c>document.readyState</c>). Playwright's .NET client
/// keeps its own record of a frame's load states from the driver's events, and on a busy host that
/// record twice missed the new document's event after a click had already waited for the navigation:
/// the wait timed out at 30 s with the next page loaded ("Load" event fired, in the wait's own log).
/// </summary>
public static class PageWaits
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Until the document is parsed, or with <paramref name="complete"/> fully loaded. Asked with
    /// <c>EvaluateAsync</c>, as axe is run: a wait-for-function predicate is compiled in the page,
    /// which our Content-Security-Policy forbids. A navigation that replaces the document while it is
    /// asked fails that one question; the next goes to the new document.
    /// </summary>
    public static Task LoadedAsync(IPage page, bool complete = false) =>
        PollAsync(
            async () =>
            {
                try
                {
                    var state = await page.EvaluateAsync<string>("() => document.readyState");
                    return state == "complete" || (!complete && state == "interactive");
                }
                catch (PlaywrightException)
                {
                    return false;
                }
            },
            () => $"The page at {page.Url} did not finish loading in {Timeout.TotalSeconds:N0} s.");

    /// <summary>Until the page's address satisfies <paramref name="arrived"/>, then <see cref="LoadedAsync"/>.</summary>
    public static async Task UrlAsync(IPage page, Func<string, bool> arrived, bool complete = false)
    {
        await PollAsync(() => Task.FromResult(arrived(page.Url)), () => $"The page is still at {page.Url} after {Timeout.TotalSeconds:N0} s.");
        await LoadedAsync(page, complete);
    }

    public static Task UrlAsync(IPage page, Regex address, bool complete = false) => UrlAsync(page, address.IsMatch, complete);

    public static Task UrlAsync(IPage page, string address, bool complete = false) => UrlAsync(page, url => url == address, complete);

    private static async Task PollAsync(Func<Task<bool>> done, Func<string> stuck)
    {
        var started = DateTime.UtcNow;
        while (!await done())
        {
            if (DateTime.UtcNow - started > Timeout)
                throw new TimeoutException(stuck());
            await Task.Delay(25);
        }
    }
}
