using System.Text.RegularExpressions;

namespace Dagsorden.Core.Items;

/// <summary>Splits and joins the forum prefix of an item title: "CF/ØU - Orientering om …".</summary>
public static partial class ItemTitle
{
    public const string PrefixSeparator = " - ";

    public static (string? Prefix, string Title) Split(string fullTitle)
    {
        var match = PrefixPattern().Match(fullTitle);
        return match.Success
            ? (match.Groups["prefix"].Value, match.Groups["title"].Value)
            : (null, fullTitle);
    }

    public static string Compose(string? prefix, string title) =>
        prefix is null ? title : prefix + PrefixSeparator + title;

    [GeneratedRegex(@"^(?<prefix>[A-ZÆØÅ]{1,6}(?:/[A-ZÆØÅ]{1,6})*) - (?<title>\S.*)$")]
    private static partial Regex PrefixPattern();
}
