using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dagsorden.Core.Backup;

/// <summary>One file in a backup archive: its path inside the archive, size and SHA-256 (lower-case hex).</summary>
public sealed record BackupEntry(string Path, long Size, string Sha256);

/// <summary>
/// The first entry of every backup archive (manifest.json). It names the provider the database copy
/// is for, the last schema migration in it, and every other file in the archive with its checksum;
/// restore trusts nothing in the archive that the manifest does not list and confirm.
/// </summary>
public sealed record BackupManifest(
    string Format,
    int Version,
    DateTime Created,
    string Provider,
    string? Migration,
    string Database,
    IReadOnlyList<BackupEntry> Files)
{
    public const string FileName = "manifest.json";
    public const string FormatName = "dagsorden-backup";
    public const int CurrentVersion = 1;
    public const string SqliteProvider = "sqlite";
    public const string PostgresProvider = "postgresql";
    public const string DatabaseFolder = "database/";
    public const string AttachmentsFolder = "attachments/";

    /// <summary>A manifest bigger than this is not ours: even a million attachments fit well under it.</summary>
    public const int MaxSize = 256 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads and checks a manifest; every problem is a <see cref="DomainException"/> naming what is wrong.</summary>
    public static BackupManifest Parse(byte[] json, string archive)
    {
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
        }
        catch (JsonException e)
        {
            throw new DomainException($"{archive}: {FileName} is not valid JSON: {e.Message}");
        }

        if (manifest is null || manifest.Format != FormatName)
            throw new DomainException($"{archive}: {FileName} is not a Dagsorden backup manifest (format '{manifest?.Format}').");
        if (manifest.Version != CurrentVersion)
            throw new DomainException($"{archive}: backup format version {manifest.Version} is not supported; this version reads {CurrentVersion}.");
        if (manifest.Provider is not (SqliteProvider or PostgresProvider))
            throw new DomainException($"{archive}: {FileName} names an unknown database provider '{manifest.Provider}'.");
        if (manifest.Files is null || manifest.Files.Count == 0)
            throw new DomainException($"{archive}: {FileName} lists no files.");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Files)
        {
            if (entry?.Path is null || entry.Sha256 is null)
                throw new DomainException($"{archive}: {FileName} has an entry without a path or checksum.");
            CheckPath(entry.Path, archive);
            if (!seen.Add(entry.Path))
                throw new DomainException($"{archive}: {FileName} lists '{entry.Path}' twice.");
            if (entry.Size < 0 || entry.Sha256.Length != 64 || !entry.Sha256.All(char.IsAsciiHexDigitLower))
                throw new DomainException($"{archive}: {FileName} has a bad size or checksum for '{entry.Path}'.");
            if (entry.Path.StartsWith(AttachmentsFolder, StringComparison.Ordinal))
            {
                // An attachment's name is its own checksum; a file whose content does not match its
                // name would be served under a key it does not belong to.
                var name = entry.Path[(entry.Path.LastIndexOf('/') + 1)..];
                if (!entry.Path[AttachmentsFolder.Length..].StartsWith(name[..2] + "/", StringComparison.Ordinal) || name[..64] != entry.Sha256)
                    throw new DomainException($"{archive}: the attachment '{entry.Path}' is not named by its checksum.");
            }
        }

        if (!manifest.Database.StartsWith(DatabaseFolder, StringComparison.Ordinal) || !seen.Contains(manifest.Database))
            throw new DomainException($"{archive}: {FileName} names the database copy '{manifest.Database}', which it does not list.");
        return manifest;
    }

    /// <summary>
    /// Only "database/NAME" and "attachments/ab/KEY" are allowed: no absolute paths, no "..", no
    /// backslashes, so nothing in an archive can point outside the folder it is restored into.
    /// </summary>
    public static void CheckPath(string path, string archive)
    {
        var parts = path.Split('/');
        var safe = path.Length is > 0 and < 300
            && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/')
            && parts.All(p => p.Length > 0 && p != "." && p != "..");
        var shaped = parts switch
        {
            ["database", _] => true,
            ["attachments", var prefix, var name] => prefix.Length == 2 && Attachments.AttachmentStore.IsKeyName(name),
            _ => false,
        };
        if (!safe || !shaped)
            throw new DomainException($"{archive}: refusing the entry '{path}': only database/NAME and attachments/ab/KEY belong in a backup.");
    }
}
