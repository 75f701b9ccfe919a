using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Dagsorden.Core.Backup;

/// <summary>
/// Runs pg_dump and pg_restore against the server a connection string names. The tool must be at
/// least as new as the server, so the one matching the server's major version is preferred
/// (Debian installs each under /usr/lib/postgresql/VERSION/bin), then the one on PATH.
/// </summary>
internal static class PostgresTools
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public static async Task RunAsync(string tool, string connectionString, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var executable = await FindAsync(tool, builder, cancellationToken);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        // The password goes through the environment, never the command line that others can read in ps.
        start.Environment["PGHOST"] = builder.Host ?? "localhost";
        start.Environment["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = builder.Database ?? builder.Username ?? "postgres";
        if (builder.Username is { } user)
            start.Environment["PGUSER"] = user;
        if (builder.Password is { } password)
            start.Environment["PGPASSWORD"] = password;
        start.Environment["PGSSLMODE"] = builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        start.Environment["PGCONNECT_TIMEOUT"] = builder.Timeout.ToString(CultureInfo.InvariantCulture);

        using var process = Process.Start(start) ?? throw new DomainException($"Could not start {executable}.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var message = (await error).Trim();
            throw new DomainException($"{tool} failed (exit code {process.ExitCode}): {(message.Length > 0 ? message : (await output).Trim())}");
        }
    }

    private static async Task<string> FindAsync(string tool, NpgsqlConnectionStringBuilder builder, CancellationToken cancellationToken)
    {
        var major = await ServerMajorVersionAsync(builder, cancellationToken);
        var matching = Path.Combine(DebianRoot, major.ToString(CultureInfo.InvariantCulture), "bin", tool);
        if (File.Exists(matching))
            return matching;

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
            return onPath;

        var newest = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(d => (Path: Path.Combine(d, "bin", tool), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(c => c.Version >= major && File.Exists(c.Path))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Path)
                .FirstOrDefault()
            : null;
        return newest ?? throw new DomainException(
            $"{tool} for PostgreSQL {major} was not found under {DebianRoot}/{major}/bin or on PATH. Install the client tools, e.g. 'apt-get install postgresql-client-{major}'.");
    }

    private static async Task<int> ServerMajorVersionAsync(NpgsqlConnectionStringBuilder builder, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SHOW server_version_num", connection);
        var number = int.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!, CultureInfo.InvariantCulture);
        return number / 10000;
    }
}
