using System.Globalization;
using System.Text;

namespace Dagsorden.Core.Documents.Pdf;

/// <summary>
/// Chromium stamps a PDF with the moment it printed it. A record printed again (after a restore, or
/// for another reader) must come out byte for byte the same, so the stamps are set to the meeting's
/// date instead. The replacement has the same length, so the file's cross-reference offsets stay true.
/// </summary>
public static class PdfDates
{
    private static readonly string[] Keys = ["/CreationDate (D:", "/ModDate (D:"];

    public static byte[] StampWith(byte[] pdf, DateOnly date)
    {
        var stamp = Encoding.ASCII.GetBytes(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000");
        var result = (byte[])pdf.Clone();
        foreach (var key in Keys.Select(Encoding.ASCII.GetBytes))
        {
            for (var at = result.AsSpan().IndexOf(key); at >= 0;)
            {
                var digits = at + key.Length;
                if (digits + stamp.Length <= result.Length && result.AsSpan(digits, stamp.Length).ToArray().All(b => char.IsAsciiDigit((char)b)))
                    stamp.CopyTo(result, digits);
                var next = result.AsSpan(digits).IndexOf(key);
                at = next < 0 ? -1 : digits + next;
            }
        }

        return result;
    }
}
