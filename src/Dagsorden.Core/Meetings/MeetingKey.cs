using System.Globalization;
using System.Text.RegularExpressions;
using Dagsorden.Core.Forums;

namespace Dagsorden.Core.Meetings;

/// <summary>Identifies a meeting as CODE:YYYY-MM-DD, e.g. CF:2016-08-18.</summary>
public sealed partial record MeetingKey(string ForumCode, DateOnly Date)
{
    public static MeetingKey Parse(string text)
    {
        var match = KeyPattern().Match(text?.Trim() ?? "");
        if (!match.Success
            || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new DomainException($"'{text}' is not a meeting key: expected CODE:YYYY-MM-DD, e.g. CF:2016-08-18.");
        }

        return new MeetingKey(Forum.ValidateCode(match.Groups["code"].Value), date);
    }

    public override string ToString() => $"{ForumCode}:{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"^(?<code>[^:\s]+):(?<date>\d{4}-\d{2}-\d{2})$")]
    private static partial Regex KeyPattern();
}
