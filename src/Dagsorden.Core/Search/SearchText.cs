using System.Text;

namespace Dagsorden.Core.Search;

/// <summary>A word of a text: where it stands and its stem.</summary>
public readonly record struct SearchToken(int Start, int Length, string Stem);

/// <summary>
/// How text becomes searchable words, the same for indexing, querying and highlighting: runs of
/// letters and digits, lower-cased, each letter word stemmed with <see cref="DanishStemmer"/>.
/// Everything else (punctuation, quotes, FTS operators' symbols) only separates words.
/// </summary>
public static class SearchText
{
    /// <summary>Words longer than this are cut; nobody searches for them and they bloat the index.</summary>
    public const int MaxWordLength = 60;

    // The Snowball project's Danish stop words: dropped from the words of a query (not from
    // phrases), as PostgreSQL's danish configuration does, so both providers answer alike.
    private static readonly HashSet<string> StopWords = new(
        """
        og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi
        min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her
        alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit
        også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive
        mange ad bliver hendes været thi jer sådan
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    public static bool IsStopWord(string lowerCaseWord) => StopWords.Contains(lowerCaseWord);

    /// <summary>The words of <paramref name="text"/> in order, with their positions in it.</summary>
    public static IEnumerable<SearchToken> Tokenize(string text) =>
        WordSpans(text).Select(word => new SearchToken(word.Start, word.Length, StemOf(text, word)));

    /// <summary>Where the words of <paramref name="text"/> stand, in order, for a caller that stems only some of them.</summary>
    public static IEnumerable<(int Start, int Length)> WordSpans(string text) => WordSpans(text, 0);

    private static IEnumerable<(int Start, int Length)> WordSpans(string text, int from)
    {
        var i = from;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
                i++;
            yield return (start, i - start);
        }
    }

    /// <summary>
    /// The stem of the word at <paramref name="word"/> in <paramref name="text"/>. A stem is the
    /// start of its lower-cased word: the stemmer only cuts endings.
    /// </summary>
    public static string StemOf(string text, (int Start, int Length) word)
    {
        var lower = text.AsSpan(word.Start, Math.Min(word.Length, MaxWordLength)).ToString().ToLowerInvariant();
        return IsNumber(lower) ? lower : DanishStemmer.Stem(lower);
    }

    /// <summary>
    /// Whether <paramref name="stems"/> stand in <paramref name="text"/> as consecutive words. Only
    /// where the first stem starts a word are words stemmed, and as far as they agree with the stems.
    /// </summary>
    public static bool ContainsStems(string text, IReadOnlyList<string> stems)
    {
        if (stems.Count == 0 || stems[0].Length == 0)
            return false;
        for (var at = text.IndexOf(stems[0], StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(stems[0], at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
                continue;
            var agreeing = 0;
            foreach (var word in WordSpans(text, at))
            {
                if (StemOf(text, word) != stems[agreeing])
                    break;
                if (++agreeing == stems.Count)
                    return true;
            }
        }

        return false;
    }

    /// <summary>The lower-case words of <paramref name="text"/>, unstemmed.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        Tokenize(text).Select(t => text.Substring(t.Start, Math.Min(t.Length, MaxWordLength)).ToLowerInvariant()).ToList();

    /// <summary>The text as its stems separated by spaces: what the SQLite index stores.</summary>
    public static string Stems(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var token in Tokenize(text))
        {
            if (builder.Length > 0)
                builder.Append(' ');
            builder.Append(token.Stem);
        }

        return builder.ToString();
    }

    private static bool IsNumber(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsDigit(c))
                return false;
        }

        return true;
    }
}
