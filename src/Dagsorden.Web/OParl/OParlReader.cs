using System.Globalization;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Privacy;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Web.Attachments;
using Dagsorden.Web.Meetings;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Dagsorden.Web.OParl;

/// <summary>
/// Reads the OParl objects of one request from the database. Everything here is the public view:
/// item names and texts go through <see cref="DocumentItem"/> with <see cref="DocumentAudience.Public"/>,
/// so a closed item is "Lukket" and its case number, with no text and no files.
/// Entities are loaded tracked, because their created/modified stamps are shadow properties.
/// </summary>
public sealed class OParlReader(DagsordenDbContext db, OParlUrls urls, OParlOptions options)
{
    private static readonly DateTimeZone Copenhagen = DateTimeZoneProviders.Tzdb["Europe/Copenhagen"];

    private PublishedArchive? _archive;

    private Dictionary<int, List<MeetingVersion>>? _versions;

    public OParlUrls Urls => urls;

    // ---- System and body -------------------------------------------------------------------

    public OParlSystem System() => new()
    {
        Id = urls.System,
        Body = urls.Bodies,
        Name = "Dagsorden",
        Website = urls.Site.Absolute("/"),
        Web = urls.Site.Absolute("/"),
    };

    public async Task<OParlBody> BodyAsync(CancellationToken cancellationToken) => new()
    {
        Id = urls.Body,
        System = urls.System,
        Name = options.BodyName,
        ShortName = options.BodyShortName,
        Website = options.BodyWebsite,
        Classification = "Kommune",
        Organization = urls.BodyList("organizations"),
        Person = urls.BodyList("people"),
        Meeting = urls.BodyList("meetings"),
        Paper = urls.BodyList("papers"),
        AgendaItem = urls.BodyList("agendaitems"),
        Consultation = urls.BodyList("consultations"),
        File = urls.BodyList("files"),
        LocationList = urls.BodyList("locations"),
        LegislativeTermList = urls.BodyList("legislativeterms"),
        Membership = urls.BodyList("memberships"),
        LegislativeTerm = await LegislativeTermsAsync(cancellationToken),
        Web = urls.Site.Absolute("/"),
    };

    // ---- Organizations (forums) -------------------------------------------------------------

    public async Task<OParlList<OParlOrganization>> OrganizationsAsync(ListQuery query, CancellationToken cancellationToken)
    {
        var forums = await db.Forums.OrderBy(f => f.Id).ToListAsync(cancellationToken);
        return await Paging.PageAsync(query, urls.BodyList("organizations"), [
            Run(Filtered(forums, query, Stamps), Organization),
            await GoneAsync(nameof(Forum), query, _ => false, d => new OParlOrganization { Id = urls.Organization(d.EntityId), Modified = d.Deleted, Deleted = true }, cancellationToken),
        ], cancellationToken);
    }

    public async Task<OParlOrganization?> OrganizationAsync(int id, CancellationToken cancellationToken) =>
        await db.Forums.FirstOrDefaultAsync(f => f.Id == id, cancellationToken) is { } forum
            ? Organization(forum)
            : await TombstoneAsync(nameof(Forum), id, cancellationToken) is { } gone
                ? new OParlOrganization { Id = urls.Organization(id), Modified = gone.Deleted, Deleted = true }
                : null;

    private OParlOrganization Organization(Forum forum)
    {
        var (created, modified) = Stamps(forum);
        return new OParlOrganization
        {
            Id = urls.Organization(forum.Id),
            Body = urls.Body,
            Name = forum.Name,
            ShortName = forum.Code,
            Meeting = urls.OrganizationMeetings(forum.Id),
            OrganizationType = "Gremium",
            Classification = "Forum",
            Website = urls.Site.Forum(forum.Code),
            Web = urls.Site.Forum(forum.Code),
            Created = created,
            Modified = modified,
        };
    }

    // ---- Meetings ---------------------------------------------------------------------------

    public async Task<OParlList<OParlMeeting>> MeetingsAsync(ListQuery query, int? forumId, CancellationToken cancellationToken)
    {
        var archive = await ArchiveAsync(cancellationToken);
        var meetings = Filtered(archive.Meetings.Where(m => forumId is null || m.Published.ForumId == forumId), query, m => (m.Created, m.Modified));
        var listUrl = forumId is { } forum ? urls.OrganizationMeetings(forum) : urls.BodyList("meetings");
        ListRun<OParlMeeting>[] runs = forumId is null
            ? [Run(meetings, Meeting), await GoneAsync(nameof(Core.Meetings.Meeting), query, _ => false, DeletedMeeting, cancellationToken)]
            : [Run(meetings, Meeting)];
        return await Paging.PageAsync(query, listUrl, runs, cancellationToken);
    }

    public async Task<OParlMeeting?> MeetingAsync(int id, CancellationToken cancellationToken) =>
        (await ArchiveAsync(cancellationToken)).Meeting(id) is { } meeting
            ? Meeting(meeting)
            : await TombstoneAsync(nameof(Core.Meetings.Meeting), id, cancellationToken) is { } gone ? DeletedMeeting(gone) : null;

    private OParlMeeting DeletedMeeting(Tombstone gone) => new() { Id = urls.Meeting(gone.EntityId), Modified = gone.Deleted, Deleted = true };

    private OParlMeeting Meeting(ArchiveMeeting meeting)
    {
        var shown = meeting.Shown;
        var document = DocumentFile(meeting);
        return new OParlMeeting
        {
            Id = urls.Meeting(meeting.Id),
            Name = $"{meeting.Forum.Name} – møde {DanishDates.LongDate(shown.Date).ToLowerInvariant()}",
            MeetingState = meeting.Published.Status switch
            {
                MeetingStatus.AgendaPublished => "dagsorden offentliggjort",
                MeetingStatus.MinutesPublished => "referat offentliggjort",
                MeetingStatus.MinutesApproved => "referat godkendt",
                _ => "planlagt",
            },
            Cancelled = false,
            Start = shown.StartTime is { } start
                ? Copenhagen.AtLeniently(new LocalDateTime(shown.Date.Year, shown.Date.Month, shown.Date.Day, start.Hour, start.Minute)).ToDateTimeOffset()
                : null,
            Location = shown.Place is null ? null : Location(meeting),
            Organization = [urls.Organization(meeting.Published.ForumId)],
            Invitation = shown.Kind == DocumentKind.Agenda ? document : null,
            ResultsProtocol = shown.Kind == DocumentKind.Minutes ? document : null,
            AgendaItem = meeting.Items.Select(AgendaItem).ToList(),
            Web = urls.Site.MeetingPage(meeting.Published.Key),
            Created = meeting.Created,
            Modified = meeting.Modified,
        };
    }

    // ---- Agenda items -----------------------------------------------------------------------

    public async Task<OParlList<OParlAgendaItem>> AgendaItemsAsync(ListQuery query, CancellationToken cancellationToken)
    {
        var archive = await ArchiveAsync(cancellationToken);
        return await Paging.PageAsync(query, urls.BodyList("agendaitems"), [
            Run(Filtered(archive.Items, query, i => (i.Created, i.Modified)), AgendaItem),
            await GoneAsync(nameof(Core.Items.AgendaItem), query, id => archive.Item(id) is not null, DeletedAgendaItem, cancellationToken),
        ], cancellationToken);
    }

    public async Task<OParlAgendaItem?> AgendaItemAsync(int id, CancellationToken cancellationToken) =>
        (await ArchiveAsync(cancellationToken)).Item(id) is { } item
            ? AgendaItem(item)
            : await TombstoneAsync(nameof(Core.Items.AgendaItem), id, cancellationToken) is { } gone ? DeletedAgendaItem(gone) : null;

    private OParlAgendaItem DeletedAgendaItem(Tombstone gone) => new() { Id = urls.AgendaItem(gone.EntityId), Modified = gone.Deleted, Deleted = true };

    private OParlAgendaItem AgendaItem(ArchiveItem item)
    {
        var shown = DocumentItem.From(item.Shown, DocumentAudience.Public);
        var open = !item.Shown.IsClosed;
        var files = item.Files.Select(AttachmentFile).ToList();
        return new OParlAgendaItem
        {
            Id = urls.AgendaItem(item.Id),
            Meeting = urls.Meeting(item.Meeting.Id),
            Number = item.Shown.Number.ToString(CultureInfo.InvariantCulture),
            Order = item.Shown.Number,
            Name = shown.Title,
            Public = open,
            Consultation = item.Shown.CaseNumber is null ? null : urls.Consultation(item.Id),
            Result = open && item.Shown.DecisionOutcome is { } outcome ? MeetingText.OutcomeName(outcome) : null,
            ResolutionText = open && item.Shown.DecisionText is { IsEmpty: false } decision ? Redactions.Of(item.Shown.PublicRedactions).Apply(decision.ToPlainText()) : null,
            AuxiliaryFile = files.Count > 0 ? files : null,
            Keyword = item.Shown.CaseNumber?.KleSubject is { } subject ? ["KLE " + subject] : null,
            Web = urls.Site.ItemPage(item.Meeting.Published.Key, item.Shown.Number),
            Created = item.Created,
            Modified = item.Modified,
        };
    }

    // ---- Papers (cases) and consultations ---------------------------------------------------

    public async Task<OParlList<OParlPaper>> PapersAsync(ListQuery query, CancellationToken cancellationToken)
    {
        var archive = await ArchiveAsync(cancellationToken);
        var papers = Filtered(
            archive.Items.Where(i => i.Shown.CaseNumber is not null).GroupBy(i => i.Shown.CaseNumber!.Value, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList()).ToList(),
            query,
            treated => (treated.Min(i => i.Created), treated.Max(i => i.Modified)));
        var deleted = query.IncludesDeleted
            ? Filtered(await DeletedPapersAsync(archive, cancellationToken), query, _ => (null, null), d => d.Modified!.Value)
            : [];
        return await Paging.PageAsync(query, urls.BodyList("papers"), [Run(papers, Paper), Run(deleted, p => p)], cancellationToken);
    }

    public async Task<OParlPaper?> PaperAsync(string reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
            return null;
        var archive = await ArchiveAsync(cancellationToken);
        var value = Core.CaseNumbers.CaseNumber.Parse(reference).Value;
        var treated = archive.Items.Where(i => i.Shown.CaseNumber?.Value == value).ToList();
        if (treated.Count > 0)
            return Paper(treated);
        return (await DeletedPapersAsync(archive, cancellationToken)).FirstOrDefault(p => p.Id == urls.Paper(value));
    }

    private OParlPaper Paper(List<ArchiveItem> items)
    {
        var caseNumber = items[0].Shown.CaseNumber!;
        var treated = items.OrderBy(i => i.Meeting.Shown.Date).ThenBy(i => i.Id).ToList();

        // The case is named by its latest public treatment; a case seen only in closed items has no name.
        var named = treated.LastOrDefault(i => !i.Shown.IsClosed && i.Shown.Title.Length > 0);
        return new OParlPaper
        {
            Id = urls.Paper(caseNumber.Value),
            Body = urls.Body,
            Name = named is null ? null : Redactions.Of(named.Shown.PublicRedactions).Apply(named.Shown.Title),
            Reference = caseNumber.Value,
            Date = treated[0].Meeting.Shown.Date,
            PaperType = "Sag",
            Consultation = treated.Select(Consultation).ToList(),
            Keyword = caseNumber.KleSubject is { } subject ? ["KLE " + subject] : null,
            Created = items.Min(i => i.Created),
            Modified = items.Max(i => i.Modified),
        };
    }

    /// <summary>
    /// Cases that were published and are no more. A tombstone does not keep its item's case number,
    /// but the published versions do: a case named in an earlier version of a meeting and in no
    /// published item now was deleted when the first version without it was published. An imported
    /// meeting has no versions, so a case that leaves the archive by a re-import is not found here.
    /// </summary>
    private async Task<List<OParlPaper>> DeletedPapersAsync(PublishedArchive archive, CancellationToken cancellationToken)
    {
        var live = archive.Items.Where(i => i.Shown.CaseNumber is not null).Select(i => i.Shown.CaseNumber!.Value).ToHashSet(StringComparer.Ordinal);
        var gone = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var versions in (await AllVersionsAsync(cancellationToken)).Values)
        {
            for (var i = 0; i < versions.Count - 1; i++)
            {
                var next = versions[i + 1].Snapshot.Items.Select(item => item.Content.CaseNumber?.Value).ToHashSet(StringComparer.Ordinal);
                foreach (var value in versions[i].Snapshot.Items.Select(item => item.Content.CaseNumber?.Value).OfType<string>())
                {
                    if (live.Contains(value) || next.Contains(value))
                        continue;
                    var at = Utc(versions[i + 1].Published);
                    if (!gone.TryGetValue(value, out var known) || known < at)
                        gone[value] = at;
                }
            }
        }

        return gone.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OParlPaper { Id = urls.Paper(g.Key), Modified = g.Value, Deleted = true })
            .ToList();
    }

    public async Task<OParlList<OParlConsultation>> ConsultationsAsync(ListQuery query, CancellationToken cancellationToken)
    {
        var archive = await ArchiveAsync(cancellationToken);
        return await Paging.PageAsync(query, urls.BodyList("consultations"), [
            Run(Filtered(archive.Items.Where(i => i.Shown.CaseNumber is not null), query, i => (i.Created, i.Modified)), Consultation),
            await GoneAsync(nameof(Core.Items.AgendaItem), query, id => archive.Item(id) is not null, DeletedConsultation, cancellationToken),
        ], cancellationToken);
    }

    public async Task<OParlConsultation?> ConsultationAsync(int itemId, CancellationToken cancellationToken) =>
        (await ArchiveAsync(cancellationToken)).Item(itemId) is { Shown.CaseNumber: not null } item
            ? Consultation(item)
            : await TombstoneAsync(nameof(Core.Items.AgendaItem), itemId, cancellationToken) is { } gone ? DeletedConsultation(gone) : null;

    private OParlConsultation DeletedConsultation(Tombstone gone) => new() { Id = urls.Consultation(gone.EntityId), Modified = gone.Deleted, Deleted = true };

    private OParlConsultation Consultation(ArchiveItem item)
    {
        var outcome = item.Shown.IsClosed ? null : item.Shown.DecisionOutcome;
        return new OParlConsultation
        {
            Id = urls.Consultation(item.Id),
            Paper = urls.Paper(item.Shown.CaseNumber!.Value),
            AgendaItem = urls.AgendaItem(item.Id),
            Meeting = urls.Meeting(item.Meeting.Id),
            Organization = [urls.Organization(item.Meeting.Published.ForumId)],
            Authoritative = outcome is null ? null : outcome is DecisionOutcome.Approved or DecisionOutcome.Rejected,
            Role = outcome switch
            {
                DecisionOutcome.Approved or DecisionOutcome.Rejected => "Beslutning",
                DecisionOutcome.Noted => "Orientering",
                DecisionOutcome.Discussed => "Drøftelse",
                _ => null,
            },
            Created = item.Created,
            Modified = item.Modified,
        };
    }

    // ---- Files --------------------------------------------------------------------------------

    /// <summary>The meetings' public PDFs, then the attachments the public may download (see <see cref="AttachmentEndpoints"/>).</summary>
    public async Task<OParlList<OParlFile>> FilesAsync(ListQuery query, CancellationToken cancellationToken)
    {
        var archive = await ArchiveAsync(cancellationToken);
        return await Paging.PageAsync(query, urls.BodyList("files"), [
            Run(Filtered(archive.Meetings, query, m => (m.Created, m.Modified)), DocumentFile),
            Run(Filtered(archive.Files, query, f => (f.Created, f.Modified)), AttachmentFile),
            await GoneAsync(nameof(Core.Meetings.Meeting), query, _ => false, d => new OParlFile { Id = urls.DocumentFile(d.EntityId), Modified = d.Deleted, Deleted = true }, cancellationToken),
            await GoneAsync(nameof(Attachment), query, id => archive.File(id) is not null, d => new OParlFile { Id = urls.AttachmentFile(d.EntityId), Modified = d.Deleted, Deleted = true }, cancellationToken),
        ], cancellationToken);
    }

    public async Task<OParlFile?> DocumentFileAsync(int meetingId, CancellationToken cancellationToken) =>
        (await ArchiveAsync(cancellationToken)).Meeting(meetingId) is { } meeting
            ? DocumentFile(meeting)
            : await TombstoneAsync(nameof(Core.Meetings.Meeting), meetingId, cancellationToken) is { } gone
                ? new OParlFile { Id = urls.DocumentFile(meetingId), Modified = gone.Deleted, Deleted = true }
                : null;

    /// <summary>Only an attachment the public may download; any other is as unknown as one that never existed.</summary>
    public async Task<OParlFile?> AttachmentFileAsync(int attachmentId, CancellationToken cancellationToken) =>
        (await ArchiveAsync(cancellationToken)).File(attachmentId) is { } file
            ? AttachmentFile(file)
            : await TombstoneAsync(nameof(Attachment), attachmentId, cancellationToken) is { } gone
                ? new OParlFile { Id = urls.AttachmentFile(attachmentId), Modified = gone.Deleted, Deleted = true }
                : null;

    private OParlFile DocumentFile(ArchiveMeeting meeting)
    {
        var shown = meeting.Shown;
        var kind = shown.Kind == DocumentKind.Minutes ? "Referat" : "Dagsorden";
        var pdf = urls.Site.MeetingPdf(meeting.Published.Key);
        return new OParlFile
        {
            Id = urls.DocumentFile(meeting.Id),
            Name = $"{kind} – {meeting.Forum.Name} {DanishDates.LongDate(shown.Date).ToLowerInvariant()}",
            FileName = $"{kind.ToLowerInvariant()}-{meeting.Forum.Code.ToLowerInvariant()}-{shown.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.pdf",
            MimeType = "application/pdf",
            Date = shown.Date,
            AccessUrl = pdf,
            DownloadUrl = pdf,
            Meeting = [urls.Meeting(meeting.Id)],
            Web = urls.Site.MeetingPage(meeting.Published.Key),
            Created = meeting.Created,
            Modified = meeting.Modified,
        };
    }

    private OParlFile AttachmentFile(ArchiveFile file)
    {
        var download = urls.Site.Absolute(AttachmentEndpoints.PathOf(file.Id));
        return new OParlFile
        {
            Id = urls.AttachmentFile(file.Id),
            Name = Redactions.Of(file.Item.Shown.PublicRedactions).Apply(file.Shown.Title),
            FileName = AttachmentEndpoints.SafeFileName(file.File.FileName, file.Id),
            MimeType = file.File.ContentType,
            Size = file.File.Size,
            Date = file.Item.Meeting.Shown.Date,
            AccessUrl = download,
            DownloadUrl = download,
            Meeting = [urls.Meeting(file.Item.Meeting.Id)],
            AgendaItem = [urls.AgendaItem(file.Item.Id)],
            Web = urls.Site.ItemPage(file.Item.Meeting.Published.Key, file.Item.Shown.Number),
            Created = file.Created,
            Modified = file.Modified,
        };
    }

    // ---- Legislative terms and locations ----------------------------------------------------

    /// <summary>
    /// The municipal council's four-year terms (Danish local elections: 2014–2017, 2018–2021, …)
    /// that the archive's meetings fall in.
    /// </summary>
    public async Task<IReadOnlyList<OParlLegislativeTerm>> LegislativeTermsAsync(CancellationToken cancellationToken)
    {
        var first = await PublicMeetings.MinAsync(m => (DateOnly?)m.Date, cancellationToken);
        var last = await PublicMeetings.MaxAsync(m => (DateOnly?)m.Date, cancellationToken);
        if (first is null || last is null)
            return [];
        var terms = new List<OParlLegislativeTerm>();
        for (var start = TermStart(first.Value.Year); start <= last.Value.Year; start += 4)
            terms.Add(LegislativeTerm(start));
        return terms;
    }

    public async Task<OParlLegislativeTerm?> LegislativeTermAsync(int startYear, CancellationToken cancellationToken) =>
        (await LegislativeTermsAsync(cancellationToken)).FirstOrDefault(t => t.Id == urls.LegislativeTerm(startYear));

    public async Task<OParlList<OParlLegislativeTerm>> LegislativeTermListAsync(ListQuery query, CancellationToken cancellationToken)
    {
        var terms = await LegislativeTermsAsync(cancellationToken);
        return await Paging.PageAsync<OParlLegislativeTerm>(query, urls.BodyList("legislativeterms"), [
            new(_ => Task.FromResult(terms.Count), (skip, take, _) => Task.FromResult<IReadOnlyList<OParlLegislativeTerm>>(terms.Skip(skip).Take(take).ToList())),
        ], cancellationToken);
    }

    private static int TermStart(int year) => year - (((year - 2) % 4) + 4) % 4;

    private OParlLegislativeTerm LegislativeTerm(int startYear) => new()
    {
        Id = urls.LegislativeTerm(startYear),
        Body = urls.Body,
        Name = string.Create(CultureInfo.InvariantCulture, $"Valgperiode {startYear}–{startYear + 3}"),
        StartDate = new DateOnly(startYear, 1, 1),
        EndDate = new DateOnly(startYear + 3, 12, 31),
    };

    public async Task<OParlList<OParlLocation>> LocationsAsync(ListQuery query, CancellationToken cancellationToken)
    {
        var archive = await ArchiveAsync(cancellationToken);
        return await Paging.PageAsync(query, urls.BodyList("locations"), [
            Run(Filtered(archive.Meetings.Where(m => m.Shown.Place is not null), query, m => (m.Created, m.Modified)), Location),
            await GoneAsync(nameof(Core.Meetings.Meeting), query, _ => false, d => new OParlLocation { Id = urls.Location(d.EntityId), Modified = d.Deleted, Deleted = true }, cancellationToken),
        ], cancellationToken);
    }

    public async Task<OParlLocation?> LocationAsync(int meetingId, CancellationToken cancellationToken) =>
        (await ArchiveAsync(cancellationToken)).Meeting(meetingId) is { Shown.Place: not null } meeting
            ? Location(meeting)
            : await TombstoneAsync(nameof(Core.Meetings.Meeting), meetingId, cancellationToken) is { } gone
                ? new OParlLocation { Id = urls.Location(meetingId), Modified = gone.Deleted, Deleted = true }
                : null;

    private OParlLocation Location(ArchiveMeeting meeting) => new()
    {
        Id = urls.Location(meeting.Id),
        Description = meeting.Shown.Place,
        Bodies = [urls.Body],
        Meetings = [urls.Meeting(meeting.Id)],
        Created = meeting.Created,
        Modified = meeting.Modified,
    };

    /// <summary>A list this API has no objects for (people, memberships: the documents do not name members as such).</summary>
    public static OParlList<T> Empty<T>(ListQuery query, string listUrl)
        where T : OParlObject =>
        new([], new OParlPagination(0, query.Limit, query.Page, 1), new OParlLinks(query.Link(listUrl, 1), null, null, query.Link(listUrl, 1)));

    // ---- Helpers ------------------------------------------------------------------------------

    // A planned meeting is not public: neither it nor its items, cases, files or place are listed or found.
    private IQueryable<Meeting> PublicMeetings => db.Meetings.Where(m => m.Status != MeetingStatus.Planned);

    private async Task<PublishedArchive> ArchiveAsync(CancellationToken cancellationToken) =>
        _archive ??= await PublishedArchive.LoadAsync(db, cancellationToken);

    /// <summary>Every stored version, per meeting, oldest first.</summary>
    private async Task<Dictionary<int, List<MeetingVersion>>> AllVersionsAsync(CancellationToken cancellationToken) =>
        _versions ??= (await db.MeetingVersions.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(v => v.MeetingId)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.Number).ToList());

    private static List<T> Filtered<T>(IEnumerable<T> source, ListQuery query, Func<T, (DateTime Created, DateTime Modified)> stamps) =>
        source.Where(x =>
        {
            var (created, modified) = stamps(x);
            return (query.CreatedSince is not { } cs || created >= cs)
                && (query.CreatedUntil is not { } cu || created <= cu)
                && (query.ModifiedSince is not { } ms || modified >= ms)
                && (query.ModifiedUntil is not { } mu || modified <= mu);
        }).ToList();

    // A deleted object has no creation time: only the modified filters apply to it.
    private static List<T> Filtered<T>(IEnumerable<T> source, ListQuery query, Func<T, (DateTime?, DateTime?)> _, Func<T, DateTime> deleted) =>
        source.Where(x => (query.ModifiedSince is not { } ms || deleted(x) >= ms) && (query.ModifiedUntil is not { } mu || deleted(x) <= mu)).ToList();

    private static ListRun<T> Run<TSource, T>(IReadOnlyList<TSource> source, Func<TSource, T> map)
        where T : OParlObject =>
        new(_ => Task.FromResult(source.Count), (skip, take, _) => Task.FromResult<IReadOnlyList<T>>(source.Skip(skip).Take(take).Select(map).ToList()));

    /// <summary>A deletion as OParl reports it: when the public could last have seen the object.</summary>
    private sealed record Tombstone(int EntityId, DateTime Deleted);

    /// <summary>
    /// The deleted objects of a type, under modified_since only. An object still in a published
    /// version (<paramref name="stillPublished"/>) was removed by an edit the public has not been shown,
    /// so it is not reported; an item is reported deleted only from when a version without it was published.
    /// </summary>
    private async Task<ListRun<T>> GoneAsync<T>(string type, ListQuery query, Func<int, bool> stillPublished, Func<Tombstone, T> map, CancellationToken cancellationToken)
        where T : OParlObject
    {
        if (!query.IncludesDeleted)
            return Run<Tombstone, T>([], map);
        var rows = await db.DeletedRecords.AsNoTracking().Where(d => d.Type == type).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var tombstones = new List<Tombstone>();
        foreach (var row in rows.Where(r => !stillPublished(r.EntityId)))
            tombstones.Add(await PublicTombstoneAsync(row, cancellationToken));
        return Run(Filtered(tombstones, query, _ => (null, null), t => t.Deleted), map);
    }

    private async Task<Tombstone?> TombstoneAsync(string type, int id, CancellationToken cancellationToken) =>
        await db.DeletedRecords.AsNoTracking().Where(d => d.Type == type && d.EntityId == id).OrderByDescending(d => d.Deleted).FirstOrDefaultAsync(cancellationToken) is { } row
            ? await PublicTombstoneAsync(row, cancellationToken)
            : null;

    private async Task<Tombstone> PublicTombstoneAsync(DeletedRecord row, CancellationToken cancellationToken)
    {
        var deleted = Utc(row.Deleted);
        if (row.Type == nameof(Core.Items.AgendaItem))
        {
            foreach (var versions in (await AllVersionsAsync(cancellationToken)).Values)
            {
                if (versions.Any(v => v.Snapshot.Items.Any(i => i.ItemId == row.EntityId)) && Utc(versions[^1].Published) is var published && published > deleted)
                    deleted = published;
            }
        }

        return new Tombstone(row.EntityId, deleted);
    }

    private (DateTime Created, DateTime Modified) Stamps(object entity)
    {
        var entry = db.Entry(entity);
        return (Utc((DateTime)entry.Property(ChangeTracking.Created).CurrentValue!), Utc((DateTime)entry.Property(ChangeTracking.Modified).CurrentValue!));
    }

    private static DateTime Utc(DateTime value) => PublishedArchive.Utc(value);
}
