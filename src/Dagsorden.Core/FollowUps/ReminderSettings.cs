using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Dagsorden.Core.FollowUps;

/// <summary>
/// The section "FollowUps": RemindDaysBefore (default 7), OverdueIntervalDays (default 7) and
/// ReminderIntervalMinutes, how often the web app's job runs (default 60; 0 turns the job off, for
/// servers that run "followups remind" from cron instead). A value that cannot be used falls back to
/// its default and is reported in <see cref="Problem"/>, so a typo never stops the site.
/// </summary>
public sealed record ReminderSettings(int RemindDaysBefore, int OverdueIntervalDays, int RunEveryMinutes, string? Problem)
{
    public const string Section = "FollowUps";

    public static ReminderSettings Default { get; } = new(7, 7, 60, null);

    public static ReminderSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var problems = new List<string>();
        var before = Number(section, "RemindDaysBefore", Default.RemindDaysBefore, 0, 365, problems);
        var interval = Number(section, "OverdueIntervalDays", Default.OverdueIntervalDays, 1, 365, problems);
        var every = Number(section, "ReminderIntervalMinutes", Default.RunEveryMinutes, 0, 7 * 24 * 60, problems);
        return new ReminderSettings(before, interval, every, problems.Count == 0 ? null : string.Join("; ", problems) + ".");
    }

    private static int Number(IConfigurationSection section, string key, int fallback, int minimum, int maximum, List<string> problems)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
            return value;
        problems.Add($"{Section}:{key} is '{text}', not a whole number from {minimum} to {maximum}; using {fallback}");
        return fallback;
    }
}
