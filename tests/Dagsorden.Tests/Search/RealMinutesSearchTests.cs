using Dagsorden.Core.Import;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using static Dagsorden.Tests.Search.SearchFixtures;

namespace Dagsorden.Tests.Search;

/// <summary>Search over the real Chefforum minutes in ../shared/minutes (2014, 2015 and 2016).</summary>
public sealed class RealMinutesSearchTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheRealMinutesAnswerTheIssuesExamples(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var importer = new MeetingImporter(db);
        foreach (var file in Directory.GetFiles(Repository.SharedMinutes, "*.txt").Order(StringComparer.Ordinal))
            await importer.ImportFileAsync(file);

        // Telephone policy came up in 2015 and 2016; the inflected form finds both.
        Assert.Equal(["CF:2015-09-17 2", "CF:2016-08-18 4"], Keys(await SearchAsync(db, "telefonpolitikken", SearchAccess.Public)).Order(StringComparer.Ordinal));
        Assert.Equal(["CF:2015-09-17 2", "CF:2016-08-18 4"], Keys(await SearchAsync(db, "telefonpolitik", SearchAccess.Public)).Order(StringComparer.Ordinal));

        // The intranet page, in 2014.
        Assert.Contains("CF:2014-06-19 6", Keys(await SearchAsync(db, "medarbejdersiderne", SearchAccess.Public)));

        // The network structure: the item about it ranks above the passing mention in 2016.
        Assert.Equal(["CF:2014-06-19 3", "CF:2016-08-18 10"], Keys(await SearchAsync(db, "netværksstrukturen", SearchAccess.Public)));

        // A phrase, and the year facet over the three meetings.
        Assert.Equal(["CF:2014-06-19 3"], Keys(await SearchAsync(db, "\"netværksstruktur version 2\"", SearchAccess.Public)));
        var years = (await SearchAsync(db, "chefforum", SearchAccess.Public)).Facets.Years.Select(y => y.Value);
        Assert.Equal([2016, 2015, 2014], years);
    }
}
