using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Items;

/// <summary>A numbered item ("Punkt") of a meeting.</summary>
public sealed class AgendaItem
{
    private readonly List<ItemSection> _sections = [];
    private readonly List<Attachment> _attachments = [];

    private AgendaItem()
    {
        Title = "";
    }

    internal AgendaItem(int number, ItemContent content)
    {
        if (number < 1)
            throw new DomainException($"Item numbers start at 1; got {number}.");
        Number = number;
        Title = "";
        ReplaceContent(content);
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int Number { get; private set; }

    /// <summary>Counts the item's edits; a form that read an older revision is refused, so no edit overwrites another unseen.</summary>
    public int Revision { get; private set; }

    /// <summary>The title without the forum prefix; empty for a closed item whose title was withheld.</summary>
    public string Title { get; private set; }

    /// <summary>"CF", or "CF/ØU" for an item treated jointly with Økonomiudvalget.</summary>
    public string? ForumPrefix { get; private set; }

    /// <summary>The table-of-contents wording, kept only where it differs from the heading.</summary>
    public string? TocTitle { get; private set; }

    public CaseNumber? CaseNumber { get; private set; }

    public bool IsClosed { get; private set; }

    /// <summary>"Dagsordenspunktet eftersendes": the item's text follows later.</summary>
    public bool IsToFollow { get; private set; }

    public Recommendation? Recommendation { get; private set; }

    public RichText? DecisionText { get; private set; }

    public DecisionOutcome? DecisionOutcome { get; private set; }

    /// <summary>For item 1: the date of the earlier minutes it approves or postpones.</summary>
    public DateOnly? ApprovesMinutesOf { get; private set; }

    public MinutesApprovalOutcome? MinutesApprovalOutcome { get; private set; }

    /// <summary>
    /// Personal data left out of the public version of this item, such as the names of a working
    /// group's members; members and staff see the item whole.
    /// </summary>
    public IReadOnlyList<string> PublicRedactions { get; private set; } = [];

    public IReadOnlyList<ItemSection> Sections => _sections.OrderBy(s => s.Position).ToList();

    public IReadOnlyList<Attachment> Attachments => _attachments.OrderBy(a => a.Position).ToList();

    /// <summary>The heading as printed: "CF - Title", or the bare title when there is no prefix.</summary>
    public string FullTitle => ItemTitle.Compose(ForumPrefix, Title);

    public Decision? Decision => DecisionText is null ? null : new Decision(DecisionText, DecisionOutcome ?? Items.DecisionOutcome.Other);

    public MinutesApproval? MinutesApproval => MinutesApprovalOutcome is { } outcome ? new MinutesApproval(ApprovesMinutesOf, outcome) : null;

    public ItemContent Content => new(
        Title,
        ForumPrefix,
        TocTitle,
        CaseNumber,
        IsClosed,
        IsToFollow,
        Sections.Select(s => new SectionContent(s.Kind, s.Heading, s.Body)).ToList(),
        Recommendation,
        Decision,
        Attachments.Select(a => new AttachmentContent(a.Title, a.IsPublic, a.File)).ToList(),
        MinutesApproval);

    /// <summary>Refuses an edit made on an older revision of the item than the stored one.</summary>
    public void EnsureRevision(int expected)
    {
        if (expected != Revision)
            throw new EditConflictException(
                $"Item {Number} was changed by someone else (revision {Revision}, the edit was made on {expected}).",
                $"Punkt {Number} er blevet ændret af en anden, mens du skrev. Din tekst er bevaret nedenfor; sammenlign med den gemte udgave og gem igen.");
    }

    internal void SetNumber(int number)
    {
        if (Number != number)
        {
            Number = number;
            Revision++;
        }
    }

    internal void SetToFollow(bool toFollow)
    {
        IsToFollow = toFollow;
        Revision++;
    }

    /// <summary>Records the forum's decision, adding a decision section under the template's heading when the item has none.</summary>
    internal void SetDecision(Decision? decision, string decisionHeading)
    {
        DecisionText = decision?.Text;
        DecisionOutcome = decision?.Outcome;
        if (decision is not null && _sections.All(s => s.Kind != SectionKind.Decision))
        {
            var attachments = _sections.FirstOrDefault(s => s.Kind == SectionKind.Attachments && s.Position == _sections.Max(x => x.Position));
            var position = _sections.Count == 0 ? 0 : _sections.Max(s => s.Position) + 1;
            if (attachments is not null)
            {
                // The 2016 template prints Bilag last, after the decision.
                _sections.Remove(attachments);
                _sections.Add(new ItemSection(attachments.Position, SectionKind.Decision, decisionHeading, RichText.Empty));
                _sections.Add(new ItemSection(position, SectionKind.Attachments, attachments.Heading, attachments.Body));
            }
            else
            {
                _sections.Add(new ItemSection(position, SectionKind.Decision, decisionHeading, RichText.Empty));
            }
        }

        Revision++;
    }

    internal void SetPublicRedactions(IEnumerable<string> redactions)
    {
        var cleaned = redactions.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var redaction in cleaned)
            Limits.Check("redacted text", redaction, Limits.Name);
        PublicRedactions = cleaned;
        Revision++;
    }

    internal void SetMinutesApproval(MinutesApproval? approval)
    {
        ApprovesMinutesOf = approval?.MinutesOf;
        MinutesApprovalOutcome = approval?.Outcome;
        Revision++;
    }

    public void ReplaceContent(ItemContent content)
    {
        content.Validate();
        Revision++;
        Title = content.Title;
        ForumPrefix = content.ForumPrefix;
        TocTitle = content.TocTitle;
        CaseNumber = content.CaseNumber;
        IsClosed = content.IsClosed;
        IsToFollow = content.IsToFollow;
        Recommendation = content.Recommendation;
        DecisionText = content.Decision?.Text;
        DecisionOutcome = content.Decision?.Outcome;
        ApprovesMinutesOf = content.MinutesApproval?.MinutesOf;
        MinutesApprovalOutcome = content.MinutesApproval?.Outcome;

        _sections.Clear();
        _sections.AddRange(content.Sections.Select((s, i) => new ItemSection(i, s.Kind, s.Heading, s.Body)));

        // Keep attachment rows (and so their ids) where position and title still match. A source
        // that lists an attachment without its file (a text import) keeps the file stored earlier.
        _attachments.RemoveAll(a => a.Position >= content.Attachments.Count || content.Attachments[a.Position].Title != a.Title);
        for (var position = 0; position < content.Attachments.Count; position++)
        {
            var wanted = content.Attachments[position];
            var existing = _attachments.FirstOrDefault(a => a.Position == position);
            if (existing is null)
            {
                _attachments.Add(new Attachment(position, wanted.Title, wanted.IsPublic && !content.IsClosed, wanted.File));
            }
            else
            {
                existing.SetPublic(wanted.IsPublic && !content.IsClosed);
                existing.SetFile(wanted.File);
            }
        }
    }
}
