using System.Text.RegularExpressions;

namespace Dagsorden.Tests.Support;

/// <summary>
/// The comparison the round-trip acceptance criterion defines: trim each line, collapse runs of
/// whitespace, drop empty lines, and ignore the page number after a table-of-contents dot leader.
/// </summary>
public static partial class MinutesText
{
    public static IReadOnlyList<string> Normalise(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n')
            .Select(line => Whitespace().Replace(line.Trim(), " "))
            .Where(line => line.Length > 0)
            .Select(line => TocPageNumber().Replace(line, "$1"))
            .ToList();

    /// <summary>Asserts equality and, on failure, names the first differing line of each.</summary>
    public static void AssertSameDocument(string expected, string actual, string name)
    {
        var left = Normalise(expected);
        var right = Normalise(actual);
        var firstDifference = Enumerable.Range(0, Math.Min(left.Count, right.Count)).FirstOrDefault(i => left[i] != right[i], -1);
        if (firstDifference < 0 && left.Count == right.Count)
            return;
        var index = firstDifference < 0 ? Math.Min(left.Count, right.Count) : firstDifference;
        Assert.Fail(
            $"{name}: normalised documents differ at line {index + 1} (of {left.Count} vs {right.Count}).\n" +
            $"source: {(index < left.Count ? left[index] : "<end>")}\n" +
            $"export: {(index < right.Count ? right[index] : "<end>")}");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(\.{3,})\s*\d+$")]
    private static partial Regex TocPageNumber();
}
