using System.Text;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace Dagsorden.Core.Attachments;

/// <summary>
/// The words of an attachment, for search: PDF through PdfPig, DOCX through Open XML. Other formats,
/// and files that cannot be read, have no text; a damaged attachment never fails an import.
/// </summary>
public static class AttachmentText
{
    /// <summary>Enough for search over any real attachment; a longer text is cut here.</summary>
    public const int MaxLength = 2_000_000;

    public static string? Extract(byte[] bytes, string contentType)
    {
        try
        {
            var text = contentType switch
            {
                ContentTypes.Pdf => FromPdf(bytes),
                ContentTypes.Docx => FromDocx(bytes),
                _ => null,
            };
            return Clean(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static string FromPdf(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            text.AppendJoin(' ', page.GetWords().Select(w => w.Text)).Append("\n\n");
            if (text.Length > MaxLength)
                break;
        }

        return text.ToString();
    }

    private static string FromDocx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
            return "";
        var text = new StringBuilder();
        foreach (var paragraph in body.Descendants<WordParagraph>())
        {
            text.Append(paragraph.InnerText).Append('\n');
            if (text.Length > MaxLength)
                break;
        }

        return text.ToString();
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var clean = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var c in text)
        {
            if (clean.Length >= MaxLength)
                break;
            if (c == '\0' || (char.IsControl(c) && c is not ('\n' or '\t')) || char.IsSurrogate(c))
                continue;
            clean.Append(c);
        }

        return clean.ToString().Trim();
    }
}
