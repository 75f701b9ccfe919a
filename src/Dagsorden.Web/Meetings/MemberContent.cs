using Dagsorden.Core.Documents;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Text;
using Microsoft.Net.Http.Headers;

namespace Dagsorden.Web.Meetings;

/// <summary>What pages and downloads share when they may show a member's view of a meeting.</summary>
public static class MemberContent
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>
    /// The same address answers the public and the forum's members differently, so no shared cache
    /// may keep a member's answer, nor hand the public's answer to a member.
    /// </summary>
    public static void KeepPrivate(HttpResponse response, DocumentAudience audience)
    {
        response.Headers[HeaderNames.Vary] = "Cookie";
        if (audience == DocumentAudience.Internal)
            response.Headers[HeaderNames.CacheControl] = "private, no-store";
    }

    /// <summary>"Torsdag d. 18. august 2016 kl. 14:05", in Danish time.</summary>
    public static string Published(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Copenhagen);
        return DanishDates.LongDate(DateOnly.FromDateTime(local)) + " kl. " + DanishDates.Time(TimeOnly.FromDateTime(local));
    }

    /// <summary>"Referat godkendt 1. september 2016" or the status alone.</summary>
    public static string Status(PublishedMeeting meeting) =>
        meeting.Status == MeetingStatus.MinutesApproved && meeting.MinutesApprovedOn is { } approvedOn
            ? $"{meeting.Status.Danish()} på mødet {DanishDates.LongDate(approvedOn).ToLowerInvariant()}"
            : meeting.Status.Danish();
}
