using System.Globalization;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Meetings;

/// <summary>The items every agenda opens and closes with: "Godkendelse af dagsorden og referat" and "Evt.".</summary>
public static class StandardItems
{
    public const string ApprovalTitle = "Godkendelse af dagsorden og referat";
    public const string AnyOtherBusinessTitle = "Evt.";

    public static bool IsApproval(AgendaItem item) => item.Number == 1 && item.Title.Trim().TrimEnd('.').Equals(ApprovalTitle, StringComparison.OrdinalIgnoreCase);

    public static bool IsAnyOtherBusiness(AgendaItem item) => item.Title.Trim().TrimEnd('.').Equals("Evt", StringComparison.OrdinalIgnoreCase);

    /// <summary>Item 1, whose recommendation names every earlier meeting whose minutes await approval.</summary>
    public static ItemContent Approval(Forum forum, IReadOnlyList<DateOnly> unapprovedMinutes)
    {
        var clauses = new List<ListItem> { new([new Inline("At dagsordenen for mødet godkendes")], []) };
        clauses.AddRange(unapprovedMinutes.Order().Select(date =>
            new ListItem([new Inline("At referatet fra mødet d. " + DanishDates.ShortDate(date) + " godkendes")], [])));
        var recommendation = new Recommendation(
            "Det indstilles,",
            new ListBlock(ListKind.Numbered, ". ", 1, clauses),
            RichText.Empty);
        return new ItemContent(
            ApprovalTitle, forum.Code, null, null, false, false,
            [new SectionContent(SectionKind.Recommendation, RecommendationHeading(forum.Template), RichText.Empty)],
            recommendation, null, [],
            new MinutesApproval(unapprovedMinutes.Count == 0 ? null : unapprovedMinutes.Max(), MinutesApprovalOutcome.Pending));
    }

    public static ItemContent AnyOtherBusiness(Forum forum) => new(
        AnyOtherBusinessTitle, forum.Code, null, null, false, false, [], null, null, [], null);

    /// <summary>The empty sections a new item of the template starts with (the decision section comes with the decision).</summary>
    public static IReadOnlyList<SectionContent> EmptySections(DocumentTemplate template) => SectionHeadings.StandardSections(template)
        .Where(s => s.Kind is SectionKind.Text or SectionKind.Recommendation)
        .Select(s => new SectionContent(s.Kind, s.Heading, RichText.Empty))
        .ToList();

    public static string RecommendationHeading(DocumentTemplate template) => SectionHeadings.StandardSections(template)
        .First(s => s.Kind == SectionKind.Recommendation).Heading;

    /// <summary>"Beslutning", or the 2014 template's "BESLUTNING I CHEFFORUM DEN 13-11-2014".</summary>
    public static string DecisionHeading(Forum forum, DocumentTemplate template, DateOnly date) => SectionHeadings.StandardSections(template)
        .First(s => s.Kind == SectionKind.Decision).Heading
        .Replace("{FORUM}", forum.Name.ToUpper(CultureInfo.GetCultureInfo("da-DK")), StringComparison.Ordinal)
        .Replace("{DATE}", DanishDates.ShortDate(date), StringComparison.Ordinal);
}
