using System.Globalization;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Text;

namespace Dagsorden.Web.Meetings;

/// <summary>The Danish words and the URL parts the meeting pages show.</summary>
public static class MeetingText
{
    public const string DateFormat = "yyyy-MM-dd";

    public static string KindName(DocumentKind kind) => kind == DocumentKind.Minutes ? "Referat" : "Dagsorden";

    /// <summary>"kl. 09:00", or empty when the time is unknown.</summary>
    public static string Time(TimeOnly? time) => time is { } t ? "kl. " + DanishDates.Time(t) : "";

    public static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>A decision's outcome in Danish, e.g. "godkendt".</summary>
    public static string OutcomeName(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved => "godkendt",
        DecisionOutcome.Noted => "taget til efterretning",
        DecisionOutcome.Discussed => "drøftet",
        DecisionOutcome.Postponed => "udsat",
        DecisionOutcome.Rejected => "afvist",
        DecisionOutcome.NothingToReport => "intet at bemærke",
        _ => "besluttet",
    };

    /// <summary>The secretary's agenda builder of a meeting.</summary>
    public static string BuilderPath(int meetingId) => "/sekretariat/moeder/" + meetingId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Route values for the meeting page, e.g. /cf/2016-08-18.</summary>
    public static Dictionary<string, string> RouteValues(MeetingKey key) => new()
    {
        ["code"] = key.ForumCode.ToLowerInvariant(),
        ["date"] = key.Date.ToString(DateFormat, CultureInfo.InvariantCulture),
    };
}
