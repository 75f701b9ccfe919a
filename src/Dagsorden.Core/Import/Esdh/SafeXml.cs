using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Dagsorden.Core.Import.Esdh;

/// <summary>
/// Loads export XML safely and leniently. No DTD is processed and nothing external is ever fetched
/// (XXE), the encoding is taken from the byte-order mark or the declaration and checked against
/// the bytes, and character references XML forbids (eDoc writes a form feed as "&amp;#xC;") are
/// dropped with a warning instead of failing the whole export.
/// </summary>
public static partial class SafeXml
{
    public const long MaxSize = 100L * 1024 * 1024;

    static SafeXml() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static XDocument Load(byte[] bytes, string file, ICollection<string> warnings)
    {
        if (bytes.LongLength > MaxSize)
            throw new ImportException(file, null, string.Create(CultureInfo.InvariantCulture, $"the XML is {bytes.LongLength:N0} bytes; at most {MaxSize:N0} are allowed."));
        var text = Decode(bytes, file, warnings);
        text = RemoveInvalidCharacters(text, file, warnings);

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportException(file, e.LineNumber, "the XML declares a DOCTYPE; document type definitions and external entities are refused.");
        }
        catch (XmlException e)
        {
            throw new ImportException(file, e.LineNumber == 0 ? null : e.LineNumber, $"the XML is not well-formed (truncated or damaged): {e.Message}");
        }
    }

    /// <summary>
    /// UTF-16 and UTF-8 by their byte-order marks; otherwise the declared encoding, if the bytes
    /// agree with it; otherwise UTF-8, or Windows-1252 when the bytes are not valid UTF-8.
    /// </summary>
    public static string Decode(byte[] bytes, string file, ICollection<string> warnings)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
            return Strict(new UTF8Encoding(false, true), bytes, 3, file, warnings, "UTF-8");
        if (bytes is [0xFF, 0xFE, ..])
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes is [0xFE, 0xFF, ..])
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes is [0x3C, 0x00, ..])
            return Encoding.Unicode.GetString(bytes);
        if (bytes is [0x00, 0x3C, ..])
            return Encoding.BigEndianUnicode.GetString(bytes);

        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 200));
        var declared = DeclaredEncodingPattern().Match(head);
        if (declared.Success)
        {
            var name = declared.Groups["name"].Value;
            Encoding? encoding = null;
            try
            {
                encoding = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            catch (ArgumentException)
            {
                warnings.Add($"{file}: the declared encoding '{name}' is unknown; the encoding was detected from the bytes instead.");
            }

            if (encoding is not null && encoding.CodePage is not (65001 or 1200 or 1201))
            {
                try
                {
                    return encoding.GetString(bytes);
                }
                catch (DecoderFallbackException)
                {
                    warnings.Add($"{file}: the bytes are not valid {name}; the encoding was detected from the bytes instead.");
                }
            }
        }

        return Strict(new UTF8Encoding(false, true), bytes, 0, file, warnings, "UTF-8");
    }

    private static string Strict(Encoding encoding, byte[] bytes, int offset, string file, ICollection<string> warnings, string name)
    {
        try
        {
            return encoding.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            warnings.Add($"{file}: the bytes are not valid {name}; read as Windows-1252.");
            return Encoding.GetEncoding(1252).GetString(bytes, offset, bytes.Length - offset);
        }
    }

    private static string RemoveInvalidCharacters(string text, string file, ICollection<string> warnings)
    {
        var removed = new List<string>();
        var cleaned = CharacterReferencePattern().Replace(text, match =>
        {
            var hex = match.Groups["hex"].Success;
            var digits = hex ? match.Groups["hex"].Value : match.Groups["dec"].Value;
            var valid = int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                && code is >= 0 and <= 0x10FFFF
                && (code > 0xFFFF ? code >= 0x10000 : XmlConvert.IsXmlChar((char)code));
            if (valid)
                return match.Value;
            removed.Add($"{match.Value} at line {LineOf(text, match.Index)}");
            return "";
        });
        var raw = new StringBuilder(cleaned.Length);
        var rawRemoved = 0;
        foreach (var c in cleaned)
        {
            if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))
                raw.Append(c);
            else
                rawRemoved++;
        }

        if (removed.Count > 0)
            warnings.Add($"{file}: removed {removed.Count} character reference(s) XML does not allow: {string.Join(", ", removed.Take(5))}{(removed.Count > 5 ? ", …" : "")}.");
        if (rawRemoved > 0)
            warnings.Add($"{file}: removed {rawRemoved} control character(s) XML does not allow.");
        return raw.ToString();
    }

    private static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                line++;
        }

        return line;
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*?encoding\s*=\s*[""'](?<name>[A-Za-z0-9._\-]+)[""']")]
    private static partial Regex DeclaredEncodingPattern();

    [GeneratedRegex(@"&#(?:x(?<hex>[0-9A-Fa-f]{1,8})|(?<dec>[0-9]{1,10}));")]
    private static partial Regex CharacterReferencePattern();
}
