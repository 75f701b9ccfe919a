using System.Text.RegularExpressions;
using Dagsorden.Core.Forums;

namespace Dagsorden.Core.Items;

/// <summary>
/// Recognises section headings in minutes text. The templates' own headings are known by name;
/// a line in capitals is a heading too, so a section the templates do not know becomes a custom
/// section instead of being folded into its neighbour. Short lines in mixed case that are not
/// known headings stay inside their section, where they act as sub-headings.
/// </summary>
public static partial class SectionHeadings
{
    private static readonly Dictionary<string, SectionKind> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Anledning"] = SectionKind.Text,
        ["Baggrund"] = SectionKind.Text,
        ["Sagsfremstilling"] = SectionKind.Text,
        ["Økonomi"] = SectionKind.Text,
        ["Kommunikation"] = SectionKind.Text,
        ["Indstilling"] = SectionKind.Recommendation,
        ["Beslutning"] = SectionKind.Decision,
        ["Bilag"] = SectionKind.Attachments,
    };

    // Headings other Danish municipal templates use; they become custom sections.
    private static readonly HashSet<string> KnownCustom = new(StringComparer.OrdinalIgnoreCase)
    {
        "Lovgrundlag", "Retsgrundlag", "Høring", "Høringssvar", "Tidsplan", "Videre proces", "Beslutningstema",
        "Resumé", "Supplerende sagsfremstilling", "Udtalelse", "Personalemæssige konsekvenser", "Konsekvenser",
        "Miljøvurdering", "Sagsbeskrivelse", "Historik", "Vurdering", "Administrationens vurdering",
    };

    /// <summary>The standard sections of each template, with the headings they print.</summary>
    public static IReadOnlyList<(SectionKind Kind, string Heading)> StandardSections(DocumentTemplate template) => template switch
    {
        DocumentTemplate.Classic2014 =>
        [
            (SectionKind.Attachments, "Bilag"), (SectionKind.RepeatedTitle, ""), (SectionKind.Text, "Baggrund"),
            (SectionKind.Recommendation, "INDSTILLING"), (SectionKind.Decision, "BESLUTNING I {FORUM} DEN {DATE}"),
        ],
        _ =>
        [
            (SectionKind.Text, "Anledning"), (SectionKind.Recommendation, "Indstilling"), (SectionKind.Text, "Sagsfremstilling"),
            (SectionKind.Text, "Økonomi"), (SectionKind.Text, "Kommunikation"), (SectionKind.Decision, "Beslutning"),
            (SectionKind.Attachments, "Bilag"),
        ],
    };

    /// <summary>The kind of section a heading line opens, or null when the line is not a heading.</summary>
    public static SectionKind? Classify(string line)
    {
        var text = line.Trim().TrimEnd(':').TrimEnd();
        if (Known.TryGetValue(text, out var kind))
            return kind;
        if (DecisionHeadingPattern().IsMatch(text))
            return SectionKind.Decision;
        if (KnownCustom.Contains(text) || CapitalsPattern().IsMatch(text))
            return SectionKind.Text;
        return null;
    }

    /// <summary>True when the heading is not one of the template's own, i.e. the section is custom.</summary>
    public static bool IsCustom(string heading) =>
        heading.Length > 0 && !Known.ContainsKey(heading.TrimEnd(':').TrimEnd()) && !DecisionHeadingPattern().IsMatch(heading);

    public static bool IsClassicTemplateHeading(string heading) =>
        heading == "INDSTILLING" || heading.StartsWith("BESLUTNING I ", StringComparison.Ordinal);

    // "BESLUTNING I CHEFFORUM DEN 19-06-2014", "Beslutning i Økonomiudvalget den 3. maj 2016".
    [GeneratedRegex(@"^beslutning i \S.*$", RegexOptions.IgnoreCase)]
    private static partial Regex DecisionHeadingPattern();

    // A line in capitals: at least four capital letters, no small letters, no sentence punctuation.
    [GeneratedRegex(@"^(?=(?:[^A-ZÆØÅ]*[A-ZÆØÅ]){4})[A-ZÆØÅ0-9 &/,\-–]+$")]
    private static partial Regex CapitalsPattern();
}
