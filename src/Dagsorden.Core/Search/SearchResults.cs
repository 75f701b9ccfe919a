using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;

namespace Dagsorden.Core.Search;

/// <summary>A piece of a snippet or title; <see cref="Highlighted"/> marks a word the search matched.</summary>
public sealed record TextPart(string Text, bool Highlighted);

public sealed record SearchHit(
    int ItemId,
    MeetingKey Meeting,
    string ForumName,
    int Number,
    string Title,
    bool IsClosed,
    DecisionOutcome? Outcome,
    string? KleSubject,
    IReadOnlyList<TextPart> TitleParts,
    IReadOnlyList<TextPart> Snippet);

public sealed record FacetCount<T>(T Value, int Count);

/// <summary>Counts of all matching items the searcher may see, by forum code, decision outcome and year.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetCount<string>> Forums,
    IReadOnlyList<FacetCount<DecisionOutcome?>> Outcomes,
    IReadOnlyList<FacetCount<int>> Years)
{
    public static SearchFacets Empty { get; } = new([], [], []);
}

/// <summary>
/// One page of ranked hits, the number of all hits, and the facet counts. When more than
/// <see cref="CountLimit"/> items match, <see cref="IsTotalCapped"/> is true, <see cref="Total"/> is
/// the limit (there are more), and the facets are empty: they would have to count every hit.
/// </summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, SearchFacets Facets, bool IsTotalCapped = false)
{
    /// <summary>Hits are counted exactly up to this many; a common word can match most of a million items.</summary>
    public const int CountLimit = 10_000;

    public static SearchResults Empty { get; } = new(0, [], SearchFacets.Empty);
}
