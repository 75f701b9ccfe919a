using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Dagsorden.Web.OParl;

/// <summary>
/// The filters and paging of an OParl list: created_since, created_until, modified_since,
/// modified_until (ISO 8601), limit and page. Times are compared in UTC.
/// </summary>
public sealed record ListQuery(
    int Page,
    int Limit,
    DateTime? CreatedSince,
    DateTime? CreatedUntil,
    DateTime? ModifiedSince,
    DateTime? ModifiedUntil)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private static readonly string[] TimeParameters = ["created_since", "created_until", "modified_since", "modified_until"];

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>Only under modified_since does a list include deleted objects, as OParl 1.1 demands.</summary>
    public bool IncludesDeleted => ModifiedSince is not null;

    public static (ListQuery? Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var times = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        foreach (var name in TimeParameters)
        {
            times[name] = null;
            if (!query.TryGetValue(name, out var values))
                continue;

            // An unescaped "+" in a query string arrives as a space; "…T09:00:00+01:00" is what was meant.
            var text = values.ToString().Trim().Replace(' ', '+');
            if (DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                times[name] = time.UtcDateTime;
            else
                errors[name] = [$"'{values}' is not an ISO 8601 date-time, e.g. 2016-08-18T09:00:00+02:00."];
        }

        var limit = Integer(query, "limit", DefaultLimit, 1, MaxLimit, errors);
        var page = Integer(query, "page", 1, 1, int.MaxValue, errors);
        if (errors.Count > 0)
            return (null, errors);
        return (new ListQuery(page, limit, times["created_since"], times["created_until"], times["modified_since"], times["modified_until"]), errors);
    }

    /// <summary>The same list with these filters at another page.</summary>
    public string Link(string listUrl, int page)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal);
        Add("created_since", CreatedSince);
        Add("created_until", CreatedUntil);
        Add("modified_since", ModifiedSince);
        Add("modified_until", ModifiedUntil);
        if (Limit != DefaultLimit)
            parameters["limit"] = Limit.ToString(CultureInfo.InvariantCulture);
        if (page != 1)
            parameters["page"] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(listUrl, parameters);

        void Add(string name, DateTime? value)
        {
            if (value is { } time)
                parameters[name] = time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        }
    }

    private static int Integer(IQueryCollection query, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (!query.TryGetValue(name, out var values))
            return fallback;
        if (int.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[name] = [string.Create(CultureInfo.InvariantCulture, $"'{values}' is not a whole number from {min} to {max}.")];
        return fallback;
    }
}
