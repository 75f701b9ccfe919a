using System.Text;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Import;

/// <summary>
/// Bad files get a clear error naming the file (and line, where one applies), a non-zero exit, and
/// leave the database exactly as it was.
/// </summary>
public sealed class BadInputTests
{
    private static string GoodDocument => File.ReadAllText(Path.Combine(Repository.Fixtures, "lederforum-dagsorden.txt"));

    public static TheoryData<StorageProvider, string> BadFiles()
    {
        var data = new TheoryData<StorageProvider, string>();
        foreach (var provider in new[] { StorageProvider.Sqlite, StorageProvider.PostgreSql })
        {
            foreach (var name in BadFileContents.Keys)
                data.Add(provider, name);
        }

        return data;
    }

    /// <summary>Each bad file, and text its error message must contain.</summary>
    private static readonly Dictionary<string, (Func<byte[]> Bytes, string[] Expected)> BadFileContents = new()
    {
        ["empty.txt"] = (() => [], ["empty.txt: error: the file is empty"]),
        ["blank.txt"] = (() => Encoding.UTF8.GetBytes("\n  \n\t\n"), ["blank.txt: error: the file is empty"]),
        ["picture.txt"] = (() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], ["picture.txt: error: this is not a text file"]),
        ["truncated.txt"] = (() => Encoding.UTF8.GetBytes(GoodDocument[..GoodDocument.IndexOf("Punkt 4:", StringComparison.Ordinal)]),
            ["truncated.txt:", "truncated", "lists 6 items"]),
        ["cut-in-header.txt"] = (() => Encoding.UTF8.GetBytes("REFERAT Chefforum d. 18-08-2016\n\nMødedato Torsdag d. 18. aug"),
            ["cut-in-header.txt:3: error: could not read the meeting date"]),
        ["not-minutes.txt"] = (() => Encoding.UTF8.GetBytes("Kære alle\n\nHusk frokosten på fredag.\n"),
            ["not-minutes.txt:1: error: expected a first line such as 'REFERAT Chefforum d. 18-08-2016'"]),
        ["wrong-date.txt"] = (() => Encoding.UTF8.GetBytes(GoodDocument.Replace("d. 2. oktober 2025", "d. 3. oktober 2025", StringComparison.Ordinal)),
            ["wrong-date.txt:3: error: the meeting date 03-10-2025 differs from the date 02-10-2025"]),
        ["impossible-date.txt"] = (() => Encoding.UTF8.GetBytes(GoodDocument.Replace("02-10-2025", "31-02-2025", StringComparison.Ordinal)),
            ["impossible-date.txt:1: error: '31-02-2025' is not a valid date"]),
        ["no-toc-entry.txt"] = (() => Encoding.UTF8.GetBytes(GoodDocument.Replace("LF - Evt.....\t8\n", "", StringComparison.Ordinal)),
            ["no-toc-entry.txt:", "item 6 is not in the table of contents"]),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadFileFailsClearlyAndChangesNothing(StorageProvider provider, string name)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var environment = Environment(database);
        var existing = Path.Combine(Repository.Samples, "chefforum-2014-template", "CF_2014-11-13_referat.txt");
        Assert.Equal(0, (await CliRunner.RunAsync(database.Directory, environment, "import", existing)).ExitCode);
        var before = await SnapshotAsync(database, environment);

        var (bytes, expected) = BadFileContents[name];
        await File.WriteAllBytesAsync(Path.Combine(database.Directory, name), bytes());
        var run = await CliRunner.RunAsync(database.Directory, environment, "import", name);

        Assert.Equal(1, run.ExitCode);
        foreach (var part in expected)
            Assert.Contains(part, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(database, environment));
    }

    [Fact]
    public async Task MissingFileIsNamedInTheError()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var run = await CliRunner.RunAsync(database.Directory, "import", "findes-ikke.txt");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("findes-ikke.txt: error: cannot read the file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderGivenAsAFileIsExplained()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        Directory.CreateDirectory(Path.Combine(database.Directory, "referater"));

        var run = await CliRunner.RunAsync(database.Directory, "import", "referater");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("referater: error: this is a folder; give the text files in it", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Windows1252FileIsDetectedAndImportedCorrectly(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var environment = Environment(database);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await File.WriteAllBytesAsync(Path.Combine(database.Directory, "ansi.txt"), Encoding.GetEncoding(1252).GetBytes(GoodDocument));

        var run = await CliRunner.RunAsync(database.Directory, environment, "import", "ansi.txt");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ansi.txt: LF:2025-10-02 6 items (imported, read as Windows-1252)", run.Output, StringComparison.Ordinal);
        var export = await CliRunner.RunAsync(database.Directory, environment, "export", "LF:2025-10-02", "--format", "text");
        MinutesText.AssertSameDocument(GoodDocument, export.Output, "ansi.txt");
        Assert.Contains("Økonomichefen indstiller,", export.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneBadFileAmongGoodOnesFailsAloneAndExitsNonZero()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await File.WriteAllBytesAsync(Path.Combine(database.Directory, "empty.txt"), []);
        var good = Path.Combine(Repository.Fixtures, "lederforum-dagsorden.txt");

        var run = await CliRunner.RunAsync(database.Directory, "import", "empty.txt", good);
        var meetings = await CliRunner.RunAsync(database.Directory, "meetings");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[1/2] empty.txt: error, nothing imported", run.Output, StringComparison.Ordinal);
        Assert.Contains("[2/2]", run.Output, StringComparison.Ordinal);
        Assert.Contains("LF:2025-10-02 6 items (imported)", run.Output, StringComparison.Ordinal);
        Assert.StartsWith("LF:2025-10-02", meetings.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Environment(TestDatabase database) =>
        database.Options.Provider == StorageProvider.PostgreSql
            ? new() { [StorageOptions.ConnectionEnvironmentVariable] = database.Options.ConnectionString }
            : [];

    private static async Task<string> SnapshotAsync(TestDatabase database, Dictionary<string, string> environment)
    {
        var meetings = await CliRunner.RunAsync(database.Directory, environment, "meetings");
        var document = await CliRunner.RunAsync(database.Directory, environment, "export", "CF:2014-11-13", "--format", "text");
        return meetings.Output + document.Output;
    }
}
