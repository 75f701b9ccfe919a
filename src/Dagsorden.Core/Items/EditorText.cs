using System.Text.RegularExpressions;
using Dagsorden.Core.Import.Esdh;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Items;

/// <summary>
/// The text a rich-text field of the item editor holds: the markup of <see cref="RichTextFormat"/>
/// (paragraphs separated by blank lines, "- " bullets, "1. " numbered items, two spaces of indent
/// per nesting level, **bold** and *italic*). Text that carries HTML (typed, or posted by a script
/// editor) is read as HTML and keeps only paragraphs, lists, bold and italic, so no tag or
/// attribute is ever stored.
/// </summary>
public static partial class EditorText
{
    // Entity-encoded markup decodes into new tags; each round removes at least one tag, and real
    // text never nests encodings this deep.
    private const int MaxHtmlRounds = 8;

    public static RichText Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return RichText.Empty;
        var current = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        for (var round = 0; LooksLikeHtml(current); round++)
        {
            // Through the markup once more, so the stored value is exactly what the textarea shows
            // next time and saving it unchanged changes nothing.
            current = Render(HtmlText.ToRichText(current));
            if (round == MaxHtmlRounds)
                current = current.Replace("<", "", StringComparison.Ordinal);
        }

        return RichTextFormat.Parse(current);
    }

    public static string Render(RichText? text) => text is null ? "" : string.Join('\n', RichTextFormat.Render(text));

    /// <summary>True when the text holds a tag, a comment or a doctype: anything a browser would read as markup.</summary>
    public static bool LooksLikeHtml(string text) => TagPattern().IsMatch(text);

    [GeneratedRegex(@"<(?:/?[A-Za-z][^<>]*>|!--|![A-Za-z\[][^<>]*>|\?[^<>]*>)")]
    private static partial Regex TagPattern();
}
