using System.Globalization;
using System.Security.Cryptography;
using Dagsorden.Core.Items;

namespace Dagsorden.Core.Attachments;

/// <summary>
/// Keeps attachment files on disk under a root folder, addressed by their SHA-256
/// ("ab/abcdef….pdf"), so storing the same file twice is harmless and a re-import writes nothing
/// new. A file is written to a temporary name, flushed to disk and only then renamed into place, so
/// a crash never leaves a half-written file under a real key.
/// </summary>
public sealed class AttachmentStore
{
    public const long DefaultMaxFileSize = 200L * 1024 * 1024;

    public AttachmentStore(string root, long maxFileSize = DefaultMaxFileSize)
    {
        Root = Path.GetFullPath(root);
        MaxFileSize = maxFileSize;
    }

    public string Root { get; }

    public long MaxFileSize { get; }

    /// <summary>The folder beside a SQLite database file: data/dagsorden.db keeps its files in data/attachments.</summary>
    public static string DefaultRootBeside(string databaseFile) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!, "attachments");

    /// <summary>Stores the bytes and describes them; <paramref name="file"/> names the source in errors.</summary>
    public async Task<AttachmentFile> StoreAsync(byte[] bytes, string fileName, string file, CancellationToken cancellationToken = default) =>
        (await PutAsync(bytes, fileName, file, cancellationToken)).File;

    /// <summary>
    /// Stores the bytes and says whether this call wrote the file, so that a caller whose database
    /// commit then fails can take back exactly what it added (<see cref="AttachmentSweep.RemoveIfUnreferencedAsync"/>).
    /// </summary>
    public async Task<StoredFile> PutAsync(byte[] bytes, string fileName, string file, CancellationToken cancellationToken = default)
    {
        if (bytes.LongLength > MaxFileSize)
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"{file}: the attachment '{fileName}' is {bytes.LongLength:N0} bytes; at most {MaxFileSize:N0} are allowed."));

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var contentType = ContentTypes.Sniff(bytes);
        var key = $"{sha256[..2]}/{sha256}{ContentTypes.Extension(contentType)}";
        var path = PathOf(key);
        DateTime? written = null;
        if (File.Exists(path))
            Touch(path);
        else
            written = await WriteAtomicallyAsync(path, bytes, cancellationToken);

        var text = AttachmentText.Extract(bytes, contentType);
        return new StoredFile(new AttachmentFile(Path.GetFileName(fileName), contentType, sha256, bytes.LongLength, key, text), written);
    }

    /// <summary>
    /// The keys of the stored files ("ab/abcdef….pdf"), in no particular order. Temporary files and
    /// anything else that is not named like a key are left out.
    /// </summary>
    public IEnumerable<string> Keys()
    {
        if (!Directory.Exists(Root))
            yield break;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var prefix = Path.GetFileName(folder);
            if (prefix.Length != 2 || !prefix.All(char.IsAsciiHexDigitLower))
                continue;
            foreach (var path in Directory.EnumerateFiles(folder))
            {
                var name = Path.GetFileName(path);
                if (IsKeyName(name) && name.StartsWith(prefix, StringComparison.Ordinal))
                    yield return prefix + "/" + name;
            }
        }
    }

    /// <summary>Half-written files a killed process left behind (".name.guid.tmp"), as full paths.</summary>
    public IEnumerable<string> TemporaryFiles() =>
        !Directory.Exists(Root)
            ? []
            : Directory.EnumerateDirectories(Root)
                .SelectMany(Directory.EnumerateFiles)
                .Where(p => Path.GetFileName(p) is var name && name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal));

    /// <summary>True for "abcdef….pdf": 64 lower-case hex digits, optionally an extension.</summary>
    public static bool IsKeyName(string name)
    {
        if (name.Length < 64 || name.AsSpan(0, 64).ContainsAnyExcept("0123456789abcdef"))
            return false;
        var rest = name.AsSpan(64);
        return rest.Length == 0 || (rest[0] == '.' && rest.Length > 1 && !rest[1..].ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789"));
    }

    public string PathOf(string storageKey)
    {
        var path = Path.GetFullPath(Path.Combine(Root, storageKey));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new DomainException($"'{storageKey}' is not a key inside the attachment store.");
        return path;
    }

    public async Task<byte[]> ReadAsync(string storageKey, CancellationToken cancellationToken = default) =>
        await File.ReadAllBytesAsync(PathOf(storageKey), cancellationToken);

    // A store that finds the file already there marks it as just used: an orphan that a new row is
    // about to reference must not look old enough to the sweep (which only removes files untouched
    // for its grace period).
    private static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only store still serves the file; the sweep is then not run against it either.
        }
    }

    /// <summary>Writes the file and returns its modification time, which marks it as written by this call.</summary>
    private static async Task<DateTime?> WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
                return File.GetLastWriteTimeUtc(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another import stored the same content at the same moment: same key, same bytes.
                return null;
            }
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}

/// <summary>A stored file; <paramref name="WrittenAt"/> is its modification time when this store call created it, null when it was already there.</summary>
public sealed record StoredFile(AttachmentFile File, DateTime? WrittenAt);
