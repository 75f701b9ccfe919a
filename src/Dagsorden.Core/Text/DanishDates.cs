using System.Globalization;

namespace Dagsorden.Core.Text;

/// <summary>
/// Danish dates as documents print them ("Torsdag d. 18. august 2016"). The names are spelled out
/// here so that output never depends on the machine's culture or ICU data.
/// </summary>
public static class DanishDates
{
    private static readonly string[] MonthNames =
        ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

    // Indexed by DayOfWeek, which starts on Sunday.
    private static readonly string[] DayNames =
        ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];

    public static string MonthName(int month) => MonthNames[month - 1];

    public static string DayName(DayOfWeek day) => DayNames[(int)day];

    /// <summary>1-12 for a Danish month name (any case), or null.</summary>
    public static int? ParseMonth(string name)
    {
        var index = Array.IndexOf(MonthNames, name.Trim().ToLowerInvariant());
        return index < 0 ? null : index + 1;
    }

    /// <summary>"Torsdag d. 18. august 2016".</summary>
    public static string LongDate(DateOnly date)
    {
        var day = DayName(date.DayOfWeek);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{char.ToUpperInvariant(day[0])}{day[1..]} d. {date.Day}. {MonthName(date.Month)} {date.Year}");
    }

    /// <summary>"18-08-2016".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
