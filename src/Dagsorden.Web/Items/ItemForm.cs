using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Dagsorden.Web.Items;

/// <summary>
/// The item editor's fields, shared by the author's draft editor and the secretary's agenda-item
/// editor. <see cref="From"/> fills it from an item's content; <see cref="ToContent"/> reads it back,
/// putting a Danish message naming the field into the model state for every bad value. What the
/// form does not show (forum prefix, table-of-contents wording, minutes approval, files) is taken
/// from the stored content, never from the request.
/// </summary>
public sealed class ItemForm
{
    public const string Prefix = "Form";
    public const int MaxSections = 60;
    public const int MaxAttachments = 100;
    public const int MaxFileNameLength = 255;

    public int Revision { get; set; }

    public string? Title { get; set; }

    public string? CaseNumber { get; set; }

    public bool KeepCaseNumber { get; set; }

    public bool IsClosed { get; set; }

    public string? Proposer { get; set; }

    public string? Clauses { get; set; }

    /// <summary>Text of the recommendation beyond its lead-in and clauses; the field shows only when there is some.</summary>
    public string? RecommendationRest { get; set; }

    public List<SectionField> Sections { get; set; } = [];

    public List<AttachmentField> Attachments { get; set; } = [];

    public string? NewSectionHeading { get; set; }

    public string? UploadTitle { get; set; }

    public bool UploadPublic { get; set; }

    /// <summary>Only in correction mode: approved minutes are corrected as a whole, decision included.</summary>
    public string? DecisionText { get; set; }

    public string? DecisionOutcome { get; set; }

    public string? Reason { get; set; }

    public static ItemForm From(ItemContent content, int revision)
    {
        var recommendation = RecommendationInput.ToFields(content.Recommendation);
        return new ItemForm
        {
            Revision = revision,
            Title = content.Title,
            CaseNumber = content.CaseNumber?.Value,
            IsClosed = content.IsClosed,
            Proposer = recommendation.Proposer,
            Clauses = recommendation.Clauses,
            RecommendationRest = recommendation.Remainder,
            Sections = content.Sections.Select(s => new SectionField
            {
                Kind = s.Kind.ToString(),
                Heading = s.Heading,
                Body = s.Kind == SectionKind.Text ? EditorText.Render(s.Body) : "",
            }).ToList(),
            Attachments = content.Attachments.Select(a => new AttachmentField
            {
                Title = a.Title,
                IsPublic = a.IsPublic,
                Sha256 = a.File?.Sha256,
                FileName = a.File?.FileName,
            }).ToList(),
            DecisionText = content.Decision is { } decision ? EditorText.Render(decision.Text) : "",
            DecisionOutcome = content.Decision?.Outcome.ToString(),
            UploadPublic = !content.IsClosed,
        };
    }

    public static string Key(string field) => Prefix + "." + field;

    public static string SectionKey(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}.Sections[{index}].{field}");

    public static string AttachmentKey(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}.Attachments[{index}].{field}");

    /// <summary>The content the fields describe, or null when a field is refused (the reasons are in <paramref name="errors"/>).</summary>
    public ItemContent? ToContent(ItemContent stored, EditorRules rules, ModelStateDictionary errors)
    {
        var before = errors.ErrorCount;
        var title = CheckLine(Title, "Titlen", Key(nameof(Title)), Limits.Title, errors);
        if (title.Length == 0 && (rules.TitleRequired || !IsClosed))
            errors.AddModelError(Key(nameof(Title)), "Skriv en titel.");

        var caseNumber = CaseNumberInput.Check(CaseNumber, KeepCaseNumber, stored.CaseNumber);
        if (!caseNumber.IsAccepted)
            errors.AddModelError(Key(nameof(CaseNumber)), caseNumber.Problem!);

        var sections = ReadSections(stored, errors);
        var recommendation = ReadRecommendation(stored, sections, errors);
        var decision = rules.DecisionEditable ? ReadDecision(stored, errors) : stored.Decision;
        var attachments = ReadAttachments(stored, errors);
        if (errors.ErrorCount > before || sections is null)
            return null;

        var content = new ItemContent(
            title,
            stored.ForumPrefix,
            // The table of contents' own wording belonged to the old title.
            title == stored.Title ? stored.TocTitle : null,
            caseNumber.Value,
            IsClosed,
            stored.IsToFollow,
            sections,
            recommendation,
            decision,
            attachments,
            stored.MinutesApproval);
        try
        {
            content.Validate();
        }
        catch (DomainException e)
        {
            // The fields' own checks above cover the rules; this is the domain's last word.
            errors.AddModelError("", e.DanishMessage);
            return null;
        }

        return content;
    }

    /// <summary>Adds a text section under the heading, before the decision (or a closing Bilag), where the templates put their own text.</summary>
    public bool AddSection(ModelStateDictionary errors)
    {
        var key = Key(nameof(NewSectionHeading));
        var heading = CheckLine(NewSectionHeading, "Overskriften til det nye afsnit", key, Limits.Title, errors);
        if (errors.GetFieldValidationState(key) == ModelValidationState.Invalid)
            return false;
        if (heading.Length == 0)
        {
            errors.AddModelError(key, "Skriv en overskrift til det nye afsnit.");
            return false;
        }

        if (Sections.Count >= MaxSections)
        {
            errors.AddModelError(key, $"Et punkt kan højst have {MaxSections} afsnit.");
            return false;
        }

        var position = Sections.FindIndex(s => s.Kind == nameof(SectionKind.Decision));
        if (position < 0)
            position = Sections.Count > 0 && Sections[^1].Kind == nameof(SectionKind.Attachments) ? Sections.Count - 1 : Sections.Count;
        Sections.Insert(position, new SectionField { Kind = nameof(SectionKind.Text), Heading = heading, Body = "" });
        NewSectionHeading = null;
        return true;
    }

    /// <summary>Removes an empty text section; a section with text is refused, so no text disappears with a click.</summary>
    public bool RemoveSection(int index, ModelStateDictionary errors)
    {
        if (index < 0 || index >= Sections.Count || Sections[index].Kind != nameof(SectionKind.Text))
        {
            errors.AddModelError("", "Afsnittet findes ikke og kan ikke fjernes.");
            return false;
        }

        var section = Sections[index];
        if (!string.IsNullOrWhiteSpace(section.Body))
        {
            errors.AddModelError(SectionKey(index, nameof(SectionField.Body)), $"Afsnittet »{section.Heading}« har tekst. Slet teksten først, hvis afsnittet skal fjernes.");
            return false;
        }

        Sections.RemoveAt(index);
        return true;
    }

    /// <summary>
    /// Whether the text section at <paramref name="index"/> may change places with its neighbour
    /// <paramref name="offset"/> (-1 above, +1 below). The decision stays where the template puts it,
    /// so no text is printed after the decision by a move.
    /// </summary>
    public bool CanMoveSection(int index, int offset)
    {
        var target = index + offset;
        return index >= 0 && index < Sections.Count && Sections[index].Kind == nameof(SectionKind.Text)
            && target >= 0 && target < Sections.Count && Sections[target].Kind != nameof(SectionKind.Decision);
    }

    /// <summary>Swaps a text section with its neighbour above or below; returns its new index, or null with the message.</summary>
    public int? MoveSection(int index, int offset, ModelStateDictionary errors)
    {
        if (!CanMoveSection(index, offset))
        {
            errors.AddModelError("", "Afsnittet kan ikke flyttes den vej. Brug knapperne »Flyt afsnittet op« og »Flyt afsnittet ned« ved afsnittet.");
            return null;
        }

        (Sections[index], Sections[index + offset]) = (Sections[index + offset], Sections[index]);
        return index + offset;
    }

    public bool RemoveAttachment(int index, ModelStateDictionary errors)
    {
        if (index < 0 || index >= Attachments.Count)
        {
            errors.AddModelError("", "Bilaget findes ikke og kan ikke fjernes.");
            return false;
        }

        Attachments.RemoveAt(index);
        return true;
    }

    /// <summary>Adds an uploaded file, and the template's Bilag section when the item has none, so the attachment is printed.</summary>
    public static ItemContent WithAttachment(ItemContent content, AttachmentContent attachment, DocumentTemplate template)
    {
        var sections = content.Sections.ToList();
        if (sections.All(s => s.Kind != SectionKind.Attachments))
        {
            var heading = SectionHeadings.StandardSections(template).First(s => s.Kind == SectionKind.Attachments).Heading;
            var section = new SectionContent(SectionKind.Attachments, heading, RichText.Empty);
            // The 2014 template prints Bilag first; the 2016 template last.
            if (template == DocumentTemplate.Classic2014)
                sections.Insert(0, section);
            else
                sections.Add(section);
        }

        return content with
        {
            Sections = sections,
            Attachments = [.. content.Attachments, attachment with { IsPublic = attachment.IsPublic && !content.IsClosed }],
        };
    }

    /// <summary>A one-line text field, trimmed; a line break, tab or other control character or too many characters is refused.</summary>
    public static string CheckLine(string? value, string what, string key, int maximum, ModelStateDictionary errors)
    {
        var text = (value ?? "").Trim();
        if (text.Any(char.IsControl))
        {
            errors.AddModelError(key, $"{what} skal stå på én linje uden linjeskift, tabulatorer eller andre kontroltegn.");
            return text;
        }

        if (text.Length > maximum)
            errors.AddModelError(key, string.Create(CultureInfo.InvariantCulture, $"{what} fylder {text.Length} tegn; højst {maximum} tegn er tilladt."));
        return text;
    }

    private List<SectionContent>? ReadSections(ItemContent stored, ModelStateDictionary errors)
    {
        if (Sections.Count > MaxSections)
        {
            errors.AddModelError("", $"Et punkt kan højst have {MaxSections} afsnit.");
            return null;
        }

        var sections = new List<SectionContent>();
        for (var i = 0; i < Sections.Count; i++)
        {
            var field = Sections[i];
            if (!TryParseName<SectionKind>(field.Kind, out var kind))
            {
                errors.AddModelError(SectionKey(i, nameof(SectionField.Kind)), $"Afsnit {i + 1} har en ukendt type.");
                continue;
            }

            var heading = CheckLine(field.Heading, field.Heading is { Length: > 0 } h ? $"Overskriften »{Shorten(h)}«" : "Overskriften", SectionKey(i, nameof(SectionField.Heading)), Limits.Title, errors);
            var body = kind == SectionKind.Text
                ? EditorText.Parse(field.Body)
                : stored.Sections.FirstOrDefault(s => s.Kind == kind)?.Body ?? RichText.Empty;
            sections.Add(new SectionContent(kind, heading, body));
        }

        if (sections.Count(s => s.Kind == SectionKind.Recommendation) > 1 || sections.Count(s => s.Kind == SectionKind.Decision) > 1)
        {
            errors.AddModelError("", "Et punkt kan højst have ét afsnit med indstilling og ét med beslutning.");
            return null;
        }

        return sections;
    }

    private Recommendation? ReadRecommendation(ItemContent stored, List<SectionContent>? sections, ModelStateDictionary errors)
    {
        // The fields show only where the item has its recommendation section; without one, the stored recommendation stands.
        if (sections is null || sections.All(s => s.Kind != SectionKind.Recommendation))
            return stored.Recommendation;
        var proposer = CheckLine(Proposer, "Feltet »Hvem indstiller«", Key(nameof(Proposer)), RecommendationInput.MaxProposerLength, errors);
        return RecommendationInput.FromFields(proposer, Clauses, RecommendationRest, stored.Recommendation);
    }

    private Decision? ReadDecision(ItemContent stored, ModelStateDictionary errors)
    {
        var text = EditorText.Parse(DecisionText);
        if (!TryParseName<DecisionOutcome>(DecisionOutcome, out var outcome))
        {
            if (text.IsEmpty && stored.Decision is null)
                return null;
            errors.AddModelError(Key(nameof(DecisionOutcome)), "Vælg beslutningens udfald på listen.");
            return null;
        }

        if (text.IsEmpty)
        {
            if (stored.Decision is not null)
                errors.AddModelError(Key(nameof(DecisionText)), "Skriv beslutningens tekst; et godkendt referat beholder sine beslutninger.");
            return null;
        }

        return new Decision(text, outcome);
    }

    private List<AttachmentContent> ReadAttachments(ItemContent stored, ModelStateDictionary errors)
    {
        if (Attachments.Count > MaxAttachments)
        {
            errors.AddModelError("", $"Et punkt kan højst have {MaxAttachments} bilag.");
            return [];
        }

        var attachments = new List<AttachmentContent>();
        for (var i = 0; i < Attachments.Count; i++)
        {
            var field = Attachments[i];
            var key = AttachmentKey(i, nameof(AttachmentField.Title));
            var title = CheckLine(field.Title, $"Titlen på bilag {i + 1}", key, Limits.Title, errors);
            if (title.Length == 0)
                errors.AddModelError(key, $"Skriv en titel til bilag {i + 1}.");

            // A file is only ever one this item already has; a request cannot attach another item's file.
            AttachmentFile? file = null;
            if (!string.IsNullOrEmpty(field.Sha256))
            {
                file = stored.Attachments.Select(a => a.File).FirstOrDefault(f => f?.Sha256 == field.Sha256);
                if (file is null)
                    errors.AddModelError(key, $"Filen til bilag {i + 1} findes ikke på punktet. Vedhæft den igen.");
            }

            attachments.Add(new AttachmentContent(title, field.IsPublic && !IsClosed, file));
        }

        return attachments;
    }

    // Enum.TryParse also reads numbers and comma lists; only a defined name is a choice the form offered.
    private static bool TryParseName<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return text is { Length: > 0 } && char.IsLetter(text[0]) && !text.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse(text, ignoreCase: false, out value) && Enum.IsDefined(value);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

public sealed class SectionField
{
    public string? Kind { get; set; }

    public string? Heading { get; set; }

    public string? Body { get; set; }
}

public sealed class AttachmentField
{
    public string? Title { get; set; }

    public bool IsPublic { get; set; }

    /// <summary>Which of the item's stored files this row is; the file itself is looked up on the item, never taken from the request.</summary>
    public string? Sha256 { get; set; }

    /// <summary>Shown only; the stored file keeps its own name.</summary>
    public string? FileName { get; set; }
}

/// <summary>How the editor reads the form for the page at hand.</summary>
/// <param name="TitleRequired">Drafts need a title; an agenda item may be a closed item whose title was withheld.</param>
/// <param name="DecisionEditable">Correction of approved minutes: the decision is part of what is corrected.</param>
public sealed record EditorRules(bool TitleRequired, bool DecisionEditable);
