using System.Globalization;
using System.Xml.Linq;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;

namespace Dagsorden.Core.Import.Esdh;

/// <summary>
/// eDoc's agenda module as Fujitsu built it: XML in the namespace
/// http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/, Committee → Meeting → Agenda →
/// AgendaElement (AccessIsPublic) → HandlingItem (SerialNo, Title, CaseNumber, CasePresentations
/// with HTML content, Attachments), usually beside an HTML rendering. A case presentation marked
/// IsDecision is the decision; a released decision of this treatment in the handling plan counts too.
/// </summary>
public static class EDocFujitsuReader
{
    public static readonly XNamespace Namespace = "http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/";

    public static bool Is(XElement root) => root.Element(Namespace + "Committee") is not null || root.Name == Namespace + "Committee";

    /// <summary>True for XML shaped like a Fujitsu export whose namespace is not the one we know.</summary>
    public static string? ForeignNamespace(XElement root) =>
        root.Elements().Select(e => e.Name).FirstOrDefault(n => n.LocalName == "Committee" && n.Namespace != Namespace && n.Namespace.NamespaceName.Contains("fujitsu", StringComparison.OrdinalIgnoreCase))?.NamespaceName;

    public static EsdhExport Read(XElement root, ExportPackage package, string file, string? folder, List<string> warnings)
    {
        var committee = root.Name == Namespace + "Committee" ? root : root.Element(Namespace + "Committee")!;
        var forumName = EsdhText.OrNull(committee.Text("Name")) ?? throw new ImportException(file, committee.Line(), "the eDoc Fujitsu Committee has no Name.");
        var meeting = committee.Child("Meeting") ?? throw new ImportException(file, committee.Line(), "the eDoc Fujitsu Committee holds no Meeting.");
        var (date, time) = EsdhText.ReadMeetingDate(meeting.Text("MeetingDateTime"), file, "MeetingDateTime");
        var agenda = meeting.Child("Agenda") ?? throw new ImportException(file, meeting.Line(), "the eDoc Fujitsu Meeting holds no Agenda.");

        var outputType = EsdhText.OneLine(root.Text("OutputTypeEnumName"));
        var agendaType = EsdhText.OneLine(agenda.Text("Type"));
        var kind = IsMinutes(outputType) || IsMinutes(agendaType) ? DocumentKind.Minutes : DocumentKind.Agenda;
        var place = EsdhText.OrNull(meeting.Text("MeetingLocation")) ?? EsdhText.OrNull(committee.Text("DefaultLocation"));
        var participants = (meeting.Child("MeetingParticipants")?.Children("MeetingParticipant") ?? [])
            .Select(p => new Participant(EsdhText.OneLine(p.Text("Name")), EsdhText.OrNull(p.Text("RoleInMeeting")), !EsdhText.Flag(p.Text("Participate"), true)))
            .Where(p => p.Name.Length > 0)
            .ToList();

        var builders = new List<EsdhItemBuilder>();
        var elements = agenda.Child("AgendaElements")?.Children("AgendaElement").ToList() ?? [];
        for (var index = 0; index < elements.Count; index++)
        {
            var element = elements[index];
            var handling = element.Child("HandlingItem");
            if (handling is null)
                continue;
            var number = Number(handling.Text("SerialNo")) ?? Number(element.Text("SortOrder")) ?? index + 1;
            var title = EsdhText.OrNull(handling.Text("Title")) ?? EsdhText.OrNull(handling.Text("NeutralTitle"))
                ?? throw new ImportException(file, handling.Line(), $"eDoc Fujitsu item {number} has no Title.");

            // Public only when the element says so; a missing flag is not a yes.
            var isPublic = EsdhText.Flag(element.Text("AccessIsPublic"), false);
            var builder = new EsdhItemBuilder(number, title, handling.Text("CaseNumber"), isPublic);
            var hasDecision = false;
            foreach (var presentation in handling.Child("CasePresentations")?.Children("CasePresentation") ?? [])
            {
                var heading = EsdhText.OrNull(presentation.Text("Title"));
                if (heading is null)
                    continue;
                var isDecision = EsdhText.Flag(presentation.Text("IsDecision"), false);
                hasDecision |= isDecision;
                builder.AddField(heading, HtmlText.ToRichText(presentation.Text("Content")), isDecision ? SectionKind.Decision : null);
            }

            if (!hasDecision && kind == DocumentKind.Minutes && ReleasedDecision(handling) is { } decision)
                builder.AddField("Beslutning", HtmlText.ToRichText(decision), SectionKind.Decision);

            foreach (var attachment in handling.Child("Attachments")?.Elements() ?? [])
            {
                var attachmentTitle = EsdhText.OrNull(attachment.Text("Title")) ?? EsdhText.OrNull(attachment.Text("Name")) ?? EsdhText.OrNull(attachment.Text("FileName")) ?? "Bilag";
                var fileName = EsdhText.OrNull(attachment.Text("FileName")) ?? EsdhText.OrNull(attachment.Text("Link")) ?? EsdhText.OrNull(attachment.Text("Path"));
                var path = fileName is null ? null : package.FindNear(folder, fileName);
                var attachmentPublic = EsdhText.Flag(attachment.Text("AccessIsPublic") ?? attachment.Text("IsPublic") ?? attachment.Text("Public"), isPublic);
                builder.AddAttachment(new EsdhAttachment(attachmentTitle, attachmentPublic, path, fileName));
            }

            builders.Add(builder);
        }

        var details = new MeetingDetails(time, place, kind, DocumentTemplate.Standard2016, null, participants);
        var code = ForumCodes.Suggest(forumName, committee.Text("ShortName"));
        return EsdhMeetingAssembler.Assemble(EsdhSource.EDocFujitsu, file, forumName, code, date, details, builders, warnings);
    }

    private static bool IsMinutes(string type) =>
        type.Contains("referat", StringComparison.OrdinalIgnoreCase) || type.Contains("minutes", StringComparison.OrdinalIgnoreCase);

    private static int? Number(string? text) =>
        int.TryParse(EsdhText.OneLine(text), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    // The handling plan lists every treatment of the case; "This" is the one at this meeting.
    // eDoc writes "Beslutning ikke frigivet" until the decision is released.
    private static string? ReleasedDecision(XElement handlingItem)
    {
        var handling = handlingItem.Child("HandlingPlan")?.Children("Handling")
            .FirstOrDefault(h => EsdhText.OneLine(h.Text("Placement")).Equals("This", StringComparison.OrdinalIgnoreCase));
        var text = EsdhText.OrNull(handling?.Text("Decision"));
        return text is null || text.Contains("ikke frigivet", StringComparison.OrdinalIgnoreCase) ? null : handling!.Text("Decision");
    }
}
