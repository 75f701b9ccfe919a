namespace Dagsorden.Core.Search;

/// <summary>
/// Builds snippets and highlights from the stored text, for both providers alike: the words whose
/// stems the query asks for are marked, so "telefonpolitikken" marks "telefonpolitik".
/// </summary>
public static partial class Highlighter
{
    private const int WordsBefore = 12;
    private const int WordsAfter = 24;

    public static IReadOnlyList<TextPart> Highlight(string text, IReadOnlyList<SearchTerm> terms)
    {
        var words = SearchText.WordSpans(text).ToList();
        return Parts(text, words, 0, words.Count, new QueryWords(terms), prefix: false, suffix: false);
    }

    /// <summary>About three dozen words around the first matching word, or the text's start when none matches.</summary>
    public static IReadOnlyList<TextPart> Snippet(string text, IReadOnlyList<SearchTerm> terms)
    {
        var query = new QueryWords(terms);
        var words = SearchText.WordSpans(text).ToList();
        if (words.Count == 0)
            return [];
        var first = words.FindIndex(w => query.Matches(text, w));
        var from = first < 0 ? 0 : Math.Max(0, first - WordsBefore);
        var to = Math.Min(words.Count, from + WordsBefore + WordsAfter);
        return Parts(text, words, from, to, query, prefix: from > 0, suffix: to < words.Count);
    }

    public static string PlainText(IEnumerable<TextPart> parts) => string.Concat(parts.Select(p => p.Text));

    /// <summary>
    /// Which words the query asks for: those whose stem is one of the query's stems. A stem is the
    /// start of its word, so a word that starts with none of them is passed over without being
    /// stemmed, which is most of a long text (stemming all of 20 hits' bodies took about 7 ms).
    /// </summary>
    private sealed class QueryWords(IReadOnlyList<SearchTerm> terms)
    {
        private readonly HashSet<string> stems =
            terms.SelectMany(t => t.Words).SelectMany(SearchText.Tokenize).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);

        public bool Matches(string text, (int Start, int Length) word)
        {
            var span = text.AsSpan(word.Start, word.Length);
            foreach (var stem in stems)
            {
                if (span.StartsWith(stem, StringComparison.OrdinalIgnoreCase))
                    return stems.Contains(SearchText.StemOf(text, word));
            }

            return false;
        }
    }

    private static List<TextPart> Parts(string text, List<(int Start, int Length)> tokens, int from, int to, QueryWords query, bool prefix, bool suffix)
    {
        var parts = new List<TextPart>();
        if (from >= to)
            return parts;
        var plain = new System.Text.StringBuilder(prefix ? "… " : "");
        var position = tokens[from].Start;
        if (!prefix)
            position = 0;
        for (var i = from; i < to; i++)
        {
            var token = tokens[i];
            plain.Append(Squash(text[position..token.Start]));
            if (query.Matches(text, token))
            {
                if (plain.Length > 0)
                    parts.Add(new TextPart(plain.ToString(), false));
                plain.Clear();
                parts.Add(new TextPart(text.Substring(token.Start, token.Length), true));
            }
            else
            {
                plain.Append(text, token.Start, token.Length);
            }

            position = token.Start + token.Length;
        }

        var end = suffix ? position : text.Length;
        plain.Append(Squash(text[position..end]));
        if (suffix)
            plain.Append(" …");
        if (plain.Length > 0)
            parts.Add(new TextPart(plain.ToString(), false));
        return parts;
    }

    // Line breaks and runs of spaces between words become one space: a snippet is one line.
    private static string Squash(string between) => Whitespace().Replace(between, " ");

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();
}
