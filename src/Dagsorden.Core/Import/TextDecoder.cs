using System.Text;

namespace Dagsorden.Core.Import;

/// <summary>
/// Turns the bytes of a minutes text file into text. UTF-8 (with or without BOM) and UTF-16 with
/// BOM are read as such; bytes that are not valid UTF-8 are read as Windows-1252, the encoding older
/// Danish Windows tools write. Binary files and empty files are rejected.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(byte[] bytes, string file)
    {
        if (bytes.Length == 0)
            throw new ImportException(file, null, "the file is empty.");

        if (bytes is [0xFF, 0xFE, ..])
            return Checked(new DecodedText(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16"), file);
        if (bytes is [0xFE, 0xFF, ..])
            return Checked(new DecodedText(Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16"), file);

        var offset = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        var binaryAt = FindBinaryByte(bytes, offset);
        if (binaryAt >= 0)
            throw new ImportException(file, null, $"this is not a text file (binary byte 0x{bytes[binaryAt]:X2} at offset {binaryAt}); expected minutes as UTF-8 or Windows-1252 text.");

        DecodedText decoded;
        try
        {
            decoded = new DecodedText(StrictUtf8.GetString(bytes, offset, bytes.Length - offset), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            decoded = new DecodedText(Encoding.GetEncoding(1252).GetString(bytes), "Windows-1252");
        }

        return Checked(decoded, file);
    }

    private static DecodedText Checked(DecodedText decoded, string file)
    {
        if (string.IsNullOrWhiteSpace(decoded.Text))
            throw new ImportException(file, null, "the file is empty (only whitespace).");
        var control = decoded.Text.IndexOfAny(ControlCharacters);
        if (control >= 0)
            throw new ImportException(file, null, $"this is not a text file (control character U+{(int)decoded.Text[control]:X4} at character {control}).");
        return decoded;
    }

    private static readonly char[] ControlCharacters =
        Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n' or '\r' or '\f')).Select(c => (char)c).ToArray();

    private static int FindBinaryByte(byte[] bytes, int offset)
    {
        for (var i = offset; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
                return i;
        }

        return -1;
    }
}

public sealed record DecodedText(string Text, string EncodingName);
