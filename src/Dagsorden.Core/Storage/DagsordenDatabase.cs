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
        if (options.Provider == StorageProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }

        var context = CreateContext(options);
        try
        {
            await context.Database.MigrateAsync(cancellationToken);
            if (options.Provider == StorageProvider.Sqlite)
            {
                // WAL lets the web app read while an import writes.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
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

    public static IServiceCollection AddDagsordenStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.AddScoped(_ => CreateContext(options));
        return services;
    }
}
