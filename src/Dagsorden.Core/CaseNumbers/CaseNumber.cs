using System.Globalization;
using System.Text.RegularExpressions;

namespace Dagsorden.Core.CaseNumbers;

public enum CaseNumberKind
{
    Kle,
    YearSerial,
    Other,
}

/// <summary>
/// A journal number ("sagsnummer") as printed on an agenda item. Recognised forms are split
/// into their parts; every other form is kept verbatim as <see cref="CaseNumberKind.Other"/>,
/// because other municipalities' case systems number their cases in their own ways.
/// </summary>
public sealed partial record CaseNumber
{
    // Two-digit years above the pivot belong to the 1900s: "87/123" is 1987, "15" is 2015.
    private const int TwoDigitYearPivot = 69;

    private const int MinTokenLength = 4;
    private const int MaxTokenLength = 40;

    // A bare "16.00", "10.00-12.00" or "2.3.1" is a time or a section number, not a case
    // number; every real journal number carries a serial or a year of three digits or more.
    private const int MinLongestDigitRun = 3;

    private CaseNumber(
        string value,
        CaseNumberKind kind,
        string? kleSubject = null,
        string? facet = null,
        int? serial = null,
        int? year = null)
    {
        Value = value;
        Kind = kind;
        KleSubject = kleSubject;
        Facet = facet;
        Serial = serial;
        Year = year;
    }

    public string Value { get; }

    public CaseNumberKind Kind { get; }

    public string? KleSubject { get; }

    public string? Facet { get; }

    public int? Serial { get; }

    public int? Year { get; }

    /// <summary>
    /// Parses a journal number. Never fails on an unknown form: it comes back as
    /// <see cref="CaseNumberKind.Other"/> with the trimmed text as its value.
    /// </summary>
    /// <exception cref="ArgumentException">The text is null, empty or whitespace.</exception>
    public static CaseNumber Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var value = text.Trim();

        return TryParseKle(value)
            ?? TryParseYearSerial(value)
            ?? new CaseNumber(value, CaseNumberKind.Other, year: FindFourDigitYear(value));
    }

    /// <summary>
    /// True when the line, trimmed, is a plausible journal number standing alone: the KLE or
    /// year/serial form, or a single token such as "2012-28504" or "MDR-2016-02836".
    /// Dates ("18-08-2016"), times ("16.00"), years and ordinary words are not.
    /// </summary>
    public static bool LooksLikeCaseNumber(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return false;

        var token = line.Trim();
        if (KlePattern().IsMatch(token) || YearSerialPattern().IsMatch(token))
            return true;

        return IsJournalLikeToken(token)
            && !DatePattern().IsMatch(token)
            && !YearSpanPattern().IsMatch(token);
    }

    public override string ToString() => Value;

    private static CaseNumber? TryParseKle(string value)
    {
        var match = KlePattern().Match(value);
        if (!match.Success || !TryParseNumber(match.Groups["serial"].Value, out var serial))
            return null;

        return new CaseNumber(
            value,
            CaseNumberKind.Kle,
            kleSubject: match.Groups["subject"].Value,
            facet: match.Groups["facet"].Value,
            serial: serial,
            year: ExpandTwoDigitYear(match.Groups["year"].Value));
    }

    private static CaseNumber? TryParseYearSerial(string value)
    {
        var match = YearSerialPattern().Match(value);
        if (!match.Success || !TryParseNumber(match.Groups["serial"].Value, out var serial))
            return null;

        return new CaseNumber(
            value,
            CaseNumberKind.YearSerial,
            serial: serial,
            year: ExpandTwoDigitYear(match.Groups["year"].Value));
    }

    private static int? FindFourDigitYear(string value)
    {
        var match = FourDigitYearPattern().Match(value);
        return match.Success && TryParseNumber(match.Value, out var year) ? year : null;
    }

    private static int ExpandTwoDigitYear(string twoDigits)
    {
        var year = int.Parse(twoDigits, NumberStyles.None, CultureInfo.InvariantCulture);
        return year > TwoDigitYearPivot ? 1900 + year : 2000 + year;
    }

    // A serial too long for an int is not something our case systems issue; such text
    // falls through to Other rather than failing.
    private static bool TryParseNumber(string digits, out int number) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    private static bool IsJournalLikeToken(string token)
    {
        if (token.Length is < MinTokenLength or > MaxTokenLength)
            return false;
        if (!IsLetterOrAsciiDigit(token[0]) || !IsLetterOrAsciiDigit(token[^1]))
            return false;

        var hasSeparator = false;
        var digitRun = 0;
        var longestDigitRun = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digitRun++;
                longestDigitRun = Math.Max(longestDigitRun, digitRun);
                continue;
            }

            digitRun = 0;
            if (c is '-' or '/' or '.')
                hasSeparator = true;
            else if (!char.IsLetter(c))
                return false;
        }

        return hasSeparator && longestDigitRun >= MinLongestDigitRun;
    }

    private static bool IsLetterOrAsciiDigit(char c) => char.IsLetter(c) || char.IsAsciiDigit(c);

    [GeneratedRegex(
        @"^(?<subject>[0-9]{2}\.[0-9]{2}\.[0-9]{2})-(?<facet>[A-Z][0-9]{2})-(?<serial>[0-9]+)-(?<year>[0-9]{2})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex KlePattern();

    [GeneratedRegex(@"^(?<year>[0-9]{2})/(?<serial>[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex YearSerialPattern();

    // Danish dates (18-08-2016, 1.9.2016, 18/08/2016) and ISO dates (2016-08-18).
    [GeneratedRegex(
        @"^(?:[0-9]{1,2}([-./])[0-9]{1,2}\1[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    // Budget periods such as 2016-2019 or 2016/17.
    [GeneratedRegex(@"^(?:19|20)[0-9]{2}[-/](?:(?:19|20)[0-9]{2}|[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearSpanPattern();

    [GeneratedRegex(@"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigitYearPattern();
}
