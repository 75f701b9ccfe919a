using System.Security.Cryptography;
using System.Text;

namespace Dagsorden.Core.Import;

/// <summary>SHA-256 of a delivery: a file's bytes, or a folder's relative paths and file contents in a fixed order.</summary>
public static class Fingerprints
{
    public static string Of(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(path))
        {
            var root = Path.GetFullPath(path);
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/') + "\n"));
                AppendFile(hash, file);
            }
        }
        else
        {
            AppendFile(hash, path);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendFile(IncrementalHash hash, string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            hash.AppendData(buffer, 0, read);
        hash.AppendData("\0"u8);
    }
}
