using System.Globalization;
using System.Text.RegularExpressions;
using Dagsorden.Core.Items;

namespace Dagsorden.Core.Search;

/// <summary>Who is searching: the public (anonymous users and employees), the members of some forums, or an administrator.</summary>
public sealed record SearchAccess
{
    private SearchAccess(bool seesAll, IReadOnlySet<int> memberOf)
    {
        SeesAll = seesAll;
        MemberOf = memberOf;
    }

    /// <summary>Anonymous users and employees: never any closed item.</summary>
    public static SearchAccess Public { get; } = new(false, new HashSet<int>());

    /// <summary>The command line's administrator: every item, open or closed.</summary>
    public static SearchAccess Administrator { get; } = new(true, new HashSet<int>());

    public bool SeesAll { get; }

    /// <summary>The ids of the forums whose closed items this searcher may see.</summary>
    public IReadOnlySet<int> MemberOf { get; }

    /// <summary>A member of the given forums: open items, and the closed items of those forums.</summary>
    public static SearchAccess Member(IEnumerable<int> forumIds) => new(false, forumIds.ToHashSet());
}

/// <summary>One thing to look for: a single word, or a phrase whose words must stand together in order.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool IsPhrase)
{
    public IReadOnlyList<string> Stems => Words.Select(w => SearchText.Stems(w)).ToList();
}

/// <summary>
/// A search: the text as typed and the filters. The text is never passed to a search engine as is:
/// <see cref="Terms"/> keeps only words (runs of letters and digits) and quoted phrases.
/// </summary>
public sealed partial record SearchRequest
{
    public const int MaxTerms = 12;
    public const int MaxLimit = 200;

    public string Text { get; init; } = "";

    /// <summary>A forum code such as "CF"; compared without regard to case.</summary>
    public string? ForumCode { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>A KLE subject or its prefix: "83", "83.02" or "83.02.00".</summary>
    public string? KleSubject { get; init; }

    public DecisionOutcome? Outcome { get; init; }

    /// <summary>True: only closed items; false: only open items; null: both (as access allows).</summary>
    public bool? Closed { get; init; }

    public int Limit { get; init; } = 20;

    public int Offset { get; init; }

    /// <summary>The words and phrases to find; empty when the text has no words (only punctuation, say).</summary>
    public IReadOnlyList<SearchTerm> Terms => ParseTerms(Text);

    /// <summary>Checks the filters; the messages name the field and are meant for a log or the command line.</summary>
    public void Validate()
    {
        if (KleSubject is not null && !KlePrefixPattern().IsMatch(KleSubject))
            throw new SearchRequestException("kle", $"The KLE subject '{KleSubject}' is not of the form 83, 83.02 or 83.02.00.");
        if (From is { } from && To is { } to && from > to)
            throw new SearchRequestException("to", string.Create(CultureInfo.InvariantCulture, $"The date range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})."));
        if (Limit is < 1 or > MaxLimit)
            throw new SearchRequestException("limit", string.Create(CultureInfo.InvariantCulture, $"The limit must be between 1 and {MaxLimit}; got {Limit}."));
        if (Offset < 0)
            throw new SearchRequestException("offset", "The offset cannot be negative.");
        if (ForumCode is not null && !ForumCodePattern().IsMatch(ForumCode))
            throw new SearchRequestException("forum", $"'{ForumCode}' is not a forum code.");
    }

    public static bool IsKleSubjectPrefix(string text) => KlePrefixPattern().IsMatch(text);

    private static List<SearchTerm> ParseTerms(string text)
    {
        var terms = new List<SearchTerm>();
        var parts = text.Split('"');

        // Odd parts stand between quotes; an unclosed quote makes the rest a phrase.
        for (var i = 0; i < parts.Length && terms.Count < MaxTerms; i++)
        {
            var words = SearchText.Words(parts[i]);
            if (i % 2 == 1 && words.Count > 1)
            {
                terms.Add(new SearchTerm(words, IsPhrase: true));
                continue;
            }

            foreach (var word in words)
            {
                if (terms.Count < MaxTerms)
                    terms.Add(new SearchTerm([word], IsPhrase: false));
            }
        }

        // Stop words alone find everything; drop them unless nothing else is left.
        var meaningful = terms.Where(t => t.IsPhrase || !SearchText.IsStopWord(t.Words[0])).ToList();
        return meaningful.Count > 0 ? meaningful : terms;
    }

    [GeneratedRegex(@"^[0-9]{2}(\.[0-9]{2}){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex KlePrefixPattern();

    [GeneratedRegex(@"^[\p{L}0-9/]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex ForumCodePattern();
}

/// <summary>A search filter with a value that cannot be used; <see cref="Field"/> names it.</summary>
public sealed class SearchRequestException(string field, string message) : DomainException(message)
{
    public string Field { get; } = field;
}
