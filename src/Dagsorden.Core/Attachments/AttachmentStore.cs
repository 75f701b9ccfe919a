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
    public async Task<AttachmentFile> StoreAsync(byte[] bytes, string fileName, string file, CancellationToken cancellationToken = default)
    {
        if (bytes.LongLength > MaxFileSize)
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"{file}: the attachment '{fileName}' is {bytes.LongLength:N0} bytes; at most {MaxFileSize:N0} are allowed."));

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var contentType = ContentTypes.Sniff(bytes);
        var key = $"{sha256[..2]}/{sha256}{ContentTypes.Extension(contentType)}";
        var path = PathOf(key);
        if (!File.Exists(path))
            await WriteAtomicallyAsync(path, bytes, cancellationToken);

        var text = AttachmentText.Extract(bytes, contentType);
        return new AttachmentFile(Path.GetFileName(fileName), contentType, sha256, bytes.LongLength, key, text);
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

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
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
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another import stored the same content at the same moment: same key, same bytes.
            }
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
