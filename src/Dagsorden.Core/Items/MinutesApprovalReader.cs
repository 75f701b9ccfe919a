using System.Globalization;
using System.Text.RegularExpressions;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Items;

/// <summary>
/// Item 1 approves the agenda and the previous minutes. This reads which minutes (by date, from the
/// at-clause that names "referat") and whether the decision approved or postponed them.
/// </summary>
public static partial class MinutesApprovalReader
{
    public static MinutesApproval? Read(Recommendation? recommendation, Decision? decision, DateOnly meetingDate)
    {
        var clause = recommendation?.ClauseTexts.FirstOrDefault(c => MentionsMinutes(c));
        var decisionText = decision?.Text.ToPlainText() ?? "";
        var minutesSentences = Sentences(decisionText).Where(MentionsMinutes).ToList();
        if (clause is null && minutesSentences.Count == 0)
            return null;

        var minutesOf = FindDate(clause, meetingDate) ?? minutesSentences.Select(s => FindDate(s, meetingDate)).FirstOrDefault(d => d is not null);
        var outcome = decision is null ? MinutesApprovalOutcome.Pending
            : minutesSentences.Any(s => ApprovalPattern().IsMatch(s) && !NotYetPattern().IsMatch(s)) ? MinutesApprovalOutcome.Approved
            : MinutesApprovalOutcome.Postponed;
        return new MinutesApproval(minutesOf, outcome);
    }

    private static bool MentionsMinutes(string text) => text.Contains("referat", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Sentences(string text) =>
        SentenceBreak().Split(text).Where(s => s.Length > 0);

    /// <summary>The first Danish date ("11. august 2016", "4. juni") in the text; without a year, the latest such date before the meeting.</summary>
    private static DateOnly? FindDate(string? text, DateOnly meetingDate)
    {
        if (text is null)
            return null;
        foreach (Match match in DatePattern().Matches(text))
        {
            if (DanishDates.ParseMonth(match.Groups["month"].Value) is not { } month)
                continue;
            var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
            var year = match.Groups["year"].Success
                ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture)
                : meetingDate.Year;
            if (day > DateTime.DaysInMonth(year, month))
                continue;
            var date = new DateOnly(year, month, day);
            if (!match.Groups["year"].Success && date > meetingDate)
                date = date.AddYears(-1);
            return date;
        }

        return null;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+|\n")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b(?<day>\d{1,2})\.\s*(?<month>[a-zæøå]+)(?:\s+(?<year>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\bgodkend", RegexOptions.IgnoreCase)]
    private static partial Regex ApprovalPattern();

    [GeneratedRegex(@"\b(endnu ikke|foreligger ikke|ikke godkendt|udsat|udsættes)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotYetPattern();
}
