using System.Globalization;
using Dagsorden.Core.Meetings;

namespace Dagsorden.Web.Feeds;

/// <summary>
/// Absolute addresses of the public pages and downloads. Feeds and the OParl API hand out absolute
/// URLs; the origin is the configured "PublicUrl" (behind a proxy) or else the request's own.
/// </summary>
public sealed class PublicUrls(string origin)
{
    public string Origin { get; } = origin.TrimEnd('/');

    public static PublicUrls For(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["PublicUrl"];
        return new PublicUrls(string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}"
            : configured);
    }

    public string Absolute(string path) => Origin + path;

    public string Forum(string code) => Absolute("/" + code.ToLowerInvariant());

    /// <summary>/cf/2016-08-18</summary>
    public string MeetingPage(MeetingKey key) => Absolute(MeetingPath(key));

    public string MeetingPdf(MeetingKey key) => Absolute(MeetingPath(key) + ".pdf");

    /// <summary>The item permalink, /cf/2016-08-18/punkt/5.</summary>
    public string ItemPage(MeetingKey key, int number) =>
        Absolute(MeetingPath(key) + "/punkt/" + number.ToString(CultureInfo.InvariantCulture));

    private static string MeetingPath(MeetingKey key) =>
        $"/{key.ForumCode.ToLowerInvariant()}/{key.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
