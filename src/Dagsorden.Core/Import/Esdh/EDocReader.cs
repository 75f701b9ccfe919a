using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;

namespace Dagsorden.Core.Import.Esdh;

/// <summary>
/// eDoc agenda publishing (eDocAgendaPublishing.xml): a &lt;Meeting&gt; with Committee, MeetingDate and
/// MeetingState, and one MeetingAgendaType per document ("Åben dagsorden", "Lukket referat" …),
/// each with its items. An item's text is only given as FullText, plain lines under headings such
/// as "Sammendrag" or "Indstilling"; the decision is headed "&lt;udvalg&gt;s beslutning den 04.12.2012".
/// Items of a closed ("Lukket") agenda type, and documents marked not to be published, are closed.
/// </summary>
public static partial class EDocReader
{
    public static bool Is(XElement root) =>
        root.Name == "Meeting" && root.Element("Committee") is not null && root.Element("MeetingAgendaTypes") is not null;

    public static EsdhExport Read(XElement root, ExportPackage package, string file, string? folder, List<string> warnings)
    {
        var forumName = EsdhText.OrNull(root.Text("Committee")) ?? throw new ImportException(file, root.Line(), "the eDoc export names no Committee.");
        var (date, time) = EsdhText.ReadMeetingDate(root.Text("MeetingDate"), file, "MeetingDate");
        var state = EsdhText.OneLine(root.Text("MeetingState"));
        var kind = state.Contains("referat", StringComparison.OrdinalIgnoreCase) ? DocumentKind.Minutes : DocumentKind.Agenda;
        var approved = kind == DocumentKind.Minutes && state.Contains("godkendt", StringComparison.OrdinalIgnoreCase);

        var builders = new List<EsdhItemBuilder>();
        string? place = null;
        List<Participant>? participants = null;
        foreach (var agendaType in root.Child("MeetingAgendaTypes")?.Children("MeetingAgendaType") ?? [])
        {
            var typeName = EsdhText.OneLine(agendaType.Text("AgendaType"));
            var typeIsOpen = !typeName.Contains("lukket", StringComparison.OrdinalIgnoreCase);
            if (agendaType.Text("FullText") is { Length: > 0 } frontPage && (place is null || participants is null))
            {
                var header = ReadFrontPage(frontPage);
                place ??= header.Place;
                participants ??= header.Participants.Count > 0 ? header.Participants : null;
            }

            foreach (var item in agendaType.Child("MeetingAgendaItems")?.Children("MeetingAgendaItem") ?? [])
                builders.Add(ReadItem(item, typeIsOpen, package, folder, file));
        }

        var details = new MeetingDetails(time, place, kind, DocumentTemplate.Standard2016, null, participants, approved);
        return EsdhMeetingAssembler.Assemble(EsdhSource.EDoc, file, forumName, ForumCodes.Suggest(forumName), date, details, builders, warnings);
    }

    private static EsdhItemBuilder ReadItem(XElement item, bool typeIsOpen, ExportPackage package, string? folder, string file)
    {
        var numberText = EsdhText.OneLine(item.Text("AgendaItemNumber"));
        if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            throw new ImportException(file, item.Line(), $"an eDoc item has no valid AgendaItemNumber ('{numberText}').");
        var document = item.Child("Document") ?? throw new ImportException(file, item.Line(), $"eDoc item {number} has no Document.");
        var title = EsdhText.OrNull(document.Text("Title")) ?? EsdhText.OrNull(document.Text("NeutralTitle"))
            ?? throw new ImportException(file, document.Line(), $"eDoc item {number} has no Title.");
        var lines = SplitLines(item.Text("FullText") ?? document.Text("FullText") ?? "");
        var caseNumber = TakeCaseNumber(lines) ?? EsdhText.OrNull(document.Text("CaseLogicIdentifier")) ?? EsdhText.OrNull(document.At("Case/CaseLogicIdentifier")?.Value);
        var isPublic = typeIsOpen && MayBePublished(document);

        var builder = new EsdhItemBuilder(number, title, caseNumber, isPublic);
        foreach (var (heading, body) in SplitSections(lines, title))
        {
            var kind = EsdhHeadings.Classify(heading);
            builder.AddField(heading, HtmlText.FromPlainText(string.Join('\n', kind == SectionKind.Decision ? WithoutEmptyAbsenceNote(body) : body)), kind);
        }

        foreach (var attachment in document.Child("Attachments")?.Children("Attachment") ?? [])
        {
            var attachmentTitle = EsdhText.OrNull(attachment.Text("Title")) ?? EsdhText.OrNull(attachment.Text("NeutralTitle")) ?? "Bilag";
            var fileName = EsdhText.OrNull(attachment.Text("PDFDocument"));
            var path = fileName is null ? null : package.FindNear(folder, fileName);
            builder.AddAttachment(new EsdhAttachment(attachmentTitle, MayBePublished(attachment), path, fileName));
        }

        return builder;
    }

    /// <summary>"SKAL PUBLICERES" and an empty PublishingType allow publication; anything saying "ikke", or a PublicAccess that says no, does not.</summary>
    private static bool MayBePublished(XElement element)
    {
        var publishing = EsdhText.OneLine(element.Text("PublishingType"));
        if (publishing.Contains("ikke", StringComparison.OrdinalIgnoreCase) || publishing.Contains("lukket", StringComparison.OrdinalIgnoreCase))
            return false;
        var access = EsdhText.OneLine(element.Text("PublicAccess"));
        return access.Length == 0 || EsdhText.Flag(access, access.Contains("åben", StringComparison.OrdinalIgnoreCase) || access.Contains("offentlig", StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()).ToList();

    /// <summary>Removes the item's heading lines ("2.\tTitle", "Sagsnr.: …", "Dok.nr.: …") and returns the case number.</summary>
    private static string? TakeCaseNumber(List<string> lines)
    {
        string? caseNumber = null;
        var limit = Math.Min(lines.Count, 60);
        var first = true;
        for (var i = 0; i < limit; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            var isFirst = first;
            first = false;
            var match = CaseLinePattern().Match(line);
            if (match.Success)
            {
                caseNumber ??= EsdhText.OrNull(match.Groups["value"].Value);
                lines[i] = "";
            }
            else if (DocumentLinePattern().IsMatch(line) || (isFirst && ItemHeadingPattern().IsMatch(line)))
            {
                lines[i] = "";
            }
            else if (caseNumber is not null || EsdhHeadings.IsPlainTextHeading(line))
            {
                break;
            }
        }

        return caseNumber;
    }

    /// <summary>
    /// Splits full text at known headings standing after a blank line. A "Bilag" block ends at its
    /// first blank line: eDoc lists attachments there and then goes on with untitled text.
    /// </summary>
    private static List<(string Heading, List<string> Body)> SplitSections(List<string> lines, string title)
    {
        var sections = new List<(string Heading, List<string> Body)> { ("", []) };
        var previousBlank = true;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var current = sections[^1];
            if (line.Length == 0)
            {
                if (EsdhHeadings.Classify(current.Heading) == SectionKind.Attachments && current.Body.Any(l => l.Trim().Length > 0))
                    sections.Add(("", []));
                else
                    current.Body.Add("");
                previousBlank = true;
                continue;
            }

            if (previousBlank && EsdhHeadings.IsPlainTextHeading(line))
                sections.Add((line.TrimEnd(':').Trim(), []));
            else
                current.Body.Add(raw.Replace('\t', ' '));
            previousBlank = false;
        }

        return sections.Where(s => s.Heading.Length > 0 || s.Body.Any(l => l.Trim().Length > 0)).ToList();
    }

    // "Følgende deltog ikke i behandlingen af punktet:" with nobody after it says nothing.
    private static IEnumerable<string> WithoutEmptyAbsenceNote(List<string> body)
    {
        var lastContent = body.FindLastIndex(l => l.Trim().Length > 0);
        return lastContent >= 0 && AbsenceNotePattern().IsMatch(body[lastContent].Trim()) ? body.Take(lastContent) : body;
    }

    /// <summary>The front page of the agenda type: place ("i Mødecenter C …" after the date line) and who is present or absent.</summary>
    private static (string? Place, List<Participant> Participants) ReadFrontPage(string text)
    {
        var lines = SplitLines(text).Select(l => l.Trim()).ToList();
        var end = lines.FindIndex(l => l.Equals("INDHOLDSFORTEGNELSE", StringComparison.OrdinalIgnoreCase));
        if (end >= 0)
            lines = lines.Take(end).ToList();

        string? place = null;
        for (var i = 1; i < lines.Count && place is null; i++)
        {
            if (PlaceLinePattern().Match(lines[i]) is { Success: true } m && TimeLinePattern().IsMatch(lines[i - 1]))
                place = m.Groups["place"].Value.Trim();
        }

        var participants = new List<Participant>();
        for (var i = 0; i < lines.Count; i++)
        {
            var absent = AbsentHeadingPattern().IsMatch(lines[i]);
            if (!absent && !PresentHeadingPattern().IsMatch(lines[i]))
                continue;
            for (var j = i + 1; j < lines.Count && lines[j].Length > 0; j++)
            {
                var (name, role) = SplitRole(lines[j]);
                var existing = participants.FindIndex(p => p.Name == name);
                if (existing >= 0)
                    participants[existing] = participants[existing] with { IsAbsent = absent };
                else
                    participants.Add(new Participant(name, role, absent));
            }
        }

        return (place, participants);
    }

    private static (string Name, string? Role) SplitRole(string line)
    {
        var text = EsdhText.OneLine(line);
        var dash = text.LastIndexOf(" - ", StringComparison.Ordinal);
        return dash > 0 ? (text[..dash].Trim(), text[(dash + 3)..].Trim()) : (text, null);
    }

    [GeneratedRegex(@"^Sagsnr\.?\s*:?\s*(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex CaseLinePattern();

    [GeneratedRegex(@"^Dok\.?\s*nr\.?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentLinePattern();

    [GeneratedRegex(@"^\d{1,3}\.\s")]
    private static partial Regex ItemHeadingPattern();

    [GeneratedRegex(@"^Følgende deltog ikke i behandlingen", RegexOptions.IgnoreCase)]
    private static partial Regex AbsenceNotePattern();

    [GeneratedRegex(@"^i\s+(?<place>\S.*)$")]
    private static partial Regex PlaceLinePattern();

    [GeneratedRegex(@"\bkl\.?\s*\d{1,2}[:.]\d{2}", RegexOptions.IgnoreCase)]
    private static partial Regex TimeLinePattern();

    [GeneratedRegex(@"^(?:Tilstede|Til stede|Deltagere|Medlemmer|Fremmødte)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex PresentHeadingPattern();

    [GeneratedRegex(@"^(?:Afbud(?:/Fraværende)?|Fraværende(?:/Afbud)?|Fravær)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex AbsentHeadingPattern();
}
