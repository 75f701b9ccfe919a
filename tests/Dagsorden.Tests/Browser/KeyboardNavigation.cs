using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>Moving through a page as a keyboard user does: Tab, one stop at a time.</summary>
public static class KeyboardNavigation
{
    /// <summary>Presses Tab until the target has focus; fails if it is never reached.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, int maximumPresses = 80)
    {
        for (var presses = 0; presses < maximumPresses; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
                return;
        }

        Assert.Fail("Tab never reached " + await target.TextContentAsync());
    }

    /// <summary>
    /// Presses Tab through the page from its top and describes each element that gets focus: its
    /// kind, its text, and whether the browser draws a visible focus indicator on it (an outline
    /// of at least 2 px, or a box shadow). Stops when focus leaves the page or comes round again.
    /// </summary>
    public static async Task<IReadOnlyList<FocusStop>> TabThroughAsync(IPage page, int maximumStops = 60)
    {
        await page.Locator("body").FocusAsync();
        var stops = new List<FocusStop>();
        for (var i = 0; i < maximumStops; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.EvaluateAsync<FocusStop?>("""
                () => {
                    const element = document.activeElement;
                    if (!element || element === document.body) return null;
                    // Each element gets a number the first time, so coming round to it again is recognised.
                    const seen = window.focusStops ??= new WeakMap();
                    if (!seen.has(element)) seen.set(element, window.focusStopCount = (window.focusStopCount || 0) + 1);
                    const style = getComputedStyle(element);
                    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
                    return {
                        kind: element.tagName.toLowerCase() + (element.type ? '[' + element.type + ']' : ''),
                        name: (element.getAttribute('aria-label') || element.textContent || element.name || element.id || '').trim().replace(/\s+/g, ' ').slice(0, 60),
                        visible: outline || style.boxShadow !== 'none',
                        key: seen.get(element),
                    };
                }
                """);
            if (stop is null || stops.Any(s => s.Key == stop.Key))
                break;
            stops.Add(stop);
        }

        return stops;
    }
}

/// <summary>One element that took focus, and whether its focus can be seen (settable: Playwright fills it from the page's answer).</summary>
public sealed class FocusStop
{
    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    public bool Visible { get; set; }

    public int Key { get; set; }
}
