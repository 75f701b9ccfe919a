using System.Globalization;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
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

    public Task<OParlList<OParlOrganization>> OrganizationsAsync(ListQuery query, CancellationToken cancellationToken) =>
        Paging.PageAsync(query, urls.BodyList("organizations"), [
            Live(Filtered(db.Forums, query).OrderBy(f => f.Id), forums => Task.FromResult<IReadOnlyList<OParlOrganization>>(forums.Select(Organization).ToList())),
            Gone(nameof(Forum), query, d => new OParlOrganization { Id = urls.Organization(d.EntityId), Modified = Utc(d.Deleted), Deleted = true }),
        ], cancellationToken);

    public async Task<OParlOrganization?> OrganizationAsync(int id, CancellationToken cancellationToken) =>
        await db.Forums.FirstOrDefaultAsync(f => f.Id == id, cancellationToken) is { } forum
            ? Organization(forum)
            : await TombstoneAsync(nameof(Forum), id, cancellationToken) is { } gone
                ? new OParlOrganization { Id = urls.Organization(id), Modified = Utc(gone.Deleted), Deleted = true }
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

    public Task<OParlList<OParlMeeting>> MeetingsAsync(ListQuery query, int? forumId, CancellationToken cancellationToken)
    {
        var meetings = Filtered(PublicMeetings, query);
        if (forumId is { } id)
            meetings = meetings.Where(m => m.ForumId == id);
        var listUrl = forumId is { } forum ? urls.OrganizationMeetings(forum) : urls.BodyList("meetings");
        ListRun<OParlMeeting>[] runs = forumId is null
            ? [Live(WithContent(meetings).OrderBy(m => m.Id), MapMeetings), Gone(nameof(Meeting), query, DeletedMeeting)]
            : [Live(WithContent(meetings).OrderBy(m => m.Id), MapMeetings)];
        return Paging.PageAsync(query, listUrl, runs, cancellationToken);

        Task<IReadOnlyList<OParlMeeting>> MapMeetings(List<Meeting> page) => Task.FromResult<IReadOnlyList<OParlMeeting>>(page.Select(Meeting).ToList());
    }

    public async Task<OParlMeeting?> MeetingAsync(int id, CancellationToken cancellationToken) =>
        await WithContent(PublicMeetings).FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } meeting
            ? Meeting(meeting)
            : await TombstoneAsync(nameof(Meeting), id, cancellationToken) is { } gone ? DeletedMeeting(gone) : null;

    private OParlMeeting DeletedMeeting(DeletedRecord gone) => new() { Id = urls.Meeting(gone.EntityId), Modified = Utc(gone.Deleted), Deleted = true };

    private OParlMeeting Meeting(Meeting meeting)
    {
        var (created, modified) = Stamps(meeting);
        var document = DocumentFile(meeting);
        return new OParlMeeting
        {
            Id = urls.Meeting(meeting.Id),
            Name = $"{meeting.Forum.Name} – møde {DanishDates.LongDate(meeting.Date).ToLowerInvariant()}",
            MeetingState = meeting.Status switch
            {
                MeetingStatus.AgendaPublished => "dagsorden offentliggjort",
                MeetingStatus.MinutesPublished => "referat offentliggjort",
                MeetingStatus.MinutesApproved => "referat godkendt",
                _ => "planlagt",
            },
            Cancelled = false,
            Start = meeting.StartTime is { } start
                ? Copenhagen.AtLeniently(new LocalDateTime(meeting.Date.Year, meeting.Date.Month, meeting.Date.Day, start.Hour, start.Minute)).ToDateTimeOffset()
                : null,
            Location = meeting.Place is null ? null : Location(meeting),
            Organization = [urls.Organization(meeting.ForumId)],
            Invitation = meeting.Kind == DocumentKind.Agenda ? document : null,
            ResultsProtocol = meeting.Kind == DocumentKind.Minutes ? document : null,
            AgendaItem = meeting.Items.Select(i => AgendaItem(i, meeting)).ToList(),
            Web = urls.Site.MeetingPage(meeting.Key),
            Created = created,
            Modified = modified,
        };
    }

    // ---- Agenda items -----------------------------------------------------------------------

    public Task<OParlList<OParlAgendaItem>> AgendaItemsAsync(ListQuery query, CancellationToken cancellationToken) =>
        Paging.PageAsync(query, urls.BodyList("agendaitems"), [
            Live<AgendaItem, OParlAgendaItem>(Filtered(PublicItems, query).Include(i => i.Attachments).OrderBy(i => i.Id), async items =>
            {
                var meetings = await MeetingsOfAsync(items, cancellationToken);
                return items.Select(i => AgendaItem(i, meetings[i.MeetingId])).ToList();
            }),
            Gone(nameof(AgendaItem), query, d => new OParlAgendaItem { Id = urls.AgendaItem(d.EntityId), Modified = Utc(d.Deleted), Deleted = true }),
        ], cancellationToken);

    public async Task<OParlAgendaItem?> AgendaItemAsync(int id, CancellationToken cancellationToken)
    {
        if (await PublicItems.Include(i => i.Attachments).FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is { } item)
            return AgendaItem(item, (await MeetingsOfAsync([item], cancellationToken))[item.MeetingId]);
        return await TombstoneAsync(nameof(AgendaItem), id, cancellationToken) is { } gone
            ? new OParlAgendaItem { Id = urls.AgendaItem(id), Modified = Utc(gone.Deleted), Deleted = true }
            : null;
    }

    private OParlAgendaItem AgendaItem(AgendaItem item, Meeting meeting)
    {
        var (created, modified) = Stamps(item);
        var shown = DocumentItem.From(item, DocumentAudience.Public);
        var open = !item.IsClosed;
        var files = open ? item.Attachments.Where(a => a.IsPublic).Select(a => AttachmentFile(a, item, meeting)).ToList() : [];
        return new OParlAgendaItem
        {
            Id = urls.AgendaItem(item.Id),
            Meeting = urls.Meeting(meeting.Id),
            Number = item.Number.ToString(CultureInfo.InvariantCulture),
            Order = item.Number,
            Name = shown.Title,
            Public = open,
            Consultation = item.CaseNumber is null ? null : urls.Consultation(item.Id),
            Result = open && item.DecisionOutcome is { } outcome ? MeetingText.OutcomeName(outcome) : null,
            ResolutionText = open && item.DecisionText is { IsEmpty: false } decision ? decision.ToPlainText() : null,
            AuxiliaryFile = files.Count > 0 ? files : null,
            Keyword = item.CaseNumber?.KleSubject is { } subject ? ["KLE " + subject] : null,
            Web = urls.Site.ItemPage(meeting.Key, item.Number),
            Created = created,
            Modified = modified,
        };
    }

    // ---- Papers (cases) and consultations ---------------------------------------------------

    public Task<OParlList<OParlPaper>> PapersAsync(ListQuery query, CancellationToken cancellationToken)
    {
        var cases = PublicItems.Where(i => i.CaseNumber != null)
            .GroupBy(i => i.CaseNumber)
            .Select(g => new
            {
                CaseNumber = g.Key,
                Created = g.Min(i => EF.Property<DateTime>(i, ChangeTracking.Created)),
                Modified = g.Max(i => EF.Property<DateTime>(i, ChangeTracking.Modified)),
            });
        if (query.CreatedSince is { } createdSince)
            cases = cases.Where(c => c.Created >= createdSince);
        if (query.CreatedUntil is { } createdUntil)
            cases = cases.Where(c => c.Created <= createdUntil);
        if (query.ModifiedSince is { } modifiedSince)
            cases = cases.Where(c => c.Modified >= modifiedSince);
        if (query.ModifiedUntil is { } modifiedUntil)
            cases = cases.Where(c => c.Modified <= modifiedUntil);

        // A paper disappears only when its last item does, and an item's tombstone does not keep its
        // case number, so deleted papers cannot be listed; their consultations are (as deleted).
        return Paging.PageAsync<OParlPaper>(query, urls.BodyList("papers"), [
            new(
                cases.CountAsync,
                async (skip, take, ct) =>
                {
                    var page = await cases.OrderBy(c => c.CaseNumber).Skip(skip).Take(take).Select(c => c.CaseNumber!).ToListAsync(ct);
                    var papers = new List<OParlPaper>();
                    foreach (var caseNumber in page)
                        papers.Add(await PaperOfAsync(caseNumber, ct) ?? throw new InvalidOperationException("A listed case has no items."));
                    return papers;
                }),
        ], cancellationToken);
    }

    public Task<OParlPaper?> PaperAsync(string reference, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(reference) ? Task.FromResult<OParlPaper?>(null) : PaperOfAsync(Core.CaseNumbers.CaseNumber.Parse(reference), cancellationToken);

    private async Task<OParlPaper?> PaperOfAsync(Core.CaseNumbers.CaseNumber caseNumber, CancellationToken cancellationToken)
    {
        var items = await PublicItems.Where(i => i.CaseNumber == caseNumber).ToListAsync(cancellationToken);
        if (items.Count == 0)
            return null;
        var meetings = await MeetingsOfAsync(items, cancellationToken);
        var treated = items.OrderBy(i => meetings[i.MeetingId].Date).ThenBy(i => i.Id).ToList();
        var stamps = items.Select(Stamps).ToList();

        // The case is named by its latest public treatment; a case seen only in closed items has no name.
        var named = treated.LastOrDefault(i => !i.IsClosed && i.Title.Length > 0);
        return new OParlPaper
        {
            Id = urls.Paper(caseNumber.Value),
            Body = urls.Body,
            Name = named?.Title,
            Reference = caseNumber.Value,
            Date = meetings[treated[0].MeetingId].Date,
            PaperType = "Sag",
            Consultation = treated.Select(i => Consultation(i, meetings[i.MeetingId])).ToList(),
            Keyword = caseNumber.KleSubject is { } subject ? ["KLE " + subject] : null,
            Created = stamps.Min(s => s.Created),
            Modified = stamps.Max(s => s.Modified),
        };
    }

    public Task<OParlList<OParlConsultation>> ConsultationsAsync(ListQuery query, CancellationToken cancellationToken) =>
        Paging.PageAsync(query, urls.BodyList("consultations"), [
            Live<AgendaItem, OParlConsultation>(Filtered(PublicItems, query).Where(i => i.CaseNumber != null).OrderBy(i => i.Id), async items =>
            {
                var meetings = await MeetingsOfAsync(items, cancellationToken);
                return items.Select(i => Consultation(i, meetings[i.MeetingId])).ToList();
            }),
            Gone(nameof(AgendaItem), query, d => new OParlConsultation { Id = urls.Consultation(d.EntityId), Modified = Utc(d.Deleted), Deleted = true }),
        ], cancellationToken);

    public async Task<OParlConsultation?> ConsultationAsync(int itemId, CancellationToken cancellationToken)
    {
        if (await PublicItems.FirstOrDefaultAsync(i => i.Id == itemId && i.CaseNumber != null, cancellationToken) is { } item)
            return Consultation(item, (await MeetingsOfAsync([item], cancellationToken))[item.MeetingId]);
        return await TombstoneAsync(nameof(AgendaItem), itemId, cancellationToken) is { } gone
            ? new OParlConsultation { Id = urls.Consultation(itemId), Modified = Utc(gone.Deleted), Deleted = true }
            : null;
    }

    private OParlConsultation Consultation(AgendaItem item, Meeting meeting)
    {
        var (created, modified) = Stamps(item);
        var outcome = item.IsClosed ? null : item.DecisionOutcome;
        return new OParlConsultation
        {
            Id = urls.Consultation(item.Id),
            Paper = urls.Paper(item.CaseNumber!.Value),
            AgendaItem = urls.AgendaItem(item.Id),
            Meeting = urls.Meeting(meeting.Id),
            Organization = [urls.Organization(meeting.ForumId)],
            Authoritative = outcome is null ? null : outcome is DecisionOutcome.Approved or DecisionOutcome.Rejected,
            Role = outcome switch
            {
                DecisionOutcome.Approved or DecisionOutcome.Rejected => "Beslutning",
                DecisionOutcome.Noted => "Orientering",
                DecisionOutcome.Discussed => "Drøftelse",
                _ => null,
            },
            Created = created,
            Modified = modified,
        };
    }

    // ---- Files --------------------------------------------------------------------------------

    /// <summary>The meetings' public PDFs, then the public attachments of open items.</summary>
    public Task<OParlList<OParlFile>> FilesAsync(ListQuery query, CancellationToken cancellationToken)
    {
        var attachments = Filtered(db.Attachments, query)
            .Where(a => a.IsPublic && PublicItems.Any(i => i.Id == a.ItemId && !i.IsClosed))
            .OrderBy(a => a.Id);
        return Paging.PageAsync(query, urls.BodyList("files"), [
            Live(Filtered(PublicMeetings, query).Include(m => m.Forum).OrderBy(m => m.Id), meetings => Task.FromResult<IReadOnlyList<OParlFile>>(meetings.Select(DocumentFile).ToList())),
            Live<Attachment, OParlFile>(attachments, async page =>
            {
                var itemIds = page.Select(a => a.ItemId).Distinct().ToList();
                var items = await db.Items.Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
                var meetings = await MeetingsOfAsync(items.Values.ToList(), cancellationToken);
                return page.Select(a => AttachmentFile(a, items[a.ItemId], meetings[items[a.ItemId].MeetingId])).ToList();
            }),
            Gone(nameof(Meeting), query, d => new OParlFile { Id = urls.DocumentFile(d.EntityId), Modified = Utc(d.Deleted), Deleted = true }),
            Gone(nameof(Attachment), query, d => new OParlFile { Id = urls.AttachmentFile(d.EntityId), Modified = Utc(d.Deleted), Deleted = true }),
        ], cancellationToken);
    }

    public async Task<OParlFile?> DocumentFileAsync(int meetingId, CancellationToken cancellationToken) =>
        await PublicMeetings.Include(m => m.Forum).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken) is { } meeting
            ? DocumentFile(meeting)
            : await TombstoneAsync(nameof(Meeting), meetingId, cancellationToken) is { } gone
                ? new OParlFile { Id = urls.DocumentFile(meetingId), Modified = Utc(gone.Deleted), Deleted = true }
                : null;

    /// <summary>Only a public attachment of an open item; any other is as unknown as one that never existed.</summary>
    public async Task<OParlFile?> AttachmentFileAsync(int attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.IsPublic, cancellationToken);
        var item = attachment is null ? null : await PublicItems.FirstOrDefaultAsync(i => i.Id == attachment.ItemId && !i.IsClosed, cancellationToken);
        if (attachment is not null && item is not null)
            return AttachmentFile(attachment, item, (await MeetingsOfAsync([item], cancellationToken))[item.MeetingId]);
        return await TombstoneAsync(nameof(Attachment), attachmentId, cancellationToken) is { } gone
            ? new OParlFile { Id = urls.AttachmentFile(attachmentId), Modified = Utc(gone.Deleted), Deleted = true }
            : null;
    }

    private OParlFile DocumentFile(Meeting meeting)
    {
        var (created, modified) = Stamps(meeting);
        var kind = meeting.Kind == DocumentKind.Minutes ? "Referat" : "Dagsorden";
        var pdf = urls.Site.MeetingPdf(meeting.Key);
        return new OParlFile
        {
            Id = urls.DocumentFile(meeting.Id),
            Name = $"{kind} – {meeting.Forum.Name} {DanishDates.LongDate(meeting.Date).ToLowerInvariant()}",
            FileName = $"{kind.ToLowerInvariant()}-{meeting.Forum.Code.ToLowerInvariant()}-{meeting.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.pdf",
            MimeType = "application/pdf",
            Date = meeting.Date,
            AccessUrl = pdf,
            DownloadUrl = pdf,
            Meeting = [urls.Meeting(meeting.Id)],
            Web = urls.Site.MeetingPage(meeting.Key),
            Created = created,
            Modified = modified,
        };
    }

    // An attachment's file is not served on its own yet; its access address is the item's page, which lists it.
    private OParlFile AttachmentFile(Attachment attachment, AgendaItem item, Meeting meeting)
    {
        var (created, modified) = Stamps(attachment);
        return new OParlFile
        {
            Id = urls.AttachmentFile(attachment.Id),
            Name = attachment.Title,
            FileName = attachment.FileName,
            MimeType = attachment.ContentType,
            Size = attachment.Size,
            Date = meeting.Date,
            AccessUrl = urls.Site.ItemPage(meeting.Key, item.Number),
            Meeting = [urls.Meeting(meeting.Id)],
            AgendaItem = [urls.AgendaItem(item.Id)],
            Created = created,
            Modified = modified,
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

    public Task<OParlList<OParlLocation>> LocationsAsync(ListQuery query, CancellationToken cancellationToken) =>
        Paging.PageAsync(query, urls.BodyList("locations"), [
            Live(Filtered(PublicMeetings, query).Where(m => m.Place != null).OrderBy(m => m.Id), meetings => Task.FromResult<IReadOnlyList<OParlLocation>>(meetings.Select(Location).ToList())),
            Gone(nameof(Meeting), query, d => new OParlLocation { Id = urls.Location(d.EntityId), Modified = Utc(d.Deleted), Deleted = true }),
        ], cancellationToken);

    public async Task<OParlLocation?> LocationAsync(int meetingId, CancellationToken cancellationToken) =>
        await PublicMeetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.Place != null, cancellationToken) is { } meeting
            ? Location(meeting)
            : await TombstoneAsync(nameof(Meeting), meetingId, cancellationToken) is { } gone
                ? new OParlLocation { Id = urls.Location(meetingId), Modified = Utc(gone.Deleted), Deleted = true }
                : null;

    private OParlLocation Location(Meeting meeting)
    {
        var (created, modified) = Stamps(meeting);
        return new OParlLocation
        {
            Id = urls.Location(meeting.Id),
            Description = meeting.Place,
            Bodies = [urls.Body],
            Meetings = [urls.Meeting(meeting.Id)],
            Created = created,
            Modified = modified,
        };
    }

    /// <summary>A list this API has no objects for (people, memberships: the documents do not name members as such).</summary>
    public static OParlList<T> Empty<T>(ListQuery query, string listUrl)
        where T : OParlObject =>
        new([], new OParlPagination(0, query.Limit, query.Page, 1), new OParlLinks(query.Link(listUrl, 1), null, null, query.Link(listUrl, 1)));

    // ---- Helpers ------------------------------------------------------------------------------

    // A planned meeting is not public: neither it nor its items, cases, files or place are listed or found.
    private IQueryable<Meeting> PublicMeetings => db.Meetings.Where(m => m.Status != MeetingStatus.Planned);

    private IQueryable<AgendaItem> PublicItems => db.Items.Where(i => db.Meetings.Any(m => m.Id == i.MeetingId && m.Status != MeetingStatus.Planned));

    private IQueryable<Meeting> WithContent(IQueryable<Meeting> meetings) =>
        meetings.Include(m => m.Forum).Include(m => m.Items).ThenInclude(i => i.Attachments).AsSplitQuery();

    private async Task<Dictionary<int, Meeting>> MeetingsOfAsync(IReadOnlyCollection<AgendaItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.MeetingId).Distinct().ToList();
        return await db.Meetings.Include(m => m.Forum).Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
    }

    private static IQueryable<T> Filtered<T>(IQueryable<T> source, ListQuery query)
        where T : class
    {
        if (query.CreatedSince is { } createdSince)
            source = source.Where(e => EF.Property<DateTime>(e, ChangeTracking.Created) >= createdSince);
        if (query.CreatedUntil is { } createdUntil)
            source = source.Where(e => EF.Property<DateTime>(e, ChangeTracking.Created) <= createdUntil);
        if (query.ModifiedSince is { } modifiedSince)
            source = source.Where(e => EF.Property<DateTime>(e, ChangeTracking.Modified) >= modifiedSince);
        if (query.ModifiedUntil is { } modifiedUntil)
            source = source.Where(e => EF.Property<DateTime>(e, ChangeTracking.Modified) <= modifiedUntil);
        return source;
    }

    private ListRun<T> Live<TEntity, T>(IQueryable<TEntity> ordered, Func<List<TEntity>, Task<IReadOnlyList<T>>> map)
        where T : OParlObject =>
        new(ordered.CountAsync, async (skip, take, cancellationToken) => await map(await ordered.Skip(skip).Take(take).ToListAsync(cancellationToken)));

    private ListRun<T> Gone<T>(string type, ListQuery query, Func<DeletedRecord, T> map)
        where T : OParlObject
    {
        if (query.ModifiedSince is not { } since)
            return new(_ => Task.FromResult(0), (_, _, _) => Task.FromResult<IReadOnlyList<T>>([]));
        var tombstones = db.DeletedRecords.AsNoTracking().Where(d => d.Type == type && d.Deleted >= since);
        if (query.ModifiedUntil is { } until)
            tombstones = tombstones.Where(d => d.Deleted <= until);
        var ordered = tombstones.OrderBy(d => d.Id);
        return new(ordered.CountAsync, async (skip, take, cancellationToken) =>
            (await ordered.Skip(skip).Take(take).ToListAsync(cancellationToken)).Select(map).ToList());
    }

    private Task<DeletedRecord?> TombstoneAsync(string type, int id, CancellationToken cancellationToken) =>
        db.DeletedRecords.AsNoTracking().Where(d => d.Type == type && d.EntityId == id).OrderByDescending(d => d.Deleted).FirstOrDefaultAsync(cancellationToken);

    private (DateTime Created, DateTime Modified) Stamps(object entity)
    {
        var entry = db.Entry(entity);
        return (Utc((DateTime)entry.Property(ChangeTracking.Created).CurrentValue!), Utc((DateTime)entry.Property(ChangeTracking.Modified).CurrentValue!));
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
