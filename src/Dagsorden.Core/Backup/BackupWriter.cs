using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dagsorden.Core.Backup;

/// <summary>What a backup wrote; <paramref name="Warnings"/> lists attachment files whose content no longer matches their name.</summary>
public sealed record BackupResult(BackupManifest Manifest, int AttachmentFiles, long ArchiveBytes, IReadOnlyList<string> Warnings);

/// <summary>
/// Writes one .tar.gz holding a consistent copy of the database, the attachment store and a
/// manifest with every file's SHA-256. It runs while the web app serves and writes: the database
/// copy is one snapshot (SQLite's online backup API, or pg_dump's single transaction), and the
/// attachment files are listed after it, so every file a row in the copy references is already in
/// the store (files are written before their rows commit, and only the sweep removes them).
/// </summary>
public static class BackupWriter
{
    public static async Task<BackupResult> WriteAsync(StorageOptions storage, AttachmentStore store, string archivePath, CancellationToken cancellationToken = default)
    {
        var archive = Path.GetFullPath(archivePath);
        var folder = Path.GetDirectoryName(archive)!;
        Directory.CreateDirectory(folder);
        var work = Directory.CreateDirectory(Path.Combine(folder, $".{Path.GetFileName(archive)}.{Guid.NewGuid():N}.work")).FullName;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(archive)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var (databaseEntry, databaseFile, migration) = storage.Provider == StorageProvider.Sqlite
                ? await CopySqliteAsync(storage, work, cancellationToken)
                : await DumpPostgresAsync(storage, work, cancellationToken);

            var warnings = new List<string>();
            var files = new List<(BackupEntry Entry, string Source)>
            {
                (new BackupEntry(databaseEntry, new FileInfo(databaseFile).Length, await HashAsync(databaseFile, cancellationToken)), databaseFile),
            };
            foreach (var key in store.Keys().Order(StringComparer.Ordinal))
            {
                var path = store.PathOf(key);
                var sha256 = await HashAsync(path, cancellationToken);
                if (!Path.GetFileName(key).StartsWith(sha256, StringComparison.Ordinal))
                {
                    // Kept out: restore would refuse it, and a damaged file must be replaced from the source, not carried on.
                    warnings.Add($"attachment {key} does not match its checksum (the file is damaged); it is left out of the backup.");
                    continue;
                }

                files.Add((new BackupEntry(BackupManifest.AttachmentsFolder + key, new FileInfo(path).Length, sha256), path));
            }

            var manifest = new BackupManifest(
                BackupManifest.FormatName,
                BackupManifest.CurrentVersion,
                DateTime.UtcNow,
                storage.Provider == StorageProvider.Sqlite ? BackupManifest.SqliteProvider : BackupManifest.PostgresProvider,
                migration,
                databaseEntry,
                files.Select(f => f.Entry).ToList());

            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
                {
                    // The manifest goes first, so restore knows what to expect before it writes a byte.
                    var json = manifest.ToJson();
                    await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.FileName) { DataStream = new MemoryStream(json) }, cancellationToken);
                    foreach (var (entry, source) in files)
                    {
                        await using var data = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
                        await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entry.Path) { DataStream = data }, cancellationToken);
                    }
                }

                output.Flush(flushToDisk: true);
            }

            File.Move(temporary, archive, overwrite: true);
            return new BackupResult(manifest, files.Count - 1, new FileInfo(archive).Length, warnings);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
            Directory.Delete(work, recursive: true);
        }
    }

    internal static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static async Task<(string Entry, string File, string? Migration)> CopySqliteAsync(StorageOptions storage, string work, CancellationToken cancellationToken)
    {
        var source = new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
        if (!File.Exists(source))
            throw new DomainException($"There is no database to back up at {source}.");

        var copy = Path.Combine(work, "dagsorden.db");
        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder(storage.ConnectionString) { Pooling = false }.ConnectionString))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ConnectionString))
        {
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);

            // Microsoft.Data.Sqlite retries a busy command itself but not a backup step, and SQLite
            // can refuse a reader for a moment even in WAL mode (a writer's exclusive lock, a log
            // being reset): SQLite's own busy handler waits for the lock, as long as a command would.
            await using (var wait = from.CreateCommand())
            {
                wait.CommandText = "PRAGMA busy_timeout = " + (from.DefaultTimeout * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await wait.ExecuteNonQueryAsync(cancellationToken);
            }

            // One step under one read transaction: writers carry on (WAL), and the copy is the
            // database as of one moment.
            from.BackupDatabase(to);
        }

        await using var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ConnectionString);
        await check.OpenAsync(cancellationToken);
        // A single file, so the copy restores without a -wal beside it.
        await using (var mode = check.CreateCommand())
        {
            mode.CommandText = "PRAGMA journal_mode=DELETE;";
            await mode.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = check.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1";
        var migration = await command.ExecuteScalarAsync(cancellationToken) as string;
        return (BackupManifest.DatabaseFolder + "dagsorden.db", copy, migration);
    }

    private static async Task<(string Entry, string File, string? Migration)> DumpPostgresAsync(StorageOptions storage, string work, CancellationToken cancellationToken)
    {
        var dump = Path.Combine(work, "dagsorden.pgdump");
        // The custom format: compressed, and pg_restore can list and check it before restoring.
        await PostgresTools.RunAsync("pg_dump", storage.ConnectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", dump], cancellationToken);

        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1 DESC LIMIT 1", connection);
        var migration = await command.ExecuteScalarAsync(cancellationToken) as string;
        return (BackupManifest.DatabaseFolder + "dagsorden.pgdump", dump, migration);
    }
}
