using System.Globalization;
using System.Xml.Linq;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;

namespace Dagsorden.Core.Import.Esdh;

/// <summary>
/// SBSYS eDagsorden publication: PublicationN.xml with Agendas → Agenda (Meeting, Committee, Items,
/// Enclosures) and the enclosure files in Enclosures/. An item's Fields are HTML with a Caption;
/// fields marked IsFeedback are written at the meeting (the decision). IsPublic on the item, and on
/// an enclosure where the export gives it, decides access. PublicationTypeAsEnum says whether this
/// is the agenda (Draft/Final) or the minutes.
/// </summary>
public static class SbsysReader
{
    public static bool Is(XElement root) => root.Name == "Publication" && root.Element("Agendas") is not null;

    public static EsdhExport Read(XElement root, ExportPackage package, string file, string? folder, List<string> warnings)
    {
        var agendas = root.Element("Agendas")!.Elements("Agenda").ToList();
        if (agendas.Count == 0)
            throw new ImportException(file, root.Line(), "the SBSYS publication holds no Agenda.");
        if (agendas.Count > 1)
            throw new ImportException(file, agendas[1].Line(), $"the SBSYS publication holds {agendas.Count} agendas; this import takes one meeting per publication.");
        var agenda = agendas[0];
        var meeting = agenda.Element("Meeting") ?? throw new ImportException(file, agenda.Line(), "the SBSYS agenda has no Meeting.");
        var committee = agenda.Element("Committee");
        var forumName = EsdhText.OrNull(committee?.Text("Name")) ?? EsdhText.OrNull(agenda.Text("Name"))
            ?? throw new ImportException(file, agenda.Line(), "the SBSYS agenda names no committee.");
        var (date, time) = EsdhText.ReadMeetingDate(meeting.Text("When"), file, "Meeting/When");

        var publicationType = EsdhText.OneLine(root.Text("PublicationTypeAsEnum"));
        var kind = publicationType.Contains("minute", StringComparison.OrdinalIgnoreCase) || publicationType.Contains("referat", StringComparison.OrdinalIgnoreCase)
            ? DocumentKind.Minutes
            : DocumentKind.Agenda;
        var place = EsdhText.OrNull(meeting.Text("Where")) ?? EsdhText.OrNull(committee?.Text("DefaultMeetingPlace"));
        var participants = (meeting.Element("Members")?.Elements("MeetingMember") ?? [])
            .Select(m => new Participant(
                EsdhText.OneLine(m.Text("Name") ?? m.At("Member/Name")?.Value),
                EsdhText.OrNull(string.Join(", ", (m.Element("MeetingMemberRoles")?.Elements() ?? []).Select(r => EsdhText.OneLine(r.Text("Name") ?? r.Value)).Where(r => r.Length > 0)))
                    ?? EsdhText.OrNull(m.Text("MeetingMemberRolesList")),
                IsAbsent(m.Text("ParticipationStatusAsText"))))
            .Where(p => p.Name.Length > 0)
            .ToList();

        var enclosuresByItem = (agenda.Element("Enclosures")?.Elements("Enclosure") ?? [])
            .ToLookup(e => (string?)e.Attribute("ItemID") ?? "");
        var builders = new List<EsdhItemBuilder>();
        var items = agenda.Element("Items")?.Elements("Item").ToList() ?? [];
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var number = int.TryParse(EsdhText.OneLine(item.Text("Number")), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : index + 1;
            var title = EsdhText.OrNull(item.Text("Caption")) ?? throw new ImportException(file, item.Line(), $"SBSYS item {number} has no Caption.");
            var isPublic = EsdhText.Flag(item.Text("IsPublic"), false);
            var builder = new EsdhItemBuilder(number, title, item.At("Case/Number")?.Value, isPublic);
            foreach (var field in (item.Element("Fields")?.Elements("ItemField") ?? [])
                         .OrderBy(f => int.TryParse(f.Text("Index"), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue))
            {
                var heading = EsdhText.OneLine(field.Text("Caption"));
                var body = HtmlText.ToRichText(field.Text("Content"));
                if (heading.Length == 0 && body.IsEmpty)
                    continue;
                SectionKind? kind2 = EsdhText.Flag(field.Text("IsFeedback"), false) && EsdhHeadings.IsDecision(heading) ? SectionKind.Decision : null;
                builder.AddField(heading, body, kind2);
            }

            // Enclosures may be listed under the item, under the agenda with an ItemID, or both.
            var enclosures = (item.Element("Enclosures")?.Elements("Enclosure") ?? [])
                .Concat(enclosuresByItem[(string?)item.Attribute("ID") ?? "\0"])
                .GroupBy(e => (string?)e.Attribute("ID") ?? e.ToString())
                .Select(g => g.First())
                .OrderBy(e => int.TryParse(e.Text("Index") ?? e.Text("Number"), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue);
            foreach (var enclosure in enclosures)
            {
                var enclosureTitle = EsdhText.OrNull(enclosure.Text("Name")) ?? EsdhText.OrNull(enclosure.Text("FileName")) ?? "Bilag";
                var relative = EsdhText.OrNull(enclosure.Text("InstantiationFilePathRelative"))
                    ?? (EsdhText.OrNull(enclosure.Text("InstantiationFileName")) is { } instance ? $"{root.Text("RelativeEnclosureOutputPath") ?? "Enclosures"}/{instance}" : null);
                var path = relative is null ? null : package.FindNear(folder, relative);
                var enclosurePublic = EsdhText.Flag(enclosure.Text("IsPublic"), true);
                builder.AddAttachment(new EsdhAttachment(enclosureTitle, enclosurePublic, path, EsdhText.OrNull(enclosure.Text("FileName")) ?? relative));
            }

            builders.Add(builder);
        }

        var details = new MeetingDetails(time, place, kind, DocumentTemplate.Standard2016, null, participants);
        return EsdhMeetingAssembler.Assemble(EsdhSource.Sbsys, file, forumName, ForumCodes.Suggest(forumName), date, details, builders, warnings);
    }

    private static bool IsAbsent(string? status)
    {
        var text = EsdhText.OneLine(status);
        return text.Contains("absent", StringComparison.OrdinalIgnoreCase) || text.Contains("notparticipating", StringComparison.OrdinalIgnoreCase)
            || text.Contains("afbud", StringComparison.OrdinalIgnoreCase) || text.Contains("fravær", StringComparison.OrdinalIgnoreCase)
            || text.Equals("No", StringComparison.OrdinalIgnoreCase) || text.Equals("NotAttending", StringComparison.OrdinalIgnoreCase);
    }
}
