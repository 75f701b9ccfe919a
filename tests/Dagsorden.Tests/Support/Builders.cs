using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Text;

namespace Dagsorden.Tests.Support;

/// <summary>Small builders for test meetings that text import cannot express, such as closed items with content.</summary>
public static class Builders
{
    public static ItemContent OpenItem(string title, string? caseNumber = null, string body = "Et afsnit.", params AttachmentContent[] attachments) => new(
        title,
        "TF",
        null,
        caseNumber is null ? null : CaseNumber.Parse(caseNumber),
        IsClosed: false,
        IsToFollow: false,
        [new SectionContent(SectionKind.Text, "Sagsfremstilling", RichText.FromParagraphs(body)), new SectionContent(SectionKind.Attachments, "Bilag", RichText.Empty)],
        null,
        null,
        attachments,
        null);

    /// <summary>A closed item whose every field carries the marker, so a leak of any of them is caught.</summary>
    public static ItemContent ClosedItem(string marker, string caseNumber) => new(
        $"Titel {marker}",
        "TF",
        $"Indhold {marker}",
        CaseNumber.Parse(caseNumber),
        IsClosed: true,
        IsToFollow: false,
        [
            new SectionContent(SectionKind.Text, $"Overskrift {marker}", RichText.FromParagraphs($"Tekst {marker}")),
            new SectionContent(SectionKind.Recommendation, "Indstilling", RichText.Empty),
            new SectionContent(SectionKind.Decision, "Beslutning", RichText.Empty),
            new SectionContent(SectionKind.Attachments, "Bilag", RichText.Empty),
        ],
        new Recommendation($"Chefen for {marker} indstiller,", null, RichText.Empty),
        new Decision(RichText.FromParagraphs($"Beslutning {marker}"), DecisionOutcome.Approved),
        [new AttachmentContent($"Bilag {marker}", IsPublic: true)],
        null);

    /// <summary>
    /// TF:2025-06-05: item 1 open with a public and an internal attachment ("Offentligt bilag",
    /// "Internt notat"), item 2 closed with the marker in every field. The fixture of the leak tests.
    /// </summary>
    public static ImportedMeeting MeetingWithClosedItem(string marker) => Meeting(
        new DateOnly(2025, 6, 5),
        OpenItem("Åbent punkt", "00.01.00-A00-1-25", "Et afsnit.", new AttachmentContent("Offentligt bilag", true), new AttachmentContent("Internt notat", false)),
        ClosedItem(marker, "00.01.00-A00-96-25"));

    public static ImportedMeeting Meeting(DateOnly date, params ItemContent[] items) => new(
        "Testforum",
        "TF",
        date,
        new MeetingDetails(new TimeOnly(9, 0), "Mødelokale 1", DocumentKind.Minutes, DocumentTemplate.Standard2016),
        items.Select((content, index) => (index + 1, content)).ToList());
}
