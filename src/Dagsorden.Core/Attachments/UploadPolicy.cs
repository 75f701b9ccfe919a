using System.Globalization;

namespace Dagsorden.Core.Attachments;

/// <summary>
/// What a user may upload as an attachment: PDF, Word (DOCX), Excel (XLSX), PNG and JPEG, up to a
/// size limit. The type is read from the file's own bytes; the name a browser sends proves nothing,
/// so "bilag.pdf" that is really a program is refused.
/// </summary>
public sealed class UploadPolicy
{
    public const long DefaultMaxFileSize = 25L * 1024 * 1024;

    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        [ContentTypes.Pdf] = "PDF",
        [ContentTypes.Docx] = "Word (DOCX)",
        [ContentTypes.Xlsx] = "Excel (XLSX)",
        [ContentTypes.Png] = "PNG",
        [ContentTypes.Jpeg] = "JPEG",
    };

    public UploadPolicy(long maxFileSize = DefaultMaxFileSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFileSize);
        MaxFileSize = maxFileSize;
    }

    public long MaxFileSize { get; }

    /// <summary>"25 MB": the limit as the pages state it.</summary>
    public string MaxFileSizeText => Megabytes(MaxFileSize);

    /// <summary>What the file input may offer; a hint for the browser's file picker only, never the check itself.</summary>
    public static string AcceptAttribute => ".pdf,.docx,.xlsx,.png,.jpg,.jpeg," + string.Join(',', Allowed.Keys);

    public static string AllowedTypesText => "PDF, Word (DOCX), Excel (XLSX), PNG eller JPEG";

    /// <summary>Null when the size may be uploaded; otherwise the Danish message naming the file.</summary>
    public string? CheckSize(string fileName, long size)
    {
        if (size == 0)
            return $"Filen »{fileName}« er tom.";
        return size > MaxFileSize
            ? $"Filen »{fileName}« fylder {Megabytes(size, roundUp: true)}; et bilag må højst fylde {MaxFileSizeText}."
            : null;
    }

    /// <summary>Null when the bytes are of a type that may be uploaded; otherwise the Danish message naming the file.</summary>
    public static string? CheckType(string fileName, ReadOnlySpan<byte> bytes)
    {
        var type = ContentTypes.Sniff(bytes);
        return Allowed.ContainsKey(type)
            ? null
            : $"Filen »{fileName}« kan ikke vedhæftes, fordi dens indhold ikke er {AllowedTypesText}. Filtypen afgøres af indholdet, ikke af filnavnet.";
    }

    /// <summary>"25,5 MB". Rounded up, a file just over the limit never reads as exactly the limit.</summary>
    public static string Megabytes(long bytes, bool roundUp = false)
    {
        var megabytes = bytes / (1024.0 * 1024.0);
        if (roundUp)
            megabytes = Math.Ceiling(megabytes * 10) / 10;
        return megabytes.ToString("0.#", Danish) + " MB";
    }
}
