using System.IO.Compression;
using System.Text;

namespace Dagsorden.Core.Attachments;

/// <summary>
/// Tells what a file is from its first bytes. A file's name or the source's claim is never trusted:
/// a "bilag.pdf" that is really an executable is stored as application/octet-stream.
/// </summary>
public static class ContentTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public const string OleCompound = "application/x-ole-storage";
    public const string Zip = "application/zip";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string Html = "text/html";
    public const string Xml = "application/xml";
    public const string Text = "text/plain";
    public const string Unknown = "application/octet-stream";

    public static string Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF-"u8))
            return Pdf;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            return OleCompound; // .doc, .xls, .msg: the legacy Office container
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
            return Png;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return Jpeg;
        if (bytes.StartsWith("GIF8"u8))
            return Gif;
        if (bytes.StartsWith("PK\x03\x04"u8))
            return SniffZip(bytes.ToArray());

        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
            return Xml;
        if (head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            return Html;
        return LooksLikeText(bytes) ? Text : Unknown;
    }

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Docx => ".docx",
        Xlsx => ".xlsx",
        Pptx => ".pptx",
        OleCompound => ".ole",
        Zip => ".zip",
        Png => ".png",
        Jpeg => ".jpg",
        Gif => ".gif",
        Html => ".html",
        Xml => ".xml",
        Text => ".txt",
        _ => ".bin",
    };

    private static string SniffZip(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("word/document.xml"))
                return Docx;
            if (names.Contains("xl/workbook.xml"))
                return Xlsx;
            if (names.Contains("ppt/presentation.xml"))
                return Pptx;
            return Zip;
        }
        catch (InvalidDataException)
        {
            return Unknown;
        }
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            return false;
        foreach (var b in bytes[..Math.Min(bytes.Length, 4096)])
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
                return false;
        }

        return true;
    }
}
