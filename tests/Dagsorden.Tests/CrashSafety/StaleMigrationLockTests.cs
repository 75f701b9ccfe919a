using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.CrashSafety;

/// <summary>
/// EF Core marks a migration in progress with a row in __EFMigrationsLock on every open. A process
/// killed at that moment (seen in the crash loop: the command line killed while it started) left the
/// row behind on SQLite, and every later open waited for it without end.
/// </summary>
public sealed class StaleMigrationLockTests
{
    [Fact]
    public async Task AnOpenAfterAProcessDiedWhileMigratingDoesNotWaitForever()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = await database.OpenAsync())
        {
            // As a process killed between taking EF's lock and releasing it leaves the database.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-23 03:27:32+00:00')");
        }

        await using var reopened = await database.OpenAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, await reopened.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsLock\"").SingleAsync());
        Assert.Equal(0, await reopened.Meetings.CountAsync());
    }

    [Fact]
    public async Task ALockFileThatCannotBeOpenedFailsAtOnceInsteadOfWaiting()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.Options.ConnectionString).DataSource;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Directory.CreateDirectory(Path.GetFullPath(path) + ".migrate-lock");

        var failure = await Record.ExceptionAsync(() => database.OpenAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.NotNull(failure);
        Assert.IsNotType<TimeoutException>(failure);
        Assert.Contains(".migrate-lock", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpensOfOneNewDatabaseAtOnceAllMigrateItOnce()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var contexts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => database.OpenAsync())));
        try
        {
            foreach (var db in contexts)
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var applied = await contexts[0].Database.GetAppliedMigrationsAsync();
            Assert.Equal(applied.Count(), applied.Distinct().Count());
        }
        finally
        {
            foreach (var db in contexts)
                await db.DisposeAsync();
        }
    }
}
