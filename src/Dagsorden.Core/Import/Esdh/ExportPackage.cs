using System.Globalization;
using System.IO.Compression;

namespace Dagsorden.Core.Import.Esdh;

/// <summary>
/// The files of one case-system export, however it arrived: a folder, a zip, or a single XML file
/// (whose sibling files are then its attachments). Paths inside use '/' and are matched without
/// regard to case, because the exports come from Windows (Acadre names "3687981.xml" and ships
/// "3687981.XML").
/// </summary>
public sealed class ExportPackage
{
    /// <summary>Limits that keep a hostile zip from filling memory or disk ("zip bomb").</summary>
    public sealed record ZipLimits(long MaxEntrySize, long MaxTotalSize, int MaxEntries, double MaxCompressionRatio)
    {
        public static ZipLimits Default { get; } = new(200L * 1024 * 1024, 1024L * 1024 * 1024, 10_000, 200);
    }

    private const int MaxFolderFiles = 10_000;

    private readonly Dictionary<string, string> _paths; // lower-case relative path -> relative path as stored
    private readonly Func<string, byte[]> _read;

    private ExportPackage(string name, IEnumerable<string> entries, Func<string, byte[]> read, string? primary)
    {
        Name = name;
        _paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
            _paths.TryAdd(entry, entry);
        _read = read;
        Primary = primary;
    }

    /// <summary>The path as the user gave it, for messages.</summary>
    public string Name { get; }

    /// <summary>For a single XML file: that file. Null for a folder or a zip, where detection looks at every XML.</summary>
    public string? Primary { get; }

    public IReadOnlyCollection<string> Entries => _paths.Values;

    public static ExportPackage FromFolder(string folder, string name)
    {
        var root = Path.GetFullPath(folder);
        var files = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            if (files.Count >= MaxFolderFiles)
                throw new ImportException(name, null, string.Create(CultureInfo.InvariantCulture, $"the folder holds more than {MaxFolderFiles:N0} files; that is not one export."));
            files.Add(Path.GetRelativePath(root, path).Replace('\\', '/'));
        }

        return new ExportPackage(name, files, relative => File.ReadAllBytes(Path.Combine(root, relative)), null);
    }

    /// <summary>A single XML file; the files beside it (and below it) are reachable as its attachments.</summary>
    public static ExportPackage FromXmlFile(string path, string name)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var fileName = Path.GetFileName(full);
        var package = new ExportPackage(name, [fileName], relative => File.ReadAllBytes(Path.Combine(folder, relative)), fileName);
        package._siblingRoot = folder;
        return package;
    }

    /// <summary>
    /// Reads a zip into memory. Entries whose path leaves the zip ("..", absolute paths, drive
    /// letters) are refused ("zip slip"), and so are entries or totals beyond the limits, however
    /// small the zip itself is ("zip bomb"). The whole zip is refused, never just the bad entry.
    /// </summary>
    public static ExportPackage FromZip(byte[] bytes, string name, ZipLimits? limits = null)
    {
        limits ??= ZipLimits.Default;
        var contents = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxEntries)
                throw new ImportException(name, null, string.Create(CultureInfo.InvariantCulture, $"the zip has {zip.Entries.Count:N0} entries; at most {limits.MaxEntries:N0} are allowed."));
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var path = SafeEntryPath(entry.FullName, name);
                if (path is null)
                    continue; // a folder entry
                if (entry.Length > limits.MaxEntrySize)
                    throw new ImportException(name, null, string.Create(CultureInfo.InvariantCulture, $"the zip entry '{entry.FullName}' unpacks to {entry.Length:N0} bytes; at most {limits.MaxEntrySize:N0} are allowed (zip bomb?)."));
                if (entry.CompressedLength > 0 && entry.Length > 1024 * 1024 && (double)entry.Length / entry.CompressedLength > limits.MaxCompressionRatio)
                    throw new ImportException(name, null, string.Create(CultureInfo.InvariantCulture, $"the zip entry '{entry.FullName}' is compressed {entry.Length / entry.CompressedLength:N0} to 1; at most {limits.MaxCompressionRatio:N0} to 1 is allowed (zip bomb?)."));

                // The sizes in the header are the packer's claim; count what really comes out.
                var data = ReadBounded(entry, Math.Min(limits.MaxEntrySize, limits.MaxTotalSize - total), name);
                total += data.Length;
                if (!contents.TryAdd(path, data))
                    throw new ImportException(name, null, $"the zip holds '{path}' twice.");
            }
        }
        catch (InvalidDataException e)
        {
            throw new ImportException(name, null, $"the zip is damaged or truncated: {e.Message}");
        }

        return new ExportPackage(name, contents.Keys, relative => contents[relative], null);
    }

    private string? _siblingRoot;

    /// <summary>The stored path for a relative path such as "Enclosures\1.pdf", or null when there is no such file.</summary>
    public string? Find(string relativePath)
    {
        var normalised = Normalise(relativePath);
        if (normalised is null)
            return null;
        if (_paths.TryGetValue(normalised, out var found))
            return found;
        if (_siblingRoot is not null)
            return FindOnDisk(_siblingRoot, normalised);
        return null;
    }

    /// <summary>Looks for <paramref name="relativePath"/> under <paramref name="folder"/> first, then anywhere by file name.</summary>
    public string? FindNear(string? folder, string relativePath)
    {
        if (folder is { Length: > 0 } && Find(folder.TrimEnd('/', '\\') + "/" + relativePath) is { } inFolder)
            return inFolder;
        if (Find(relativePath) is { } direct)
            return direct;
        var fileName = Path.GetFileName(relativePath.Replace('\\', '/'));
        var matches = _paths.Values.Where(p => Path.GetFileName(p).Equals(fileName, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    public byte[] Read(string storedPath)
    {
        try
        {
            return _read(storedPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException($"{Name}/{storedPath}", null, $"cannot read the file: {e.Message}");
        }
    }

    /// <summary>"a/b.xml" for safe relative paths; null for paths that try to leave the package.</summary>
    private static string? Normalise(string relativePath)
    {
        var path = relativePath.Replace('\\', '/').Trim();
        if (path.Length == 0 || path.StartsWith('/') || (path.Length >= 2 && path[1] == ':'))
            return null;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is ".." or "."))
            return null;
        return string.Join('/', segments);
    }

    private static string? SafeEntryPath(string fullName, string zipName)
    {
        var path = fullName.Replace('\\', '/');
        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':') || path.Split('/').Any(s => s == ".."))
            throw new ImportException(zipName, null, $"the zip entry '{fullName}' points outside the zip (zip slip); the zip is refused.");
        if (path.EndsWith('/'))
            return null;
        return string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "."));
    }

    private static byte[] ReadBounded(ZipArchiveEntry entry, long limit, string zipName)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
                throw new ImportException(zipName, null, string.Create(CultureInfo.InvariantCulture, $"the zip entry '{entry.FullName}' unpacks to more than {limit:N0} bytes, beyond what the zip's limits allow (zip bomb?)."));
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string? FindOnDisk(string root, string relative)
    {
        var current = root;
        var segments = relative.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (!Directory.Exists(current))
                return null;
            var match = (last ? Directory.EnumerateFiles(current) : Directory.EnumerateDirectories(current))
                .FirstOrDefault(p => Path.GetFileName(p).Equals(segments[i], StringComparison.OrdinalIgnoreCase));
            if (match is null)
                return null;
            current = match;
        }

        return Path.GetRelativePath(root, current).Replace('\\', '/');
    }
}
