using System.Globalization;
using System.Xml.Linq;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Meetings;

namespace Dagsorden.Core.Import.Esdh;

/// <summary>
/// Acadre MM: a manifest (XML_&lt;agenda id&gt;.xml) naming the produced agenda and minutes, each an
/// XML of nested &lt;table name="…"&gt; elements with &lt;field name="…"&gt; values, and a files folder
/// with the enclosures. Items are "agendaitem" tables; their named fields ("bullets") become
/// sections, "enclosure" tables attachments. Access 1 / "Åben" is public; anything else is not.
/// </summary>
public static class AcadreReader
{
    public static bool IsManifest(XElement root) =>
        root.Name == "root" && root.Elements("table").Any(t => (string?)t.Attribute("name") == "producedAgenda");

    public static bool IsAgenda(XElement root) =>
        root.Name == "root" && root.Elements("table").Any(t => (string?)t.Attribute("name") == "agenda")
        && root.Descendants("table").Any(t => (string?)t.Attribute("name") == "meeting");

    /// <summary>The agenda XML the manifest points at (the newest produced document whose XML is in the export) and its files folder.</summary>
    public static (string AgendaPath, string? FilesFolder) ResolveManifest(XElement manifest, ExportPackage package, string file)
    {
        var produced = manifest.Elements("table").Where(t => (string?)t.Attribute("name") == "producedAgenda")
            .SelectMany(t => t.Elements("fields"))
            .Select(fields => new
            {
                Xml = ManifestValue(fields, "xmlfilename"),
                Folder = ManifestValue(fields, "filesfolder"),
                Type = int.TryParse(ManifestValue(fields, "type"), NumberStyles.None, CultureInfo.InvariantCulture, out var type) ? type : 0,
            })
            .Where(p => p.Xml is not null)
            .ToList();
        var manifestFolder = Path.GetDirectoryName(file.Replace('\\', '/'))?.Replace('\\', '/');
        foreach (var candidate in produced.OrderByDescending(p => p.Folder is not null).ThenByDescending(p => p.Type))
        {
            var path = package.FindNear(candidate.Folder, candidate.Xml!);
            if (path is not null)
                return (path, candidate.Folder is null ? null : Path.GetDirectoryName(path)?.Replace('\\', '/'));
        }

        var names = string.Join(", ", produced.Select(p => p.Xml));
        throw new ImportException(file, null, $"the Acadre manifest names the agenda XML {(names.Length == 0 ? "(none)" : names)}, but the export does not contain it.");
    }

    public static EsdhExport Read(XElement root, ExportPackage package, string file, string? filesFolder, List<string> warnings)
    {
        var agenda = root.Elements("table").First(t => (string?)t.Attribute("name") == "agenda");
        var agendaFields = Fields(agenda);
        var committee = Table(agenda, "committee") ?? throw new ImportException(file, agenda.Line(), "the Acadre agenda names no committee.");
        var committeeFields = Fields(committee);
        var forumName = EsdhText.OrNull(committeeFields.GetValueOrDefault("name"))
            ?? throw new ImportException(file, committee.Line(), "the Acadre committee has no name.");
        var meetingTable = Table(agenda, "meeting") ?? throw new ImportException(file, agenda.Line(), "the Acadre agenda names no meeting.");
        var meetingFields = Fields(meetingTable);
        var (date, time) = EsdhText.ReadMeetingDate(meetingFields.GetValueOrDefault("date"), file, "meeting/date");

        var kind = (agendaFields.GetValueOrDefault("name") ?? "").Contains("referat", StringComparison.OrdinalIgnoreCase)
            ? DocumentKind.Minutes
            : DocumentKind.Agenda;
        var place = PlaceOf(meetingFields);
        var participants = (Table(meetingTable, "meetmember")?.Elements("table") ?? [])
            .Where(t => (string?)t.Attribute("name") == "member")
            .Select(Fields)
            .Select(m => new Participant(EsdhText.OneLine(m.GetValueOrDefault("name")), EsdhText.OrNull(m.GetValueOrDefault("role")), EsdhText.Flag(m.GetValueOrDefault("absent"), false)))
            .Where(p => p.Name.Length > 0)
            .ToList();

        var builders = new List<EsdhItemBuilder>();
        var parents = agenda.Elements("table").Where(t => (string?)t.Attribute("name") == "agendaitemparents").ToList();
        for (var index = 0; index < parents.Count; index++)
        {
            var parent = parents[index];
            var item = Table(parent, "agendaitem") ?? throw new ImportException(file, parent.Line(), "an Acadre agenda item entry holds no agendaitem.");
            var itemFields = Fields(item);

            // Acadre numbers items through the year ("715. Kulturkommune 2017"); the printed number is the item's sort value.
            var number = int.TryParse(Fields(parent).GetValueOrDefault("sort"), NumberStyles.None, CultureInfo.InvariantCulture, out var sort) && sort > 0
                ? sort
                : index + 1;
            var title = EsdhText.OrNull(itemFields.GetValueOrDefault("name"))
                ?? throw new ImportException(file, item.Line(), $"Acadre item {number} has no name.");
            var builder = new EsdhItemBuilder(number, title, itemFields.GetValueOrDefault("caseno"), IsOpen(itemFields));
            foreach (var bullet in item.Elements("table").Where(t => (string?)t.Attribute("name") == "bullet")
                         .Select(Fields)
                         .OrderBy(b => int.TryParse(b.GetValueOrDefault("bulletsortorder"), NumberStyles.None, CultureInfo.InvariantCulture, out var order) ? order : int.MaxValue))
            {
                var heading = EsdhText.OrNull(bullet.GetValueOrDefault("bulletname"));
                if (heading is not null)
                    builder.AddField(heading, HtmlText.ToRichText(bullet.GetValueOrDefault("bulletcontent")));
            }

            foreach (var enclosure in item.Elements("table").Where(t => (string?)t.Attribute("name") == "enclosure")
                         .Select(Fields)
                         .OrderBy(e => int.TryParse(e.GetValueOrDefault("sort"), NumberStyles.None, CultureInfo.InvariantCulture, out var order) ? order : int.MaxValue))
            {
                var enclosureTitle = EsdhText.OrNull(enclosure.GetValueOrDefault("name")) ?? EsdhText.OrNull(enclosure.GetValueOrDefault("filename")) ?? "Bilag";
                var fileName = EsdhText.OrNull(enclosure.GetValueOrDefault("filename"));
                var path = fileName is null ? null : package.FindNear(filesFolder, fileName);
                builder.AddAttachment(new EsdhAttachment(enclosureTitle, IsOpen(enclosure), path, fileName));
            }

            builders.Add(builder);
        }

        var details = new MeetingDetails(time, place, kind, DocumentTemplate.Standard2016, EsdhText.OrNull(meetingFields.GetValueOrDefault("name")), participants);
        return EsdhMeetingAssembler.Assemble(EsdhSource.Acadre, file, forumName, ForumCodes.Suggest(forumName), date, details, builders, warnings);
    }

    /// <summary>Public only when Acadre says "Åben" (or access 1 where no name is given).</summary>
    private static bool IsOpen(IReadOnlyDictionary<string, string> fields)
    {
        var name = EsdhText.OrNull(fields.GetValueOrDefault("accessname"));
        if (name is not null)
            return name.Equals("Åben", StringComparison.OrdinalIgnoreCase) || name.Equals("Åbent", StringComparison.OrdinalIgnoreCase);
        return EsdhText.OneLine(fields.GetValueOrDefault("access")) == "1";
    }

    private static string? PlaceOf(IReadOnlyDictionary<string, string> meeting)
    {
        var location = EsdhText.OrNull(meeting.GetValueOrDefault("location"));
        var address = HtmlText.ToRichText(meeting.GetValueOrDefault("address")).Blocks
            .Select(b => b is Text.Paragraph p ? Text.Inline.PlainText(p.Inlines).Trim() : "")
            .Where(l => l.Length > 0);
        var parts = new[] { location }.Concat(address).Where(p => !string.IsNullOrEmpty(p)).ToList();
        var place = string.Join(", ", parts);
        return place.Length == 0 ? null : place.Length > Limits.Place ? place[..Limits.Place] : place;
    }

    private static XElement? Table(XElement parent, string name) =>
        parent.Elements("table").FirstOrDefault(t => (string?)t.Attribute("name") == name);

    private static Dictionary<string, string> Fields(XElement table)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in table.Elements("fields").Take(1).Elements("field"))
        {
            if ((string?)field.Attribute("name") is { } name)
                values.TryAdd(name, field.Value);
        }

        return values;
    }

    // The manifest writes each value as an attribute named after the field: <field xmlfilename="3687981.xml"/>.
    private static string? ManifestValue(XElement fields, string name) =>
        fields.Elements("field").Select(f => (string?)f.Attribute(name)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
