using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Dagsorden.Core.Text;
using Microsoft.AspNetCore.Html;

namespace Dagsorden.Web.Documents;

/// <summary>
/// <see cref="RichText"/> as HTML: paragraphs, nested bullet and numbered lists, strong and em.
/// Every piece of text is HTML-encoded; no markup from the source passes through.
/// </summary>
public sealed class RichTextHtml(RichText text) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        foreach (var block in text.Blocks)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    writer.Write("<p>");
                    WriteInlines(writer, encoder, paragraph.Inlines);
                    writer.Write("</p>\n");
                    break;
                case ListBlock list:
                    WriteList(writer, encoder, list);
                    break;
            }
        }
    }

    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteTo(writer, HtmlEncoder.Create(UnicodeRanges.All));
        return writer.ToString();
    }

    private static void WriteList(TextWriter writer, HtmlEncoder encoder, ListBlock list)
    {
        var tag = list.Kind == ListKind.Numbered ? "ol" : "ul";
        writer.Write('<');
        writer.Write(tag);
        if (list.Kind == ListKind.Numbered && list.Start != 1)
            writer.Write(string.Create(CultureInfo.InvariantCulture, $" start=\"{list.Start}\""));
        writer.Write(">\n");
        foreach (var item in list.Items)
        {
            writer.Write("<li>");
            WriteInlines(writer, encoder, item.Inlines);
            foreach (var child in item.Children)
            {
                writer.Write('\n');
                WriteList(writer, encoder, child);
            }

            writer.Write("</li>\n");
        }

        writer.Write("</");
        writer.Write(tag);
        writer.Write(">\n");
    }

    private static void WriteInlines(TextWriter writer, HtmlEncoder encoder, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            if (inline.Bold)
                writer.Write("<strong>");
            if (inline.Italic)
                writer.Write("<em>");
            encoder.Encode(writer, inline.Text);
            if (inline.Italic)
                writer.Write("</em>");
            if (inline.Bold)
                writer.Write("</strong>");
        }
    }
}
