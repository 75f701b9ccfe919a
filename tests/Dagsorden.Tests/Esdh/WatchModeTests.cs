using System.Diagnostics;
using System.Text;
using Dagsorden.Core.Import;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Dagsorden.Tests.Esdh.EsdhTestSupport;
using static Dagsorden.Tests.Esdh.MaliciousInputTests;

namespace Dagsorden.Tests.Esdh;

/// <summary>import --watch DIR against a real folder, in-process and as a real process that is killed and restarted.</summary>
public sealed class WatchModeTests
{
    [Fact]
    public async Task DeliveriesGoToDoneOrFailedWithALogSayingWhy()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var drop = Directory.CreateDirectory(Path.Combine(database.Directory, "drop")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(drop, "maj.zip"), GoodZip());
        await File.WriteAllBytesAsync(Path.Combine(drop, "broken.xml"), Encoding.UTF8.GetBytes(Publication()[..400]));

        var run = await CliRunner.RunAsync(database.Directory, "import", "--watch", "drop", "--settle", "0.2", "--once");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["done", "failed"], Directory.GetFileSystemEntries(drop).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(drop, "done", "maj.zip")));
        Assert.Contains("TU:2013-05-15 2 items (imported from SBSYS, 2 attachment files)", await File.ReadAllTextAsync(Path.Combine(drop, "done", "maj.zip.log")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(drop, "failed", "broken.xml")));
        var failure = await File.ReadAllTextAsync(Path.Combine(drop, "failed", "broken.xml.log"));
        Assert.Contains("broken.xml", failure, StringComparison.Ordinal);
        Assert.Contains("not well-formed", failure, StringComparison.Ordinal);
        Assert.Contains("broken.xml: error, nothing imported; moved to failed/broken.xml", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileStillGrowingIsNotImportedUntilItStops()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var drop = Directory.CreateDirectory(Path.Combine(database.Directory, "drop")).FullName;
        var zip = GoodZip();

        Task<CliRun>? watch = null;
        await using (var stream = new FileStream(Path.Combine(drop, "slow.zip"), FileMode.CreateNew))
        {
            // A truncated zip would fail; written in pieces 100 ms apart, the file never stands still for
            // the 3 s settle time, even when a busy test run delays this writer by a second or two.
            foreach (var chunk in zip.Chunk(zip.Length / 8 + 1))
            {
                await stream.WriteAsync(chunk);
                await stream.FlushAsync();
                watch ??= Task.Run(() => CliRunner.RunAsync(database.Directory, "import", "--watch", "drop", "--settle", "3", "--once"));
                await Task.Delay(100);
            }
        }

        var run = await watch!;

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(drop, "done", "slow.zip")), run.Output + run.Error);
        Assert.Empty(Directory.GetFiles(Path.Combine(drop, "failed")));
    }

    [Fact]
    public async Task ADeliveryImportedJustBeforeACrashIsMovedButNotImportedAgain()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var drop = Directory.CreateDirectory(Path.Combine(database.Directory, "drop")).FullName;
        var path = Path.Combine(drop, "maj.zip");
        await File.WriteAllBytesAsync(path, GoodZip());

        // What a watcher that died between its commit and its move leaves behind.
        await using (var db = await database.OpenAsync())
            await new MeetingImporter(db, Store(database)).ImportFileAsync(path, default, Fingerprints.Of(path));
        var before = await SnapshotAsync(database);

        var run = await CliRunner.RunAsync(database.Directory, "import", "--watch", "drop", "--settle", "0", "--once");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("maj.zip: TU:2013-05-15 already imported; moved to done/maj.zip", run.Output, StringComparison.Ordinal);
        Assert.Contains("not imported again", await File.ReadAllTextAsync(Path.Combine(drop, "done", "maj.zip.log")), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(database));
        await using var check = await database.OpenAsync();
        Assert.Equal(1, await check.ImportRecords.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KilledAndRestartedWatcherImportsEveryDeliveryExactlyOnce(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var drop = Directory.CreateDirectory(Path.Combine(database.Directory, "drop")).FullName;
        var done = Path.Combine(drop, "done");
        var dates = Enumerable.Range(1, 8).Select(day => $"{day:00}-03-2025 09:00:00").ToList();
        for (var i = 0; i < 4; i++)
            await DropAsync(drop, $"levering-{i}.zip", GoodZip(dates[i]));

        using (var first = StartWatcher(database, drop))
        {
            await WaitUntilAsync(() => Count(done, "*.zip") >= 1, first);
            first.Kill(entireProcessTree: true); // SIGKILL: no clean shutdown, mid-way through the deliveries
            await first.WaitForExitAsync();
        }

        for (var i = 4; i < dates.Count; i++)
            await DropAsync(drop, $"levering-{i}.zip", GoodZip(dates[i]));
        using (var second = StartWatcher(database, drop))
        {
            await WaitUntilAsync(() => Count(done, "*.zip") == dates.Count, second);
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        Assert.Empty(Directory.GetFiles(drop));
        Assert.Empty(Directory.GetFiles(Path.Combine(drop, "failed")));
        Assert.Equal(dates.Count, Count(done, "*.zip.log"));
        var logs = string.Join('\n', Directory.GetFiles(done, "*.log").Select(File.ReadAllText));

        // A delivery whose import committed just before the kill, before its log was written, is
        // known by its fingerprint after the restart, and its log says only that (at most the one
        // delivery the kill interrupted; one killed after its log was written has both lines).
        var perDelivery = Directory.GetFiles(done, "*.zip.log").Select(File.ReadAllText).ToList();
        var onlyNotAgain = perDelivery.Count(log => !log.Contains("(imported from SBSYS", StringComparison.Ordinal) && log.Contains("not imported again", StringComparison.Ordinal));
        Assert.InRange(onlyNotAgain, 0, 1);
        Assert.Equal(dates.Count - onlyNotAgain, perDelivery.Count(log => CountOf(log, "(imported from SBSYS") == 1));
        Assert.Equal(0, CountOf(logs, "(updated"));

        await using var db = await database.OpenAsync();
        Assert.Equal(dates.Count, await db.Meetings.CountAsync());
        Assert.Equal(dates.Count * 2, await db.Items.CountAsync());
        Assert.Equal(dates.Count, await db.ImportRecords.Select(r => r.Fingerprint).Distinct().CountAsync());
        Assert.Equal(dates.Count, await db.ImportRecords.CountAsync());
    }

    // Written beside the folder and renamed in, as a careful delivering system does; the watcher
    // also copes with files written in place (see AFileStillGrowingIsNotImportedUntilItStops).
    private static async Task DropAsync(string drop, string name, byte[] bytes)
    {
        var staging = Path.Combine(Path.GetDirectoryName(drop)!, name + ".staging");
        await File.WriteAllBytesAsync(staging, bytes);
        File.Move(staging, Path.Combine(drop, name));
    }

    private static Process StartWatcher(TestDatabase database, string drop)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = database.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(CliAssembly());
        if (database.Options.Provider == StorageProvider.Sqlite)
        {
            start.ArgumentList.Add("--db");
            start.ArgumentList.Add(database.Options.ConnectionString["Data Source=".Length..]);
        }
        else
        {
            start.Environment[StorageOptions.ConnectionEnvironmentVariable] = database.Options.ConnectionString;
        }

        foreach (var argument in new[] { "import", "--watch", drop, "--settle", "0.2" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // The command line's own build output (same configuration as this test build), so that it runs
    // with its own dependencies rather than the test folder's.
    private static string CliAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(Repository.Root, "src", "Dagsorden.Cli", "bin", configuration, "net10.0", "dagsorden.dll");
        Assert.True(File.Exists(path), $"build the command line first: {path}");
        return path;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            Assert.False(process.HasExited, $"the watcher exited with code {(process.HasExited ? process.ExitCode : 0)}");
            Assert.True(DateTime.UtcNow < deadline, "the watcher did not finish the deliveries in time");
            await Task.Delay(25);
        }
    }

    private static int Count(string folder, string pattern) => Directory.Exists(folder) ? Directory.GetFiles(folder, pattern).Length : 0;

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var index = text.IndexOf(part, StringComparison.Ordinal); index >= 0; index = text.IndexOf(part, index + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
