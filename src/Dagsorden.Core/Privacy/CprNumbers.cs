using System.Globalization;
using System.Text.RegularExpressions;

namespace Dagsorden.Core.Privacy;

/// <summary>
/// Finds Danish CPR numbers (personnummer) in text: six digits that are a real day and month
/// (ddmmyy), then four digits, written "ddmmyy-xxxx" or as ten digits in a row. The modulus-11
/// check is not applied: CPR numbers issued since 2007 need not pass it.
/// </summary>
public static partial class CprNumbers
{
    // Not part of a longer number or word: no letter or digit on either side, and no "12-" or
    // "12." in front or "-3" after, so case numbers like "00.01.00-A00-010203-1234-5" and
    // numbers in a series are left alone. Hyphen, non-breaking hyphen and en dash all separate.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<![\p{N}][-./])(?<day>\d{2})(?<month>\d{2})(?<year>\d{2})[-\u2010\u2011\u2013]?(?<serial>\d{4})(?![\p{L}\p{N}])(?![-./]\p{N})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Candidate();

    /// <summary>The CPR numbers in <paramref name="text"/>, in order, as written.</summary>
    public static IReadOnlyList<string> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var found = new List<string>();
        foreach (Match match in Candidate().Matches(text))
        {
            if (IsDate(Number(match, "day"), Number(match, "month")))
                found.Add(match.Value);
        }

        return found;
    }

    public static bool Contains(string? text) => Find(text).Count > 0;

    /// <summary>"12****-****": enough for the secretary to find the number, never the number itself.</summary>
    public static string Mask(string cprNumber) => cprNumber[..2] + "****-****";

    // Any century: 29 February is a date in some year of every pair of digits.
    private static bool IsDate(int day, int month) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month);

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);
}
