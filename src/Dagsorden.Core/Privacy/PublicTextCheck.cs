using System.Globalization;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;

namespace Dagsorden.Core.Privacy;

/// <summary>
/// The rule that no CPR number is ever published. It reads exactly what the public would get: the
/// public document (so a closed item's text, which only members read, and text the secretary has
/// redacted do not count), the meeting's participants, the text of the public attachment files
/// (those are downloaded as they are, so redaction does not help them) and a correction's reason.
/// </summary>
public static class PublicTextCheck
{
    /// <summary>Refuses publication, naming where the first CPR number stands and masking it.</summary>
    public static void EnsureNoCprNumbers(Meeting meeting, string? correctionReason = null)
    {
        var found = Find(meeting, correctionReason).ToList();
        if (found.Count == 0)
            return;

        var (place, english, number) = found[0];
        var others = found.Skip(1).Select(f => f.Place).Where(p => p != place).Distinct().ToList();
        var also = others.Count == 0 ? "" : " Der er også CPR-numre her: " + string.Join("; ", others) + ".";
        throw new DomainException(
            $"{english} holds a CPR number ({CprNumbers.Mask(number)}); meeting {meeting.Key} is not published ({found.Count} CPR number(s) in all).",
            $"{(place.Contains(',', StringComparison.Ordinal) ? place + "," : place)} indeholder et CPR-nummer ({CprNumbers.Mask(number)}). Fjern det, før mødet offentliggøres.{also}");
    }

    /// <summary>
    /// An imported document is already public where it came from and is a record, so its import is not
    /// refused; each CPR number in its public text is told as a warning for the import's report, and
    /// the meeting cannot be published again through the workflow until it is removed.
    /// </summary>
    public static IReadOnlyList<string> ImportWarnings(ImportedMeeting imported)
    {
        var meeting = new Meeting(new Forum(imported.ForumCode, imported.ForumName, imported.Details.Template), imported.Date, imported.Details);
        meeting.ReplaceItems(imported.Items);
        return Find(meeting)
            .Select(f => $"{f.English} holds a CPR number ({CprNumbers.Mask(f.Number)}); it is public now. Remove it at the source and import again, or redact it.")
            .Distinct()
            .ToList();
    }

    /// <summary>Each CPR number in the public text: where it stands in Danish and in English, and the number.</summary>
    public static IEnumerable<(string Place, string English, string Number)> Find(Meeting meeting, string? correctionReason = null)
    {
        var document = MeetingDocument.From(meeting, DocumentAudience.Public);
        foreach (var number in CprNumbers.Find(document.Place))
            yield return ("Mødestedet", "The meeting's place", number);
        foreach (var number in document.HeaderNotes.SelectMany(CprNumbers.Find))
            yield return ("Mødets oplysninger under overskriften", "The meeting's header notes", number);
        foreach (var number in meeting.Participants.SelectMany(p => CprNumbers.Find(p.Name).Concat(CprNumbers.Find(p.Role))))
            yield return ("Deltagerlisten", "The participants", number);
        foreach (var number in CprNumbers.Find(correctionReason))
            yield return ("Begrundelsen for rettelsen", "The correction's reason", number);

        foreach (var item in document.Items)
        {
            var punkt = "Punkt " + item.Number.ToString(CultureInfo.InvariantCulture);
            foreach (var number in CprNumbers.Find(item.TocTitle == item.Title ? item.Title : item.Title + "\n" + item.TocTitle))
                yield return (punkt + ", Titel", $"Item {item.Number}'s title", number);
            foreach (var number in CprNumbers.Find(item.CaseNumber))
                yield return (punkt + ", Sagsnummer", $"Item {item.Number}'s case number", number);
            foreach (var section in item.Sections)
            {
                var name = SectionName(section);
                foreach (var number in CprNumbers.Find(section.Heading).Concat(CprNumbers.Find(section.Body.ToPlainText())))
                    yield return ($"{punkt}, {name}", $"Item {item.Number}'s section '{name}'", number);
            }
        }

        foreach (var item in meeting.Items.Where(i => !i.IsClosed))
        {
            foreach (var attachment in item.Attachments.Where(a => a.IsPublic))
            {
                foreach (var number in CprNumbers.Find(attachment.ExtractedText))
                    yield return ($"Punkt {item.Number.ToString(CultureInfo.InvariantCulture)}, bilaget »{attachment.Title}«", $"Item {item.Number}'s attachment file '{attachment.FileName}'", number);
            }
        }
    }

    private static string SectionName(DocumentSection section) => section.Heading.Trim() is { Length: > 0 } heading
        ? heading
        : section.Kind switch
        {
            SectionKind.Recommendation => "Indstilling",
            SectionKind.Decision => "Beslutning",
            SectionKind.Attachments => "Bilag",
            _ => "Tekst",
        };
}
