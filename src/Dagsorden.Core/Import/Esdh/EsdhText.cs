using System.Globalization;
using System.Text.RegularExpressions;
using Dagsorden.Core.CaseNumbers;

namespace Dagsorden.Core.Import.Esdh;

/// <summary>Small readings shared by the exports: dates, names, case numbers, yes/no flags.</summary>
public static partial class EsdhText
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd",
        "dd-MM-yyyy HH:mm:ss", "dd-MM-yyyy HH:mm", "dd-MM-yyyy", "d-M-yyyy H:mm", "d-M-yyyy H:mm:ss", "d-M-yyyy",
        "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy",
    ];

    public static bool TryParseDateTime(string? text, out DateTime value) =>
        DateTime.TryParseExact(text?.Trim(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);

    /// <summary>A meeting's date and start time; the time is null when the source gives midnight or none.</summary>
    public static (DateOnly Date, TimeOnly? Time) ReadMeetingDate(string? text, string file, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new ImportException(file, null, $"the export gives no meeting date ({field}).");
        if (!TryParseDateTime(text, out var value))
            throw new ImportException(file, null, $"'{text.Trim()}' in {field} is not a date this import knows (e.g. 2013-06-20 10:30 or 04-12-2012 13:00:00).");
        var time = TimeOnly.FromDateTime(value);
        return (DateOnly.FromDateTime(value), time == TimeOnly.MinValue && !text.Contains(':', StringComparison.Ordinal) ? null : time);
    }

    /// <summary>Collapses whitespace (exports pad names: "Jesper  Mathiesen (A)") and keeps one line.</summary>
    public static string OneLine(string? text) => WhitespacePattern().Replace(text ?? "", " ").Trim();

    public static string? OrNull(string? text) => OneLine(text) is { Length: > 0 } value ? value : null;

    public static CaseNumbers.CaseNumber? CaseNumberOrNull(string? text) =>
        OrNull(text) is { } value && value != "-" ? CaseNumber.Parse(value) : null;

    /// <summary>"true", "True", "1", "ja" are yes; "false", "0", "nej" are no; anything else is <paramref name="otherwise"/>.</summary>
    public static bool Flag(string? text, bool otherwise) => OneLine(text).ToLowerInvariant() switch
    {
        "true" or "1" or "ja" or "yes" => true,
        "false" or "0" or "nej" or "no" => false,
        _ => otherwise,
    };

    /// <summary>True when the heading carries the date, as "20-06-2013", "04.12.2012", "20/6 2013" or "20. juni 2013".</summary>
    public static bool MentionsDate(string heading, DateOnly date)
    {
        foreach (Match match in NumericDatePattern().Matches(heading))
        {
            if (int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) == date.Day
                && int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) == date.Month
                && int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) is var year
                && (year == date.Year || year == date.Year % 100))
            {
                return true;
            }
        }

        var longDate = string.Create(CultureInfo.InvariantCulture, $"{date.Day}. {Text.DanishDates.MonthName(date.Month)} {date.Year}");
        return heading.Contains(longDate, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})[-./ ](?<m>\d{1,2})[-./ ](?<y>\d{4}|\d{2})(?!\d)")]
    private static partial Regex NumericDatePattern();
}
