namespace Dagsorden.Core.Search;

/// <summary>
/// The Snowball Danish stemming algorithm (snowballstem.org/algorithms/danish), written from its
/// published description. SQLite's FTS5 has no Danish stemmer, so the SQLite index stores and
/// queries stemmed words; PostgreSQL's <c>danish</c> configuration runs the same algorithm.
/// Input must be one lower-case word.
/// </summary>
public static class DanishStemmer
{
    // Step 1 (a) suffixes, longest first so the first hit is the longest match.
    private static readonly string[] Step1Suffixes =
    [
        "erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes", "erens", "erets",
        "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret",
        "hed", "ene", "ere", "ens", "ers", "ets",
        "en", "er", "es", "et",
        "e",
    ];

    private static readonly string[] Step2Suffixes = ["gd", "dt", "gt", "kt"];

    private static readonly string[] Step3Suffixes = ["elig", "løst", "lig", "els", "ig"];

    public static string Stem(string word)
    {
        if (word.Length < 3)
            return word;

        var w = new System.Text.StringBuilder(word);
        var r1 = RegionOne(word);

        // Step 1: main suffixes.
        var suffix = LongestSuffixInRegion(w, r1, Step1Suffixes);
        if (suffix is not null)
        {
            w.Length -= suffix.Length;
        }
        else if (w.Length - 1 >= r1 && w[^1] == 's' && w.Length >= 2 && IsValidSEnding(w[^2]))
        {
            w.Length -= 1;
        }

        // Step 2: consonant pairs.
        UndoConsonantPair(w, r1);

        // Step 3: other suffixes.
        if (EndsWith(w, "igst"))
            w.Length -= 2;
        suffix = LongestSuffixInRegion(w, r1, Step3Suffixes);
        if (suffix == "løst")
        {
            w.Length -= 1;
        }
        else if (suffix is not null)
        {
            w.Length -= suffix.Length;
            UndoConsonantPair(w, r1);
        }

        // Step 4: undouble a final double consonant; only the last letter need be in R1.
        if (w.Length >= 2 && w.Length - 1 >= r1 && w[^1] == w[^2] && !IsVowel(w[^1]) && char.IsLetter(w[^1]))
            w.Length -= 1;

        return w.ToString();
    }

    /// <summary>R1 begins after the first non-vowel that follows a vowel, but never before the fourth letter.</summary>
    private static int RegionOne(string word)
    {
        var start = word.Length;
        for (var i = 1; i < word.Length; i++)
        {
            if (!IsVowel(word[i]) && IsVowel(word[i - 1]))
            {
                start = i + 1;
                break;
            }
        }

        return Math.Max(start, 3);
    }

    private static void UndoConsonantPair(System.Text.StringBuilder w, int r1)
    {
        if (LongestSuffixInRegion(w, r1, Step2Suffixes) is not null)
            w.Length -= 1;
    }

    private static string? LongestSuffixInRegion(System.Text.StringBuilder w, int r1, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (w.Length - suffix.Length >= r1 && EndsWith(w, suffix))
                return suffix;
        }

        return null;
    }

    private static bool EndsWith(System.Text.StringBuilder w, string suffix)
    {
        if (w.Length < suffix.Length)
            return false;
        for (var i = 0; i < suffix.Length; i++)
        {
            if (w[w.Length - suffix.Length + i] != suffix[i])
                return false;
        }

        return true;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'æ' or 'å' or 'ø';

    private static bool IsValidSEnding(char c) => c is 'a' or 'b' or 'c' or 'd' or 'f' or 'g' or 'h' or 'j' or 'k' or 'l' or 'm'
        or 'n' or 'o' or 'p' or 'r' or 't' or 'v' or 'y' or 'z' or 'å';
}
