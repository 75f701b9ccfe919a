using System.Globalization;
using Dagsorden.Core.Items;

namespace Dagsorden.Core.Search;

/// <summary>
/// Words that stand for a document's forum, year, closed state, outcome and KLE subject, so that a
/// full-text engine can apply filters and access while it walks its matches, instead of looking up
/// every match's row first. They only narrow: the SQL conditions on the document's columns stay and
/// decide. So a tag may let through a row the filter refuses (a partial year of a date range), but
/// never the other way round; <see cref="SearchTagQuery.IsExact"/> says when they agree exactly.
/// The words start with "zz" and are kept in a column of their own that the searcher's words are
/// never matched against.
/// </summary>
public static class SearchTags
{
    /// <summary>The widest date range (in years) that is turned into year tags; wider ranges are left to SQL.</summary>
    public const int MaxYears = 40;

    /// <summary>The document's tags, separated by spaces.</summary>
    public static string For(SearchDocument document)
    {
        var tags = new List<string>
        {
            Forum(document.ForumId),
            Year(document.Date.Year),
        };
        if (document.IsClosed)
            tags.Add(Closed);
        if (document.Outcome is { } outcome)
            tags.Add(Outcome(outcome));

        // Every prefix a KLE filter can name (83, 83.02, 83.02.00) that the subject starts with: the
        // filter is a prefix match in SQL, so an irregular subject such as "83.021" is tagged 83 and 83.02.
        var kle = document.KleSubject ?? "";
        foreach (var length in (int[])[2, 5, 8])
        {
            if (kle.Length >= length && SearchRequest.IsKleSubjectPrefix(kle[..length]))
                tags.Add(Kle(kle[..length].Replace(".", "", StringComparison.Ordinal)));
        }

        return string.Join(' ', tags);
    }

    /// <summary>What a search requires of the tags.</summary>
    public static SearchTagQuery Required(SearchRequest request, SearchAccess access, int? forumId)
    {
        var groups = new List<IReadOnlyList<string>>();
        if (forumId is { } forum)
            groups.Add([Forum(forum)]);
        if (request.From is { } from && request.To is { } to && to.Year - from.Year < MaxYears)
            groups.Add(Enumerable.Range(from.Year, to.Year - from.Year + 1).Select(Year).ToList());
        if (request.KleSubject is { } kle && SearchRequest.IsKleSubjectPrefix(kle))
            groups.Add([Kle(kle.Replace(".", "", StringComparison.Ordinal))]);
        if (request.Outcome is { } outcome)
            groups.Add([Outcome(outcome)]);
        if (request.Closed == true)
            groups.Add([Closed]);

        var exact = (request.From, request.To) switch
        {
            (null, null) => true,
            ({ } first, { } last) => first is { Month: 1, Day: 1 } && last is { Month: 12, Day: 31 } && last.Year - first.Year < MaxYears,
            _ => false,
        };

        // Closed items are excluded rather than open ones required: an engine that ranks by term
        // rarity (bm25) walks every document of each tag once, and few documents are closed.
        if (request.Closed == false || (!access.SeesAll && access.MemberOf.Count == 0))
            return new SearchTagQuery(groups, ClosedExcluded: true, [], exact);
        if (!access.SeesAll)
            return new SearchTagQuery(groups, ClosedExcluded: true, access.MemberOf.Order().Select(Forum).ToList(), exact);
        return new SearchTagQuery(groups, ClosedExcluded: false, [], exact);
    }

    /// <summary>The tag closed items carry.</summary>
    public const string Closed = Prefix + "closed";

    /// <summary>Every tag, and every title tag of the SQLite index, starts with this.</summary>
    internal const string Prefix = "zz";

    /// <summary>Whether a word of the index could be a tag rather than a word of the text.</summary>
    public static bool CouldBeTag(string stem) => stem.StartsWith(Prefix, StringComparison.Ordinal);

    private static string Forum(int id) => Prefix + "f" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The tag of the documents of <paramref name="year"/>: exact, so an engine may slice a search by it.</summary>
    internal static string Year(int year) => Prefix + "y" + year.ToString(CultureInfo.InvariantCulture);

    private static string Kle(string digits) => Prefix + "k" + digits;

    private static string Outcome(DecisionOutcome outcome) => Prefix + "o" + outcome.ToString().ToLowerInvariant();
}

/// <summary>
/// What a search requires of the tags: every group in <see cref="Required"/> met by any one of its
/// tags; and, when <see cref="ClosedExcluded"/>, no <see cref="SearchTags.Closed"/> tag unless the
/// document also has one of <see cref="ClosedAllowedIn"/> (the searcher's forums). When
/// <see cref="IsExact"/>, the tags say exactly what the filters and access do (no date range that
/// starts or ends inside a year), so an engine may count by the tags alone.
/// </summary>
public sealed record SearchTagQuery(IReadOnlyList<IReadOnlyList<string>> Required, bool ClosedExcluded, IReadOnlyList<string> ClosedAllowedIn, bool IsExact);
