using Dagsorden.Core.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dagsorden.Core.Storage;

/// <summary>Creates contexts for the configured provider and brings the schema up to date.</summary>
public static class DagsordenDatabase
{
    public static DagsordenDbContext CreateContext(StorageOptions options) => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteDagsordenDbContext(
            new DbContextOptionsBuilder<SqliteDagsordenDbContext>().UseSqlite(options.ConnectionString).Options),
        StorageProvider.PostgreSql => new PostgresDagsordenDbContext(
            new DbContextOptionsBuilder<PostgresDagsordenDbContext>().UseNpgsql(options.ConnectionString).Options),
        _ => throw new ArgumentOutOfRangeException(nameof(options)),
    };

    /// <summary>Opens the database, creating it (and the SQLite file's folder) and applying migrations as needed.</summary>
    public static async Task<DagsordenDbContext> OpenAsync(StorageOptions options, CancellationToken cancellationToken = default)
    {
        var sqlitePath = options.Provider == StorageProvider.Sqlite
            ? Path.GetFullPath(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource)
            : null;
        if (sqlitePath is not null)
            Directory.CreateDirectory(Path.GetDirectoryName(sqlitePath)!);

        var context = CreateContext(options);
        try
        {
            if (sqlitePath is not null)
            {
                await MigrateSqliteAsync(context, sqlitePath, cancellationToken);

                // WAL lets the web app read while an import writes.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            else
            {
                await context.Database.MigrateAsync(cancellationToken);
            }

            await SearchIndexes.EnsureAsync(context, cancellationToken);

            return context;
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// EF Core marks a migration in progress with a row in <c>__EFMigrationsLock</c>, on every open
    /// even when nothing is to be migrated, and waits without end while the row is there. On SQLite the
    /// row outlives a process killed at that moment (on PostgreSQL EF uses an advisory lock, which dies
    /// with the session), so one crash at start-up would hang every later start. Opens therefore
    /// migrate one at a time under an operating-system lock on a file beside the database, which is
    /// released when its process dies; whoever holds it knows that any such row is stale.
    /// </summary>
    private static async Task MigrateSqliteAsync(DagsordenDbContext context, string path, CancellationToken cancellationToken)
    {
        await using var guard = await AcquireMigrationLockAsync(path, cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                command.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }

        await context.Database.MigrateAsync(cancellationToken);
    }

    private static async Task<FileStream> AcquireMigrationLockAsync(string databasePath, CancellationToken cancellationToken)
    {
        var path = databasePath + ".migrate-lock";
        var waited = TimeSpan.Zero;
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException exception) when (IsHeldByAnother(exception) && waited < MigrationWait)
            {
                await Task.Delay(pause, cancellationToken);
                waited += pause;
            }
            catch (IOException exception) when (IsHeldByAnother(exception))
            {
                throw new IOException(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Another process has been opening the database {databasePath} for more than {MigrationWait.TotalMinutes:N0} minutes; is a migration stuck?"),
                    exception);
            }
        }
    }

    // Linux reports the lock held elsewhere as EWOULDBLOCK (11), Windows as a sharing or lock violation;
    // any other failure (a read-only folder, say) is reported at once.
    private static bool IsHeldByAnother(IOException exception) =>
        exception.HResult is 11 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    /// <summary>How long an open waits for another process's migration before it gives up.</summary>
    private static readonly TimeSpan MigrationWait = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddDagsordenStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.AddScoped(_ => CreateContext(options));
        return services;
    }
}
