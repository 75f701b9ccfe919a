using System.Text.RegularExpressions;
using Dagsorden.Core.Items;

namespace Dagsorden.Core.Import.Esdh;

/// <summary>
/// What a field heading in a case-system export means. Decisions are written "Beslutning",
/// "Beslutning i Økonomiudvalget den 20-06-2013" or "Sundheds- og Forebyggelsesudvalgets beslutning
/// den 04.12.2012"; "Beslutningen træffes af" (who decides) is not a decision.
/// </summary>
public static partial class EsdhHeadings
{
    private static readonly HashSet<string> Recommendations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Indstilling", "Indstillinger", "Forvaltningen foreslår", "Forvaltningens indstilling", "Administrationens indstilling",
        "Direktionens indstilling", "Forslag til beslutning", "Indstilling til beslutning",
    };

    /// <summary>Headings eDoc prints as plain lines in its full text.</summary>
    private static readonly HashSet<string> PlainTextHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "Sammendrag", "Resumé", "Resume", "Baggrund", "Sagsfremstilling", "Sagsbeskrivelse", "Indstilling", "Bilag",
        "Beslutningen træffes af", "Økonomiske konsekvenser og finansiering", "Økonomiske konsekvenser", "Økonomi",
        "Tidligere behandling", "Lovgrundlag", "Retsgrundlag", "Høring", "Kommunikation", "Vurdering", "Præsentation",
        "Forvaltningen foreslår", "Supplerende sagsfremstilling", "Tidsplan", "Videre proces", "Beslutning",
        "Personalemæssige konsekvenser", "Miljømæssige konsekvenser", "Sagens baggrund", "Sagens indhold", "Historik",
        "Handicapaspekter", "Forvaltningens bemærkninger", "Beslutningstema", "Udtalelse", "Anledning", "Relation til politikker",
    };

    public static SectionKind Classify(string heading)
    {
        var text = heading.Trim().TrimEnd(':').Trim();
        if (Recommendations.Contains(text))
            return SectionKind.Recommendation;
        if (IsDecision(text))
            return SectionKind.Decision;
        if (text.Equals("Bilag", StringComparison.OrdinalIgnoreCase) || text.Equals("Bilagsliste", StringComparison.OrdinalIgnoreCase))
            return SectionKind.Attachments;
        return SectionKind.Text;
    }

    public static bool IsDecision(string heading) => DecisionPattern().IsMatch(heading.Trim().TrimEnd(':').Trim());

    /// <summary>True for a line of eDoc full text that opens a section.</summary>
    public static bool IsPlainTextHeading(string line)
    {
        var text = line.Trim().TrimEnd(':').Trim();
        return text.Length is > 0 and <= 150 && (PlainTextHeadings.Contains(text) || IsDecision(text));
    }

    [GeneratedRegex(@"^(?:beslutning(?:\s+i\s+\S.*)?|\S.*\s+beslutning\s+(?:den|d\.)\s+\S.*|beslutning\s+(?:den|d\.)\s+\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex DecisionPattern();
}
