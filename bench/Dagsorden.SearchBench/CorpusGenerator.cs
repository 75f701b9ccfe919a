using System.Text;
using Dagsorden.Core.Items;
using Dagsorden.Core.Search;

namespace Dagsorden.SearchBench;

/// <summary>
/// Scales realistic minutes: paragraphs of our own sample documents, mixed with generated
/// Danish-like words (stems with Danish endings) drawn with a Zipf distribution, so the corpus has a
/// long tail of rare words as a real archive has. Seeded, so every run builds the same corpus.
/// </summary>
internal sealed class CorpusGenerator
{
    private static readonly string[] Onsets = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "bl", "br", "fl", "fr", "gr", "kl", "kr", "pl", "pr", "sk", "sl", "sp", "st", "tr"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "y", "æ", "ø", "å"];
    private static readonly string[] Codas = ["", "d", "g", "k", "l", "ld", "m", "n", "nd", "ng", "r", "rt", "s", "st", "t"];
    private static readonly string[] Endings = ["", "", "en", "et", "er", "erne", "ens", "ing", "ingen", "else", "heden", "lig", "lige", "ende", "politik", "plan", "udvalg", "strategi"];
    private static readonly string[] KleSubjects = ["00.01.00", "00.05.10", "17.01.00", "27.12.00", "81.01.00", "82.02.00", "83.02.00", "85.02.00", "88.24.00", "88.30.00"];
    private static readonly DecisionOutcome?[] OutcomeMix = [DecisionOutcome.Approved, DecisionOutcome.Approved, DecisionOutcome.Noted, DecisionOutcome.Noted, DecisionOutcome.Discussed, DecisionOutcome.Postponed, DecisionOutcome.Rejected, DecisionOutcome.Other, null, null];

    private readonly Random _random;
    private readonly string[] _paragraphs;
    private readonly string[] _titles;
    private readonly string[] _words;
    private readonly double[] _cumulative;

    public CorpusGenerator(IEnumerable<string> sampleTexts, int seed = 20261122, int vocabulary = 60_000)
    {
        _random = new Random(seed);
        var lines = sampleTexts
            .SelectMany(t => t.Split('\n'))
            .Select(l => l.Trim())
            .Where(l => SearchText.Words(l).Count >= 3)
            .Distinct()
            .ToArray();
        _paragraphs = lines.Where(l => l.Length >= 60).ToArray();
        _titles = lines.Where(l => l.Length is >= 10 and < 80 && !l.Contains(':', StringComparison.Ordinal)).ToArray();

        // The samples' own words come first (the most frequent), then generated ones.
        var sampleWords = lines.SelectMany(SearchText.Words).Where(w => w.Length > 2 && w.All(char.IsLetter)).Distinct().ToList();
        var words = new List<string>(sampleWords);
        var seen = new HashSet<string>(words, StringComparer.Ordinal);
        while (words.Count < vocabulary)
        {
            var word = GeneratedWord();
            if (seen.Add(word))
                words.Add(word);
        }

        // Shuffled, so the samples' words spread over all frequencies instead of all being the commonest.
        _words = [.. words];
        _random.Shuffle(_words);
        _cumulative = new double[_words.Length];
        var sum = 0.0;
        for (var i = 0; i < _words.Length; i++)
        {
            sum += 1.0 / (i + 10);
            _cumulative[i] = sum;
        }

        for (var i = 0; i < _cumulative.Length; i++)
            _cumulative[i] /= sum;
    }

    public IReadOnlyList<string> Vocabulary => _words;

    public int ForumCount => 20;

    /// <summary>A word by rank; low ranks are frequent.</summary>
    public string Word(int rank) => _words[rank];

    /// <summary>A word drawn evenly from the given ranks.</summary>
    public string WordBetween(int fromRank, int toRank) => _words[_random.Next(fromRank, Math.Min(toRank, _words.Length))];

    public SearchDocument Document(int itemId, int meetingId, int forumId, DateOnly date, int number)
    {
        var title = _titles[_random.Next(_titles.Length)];
        if (_random.Next(3) == 0)
            title += " " + ZipfWord();
        var body = new StringBuilder();
        var paragraphs = 2 + _random.Next(3);
        for (var p = 0; p < paragraphs; p++)
        {
            // A sample paragraph with a fifth of its words swapped, so no two items are the same.
            if (p == 0 || _random.Next(3) == 0)
            {
                foreach (var word in _paragraphs[_random.Next(_paragraphs.Length)].Split(' '))
                    body.Append(_random.Next(5) == 0 ? ZipfWord() : word).Append(' ');
                body.Append('\n');
            }

            var words = 30 + _random.Next(60);
            for (var w = 0; w < words; w++)
                body.Append(ZipfWord()).Append(w % 12 == 11 ? ". " : " ");
            body.Append('\n');
        }

        var closed = _random.Next(20) == 0;
        return new SearchDocument(
            itemId,
            meetingId,
            forumId,
            date,
            number,
            title,
            body.ToString(),
            closed,
            _random.Next(4) == 0 ? null : KleSubjects[_random.Next(KleSubjects.Length)],
            OutcomeMix[_random.Next(OutcomeMix.Length)]);
    }

    public string ZipfWord()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return _words[Math.Min(index < 0 ? ~index : index, _words.Length - 1)];
    }

    private string GeneratedWord()
    {
        var builder = new StringBuilder();
        var syllables = 1 + _random.Next(3);
        for (var s = 0; s < syllables; s++)
            builder.Append(Onsets[_random.Next(Onsets.Length)]).Append(Vowels[_random.Next(Vowels.Length)]).Append(Codas[_random.Next(Codas.Length)]);
        builder.Append(Endings[_random.Next(Endings.Length)]);
        return builder.ToString();
    }
}
