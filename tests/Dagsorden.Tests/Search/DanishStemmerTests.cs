using Dagsorden.Core.Search;
using Dagsorden.Tests.Support;
using Npgsql;

namespace Dagsorden.Tests.Search;

public sealed class DanishStemmerTests
{
    [Theory]
    [InlineData("telefonpolitikken", "telefonpolitik")]
    [InlineData("telefonpolitik", "telefonpolitik")]
    [InlineData("medarbejdersiden", "medarbejdersid")]
    [InlineData("medarbejdersider", "medarbejdersid")]
    [InlineData("beslutningerne", "beslutning")]
    [InlineData("beslutning", "beslutning")]
    [InlineData("netværksstrukturen", "netværksstruktur")]
    [InlineData("indstillinger", "indstilling")]
    [InlineData("løst", "løst")]
    [InlineData("kærlighed", "kær")]
    [InlineData("vigtigst", "vigt")]
    [InlineData("kommunens", "kommun")]
    public void StemsAsTheSnowballDanishAlgorithm(string word, string stem) =>
        Assert.Equal(stem, DanishStemmer.Stem(word));

    [Fact]
    public void InflectionsShareAStem()
    {
        var forms = new[] { "budgettet", "budgetter", "budgetterne" };
        Assert.Single(forms.Select(DanishStemmer.Stem).Distinct());
    }

    /// <summary>Highlighting stems only the words that start with a query's stem; that holds only if every stem starts its word.</summary>
    [Fact]
    public void EveryStemIsTheStartOfItsWord()
    {
        var words = Directory.GetFiles(Path.Combine(Repository.Root, "samples"), "*.txt", SearchOption.AllDirectories)
            .SelectMany(f => SearchText.Words(File.ReadAllText(f)))
            .Concat(["løst", "kærlighed", "vigtigst", "udvalgsformændene", "afdelingschefen", "indstillingerne", "ØKONOMIUDVALGET"])
            .Distinct()
            .ToList();

        Assert.True(words.Count > 500, $"only {words.Count} words");
        Assert.All(words, word => Assert.StartsWith(SearchText.StemOf(word, (0, word.Length)), word.ToLowerInvariant(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Ny ÆLDREPOLITIK", "ældrepolitik", true)]
    [InlineData("Ældrepolitikkens høring", "ældrepolitik", true)]
    [InlineData("(Ældrepolitik) og budget", "ældrepolitik", true)]
    [InlineData("Forældrepolitik i skolerne", "ældrepolitik", false)]
    [InlineData("Skolernes forældrepolitik og ældrepolitik", "ældrepolitik", true)]
    [InlineData("Ny ældrepolitik", "ny ældrepolitik", true)]
    [InlineData("Ny, revideret ældrepolitik", "ny ældrepolitik", false)]
    [InlineData("Ældrepolitik, ny udgave", "ny ældrepolitik", false)]
    [InlineData("En ny", "ny ældrepolitik", false)]
    [InlineData("Ældrepolitik", "", false)]
    public void FindsStemsAsConsecutiveWords(string text, string stems, bool found) =>
        Assert.Equal(found, SearchText.ContainsStems(text, stems.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>PostgreSQL's danish_stem is the reference implementation: every word of the samples stems alike.</summary>
    [Fact]
    public async Task StemsEveryWordOfTheSamplesAsPostgreSqlDoes()
    {
        var words = Directory.GetFiles(Path.Combine(Repository.Root, "samples"), "*.txt", SearchOption.AllDirectories)
            .SelectMany(f => SearchText.Words(File.ReadAllText(f)))
            .Where(w => w.Any(char.IsLetter) && !SearchText.IsStopWord(w))
            .Distinct()
            .ToList();
        Assert.True(words.Count > 500, $"only {words.Count} words");

        await using var connection = new NpgsqlConnection(TestDatabase.ServerConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT w, (ts_lexize('danish_stem', w))[1] FROM unnest(@words) AS w", connection);
        command.Parameters.AddWithValue("words", words.ToArray());
        var differences = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var word = reader.GetString(0);
            var expected = reader.IsDBNull(1) ? word : reader.GetString(1);
            if (DanishStemmer.Stem(word) != expected)
                differences.Add($"{word}: {DanishStemmer.Stem(word)} != {expected}");
        }

        Assert.True(differences.Count == 0, string.Join("; ", differences.Take(30)));
    }
}
