using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dagsorden.Core.Text;

/// <summary>
/// The plain-text form of <see cref="RichText"/> used by minutes documents: one paragraph per line,
/// blank lines between blocks, "- " and "1. " list items, two spaces of indent per nesting level,
/// **bold** and *italic*. Parsing and rendering are inverses for anything the parser accepts.
/// </summary>
public static partial class RichTextFormat
{
    private const string IndentUnit = "  ";

    public static RichText Parse(IEnumerable<string> lines)
    {
        var builder = new BlockBuilder();
        foreach (var rawLine in lines)
        {
            var line = rawLine.TrimEnd();
            if (line.Length == 0)
            {
                builder.Blank();
                continue;
            }

            if (TryParseListLine(line, out var listLine))
                builder.AddListLine(listLine);
            else
                builder.AddParagraph(ParseInlines(line.Trim()));
        }

        return new RichText(builder.Build());
    }

    public static RichText Parse(string text) => Parse(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));

    /// <summary>Renders to lines, with a blank line between blocks.</summary>
    public static IReadOnlyList<string> Render(RichText text)
    {
        var lines = new List<string>();
        foreach (var block in text.Blocks)
        {
            if (lines.Count > 0)
                lines.Add("");
            switch (block)
            {
                case Paragraph paragraph:
                    lines.Add(RenderInlines(paragraph.Inlines));
                    break;
                case ListBlock list:
                    RenderList(list, 0, lines);
                    break;
            }
        }

        return lines;
    }

    public static string RenderInlines(IEnumerable<Inline> inlines)
    {
        var text = new StringBuilder();
        foreach (var inline in inlines)
        {
            var mark = (inline.Bold ? "**" : "") + (inline.Italic ? "*" : "");
            text.Append(mark).Append(inline.Text).Append(Reverse(mark));
        }

        return text.ToString();
    }

    private static string Reverse(string mark) => new(mark.Reverse().ToArray());

    private static void RenderList(ListBlock list, int depth, List<string> lines)
    {
        var indent = string.Concat(Enumerable.Repeat(IndentUnit, depth));
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            var marker = list.Kind == ListKind.Numbered
                ? (list.Start + i).ToString(CultureInfo.InvariantCulture) + list.Marker
                : list.Marker;
            lines.Add(indent + marker + RenderInlines(item.Inlines));
            foreach (var child in item.Children)
                RenderList(child, depth + 1, lines);
        }
    }

    /// <summary>Splits **bold** and *italic* runs; an unmatched asterisk stays literal text.</summary>
    public static IReadOnlyList<Inline> ParseInlines(string text)
    {
        var result = new List<Inline>();
        var position = 0;
        foreach (Match match in EmphasisPattern().Matches(text))
        {
            if (match.Index > position)
                result.Add(new Inline(text[position..match.Index]));
            if (match.Groups["bold"].Success)
                result.Add(new Inline(match.Groups["bold"].Value, Bold: true));
            else
                result.Add(new Inline(match.Groups["italic"].Value, Italic: true));
            position = match.Index + match.Length;
        }

        if (position < text.Length)
            result.Add(new Inline(text[position..]));
        return result;
    }

    internal readonly record struct ListLine(int Depth, ListKind Kind, string Marker, int Number, string Text);

    internal static bool TryParseListLine(string line, out ListLine listLine)
    {
        var indentWidth = line.Length - line.TrimStart().Length;
        var tabs = line[..indentWidth].Count(c => c == '\t');
        var depth = (indentWidth - tabs) / IndentUnit.Length + tabs;
        var content = line[indentWidth..];

        var numbered = NumberedPattern().Match(content);
        if (numbered.Success)
        {
            listLine = new ListLine(
                depth,
                ListKind.Numbered,
                numbered.Groups["delimiter"].Value + " ",
                int.Parse(numbered.Groups["number"].Value, CultureInfo.InvariantCulture),
                numbered.Groups["text"].Value);
            return true;
        }

        var bullet = BulletPattern().Match(content);
        if (bullet.Success)
        {
            var spaced = bullet.Groups["space"].Length > 0;
            listLine = new ListLine(depth, ListKind.Bullet, bullet.Groups["symbol"].Value + (spaced ? " " : ""), 0, bullet.Groups["text"].Value);
            return true;
        }

        listLine = default;
        return false;
    }

    [GeneratedRegex(@"^(?<number>\d{1,3})(?<delimiter>[.)])\s+(?<text>\S.*)$")]
    private static partial Regex NumberedPattern();

    // A dash directly followed by a digit is a negative number or a range, not a list item.
    [GeneratedRegex(@"^(?<symbol>[-–•])(?:(?<space>\s+)(?<text>\S.*)|(?<text>[^\s\d\-–].*))$")]
    private static partial Regex BulletPattern();

    [GeneratedRegex(@"\*\*(?<bold>[^*\s](?:[^*]*[^*\s])?)\*\*|(?<![*\w])\*(?<italic>[^*\s](?:[^*]*[^*\s])?)\*(?![*\w])")]
    private static partial Regex EmphasisPattern();

    /// <summary>
    /// Builds blocks line by line. Blank lines do not end a list, because extracted minutes often
    /// have blank lines between items. A list nests under the previous item when it is indented
    /// deeper, or, in text without indentation, when it uses another marker right after an item
    /// that ends with a colon.
    /// </summary>
    private sealed class BlockBuilder
    {
        private readonly List<Block> _blocks = [];
        private readonly List<OpenList> _open = [];

        public void Blank()
        {
        }

        public void AddParagraph(IReadOnlyList<Inline> inlines)
        {
            CloseLists(0);
            _blocks.Add(new Paragraph(inlines));
        }

        public void AddListLine(ListLine line)
        {
            var inlines = ParseInlines(line.Text);
            var level = FindLevel(line);
            if (level < 0)
            {
                CloseLists(0);
                _open.Add(new OpenList(line, parent: null));
                _open[0].AddItem(inlines, line.Number);
                return;
            }

            if (level < _open.Count && _open[level].Accepts(line))
            {
                CloseLists(level + 1);
                if (_open[level].Continues(line))
                {
                    _open[level].AddItem(inlines, line.Number);
                    return;
                }

                // A numbered list that skips or repeats a number starts a new list at the same level.
                var parent = _open[level].Parent;
                CloseLists(level);
                var restarted = new OpenList(line, parent);
                _open.Add(restarted);
                restarted.AddItem(inlines, line.Number);
                return;
            }

            // Nest under the last item of the innermost open list.
            CloseLists(level);
            var nested = new OpenList(line, _open[^1].LastItem);
            _open.Add(nested);
            nested.AddItem(inlines, line.Number);
        }

        /// <summary>Index of the open list the line continues, _open.Count to nest, or -1 to start afresh.</summary>
        private int FindLevel(ListLine line)
        {
            for (var i = _open.Count - 1; i >= 0; i--)
            {
                if (_open[i].Accepts(line))
                    return i;
            }

            if (_open.Count == 0)
                return -1;
            var innermost = _open[^1];
            var nestsByIndent = line.Depth > innermost.Depth;
            var nestsByColon = line.Depth == innermost.Depth && innermost.LastItemEndsWithColon;
            return nestsByIndent || nestsByColon ? _open.Count : -1;
        }

        public List<Block> Build()
        {
            CloseLists(0);
            return _blocks;
        }

        private void CloseLists(int fromLevel)
        {
            while (_open.Count > fromLevel)
            {
                var list = _open[^1];
                _open.RemoveAt(_open.Count - 1);
                var block = list.ToBlock();
                if (list.Parent is null)
                    _blocks.Add(block);
                else
                    list.Parent.Children.Add(block);
            }
        }
    }

    private sealed class OpenItem(IReadOnlyList<Inline> inlines)
    {
        public IReadOnlyList<Inline> Inlines { get; } = inlines;

        public List<ListBlock> Children { get; } = [];
    }

    private sealed class OpenList(ListLine first, OpenItem? parent)
    {
        private readonly List<OpenItem> _items = [];
        private int _nextNumber = first.Number;

        public OpenItem? Parent { get; } = parent;

        public int Depth { get; } = first.Depth;

        public OpenItem LastItem => _items[^1];

        public bool LastItemEndsWithColon =>
            _items.Count > 0 && Inline.PlainText(LastItem.Inlines).TrimEnd().EndsWith(':');

        public bool Accepts(ListLine line) =>
            line.Depth == Depth && line.Kind == first.Kind && line.Marker == first.Marker;

        public bool Continues(ListLine line) => first.Kind == ListKind.Bullet || line.Number == _nextNumber;

        public void AddItem(IReadOnlyList<Inline> inlines, int number)
        {
            _items.Add(new OpenItem(inlines));
            _nextNumber = number + 1;
        }

        public ListBlock ToBlock() => new(
            first.Kind,
            first.Marker,
            first.Kind == ListKind.Numbered ? first.Number : 1,
            _items.Select(i => new ListItem(i.Inlines, i.Children.ToList())).ToList());
    }
}
