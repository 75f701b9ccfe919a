using Dagsorden.Core.Storage;
using Npgsql;

namespace Dagsorden.Tests.Support;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temporary folder, or a new database on
/// the throwaway PostgreSQL server that ./test.sh starts (its connection string is in
/// DAGSORDEN_TEST_POSTGRES). Deleted again on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DAGSORDEN_TEST_POSTGRES";

    private readonly string? _directory;
    private readonly string? _postgresName;

    private TestDatabase(StorageOptions options, string? directory, string? postgresName)
    {
        Options = options;
        _directory = directory;
        _postgresName = postgresName;
    }

    /// <summary>Both providers, for [Theory] tests that must hold on each.</summary>
    public static TheoryData<StorageProvider> Providers => new(StorageProvider.Sqlite, StorageProvider.PostgreSql);

    public StorageOptions Options { get; }

    /// <summary>The folder a SQLite database lives in; a scratch folder for PostgreSQL tests too.</summary>
    public string Directory => _directory ?? throw new InvalidOperationException("No directory.");

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("dagsorden-test-").FullName;
        if (provider == StorageProvider.Sqlite)
            return new TestDatabase(StorageOptions.Sqlite(Path.Combine(directory, "data", "dagsorden.db")), directory, null);

        var server = ServerConnectionString();
        var name = "dagsorden_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(StorageOptions.PostgreSql(builder.ConnectionString), directory, name);
    }

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL tests need {PostgresVariable}. Run ./test.sh, which starts a throwaway server with scripts/pg-test-server.sh.");

    public Task<DagsordenDbContext> OpenAsync() => DagsordenDatabase.OpenAsync(Options);

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            await using var connection = new NpgsqlConnection(ServerConnectionString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_directory is not null && System.IO.Directory.Exists(_directory))
            System.IO.Directory.Delete(_directory, recursive: true);
    }
}
