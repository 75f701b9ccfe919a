using System.Globalization;
using Dagsorden.Core.Meetings;
using Microsoft.Extensions.Configuration;

namespace Dagsorden.Core.Notifications;

/// <summary>
/// Absolute addresses for mail sent without a request to take the host from (the reminder job, the
/// CLI): the configured "PublicUrl", as the agenda mail and the feeds use, or the address run.sh serves.
/// </summary>
public sealed record MailLinks(string Origin)
{
    public const string DefaultOrigin = "http://127.0.0.1:5080";

    public static MailLinks Read(IConfiguration configuration) =>
        new(string.IsNullOrWhiteSpace(configuration["PublicUrl"]) ? DefaultOrigin : configuration["PublicUrl"]!.Trim().TrimEnd('/'));

    /// <summary>The public item permalink, /cf/2016-08-18/punkt/5; a member signs in there to read a closed item.</summary>
    public string ItemPage(MeetingKey key, int number) =>
        $"{Origin}/{key.ForumCode.ToLowerInvariant()}/{key.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/punkt/{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The follow-up's page in the forum's secretariat.</summary>
    public string FollowUpPage(string forumCode, int followUpId) =>
        $"{Origin}/sekretariat/{forumCode.ToLowerInvariant()}/opfoelgning/{followUpId.ToString(CultureInfo.InvariantCulture)}";
}
