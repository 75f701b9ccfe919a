using Npgsql;

namespace Dagsorden.Core.Storage;

/// <summary>Where the data lives: an embedded SQLite file (the default) or a PostgreSQL server.</summary>
public sealed record StorageOptions(StorageProvider Provider, string ConnectionString)
{
    public const string ConnectionEnvironmentVariable = "DAGSORDEN_CONNECTION";

    public static string DefaultSqlitePath(string workingDirectory) => Path.Combine(workingDirectory, "data", "dagsorden.db");

    public static StorageOptions Sqlite(string path) => new(StorageProvider.Sqlite, $"Data Source={Path.GetFullPath(path)}");

    public static StorageOptions PostgreSql(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DomainException($"The PostgreSQL connection string is not valid: {e.Message}");
        }

        return new(StorageProvider.PostgreSql, connectionString);
    }

    /// <summary>
    /// --db wins, then --connection, then the DAGSORDEN_CONNECTION environment variable, then the
    /// SQLite file data/dagsorden.db under the working directory.
    /// </summary>
    public static StorageOptions Resolve(string? databasePath, string? connectionString, string workingDirectory, Func<string, string?> environment)
    {
        if (databasePath is not null && connectionString is not null)
            throw new DomainException("Use either --db (SQLite) or --connection (PostgreSQL), not both.");
        if (databasePath is not null)
            return Sqlite(Path.Combine(workingDirectory, databasePath));
        if (connectionString is not null)
            return PostgreSql(connectionString);
        var fromEnvironment = environment(ConnectionEnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment)
            ? Sqlite(DefaultSqlitePath(workingDirectory))
            : PostgreSql(fromEnvironment);
    }

    /// <summary>A description for messages that never includes a password.</summary>
    public string Describe()
    {
        if (Provider == StorageProvider.Sqlite)
            return "SQLite " + ConnectionString["Data Source=".Length..];
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }
}
