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
        var stems = QueryStems(terms);
        var tokens = SearchText.Tokenize(text).ToList();
        return Parts(text, tokens, 0, tokens.Count, stems, prefix: false, suffix: false);
    }

    /// <summary>About three dozen words around the first matching word, or the text's start when none matches.</summary>
    public static IReadOnlyList<TextPart> Snippet(string text, IReadOnlyList<SearchTerm> terms)
    {
        var stems = QueryStems(terms);
        var tokens = SearchText.Tokenize(text).ToList();
        if (tokens.Count == 0)
            return [];
        var first = tokens.FindIndex(t => stems.Contains(t.Stem));
        var from = first < 0 ? 0 : Math.Max(0, first - WordsBefore);
        var to = Math.Min(tokens.Count, from + WordsBefore + WordsAfter);
        return Parts(text, tokens, from, to, stems, prefix: from > 0, suffix: to < tokens.Count);
    }

    public static string PlainText(IEnumerable<TextPart> parts) => string.Concat(parts.Select(p => p.Text));

    private static HashSet<string> QueryStems(IReadOnlyList<SearchTerm> terms) =>
        terms.SelectMany(t => t.Words).SelectMany(w => SearchText.Tokenize(w)).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);

    private static List<TextPart> Parts(string text, List<SearchToken> tokens, int from, int to, HashSet<string> stems, bool prefix, bool suffix)
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
            if (stems.Contains(token.Stem))
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
