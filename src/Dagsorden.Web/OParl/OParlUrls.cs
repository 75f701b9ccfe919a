using System.Globalization;
using Dagsorden.Web.Feeds;

namespace Dagsorden.Web.OParl;

/// <summary>
/// The stable ids of OParl objects: absolute URLs under /oparl/v1 built from database ids, the
/// case number (papers) or the term's first year, so an object keeps its id across re-imports.
/// </summary>
public sealed class OParlUrls(PublicUrls site)
{
    public const string Prefix = "/oparl/v1";

    /// <summary>The one body: the municipality.</summary>
    public const int BodyId = 1;

    public PublicUrls Site { get; } = site;

    public string Root => Site.Absolute(Prefix);

    public string System => Root + "/system";

    public string Bodies => Root + "/bodies";

    public string Body => Root + "/body/" + Number(BodyId);

    public string BodyList(string name) => Body + "/" + name;

    public string Organization(int id) => Root + "/organization/" + Number(id);

    public string OrganizationMeetings(int id) => Organization(id) + "/meetings";

    public string Meeting(int id) => Root + "/meeting/" + Number(id);

    public string AgendaItem(int id) => Root + "/agendaitem/" + Number(id);

    public string Consultation(int itemId) => Root + "/consultation/" + Number(itemId);

    /// <summary>/paper/13/14793: the case number, each part escaped, so ids read as the number itself.</summary>
    public string Paper(string caseNumber) =>
        Root + "/paper/" + string.Join('/', caseNumber.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The public PDF of a meeting's agenda or minutes.</summary>
    public string DocumentFile(int meetingId) => Root + "/file/document/" + Number(meetingId);

    public string AttachmentFile(int attachmentId) => Root + "/file/attachment/" + Number(attachmentId);

    public string LegislativeTerm(int startYear) => Root + "/legislativeterm/" + Number(startYear);

    /// <summary>A meeting's place; one location per meeting, as the documents name places freely.</summary>
    public string Location(int meetingId) => Root + "/location/" + Number(meetingId);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
