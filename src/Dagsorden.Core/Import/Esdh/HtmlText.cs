using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Import.Esdh;

/// <summary>
/// Turns the HTML fragments case systems export (Word-pasted paragraphs, spans, lists, bold and
/// italic) into our <see cref="RichText"/>. Only structure we model survives: paragraphs, nested
/// lists, bold and italic. Every tag, attribute, script, style and comment is dropped and entities
/// are decoded into plain characters, so no markup can reach a page through an import.
/// </summary>
public static partial class HtmlText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "tbody", "thead", "tfoot", "tr",
        "section", "article", "header", "footer", "pre", "address", "center", "dl", "dt", "dd", "hr", "form", "fieldset",
    };

    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "noscript", "template", "iframe", "object", "svg", "math", "textarea", "select",
    };

    public static RichText ToRichText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
            return RichText.Empty;
        var builder = new Builder();
        var open = new List<(string Name, bool Bold, bool Italic)>();
        string? skipping = null;
        foreach (Match token in TokenPattern().Matches(html))
        {
            if (token.Groups["comment"].Success)
                continue;
            if (token.Groups["text"].Success)
            {
                if (skipping is null)
                    builder.Text(Decode(token.Value), open.Any(o => o.Bold), open.Any(o => o.Italic));
                continue;
            }

            var name = token.Groups["name"].Value.ToLowerInvariant();
            var closing = token.Groups["close"].Success;
            if (skipping is not null)
            {
                if (closing && name == skipping)
                    skipping = null;
                continue;
            }

            if (SkippedTags.Contains(name))
            {
                if (!closing && !token.Groups["self"].Success)
                    skipping = name;
                continue;
            }

            if (closing)
            {
                var index = open.FindLastIndex(o => o.Name == name);
                if (index >= 0)
                    open.RemoveRange(index, open.Count - index);
                Close(builder, name);
                continue;
            }

            var attributes = token.Groups["attributes"].Value;
            var bold = name is "b" or "strong" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" || BoldStylePattern().IsMatch(attributes);
            var italic = name is "i" or "em" or "cite" || ItalicStylePattern().IsMatch(attributes);
            Open(builder, name, attributes);
            if (!token.Groups["self"].Success && name is not ("br" or "hr" or "img" or "input" or "meta" or "link" or "col" or "wbr"))
                open.Add((name, bold, italic));
        }

        return builder.Build();
    }

    /// <summary>Plain text such as eDoc's FullText: one paragraph per line, lists as in minutes text.</summary>
    public static RichText FromPlainText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return RichText.Empty;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(l => CleanCharacters(l).Replace('\u00A0', ' ').Replace('\t', ' ').TrimEnd());
        return RichTextFormat.Parse(lines);
    }

    private static void Open(Builder builder, string name, string attributes)
    {
        switch (name)
        {
            case "br":
                builder.LineBreak();
                break;
            case "ul":
                builder.OpenList(ListKind.Bullet, 1);
                break;
            case "ol":
                var start = StartPattern().Match(attributes) is { Success: true } m && int.TryParse(m.Groups["n"].Value, out var n) ? n : 1;
                builder.OpenList(ListKind.Numbered, Math.Max(0, start));
                break;
            case "li":
                builder.OpenItem();
                break;
            case "td" or "th":
                builder.CellBreak();
                break;
            default:
                if (BlockTags.Contains(name))
                    builder.EndParagraph();
                break;
        }
    }

    private static void Close(Builder builder, string name)
    {
        switch (name)
        {
            case "ul" or "ol":
                builder.CloseList();
                break;
            case "li":
                break;
            default:
                if (BlockTags.Contains(name))
                    builder.EndParagraph();
                break;
        }
    }

    private static string Decode(string text) => CleanCharacters(WebUtility.HtmlDecode(text));

    private static string CleanCharacters(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\u00A0' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
                clean.Append(' ');
            else if (!char.IsControl(c) && c is not ('\u200B' or '\uFEFF'))
                clean.Append(c);
        }

        return clean.ToString();
    }

    private sealed class Builder
    {
        private readonly List<Block> _blocks = [];
        private readonly List<ListFrame> _lists = [];
        private List<Inline> _inlines = [];

        public void Text(string text, bool bold, bool italic)
        {
            if (text.Length == 0)
                return;
            if (_lists.Count > 0 && _lists[^1].Items.Count == 0)
                OpenItem(); // text directly inside <ul> belongs to an item
            _inlines.Add(new Inline(text, bold, italic));
        }

        public void LineBreak()
        {
            if (_lists.Count > 0)
                _inlines.Add(new Inline(" "));
            else
                EndParagraph();
        }

        public void CellBreak()
        {
            if (_inlines.Count > 0)
                _inlines.Add(new Inline(" "));
        }

        public void EndParagraph()
        {
            if (_lists.Count > 0)
            {
                // A paragraph inside a list item is part of that item's text.
                if (_inlines.Count > 0)
                    _inlines.Add(new Inline(" "));
                return;
            }

            var inlines = Normalise(_inlines);
            _inlines = [];
            if (inlines.Count > 0)
                _blocks.Add(new Paragraph(inlines));
        }

        public void OpenList(ListKind kind, int start)
        {
            if (_lists.Count == 0)
                EndParagraph();
            else
                FlushItemText();
            _lists.Add(new ListFrame(kind, start));
        }

        public void OpenItem()
        {
            if (_lists.Count == 0)
                OpenList(ListKind.Bullet, 1);
            FlushItemText();
            _lists[^1].Items.Add(new ItemFrame());
        }

        public void CloseList()
        {
            if (_lists.Count == 0)
                return;
            FlushItemText();
            var frame = _lists[^1];
            _lists.RemoveAt(_lists.Count - 1);
            var list = frame.ToBlock();
            if (list is null)
                return;
            if (_lists.Count == 0)
            {
                _blocks.Add(list);
                return;
            }

            var parent = _lists[^1];
            if (parent.Items.Count == 0)
                parent.Items.Add(new ItemFrame());
            parent.Items[^1].Children.Add(list);
        }

        public RichText Build()
        {
            while (_lists.Count > 0)
                CloseList();
            EndParagraph();
            return new RichText(_blocks);
        }

        private void FlushItemText()
        {
            if (_lists.Count == 0 || _inlines.Count == 0)
                return;
            var frame = _lists[^1];
            if (frame.Items.Count == 0)
                frame.Items.Add(new ItemFrame());
            frame.Items[^1].Inlines.AddRange(_inlines);
            _inlines = [];
        }

        private sealed class ListFrame(ListKind kind, int start)
        {
            public List<ItemFrame> Items { get; } = [];

            public ListBlock? ToBlock()
            {
                var items = Items
                    .Select(i => new ListItem(Normalise(i.Inlines), i.Children))
                    .Where(i => i.Inlines.Count > 0 || i.Children.Count > 0)
                    .ToList();
                return items.Count == 0 ? null : new ListBlock(kind, kind == ListKind.Numbered ? ". " : "- ", start, items);
            }
        }

        private sealed class ItemFrame
        {
            public List<Inline> Inlines { get; } = [];

            public List<ListBlock> Children { get; } = [];
        }
    }

    /// <summary>Collapses whitespace, trims the ends and merges neighbouring runs of the same style.</summary>
    private static List<Inline> Normalise(List<Inline> inlines)
    {
        var merged = new List<Inline>();
        foreach (var inline in inlines)
        {
            var text = WhitespacePattern().Replace(inline.Text, " ");
            if (text.Length == 0)
                continue;
            if (merged.Count > 0 && merged[^1].Bold == inline.Bold && merged[^1].Italic == inline.Italic)
                merged[^1] = merged[^1] with { Text = merged[^1].Text + text };
            else if (merged.Count > 0 && text.Trim().Length == 0)
                merged[^1] = merged[^1] with { Text = merged[^1].Text + text };
            else
                merged.Add(inline with { Text = text });
        }

        for (var i = 0; i < merged.Count; i++)
            merged[i] = merged[i] with { Text = WhitespacePattern().Replace(merged[i].Text, " ") };
        if (merged.Count > 0)
        {
            merged[0] = merged[0] with { Text = merged[0].Text.TrimStart() };
            merged[^1] = merged[^1] with { Text = merged[^1].Text.TrimEnd() };
        }

        // A space at a style boundary belongs outside the bold run: "**Tidsplan:** tekst".
        for (var i = 0; i < merged.Count - 1; i++)
        {
            if ((merged[i].Bold || merged[i].Italic) && merged[i].Text.EndsWith(' '))
            {
                merged[i] = merged[i] with { Text = merged[i].Text.TrimEnd() };
                merged[i + 1] = merged[i + 1] with { Text = " " + merged[i + 1].Text.TrimStart() };
            }
        }

        return merged.Where(i => i.Text.Trim().Length > 0).ToList();
    }

    [GeneratedRegex(@"(?<comment><!--.*?(?:-->|$)|<!\[CDATA\[.*?(?:\]\]>|$)|<![^>]*>|<\?[^>]*>)|<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9:\-]*)(?<attributes>(?:\s+[^>]*?)?)\s*(?<self>/)?>|(?<text>[^<]+|<)", RegexOptions.Singleline)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"font-weight\s*:\s*(?:bold|[6-9]00)", RegexOptions.IgnoreCase)]
    private static partial Regex BoldStylePattern();

    [GeneratedRegex(@"font-style\s*:\s*italic", RegexOptions.IgnoreCase)]
    private static partial Regex ItalicStylePattern();

    [GeneratedRegex(@"\bstart\s*=\s*[""']?(?<n>\d{1,6})")]
    private static partial Regex StartPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
