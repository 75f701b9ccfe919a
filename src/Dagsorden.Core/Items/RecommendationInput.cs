using System.Text.RegularExpressions;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Items;

/// <summary>The recommendation as the editor shows it: who proposes, the at-clauses one per line, and any further text.</summary>
public sealed record RecommendationFields(string Proposer, string Clauses, string Remainder);

/// <summary>
/// Turns the editor's proposer and at-clause fields into a <see cref="Recommendation"/> and back:
/// "Afdelingschefen for Økonomi og Stab" becomes the lead-in "Afdelingschefen for Økonomi og Stab
/// indstiller,", and each line a numbered clause. A line indented by two spaces belongs to the
/// clause above it, as a sub-list in the editor's markup.
/// </summary>
public static partial class RecommendationInput
{
    public const int MaxProposerLength = Limits.Name;
    private const string Indent = "  ";

    public static RecommendationFields ToFields(Recommendation? recommendation)
    {
        if (recommendation is null)
            return new RecommendationFields("", "", "");
        var lines = new List<string>();
        foreach (var clause in recommendation.Clauses?.Items ?? [])
        {
            lines.Add(RichTextFormat.RenderInlines(clause.Inlines));
            if (clause.Children.Count > 0)
            {
                lines.AddRange(RichTextFormat.Render(new RichText(clause.Children.ToList<Block>()))
                    .Where(l => l.Length > 0)
                    .Select(l => Indent + l));
            }
        }

        return new RecommendationFields(recommendation.Proposer ?? "", string.Join('\n', lines), EditorText.Render(recommendation.Remainder));
    }

    /// <summary>
    /// The recommendation the fields describe; null when all are empty. What the fields cannot show
    /// is taken from <paramref name="stored"/>: the clause list's numbering style, and a lead-in that
    /// says more than "X indstiller," (or names no proposer, "Det indstilles,") while the proposer is unchanged.
    /// </summary>
    public static Recommendation? FromFields(string? proposer, string? clauses, string? remainder, Recommendation? stored)
    {
        var who = CleanProposer(proposer);
        var clauseList = ParseClauses(clauses, stored?.Clauses);
        var rest = EditorText.Parse(remainder);
        if (who.Length == 0 && clauseList is null && rest.IsEmpty)
            return null;

        var leadIn = who.Length == 0
            ? stored is { Proposer: null } ? stored.LeadIn : null
            : who == stored?.Proposer ? stored.LeadIn : who + " indstiller,";
        return new Recommendation(leadIn, clauseList, rest);
    }

    /// <summary>"Afdelingschefen for Økonomi og Stab indstiller," typed in full is the same proposer as without the verb.</summary>
    public static string CleanProposer(string? proposer)
    {
        var text = WhitespacePattern().Replace(proposer ?? "", " ").Trim();
        return TrailingVerbPattern().Replace(text, "").Trim();
    }

    private static ListBlock? ParseClauses(string? text, ListBlock? stored)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var items = new List<(string Line, List<string> Children)>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Trim().Length == 0)
                continue;
            var indented = line[0] is ' ' or '\t';
            if (indented && items.Count > 0)
                items[^1].Children.Add(line.StartsWith('\t') ? line[1..] : line.StartsWith(Indent, StringComparison.Ordinal) ? line[Indent.Length..] : line.TrimStart());
            else
                items.Add((TypedMarkerPattern().Replace(line.Trim(), ""), []));
        }

        var listItems = items
            .Where(i => i.Line.Length > 0 || i.Children.Count > 0)
            .Select(i => ToItem(i.Line, i.Children))
            .ToList();
        if (listItems.Count == 0)
            return null;
        return stored is null
            ? new ListBlock(ListKind.Numbered, ". ", 1, listItems)
            : stored with { Items = listItems };
    }

    private static ListItem ToItem(string line, List<string> childLines)
    {
        // A clause is one line: HTML in it keeps its words and emphasis, not its blocks.
        var inlines = EditorText.LooksLikeHtml(line)
            ? Flatten(EditorText.Parse(line).Blocks).SelectMany((run, i) => i == 0 ? run : run.Prepend(new Inline(" "))).ToList()
            : RichTextFormat.ParseInlines(line).ToList();
        var children = new List<ListBlock>();
        foreach (var block in EditorText.Parse(string.Join('\n', childLines)).Blocks)
        {
            if (block is ListBlock list)
                children.Add(list);
            else if (block is Paragraph paragraph)
                children.Add(new ListBlock(ListKind.Bullet, "- ", 1, [new ListItem(paragraph.Inlines, [])]));
        }

        return new ListItem(inlines, children);
    }

    /// <summary>The inline runs of each paragraph and list item, in reading order.</summary>
    private static IEnumerable<IReadOnlyList<Inline>> Flatten(IEnumerable<Block> blocks) => blocks.SelectMany(block => block switch
    {
        Paragraph p => [p.Inlines],
        ListBlock l => l.Items.SelectMany(i => new[] { i.Inlines }.Concat(Flatten(i.Children))),
        _ => [],
    });

    // A clause typed as "1. at …" or "- at …": the list numbers it, so the typed marker goes.
    [GeneratedRegex(@"^(?:\d{1,3}[.)]|[-–•])\s+")]
    private static partial Regex TypedMarkerPattern();

    [GeneratedRegex(@"\s+indstiller\s*,?$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingVerbPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
