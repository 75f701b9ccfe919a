using System.Diagnostics;
using System.Globalization;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Dagsorden.Tests.CrashSafety;

/// <summary>
/// An import killed with SIGKILL at a random moment leaves the database without the meeting or with
/// all of it — items, attachments, search rows — never a meeting pointing at a missing file; the
/// same import run again completes it, and a sweep then leaves exactly the referenced files.
/// The real command line runs as its own process. The delays are seeded: set
/// DAGSORDEN_CRASH_SEED to replay a run (each run logs its seed and delays).
/// </summary>
public sealed class CrashLoopTests(ITestOutputHelper log)
{
    private const int Iterations = 8;
    private const int Items = 20;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnImportKilledAtAnyMomentLeavesAllOrNothingAndARerunCompletesIt(StorageProvider provider)
    {
        var seed = Environment.GetEnvironmentVariable("DAGSORDEN_CRASH_SEED") is { Length: > 0 } value
            ? int.Parse(value, CultureInfo.InvariantCulture)
            : 20261122;
        var random = new Random(seed);
        log.WriteLine($"{provider}: seed {seed} (set DAGSORDEN_CRASH_SEED={seed} to replay)");

        var export = Path.Combine(Path.GetTempPath(), $"dagsorden-crash-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(export, CrashTestSupport.LargeExport(Items, 32 * 1024));
        try
        {
            // One run to the end: how long an import takes here, and what a whole one holds.
            var (full, whole) = await RunAsync(provider, export, killAfter: null);
            log.WriteLine($"uninterrupted import: {full.TotalMilliseconds:F0} ms, {whole}");
            Assert.Equal(new Contents(1, Items, Items, Items), whole);

            var outcomes = new List<string>();
            for (var i = 0; i < Iterations; i++)
            {
                var delay = TimeSpan.FromMilliseconds(random.Next(50, (int)full.TotalMilliseconds));
                var (_, after) = await RunAsync(provider, export, delay, whole, i);
                outcomes.Add(after.Meetings == 0 ? "nothing" : "all");
                log.WriteLine($"iteration {i}: killed after {delay.TotalMilliseconds:F0} ms: {(after.Meetings == 0 ? "no meeting" : "whole meeting")}");
            }

            log.WriteLine(string.Join(", ", outcomes));
        }
        finally
        {
            File.Delete(export);
        }
    }

    private sealed record Contents(int Meetings, int Items, int Attachments, int SearchRows);

    /// <summary>
    /// In a fresh database: import, killed after <paramref name="killAfter"/> if it has not ended;
    /// check all or nothing; import again to the end and sweep; check the whole meeting and the store.
    /// </summary>
    private async Task<(TimeSpan Took, Contents After)> RunAsync(StorageProvider provider, string export, TimeSpan? killAfter, Contents? whole = null, int iteration = 0)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Migrated first, so the kill lands in the import rather than in creating the schema.
        await (await database.OpenAsync()).DisposeAsync();
        var store = new AttachmentStore(Path.Combine(database.Directory, "attachments"));

        var watch = Stopwatch.StartNew();
        using (var process = StartImport(database, export))
        {
            if (killAfter is { } delay)
            {
                using var timeout = new CancellationTokenSource(delay);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            await process.WaitForExitAsync();
            if (killAfter is null)
                Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        }

        var took = watch.Elapsed;
        var after = await CheckAllOrNothingAsync(database, store, whole, iteration);
        if (killAfter is null)
            return (took, after);

        using (var rerun = StartImport(database, export))
        {
            await rerun.WaitForExitAsync();
            Assert.True(rerun.ExitCode == 0, $"iteration {iteration}: the re-run failed: {await rerun.StandardError.ReadToEndAsync()}");
        }

        Assert.Equal(whole, await CheckAllOrNothingAsync(database, store, whole, iteration));

        await using (var db = await database.OpenAsync())
        {
            await new AttachmentSweep(db, store).RunAsync(TimeSpan.Zero);
            var referenced = await AttachmentSweep.ReferencedKeysAsync(db);
            Assert.Equal(referenced.Order(StringComparer.Ordinal), store.Keys().Order(StringComparer.Ordinal));
            Assert.Empty(store.TemporaryFiles());
        }

        return (took, after);
    }

    private static async Task<Contents> CheckAllOrNothingAsync(TestDatabase database, AttachmentStore store, Contents? whole, int iteration)
    {
        await using var db = await database.OpenAsync();
        var contents = new Contents(
            await db.Meetings.CountAsync(),
            await db.Items.CountAsync(),
            await db.Attachments.CountAsync(a => a.StorageKey != null),
            await db.SearchDocuments.CountAsync());
        if (whole is not null)
            Assert.True(contents == whole || contents == new Contents(0, 0, 0, 0), $"iteration {iteration}: half an import is in the database: {contents}");

        var keys = await db.Attachments.Where(a => a.StorageKey != null).Select(a => a.StorageKey!).ToListAsync();
        Assert.All(keys, key => Assert.True(File.Exists(store.PathOf(key)), $"iteration {iteration}: a row references the missing file {key}"));
        return contents;
    }

    /// <summary>
    /// The command line as built in its own project, same configuration as the tests: the copy beside
    /// the tests lacks the ASP.NET Core framework reference its Identity types need.
    /// </summary>
    private static string CliAssembly
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var path = Path.Combine(Repository.Root, "src", "Dagsorden.Cli", "bin", output.Parent!.Name, output.Name, "dagsorden.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"Build the command line first: {path} is missing.");
        }
    }

    private static Process StartImport(TestDatabase database, string export)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = database.Directory,
        };
        start.ArgumentList.Add(CliAssembly);
        if (database.Options.Provider == StorageProvider.Sqlite)
        {
            start.ArgumentList.Add("--db");
            start.ArgumentList.Add(Path.Combine(database.Directory, "data", "dagsorden.db"));
        }
        else
        {
            start.Environment[StorageOptions.ConnectionEnvironmentVariable] = database.Options.ConnectionString;
        }

        start.ArgumentList.Add("import");
        start.ArgumentList.Add(export);
        start.ArgumentList.Add("--attachments");
        start.ArgumentList.Add(Path.Combine(database.Directory, "attachments"));
        return Process.Start(start)!;
    }
}
