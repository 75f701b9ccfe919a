using Dagsorden.Core.Import;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Cli;

public sealed class CliTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static string Fixture => Path.Combine(Repository.Fixtures, "lederforum-dagsorden.txt");

    private string Directory => _database.Directory;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ImportPrintsOneLinePerFileWithKeyAndItemCount()
    {
        var run = await CliRunner.RunAsync(Directory, "import", Fixture);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{Fixture}: LF:2025-10-02 6 items (imported)\n", run.Output);
        Assert.True(File.Exists(Path.Combine(Directory, "data", "dagsorden.db")), "The default database is data/dagsorden.db under the working directory.");
    }

    [Fact]
    public async Task MeetingsStartEachLineWithTheKey()
    {
        await CliRunner.RunAsync(Directory, "import", Fixture, Path.Combine(Repository.Samples, "chefforum-2014-template", "CF_2014-11-13_referat.txt"));

        var run = await CliRunner.RunAsync(Directory, "meetings");

        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("CF:2014-11-13  minutes", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("LF:2025-10-02  agenda ", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("13:30  Lederforum  Byrådssalen", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportWritesTheDocumentToTheOutputFile()
    {
        await CliRunner.RunAsync(Directory, "import", Fixture);

        var run = await CliRunner.RunAsync(Directory, "export", "LF:2025-10-02", "--format", "text", "-o", "ud.txt");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Output);
        MinutesText.AssertSameDocument(await File.ReadAllTextAsync(Fixture), await File.ReadAllTextAsync(Path.Combine(Directory, "ud.txt")), "ud.txt");
    }

    [Theory]
    [InlineData("pdf", "%PDF-")]
    [InlineData("docx", "PK")]
    [InlineData("html", "<!DOCTYPE html>")]
    public async Task ExportWritesEveryFormat(string format, string start)
    {
        await CliRunner.RunAsync(Directory, "import", Fixture);

        var run = await CliRunner.RunAsync(Directory, "export", "LF:2025-10-02", "--format", format, "--public", "-o", "ud." + format);

        Assert.Equal(0, run.ExitCode);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Directory, "ud." + format));
        Assert.StartsWith(start, System.Text.Encoding.UTF8.GetString(bytes, 0, 20), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Directory, "ud." + format + ".tmp")), "No temporary file may be left behind.");
    }

    [Fact]
    public async Task ExportPublicHidesClosedContent()
    {
        await using (var db = await _database.OpenAsync())
        {
            await new MeetingImporter(db).StoreAsync(Builders.Meeting(new DateOnly(2025, 2, 6), Builders.OpenItem("Åbent"), Builders.ClosedItem("LUKKET-MARKØR", "13/14793")));
        }

        var publicRun = await CliRunner.RunAsync(Directory, "export", "TF:2025-02-06", "--format", "text", "--public");
        var internalRun = await CliRunner.RunAsync(Directory, "export", "TF:2025-02-06", "--format", "text");

        Assert.DoesNotContain("LUKKET-MARKØR", publicRun.Output, StringComparison.Ordinal);
        Assert.Contains("Punkt 2: Lukket\n\n13/14793", publicRun.Output, StringComparison.Ordinal);
        Assert.Contains("LUKKET-MARKØR", internalRun.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbOptionChoosesTheSqliteFile()
    {
        var run = await CliRunner.RunAsync(Directory, "--db", "andet/arkiv.db", "import", Fixture);

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(Directory, "andet", "arkiv.db")));
        Assert.False(File.Exists(Path.Combine(Directory, "data", "dagsorden.db")));
        Assert.StartsWith("LF:2025-10-02", (await CliRunner.RunAsync(Directory, "--db", "andet/arkiv.db", "meetings")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionOptionAndEnvironmentVariableChoosePostgreSql()
    {
        await using var postgres = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        var connection = postgres.Options.ConnectionString;

        var imported = await CliRunner.RunAsync(Directory, "--connection", connection, "import", Fixture);
        var listed = await CliRunner.RunAsync(Directory, new Dictionary<string, string> { [StorageOptions.ConnectionEnvironmentVariable] = connection }, "meetings");

        Assert.Equal(0, imported.ExitCode);
        Assert.StartsWith("LF:2025-10-02", listed.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Directory, "data", "dagsorden.db")), "Nothing may go to the SQLite default when PostgreSQL is chosen.");
    }

    [Theory]
    [InlineData(2, "error: unknown command 'importer'", "importer")]
    [InlineData(2, "error: unknown option '--verbose'", "meetings", "--verbose")]
    [InlineData(2, "error: import needs at least one file", "import")]
    [InlineData(2, "error: export needs exactly one meeting key", "export", "--format", "text")]
    [InlineData(2, "error: unknown format 'odt'; supported: text, html, pdf, docx.", "export", "CF:2016-08-18", "--format", "odt")]
    [InlineData(2, "error: --format pdf writes a binary file: give one with -o FILE.", "export", "CF:2016-08-18", "--format", "pdf")]
    [InlineData(2, "error: --format docx writes a binary file", "export", "CF:2016-08-18", "--format", "docx")]
    [InlineData(2, "error: --format needs a value", "export", "CF:2016-08-18", "--format")]
    [InlineData(2, "error: 'meetings' does not take --public", "meetings", "--public")]
    [InlineData(1, "error: 'CF-2016-08-18' is not a meeting key", "export", "CF-2016-08-18", "--format", "text")]
    [InlineData(1, "error: 'CF:2016-02-30' is not a meeting key", "export", "CF:2016-02-30", "--format", "text")]
    [InlineData(1, "error: no meeting CF:2016-08-18", "export", "CF:2016-08-18", "--format", "text")]
    [InlineData(1, "error: Use either --db (SQLite) or --connection (PostgreSQL), not both.", "--db", "x.db", "--connection", "Host=localhost", "meetings")]
    [InlineData(1, "error: The PostgreSQL connection string is not valid", "--connection", "Hest=;;==", "meetings")]
    public async Task BadArgumentsGiveAClearErrorAndNonZeroExit(int exitCode, string message, params string[] args)
    {
        var run = await CliRunner.RunAsync(Directory, args);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpShowsUsage()
    {
        var run = await CliRunner.RunAsync(Directory, "help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("export KEY --format pdf|docx|html|text [--public] [-o FILE]", run.Output, StringComparison.Ordinal);
    }
}
