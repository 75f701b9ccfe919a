using System.Text.RegularExpressions;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Items;

/// <summary>
/// "Indstilling": a lead-in naming the proposer ("Kommunaldirektøren indstiller,") followed by
/// numbered or dashed at-clauses. Anything else the section holds is kept in <see cref="Remainder"/>.
/// </summary>
public sealed partial record Recommendation(string? LeadIn, ListBlock? Clauses, RichText Remainder)
{
    /// <summary>"Kommunaldirektøren" for "Kommunaldirektøren indstiller,"; null for "Det indstilles,".</summary>
    public string? Proposer => LeadIn is null ? null : ProposerPattern().Match(LeadIn) is { Success: true } m ? m.Groups["who"].Value.Trim() : null;

    public IReadOnlyList<string> ClauseTexts =>
        Clauses?.Items.Select(i => Inline.PlainText(i.Inlines)).ToList() ?? [];

    public static Recommendation FromBody(RichText body)
    {
        var blocks = body.Blocks.ToList();
        string? leadIn = null;
        if (blocks.FirstOrDefault() is Paragraph first && IsLeadIn(Inline.PlainText(first.Inlines)) && first.Inlines.All(i => !i.Bold && !i.Italic))
        {
            leadIn = Inline.PlainText(first.Inlines);
            blocks.RemoveAt(0);
        }

        ListBlock? clauses = null;
        if (blocks.FirstOrDefault() is ListBlock list)
        {
            clauses = list;
            blocks.RemoveAt(0);
        }

        return new Recommendation(leadIn, clauses, new RichText(blocks));
    }

    public RichText ToBody()
    {
        var blocks = new List<Block>();
        if (LeadIn is not null)
            blocks.Add(new Paragraph([new Inline(LeadIn)]));
        if (Clauses is not null)
            blocks.Add(Clauses);
        blocks.AddRange(Remainder.Blocks);
        return new RichText(blocks);
    }

    private static bool IsLeadIn(string text) => text.Length <= 200 && LeadInPattern().IsMatch(text);

    [GeneratedRegex(@"\bindstille[rs]\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadInPattern();

    [GeneratedRegex(@"^(?<who>.+?)\s+indstiller\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProposerPattern();
}
