using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Items;

/// <summary>Everything an item says, as one value: what an import or an edit replaces at once.</summary>
public sealed record ItemContent(
    string Title,
    string? ForumPrefix,
    string? TocTitle,
    CaseNumber? CaseNumber,
    bool IsClosed,
    bool IsToFollow,
    IReadOnlyList<SectionContent> Sections,
    Recommendation? Recommendation,
    Decision? Decision,
    IReadOnlyList<AttachmentContent> Attachments,
    MinutesApproval? MinutesApproval)
{
    public void Validate()
    {
        if (!IsClosed && string.IsNullOrWhiteSpace(Title))
            throw new DomainException("An open item needs a title.");
        if (Title.Contains('\n', StringComparison.Ordinal))
            throw new DomainException("An item title is one line.");
        Limits.Check("item title", Title, Limits.Title);
        Limits.Check("table-of-contents title", TocTitle, Limits.Title);
        Limits.Check("forum prefix", ForumPrefix, Limits.Prefix);
        Limits.Check("case number", CaseNumber?.Value, Limits.CaseNumber);
        foreach (var section in Sections)
            Limits.Check("section heading", section.Heading, Limits.Title);
        foreach (var attachment in Attachments)
        {
            Limits.Check("attachment title", attachment.Title, Limits.Title);
            attachment.File?.Validate();
        }

        if (Sections.Count(s => s.Kind == SectionKind.Decision) > 1)
            throw new DomainException("An item has at most one decision section.");
        if (Sections.Count(s => s.Kind == SectionKind.Recommendation) > 1)
            throw new DomainException("An item has at most one recommendation section.");
    }
}

public sealed record SectionContent(SectionKind Kind, string Heading, RichText Body);

/// <summary>A listed attachment; <paramref name="File"/> is set when the source delivered the file itself.</summary>
public sealed record AttachmentContent(string Title, bool IsPublic, AttachmentFile? File = null);

/// <summary>A stored attachment file: what was delivered, what it really is, and where the store keeps it.</summary>
public sealed record AttachmentFile(string FileName, string ContentType, string Sha256, long Size, string StorageKey, string? ExtractedText)
{
    public void Validate()
    {
        Limits.Check("attachment file name", FileName, Limits.Title);
        Limits.Check("attachment content type", ContentType, Limits.ContentType);
        Limits.Check("attachment storage key", StorageKey, Limits.StorageKey);
        if (Sha256.Length != 64 || !Sha256.All(char.IsAsciiHexDigitLower))
            throw new DomainException($"'{Sha256}' is not a lower-case hex SHA-256.");
        if (Size < 0)
            throw new DomainException("An attachment file cannot have a negative size.");
    }
}

/// <summary>
/// What a section holds. Recommendation, Decision and Attachments sections mark where those parts
/// stand in the item; their content lives on the item itself.
/// </summary>
public enum SectionKind
{
    Text,
    Recommendation,
    Decision,
    Attachments,

    /// <summary>The 2014-15 template repeats the item's title below its attachments.</summary>
    RepeatedTitle,
}

public enum DecisionOutcome
{
    Other,
    Approved,

    /// <summary>"Godkendt med bemærkninger".</summary>
    ApprovedWithRemarks,
    Noted,
    Discussed,
    Postponed,
    Rejected,
    NothingToReport,
}

public sealed record Decision(RichText Text, DecisionOutcome Outcome);

public static class DecisionOutcomes
{
    /// <summary>The outcomes a secretary chooses between when recording a decision, in the order the form lists them.</summary>
    public static IReadOnlyList<DecisionOutcome> Recordable { get; } =
    [
        DecisionOutcome.Approved, DecisionOutcome.ApprovedWithRemarks, DecisionOutcome.Noted,
        DecisionOutcome.Discussed, DecisionOutcome.Postponed, DecisionOutcome.Rejected,
    ];

    public static string Danish(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved => "Godkendt",
        DecisionOutcome.ApprovedWithRemarks => "Godkendt med bemærkninger",
        DecisionOutcome.Noted => "Taget til efterretning",
        DecisionOutcome.Discussed => "Drøftet",
        DecisionOutcome.Postponed => "Udsat",
        DecisionOutcome.Rejected => "Ikke godkendt",
        DecisionOutcome.NothingToReport => "Intet at bemærke",
        _ => "Andet",
    };
}

public enum MinutesApprovalOutcome
{
    /// <summary>The agenda asks for approval; no decision yet.</summary>
    Pending,
    Approved,
    Postponed,
}

public sealed record MinutesApproval(DateOnly? MinutesOf, MinutesApprovalOutcome Outcome);
