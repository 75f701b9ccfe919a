using Dagsorden.Core.Items;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Import.Esdh;

public enum EsdhSource
{
    Acadre,
    EDoc,
    EDocFujitsu,
    Sbsys,
}

/// <summary>An attachment file still inside the export, to be stored with item <paramref name="ItemNumber"/>'s attachment at <paramref name="Position"/>.</summary>
public sealed record PendingAttachmentFile(int ItemNumber, int Position, string PackagePath, string FileName);

/// <summary>One export read from its XML: the meeting to store, the files to store with it, and what was tolerated on the way.</summary>
public sealed record EsdhExport(
    EsdhSource Source,
    string File,
    ImportedMeeting Meeting,
    IReadOnlyList<PendingAttachmentFile> Files,
    IReadOnlyList<string> Warnings);

/// <summary>An attachment as a source lists it; <see cref="PackagePath"/> is null when the export holds no file for it.</summary>
public sealed record EsdhAttachment(string Title, bool IsPublic, string? PackagePath, string? FileName);

/// <summary>
/// Collects one item's named fields in source order and turns them into our item: each non-empty
/// field becomes a section under its own heading; the field the source marks (or names) as the
/// recommendation and the decision become those; the attachments section stands where the source
/// put "Bilag", or last.
/// </summary>
public sealed class EsdhItemBuilder(int number, string title, string? caseNumber, bool isPublic)
{
    private readonly List<(string Heading, RichText Body, SectionKind Kind)> _fields = [];
    private readonly List<EsdhAttachment> _attachments = [];

    public int Number { get; } = number;

    public void AddField(string heading, RichText body, SectionKind? kind = null)
    {
        heading = EsdhText.OneLine(heading);
        var resolved = kind ?? EsdhHeadings.Classify(heading);
        if (body.IsEmpty && resolved != SectionKind.Attachments)
            return;
        _fields.Add((heading, body, resolved));
    }

    public void AddAttachment(EsdhAttachment attachment) => _attachments.Add(attachment);

    /// <summary>
    /// Builds the item. Where several fields are decisions (Acadre repeats the decisions of earlier
    /// meetings that treated the case), the one dated on this meeting wins, else the last; the
    /// others stay as text sections under their headings.
    /// </summary>
    public (int Number, ItemContent Content, IReadOnlyList<EsdhAttachment> Attachments) Build(DateOnly meetingDate)
    {
        var decisionIndex = ChooseDecision(meetingDate);
        var recommendationIndex = _fields.FindIndex(f => f.Kind == SectionKind.Recommendation);
        var attachmentsIndex = _fields.FindIndex(f => f.Kind == SectionKind.Attachments);

        var sections = new List<SectionContent>();
        Recommendation? recommendation = null;
        Decision? decision = null;
        for (var i = 0; i < _fields.Count; i++)
        {
            var (heading, body, kind) = _fields[i];
            if (i == recommendationIndex)
            {
                recommendation = Recommendation.FromBody(body);
                sections.Add(new SectionContent(SectionKind.Recommendation, heading, RichText.Empty));
            }
            else if (i == decisionIndex)
            {
                decision = new Decision(body, DecisionClassifier.Classify(body.ToPlainText()));
                sections.Add(new SectionContent(SectionKind.Decision, heading, RichText.Empty));
            }
            else if (i == attachmentsIndex)
            {
                sections.Add(new SectionContent(SectionKind.Attachments, heading, RichText.Empty));
            }
            else if (!body.IsEmpty)
            {
                sections.Add(new SectionContent(SectionKind.Text, heading, body));
            }
        }

        if (attachmentsIndex < 0 && _attachments.Count > 0)
            sections.Add(new SectionContent(SectionKind.Attachments, "Bilag", RichText.Empty));

        var closed = !isPublic;
        var attachments = _attachments.Select(a => new AttachmentContent(a.Title, a.IsPublic && !closed)).ToList();
        var content = new ItemContent(
            EsdhText.OneLine(title),
            null,
            null,
            EsdhText.CaseNumberOrNull(caseNumber),
            closed,
            false,
            sections,
            recommendation,
            decision,
            attachments,
            null);
        return (Number, content, _attachments);
    }

    private int ChooseDecision(DateOnly meetingDate)
    {
        var candidates = _fields.Select((f, i) => (f, i)).Where(x => x.f.Kind == SectionKind.Decision).ToList();
        if (candidates.Count == 0)
            return -1;
        var dated = candidates.Where(x => EsdhText.MentionsDate(x.f.Heading, meetingDate)).ToList();
        return dated.Count > 0 ? dated[^1].i : candidates[^1].i;
    }
}
