using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dagsorden.Core.Backup;

/// <summary>What a restore put in place.</summary>
public sealed record RestoreResult(BackupManifest Manifest, int Meetings, int AttachmentFiles);

/// <summary>
/// Restores a backup written by <see cref="BackupWriter"/>. The whole archive is read and checked
/// first — the manifest, every entry's path, size and SHA-256, the database copy itself — into a
/// staging folder beside the target; only then is anything replaced, and in an order that leaves
/// working data at every step: attachment files are added to the store first (it is addressed by
/// content, so adding never disturbs the old database), then the database is swapped in one step
/// (a rename for SQLite, one transaction for pg_restore), and only then are files no row
/// references removed. The web app should be stopped while a restore runs.
/// </summary>
public static class BackupRestorer
{
    /// <summary>
    /// Restores <paramref name="archivePath"/> into the database and attachment store given.
    /// Without <paramref name="force"/>, a target that already has tables or attachment files is
    /// refused: a restore is meant for a fresh machine, and replacing live data must be asked for.
    /// </summary>
    public static async Task<RestoreResult> RestoreAsync(string archivePath, StorageOptions target, AttachmentStore store, bool force, CancellationToken cancellationToken = default)
    {
        var archive = Path.GetFullPath(archivePath);
        if (!File.Exists(archive))
            throw new DomainException($"{archivePath}: no such backup file.");

        var provider = target.Provider == StorageProvider.Sqlite ? BackupManifest.SqliteProvider : BackupManifest.PostgresProvider;
        if (!force && await DatabaseHasTablesAsync(target, cancellationToken))
            throw new DomainException($"The target database ({target.Describe()}) already has tables. Restore into a fresh database, or give --force to replace its data.");
        if (!force && store.Keys().Any())
            throw new DomainException($"The attachment folder {store.Root} already holds files. Restore into an empty folder, or give --force to replace them.");

        var storeParent = Path.GetDirectoryName(store.Root)!;
        Directory.CreateDirectory(storeParent);
        var staging = Directory.CreateDirectory(Path.Combine(storeParent, $".restore-{Guid.NewGuid():N}")).FullName;
        try
        {
            var manifest = await ExtractAsync(archive, archivePath, staging, cancellationToken);
            if (manifest.Provider != provider)
                throw new DomainException($"{archivePath}: this is a {manifest.Provider} backup; it cannot be restored into {target.Describe()}. Restore it with the same kind of database it was made from.");
            CheckMigration(manifest, target, archivePath);

            var database = Path.Combine(staging, manifest.Database);
            if (target.Provider == StorageProvider.Sqlite)
                await CheckSqliteCopyAsync(database, archivePath, cancellationToken);
            else
                await PostgresTools.RunAsync("pg_restore", target.ConnectionString, ["--list", database], cancellationToken);

            // Everything is checked; from here on the target changes.
            var attachments = AddAttachments(manifest, staging, store);
            if (target.Provider == StorageProvider.Sqlite)
                await ReplaceSqliteAsync(database, target, cancellationToken);
            else
                await RestorePostgresAsync(database, target, force, cancellationToken);

            await using var db = await DagsordenDatabase.OpenAsync(target, cancellationToken);
            if (force)
                await new AttachmentSweep(db, store).RunAsync(TimeSpan.Zero, cancellationToken);
            var meetings = await db.Meetings.CountAsync(cancellationToken);
            return new RestoreResult(manifest, meetings, attachments);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// Reads the archive into <paramref name="staging"/>: the manifest must come first, and every
    /// later entry must be a plain file it lists, of the listed size and checksum; every listed file
    /// must be there.
    /// </summary>
    private static async Task<BackupManifest> ExtractAsync(string archive, string shown, string staging, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);

            var first = await tar.GetNextEntryAsync(copyData: false, cancellationToken);
            if (first is null || first.Name != BackupManifest.FileName || !IsFile(first) || first.DataStream is null)
                throw new DomainException($"{shown}: not a Dagsorden backup: the archive does not start with {BackupManifest.FileName}.");
            if (first.Length > BackupManifest.MaxSize)
                throw new DomainException($"{shown}: {BackupManifest.FileName} is too large to be a backup manifest.");
            using var json = new MemoryStream();
            await first.DataStream.CopyToAsync(json, cancellationToken);
            var manifest = BackupManifest.Parse(json.ToArray(), shown);

            var expected = manifest.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            var found = new HashSet<string>(StringComparer.Ordinal);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                BackupManifest.CheckPath(entry.Name, shown);
                if (!IsFile(entry))
                    throw new DomainException($"{shown}: refusing the entry '{entry.Name}': a backup holds only plain files, not a {entry.EntryType}.");
                if (!expected.TryGetValue(entry.Name, out var listed))
                    throw new DomainException($"{shown}: the entry '{entry.Name}' is not listed in {BackupManifest.FileName}.");
                if (!found.Add(entry.Name))
                    throw new DomainException($"{shown}: the entry '{entry.Name}' appears twice.");
                if (entry.Length != listed.Size)
                    throw new DomainException($"{shown}: '{entry.Name}' is {entry.Length} bytes; {BackupManifest.FileName} says {listed.Size}.");

                var path = Path.Combine(staging, entry.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                string sha256;
                long total = 0;
                await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                {
                    using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    var buffer = new byte[81920];
                    int read;
                    while (entry.DataStream is not null && (read = await entry.DataStream.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        total += read;
                        await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }

                    output.Flush(flushToDisk: true);
                    sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
                }

                // A cut-off gzip stream simply ends; only the count shows the archive was truncated.
                if (total != listed.Size)
                    throw new DomainException($"{shown}: '{entry.Name}' ends after {total} of its {listed.Size} bytes; the archive is truncated. Nothing was restored.");
                if (sha256 != listed.Sha256)
                    throw new DomainException($"{shown}: the checksum of '{entry.Name}' does not match {BackupManifest.FileName}; the backup is damaged or was altered. Nothing was restored.");
            }

            var missing = expected.Keys.FirstOrDefault(p => !found.Contains(p));
            if (missing is not null)
                throw new DomainException($"{shown}: '{missing}' is listed in {BackupManifest.FileName} but missing from the archive; the backup is truncated or incomplete. Nothing was restored.");
            return manifest;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or ArgumentException or IOException and not FileNotFoundException)
        {
            throw new DomainException($"{shown}: the archive is damaged or truncated and cannot be read ({e.Message}). Nothing was restored.");
        }
    }

    private static bool IsFile(TarEntry entry) => entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile;

    private static void CheckMigration(BackupManifest manifest, StorageOptions target, string shown)
    {
        using var context = DagsordenDatabase.CreateContext(target);
        var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        if (manifest.Migration is not null && !known.Contains(manifest.Migration))
            throw new DomainException($"{shown}: the backup was made by a newer version of Dagsorden (schema {manifest.Migration}). Upgrade this installation first.");
    }

    private static async Task<bool> DatabaseHasTablesAsync(StorageOptions target, CancellationToken cancellationToken)
    {
        if (target.Provider == StorageProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
            if (!File.Exists(path) || new FileInfo(path).Length == 0)
                return false;
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(target.ConnectionString) { Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
            return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
        }

        await using var postgres = new NpgsqlConnection(target.ConnectionString);
        await postgres.OpenAsync(cancellationToken);
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()", postgres);
        return (long)(await tables.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    private static async Task CheckSqliteCopyAsync(string database, string shown, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            if (await command.ExecuteScalarAsync(cancellationToken) is not "ok")
                throw new DomainException($"{shown}: the database copy in the backup fails SQLite's integrity check. Nothing was restored.");
        }
        catch (SqliteException e)
        {
            throw new DomainException($"{shown}: the database copy in the backup cannot be opened ({e.Message}). Nothing was restored.");
        }
    }

    /// <summary>Moves the staged files into the store; one already there has the same bytes, being named by them.</summary>
    private static int AddAttachments(BackupManifest manifest, string staging, AttachmentStore store)
    {
        var count = 0;
        foreach (var entry in manifest.Files.Where(f => f.Path.StartsWith(BackupManifest.AttachmentsFolder, StringComparison.Ordinal)))
        {
            var destination = store.PathOf(entry.Path[BackupManifest.AttachmentsFolder.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (!File.Exists(destination))
                File.Move(Path.Combine(staging, entry.Path), destination);
            count++;
        }

        return count;
    }

    private static async Task ReplaceSqliteAsync(string staged, StorageOptions target, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(new SqliteConnectionStringBuilder(target.ConnectionString).DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var beside = $"{path}.{Guid.NewGuid():N}.restore";
        try
        {
            // Beside the target first (the staging folder may be on another disk), so the swap is one rename.
            File.Copy(staged, beside);
            await using (var stream = new FileStream(beside, FileMode.Open, FileAccess.ReadWrite))
                stream.Flush(flushToDisk: true);

            if (File.Exists(path))
            {
                // The old database's write-ahead log must not outlive it: SQLite would replay it into
                // the restored file. Fold it in and check nobody else holds the database open.
                await using (var old = new SqliteConnection(new SqliteConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString))
                {
                    await old.OpenAsync(cancellationToken);
                    await using var checkpoint = old.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                    await checkpoint.ExecuteNonQueryAsync(cancellationToken);
                }

                if (new FileInfo(path + "-wal") is { Exists: true, Length: > 0 })
                    throw new DomainException($"{path} is in use (its write-ahead log is not empty). Stop the web app and other imports, then restore again. Nothing was replaced.");
            }

            SqliteConnection.ClearAllPools();
            File.Move(beside, path, overwrite: true);
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");
        }
        finally
        {
            if (File.Exists(beside))
                File.Delete(beside);
        }
    }

    private static async Task RestorePostgresAsync(string dump, StorageOptions target, bool force, CancellationToken cancellationToken)
    {
        var database = new NpgsqlConnectionStringBuilder(target.ConnectionString).Database
            ?? throw new DomainException("The PostgreSQL connection string names no database to restore into.");
        // One transaction: if anything fails, the database is exactly as it was. --clean drops the
        // old objects inside that same transaction.
        List<string> arguments = ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--dbname", database];
        if (force)
            arguments.AddRange(["--clean", "--if-exists"]);
        arguments.Add(dump);
        NpgsqlConnection.ClearAllPools();
        await PostgresTools.RunAsync("pg_restore", target.ConnectionString, arguments, cancellationToken);
    }
}
