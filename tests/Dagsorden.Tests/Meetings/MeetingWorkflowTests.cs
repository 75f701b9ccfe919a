using Dagsorden.Core;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Meetings;

/// <summary>The meeting's life on both providers: planning, the agenda, publishing, decisions, approval and correction.</summary>
public sealed class MeetingWorkflowTests
{
    private static readonly DateOnly First = new(2026, 9, 3);
    private static readonly DateOnly Second = new(2026, 9, 17);
    private static readonly DateOnly Third = new(2026, 10, 1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NewMeetingOpensWithApprovalOfUnapprovedMinutesAndEndsWithEvt(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var forum = await ForumAsync(db);
        var workflow = new MeetingWorkflow(db);
        var first = await PublishedMinutesAsync(workflow, forum, First);

        var second = await workflow.PlanAsync(forum.Id, Second, null, null);
        var loaded = await workflow.LoadAsync(second.Id);

        Assert.Equal(MeetingStatus.Planned, loaded.Status);
        Assert.Equal(new TimeOnly(9, 0), loaded.StartTime);
        Assert.Equal("Mødelokale 412", loaded.Place);
        Assert.Equal(["Godkendelse af dagsorden og referat", "Evt."], loaded.Items.Select(i => i.Title));
        Assert.Equal(
            ["At dagsordenen for mødet godkendes", "At referatet fra mødet d. 03-09-2026 godkendes"],
            loaded.Items[0].Recommendation!.ClauseTexts);
        Assert.Equal(MeetingStatus.MinutesPublished, (await workflow.LoadAsync(first.Id)).Status);
        var printed = TextDocumentWriter.Write(MeetingDocument.From(loaded, DocumentAudience.Public));
        Assert.Contains("1. At dagsordenen for mødet godkendes\n2. At referatet fra mødet d. 03-09-2026 godkendes", printed.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ItemsArePlacedBeforeEvtAndKeepContiguousNumbersWhenMoved(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var forum = await ForumAsync(db);
        var workflow = new MeetingWorkflow(db);
        var meeting = await workflow.PlanAsync(forum.Id, First, null, null);
        var a = await SubmittedDraftAsync(db, forum, "Budget 2027");
        var b = await SubmittedDraftAsync(db, forum, "Sygefravær");

        await workflow.PlaceDraftAsync(meeting.Id, a, await RevisionAsync(workflow, meeting.Id));
        await workflow.PlaceDraftAsync(meeting.Id, b, await RevisionAsync(workflow, meeting.Id));
        await workflow.MoveItemAsync(meeting.Id, 3, 2, await RevisionAsync(workflow, meeting.Id));

        var loaded = await workflow.LoadAsync(meeting.Id);
        Assert.Equal(["Godkendelse af dagsorden og referat", "Sygefravær", "Budget 2027", "Evt."], loaded.Items.Select(i => i.Title));
        Assert.Equal([1, 2, 3, 4], loaded.Items.Select(i => i.Number));
        Assert.Equal(DraftStatus.Placed, (await db.ItemDrafts.AsNoTracking().SingleAsync(d => d.Id == a)).Status);

        await workflow.RemoveItemAsync(meeting.Id, 3, await RevisionAsync(workflow, meeting.Id));

        loaded = await workflow.LoadAsync(meeting.Id);
        Assert.Equal(["Godkendelse af dagsorden og referat", "Sygefravær", "Evt."], loaded.Items.Select(i => i.Title));
        Assert.Equal(DraftStatus.Submitted, (await db.ItemDrafts.AsNoTracking().SingleAsync(d => d.Id == a)).Status);
    }

    [Theory]
    [InlineData(2, 0, "Punkt 2 kan ikke flyttes til nummer 0.")]
    [InlineData(2, 9, "Punkt 2 kan ikke flyttes til nummer 9.")]
    [InlineData(2, 1, "Punkt 2 kan ikke flyttes til nummer 1.")]
    [InlineData(1, 2, "Punkt 1, godkendelse af dagsorden og referat, står altid først.")]
    [InlineData(3, 2, "»Evt.« står altid sidst på dagsordenen.")]
    public async Task MovingAnItemOutsideTheAgendasFrameIsRefusedAndChangesNothing(int number, int target, string message)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var forum = await ForumAsync(db);
        var workflow = new MeetingWorkflow(db);
        var meeting = await workflow.PlanAsync(forum.Id, First, null, null);
        await workflow.PlaceDraftAsync(meeting.Id, await SubmittedDraftAsync(db, forum, "Budget"), await RevisionAsync(workflow, meeting.Id));
        var revision = await RevisionAsync(workflow, meeting.Id);

        var error = await Assert.ThrowsAsync<DomainException>(() => workflow.MoveItemAsync(meeting.Id, number, target, revision));

        Assert.StartsWith(message, error.DanishMessage, StringComparison.Ordinal);
        Assert.Equal(revision, await RevisionAsync(workflow, meeting.Id));
    }

    [Fact]
    public async Task AChangeMadeOnAnOlderRevisionIsRefusedAsAConflict()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var forum = await ForumAsync(db);
        var workflow = new MeetingWorkflow(db);
        var meeting = await workflow.PlanAsync(forum.Id, First, null, null);
        var seen = await RevisionAsync(workflow, meeting.Id);
        await workflow.PlaceDraftAsync(meeting.Id, await SubmittedDraftAsync(db, forum, "Først"), seen);

        var error = await Assert.ThrowsAsync<EditConflictException>(() => workflow.MoveItemAsync(meeting.Id, 2, 1, seen));

        Assert.Contains("ændret af en anden", error.DanishMessage, StringComparison.Ordinal);
        Assert.Equal("Først", (await workflow.LoadAsync(meeting.Id)).Item(2).Title);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoContextsSavingTheSameItemAtOnceLeaveTheFirstAndRefuseTheSecond(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var forum = await ForumAsync(db);
        var meeting = await new MeetingWorkflow(db).PlanAsync(forum.Id, First, null, null);

        // Both secretaries loaded the item before either saved.
        await using var first = await database.OpenAsync();
        await using var second = await database.OpenAsync();
        var mine = await first.Meetings.Include(m => m.Forum).Include(m => m.Items).SingleAsync(m => m.Id == meeting.Id);
        var theirs = await second.Meetings.Include(m => m.Forum).Include(m => m.Items).SingleAsync(m => m.Id == meeting.Id);
        var revision = mine.Item(2).Revision;
        mine.EditItem(2, mine.Item(2).Content with { Title = "Evt. (første)" }, revision);
        theirs.EditItem(2, theirs.Item(2).Content with { Title = "Evt. (anden)" }, revision);
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = await database.OpenAsync();
        Assert.Equal("Evt. (første)", (await new MeetingWorkflow(check).LoadAsync(meeting.Id)).Item(2).Title);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APublishedAgendaIsFrozenAndASupplementListsWhatChanged(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var forum = await ForumAsync(db);
        var workflow = new MeetingWorkflow(db);
        var meeting = await workflow.PlanAsync(forum.Id, First, null, null);
        await workflow.PlaceDraftAsync(meeting.Id, await SubmittedDraftAsync(db, forum, "Budget 2027"), await RevisionAsync(workflow, meeting.Id));

        var v1 = await workflow.PublishAgendaAsync(meeting.Id, "Sekretæren");
        await workflow.PlaceDraftAsync(meeting.Id, await SubmittedDraftAsync(db, forum, "Nyt lønsystem"), await RevisionAsync(workflow, meeting.Id));
        await workflow.MarkToFollowAsync(meeting.Id, 2, true, await RevisionAsync(workflow, meeting.Id));
        var v2 = await workflow.PublishAgendaAsync(meeting.Id, "Sekretæren");

        var versions = await workflow.VersionsAsync(meeting.Id);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(["Dagsorden", "Tillægsdagsorden 1"], versions.Select(v => MeetingVersion.Describe(versions, v)));
        Assert.Equal(["Godkendelse af dagsorden og referat", "Budget 2027", "Evt."], versions[0].Snapshot.Items.Select(i => i.Content.Title));
        Assert.Equal(
            ["Punkt 3 er tilføjet: CF - Nyt lønsystem", "Punkt 3 er nu punkt 4: CF - Evt."],
            VersionChanges.Between(versions[0].Snapshot, versions[1].Snapshot, showClosed: true).Where(c => !c.Contains("eftersendes", StringComparison.Ordinal)));
        Assert.Contains("Punkt 2 eftersendes", VersionChanges.Between(v1.Snapshot, v2.Snapshot, showClosed: true));
    }

    [Fact]
    public async Task APublishedVersionRendersAsItWasPublishedAfterLaterEdits()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var forum = await ForumAsync(db);
        var workflow = new MeetingWorkflow(db);
        var meeting = await workflow.PlanAsync(forum.Id, First, null, null);
        await workflow.PlaceDraftAsync(meeting.Id, await SubmittedDraftAsync(db, forum, "Budget 2027"), await RevisionAsync(workflow, meeting.Id));
        await workflow.PublishAgendaAsync(meeting.Id, "Sekretæren");
        var published = TextDocumentWriter.Write(MeetingDocument.From(await workflow.LoadAsync(meeting.Id), DocumentAudience.Internal));

        var live = await workflow.LoadAsync(meeting.Id);
        await workflow.EditItemAsync(meeting.Id, 2, live.Item(2).Content with { Title = "Budget 2027, ændret" }, live.Item(2).Revision);
        var version = (await workflow.VersionsAsync(meeting.Id)).Single();
        var again = TextDocumentWriter.Write(MeetingDocument.From(version.Snapshot.ToMeeting(forum, First), DocumentAudience.Internal));

        Assert.Equal(published, again);
        Assert.DoesNotContain("ændret", again, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MinutesNeedEveryDecisionAndTheNextMeetingsItemOneApprovesThem(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var forum = await ForumAsync(db);
        var workflow = new MeetingWorkflow(db);
        var first = await workflow.PlanAsync(forum.Id, First, null, null);
        await workflow.PublishAgendaAsync(first.Id, "Sekretæren");
        await DecideAsync(workflow, first.Id, 1, DecisionOutcome.Approved);

        var refused = await Assert.ThrowsAsync<DomainException>(() => workflow.PublishMinutesAsync(first.Id, "Sekretæren"));
        Assert.Equal("Punkt 2 mangler en beslutning.", refused.DanishMessage);

        await DecideAsync(workflow, first.Id, 2, DecisionOutcome.Noted);
        await workflow.PublishMinutesAsync(first.Id, "Sekretæren");
        var second = await workflow.PlanAsync(forum.Id, Second, null, null);
        await workflow.PublishAgendaAsync(second.Id, "Sekretæren");
        Assert.Equal(MeetingStatus.MinutesPublished, (await workflow.LoadAsync(first.Id)).Status);

        await DecideAsync(workflow, second.Id, 1, DecisionOutcome.Postponed);
        Assert.Equal(MeetingStatus.MinutesPublished, (await workflow.LoadAsync(first.Id)).Status);
        await DecideAsync(workflow, second.Id, 1, DecisionOutcome.Approved);

        var approved = await workflow.LoadAsync(first.Id);
        Assert.Equal(MeetingStatus.MinutesApproved, approved.Status);
        Assert.Equal(Second, approved.MinutesApprovedOn);
        Assert.Equal(MinutesApprovalOutcome.Approved, (await workflow.LoadAsync(second.Id)).Item(1).MinutesApproval!.Outcome);
        Assert.Equal(DocumentKind.Minutes, (await workflow.VersionsAsync(first.Id)).Last().Kind);
    }

    [Fact]
    public async Task ApprovedMinutesAreReadOnlyAndChangeOnlyByACorrectionWithAReason()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var forum = await ForumAsync(db);
        var workflow = new MeetingWorkflow(db);
        var first = await PublishedMinutesAsync(workflow, forum, First);
        var second = await workflow.PlanAsync(forum.Id, Second, null, null);
        await workflow.PublishAgendaAsync(second.Id, "Sekretæren");
        await DecideAsync(workflow, second.Id, 1, DecisionOutcome.Approved);
        var item = (await workflow.LoadAsync(first.Id)).Item(2);

        var edit = await Assert.ThrowsAsync<DomainException>(() => workflow.EditItemAsync(first.Id, 2, item.Content with { Title = "Omskrevet" }, item.Revision));
        var decision = await Assert.ThrowsAsync<DomainException>(() => workflow.RecordDecisionAsync(first.Id, 2, null, item.Revision));
        var noReason = await Assert.ThrowsAsync<DomainException>(() => workflow.CorrectItemAsync(first.Id, 2, item.Content with { Title = "Rettet" }, " ", item.Revision, "Sekretæren"));
        Assert.Contains("Referatet er godkendt", edit.DanishMessage, StringComparison.Ordinal);
        Assert.Contains("Referatet er godkendt", decision.DanishMessage, StringComparison.Ordinal);
        Assert.Equal("Skriv en begrundelse for rettelsen.", noReason.DanishMessage);

        var correction = await workflow.CorrectItemAsync(first.Id, 2, item.Content with { Title = "Evt. (rettet stavefejl)" }, "Stavefejl i titlen", item.Revision, "Sekretæren");

        var versions = await workflow.VersionsAsync(first.Id);
        Assert.Equal("Stavefejl i titlen", correction.CorrectionReason);
        Assert.Equal("Rettet referat", MeetingVersion.Describe(versions, versions[^1]));
        Assert.Equal("Evt.", versions[^2].Snapshot.Items.Single(i => i.Number == 2).Content.Title);
        Assert.Equal("Evt. (rettet stavefejl)", versions[^1].Snapshot.Items.Single(i => i.Number == 2).Content.Title);
        Assert.Equal(MeetingStatus.MinutesApproved, (await workflow.LoadAsync(first.Id)).Status);
    }

    [Fact]
    public async Task ThePublicListOfChangesNamesAClosedItemOnlyLukket()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var forum = await ForumAsync(db);
        var workflow = new MeetingWorkflow(db);
        var meeting = await workflow.PlanAsync(forum.Id, First, null, null);
        await workflow.PublishAgendaAsync(meeting.Id, "Sekretæren");
        var draft = new ItemDraft(await db.Forums.SingleAsync(f => f.Id == forum.Id), "author", "Forfatteren", Builders.ClosedItem("HEMMELIG-7Q", "00.01.00-A00-3-26") with { Decision = null });
        db.ItemDrafts.Add(draft);
        await db.SaveChangesAsync();
        draft.Submit(DateTime.UtcNow);
        await db.SaveChangesAsync();
        await workflow.PlaceDraftAsync(meeting.Id, draft.Id, await RevisionAsync(workflow, meeting.Id));
        await workflow.PublishAgendaAsync(meeting.Id, "Sekretæren");

        var versions = await workflow.VersionsAsync(meeting.Id);
        var changes = VersionChanges.Between(versions[0].Snapshot, versions[1].Snapshot, showClosed: false);

        Assert.Contains("Punkt 2 er tilføjet: Lukket", changes);
        Assert.DoesNotContain(changes, c => c.Contains("HEMMELIG-7Q", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnImportedMeetingIsFrozenAsImportedBeforeTheWorkflowFirstChangesIt(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await new Core.Import.MeetingImporter(db).StoreAsync(Builders.Meeting(First, Builders.OpenItem("Importeret punkt")));
        var workflow = new MeetingWorkflow(db);
        var meetingId = (await db.Meetings.AsNoTracking().SingleAsync()).Id;
        var item = (await workflow.LoadAsync(meetingId)).Item(1);

        await workflow.EditItemAsync(meetingId, 1, item.Content with { Title = "Redigeret punkt" }, item.Revision);

        var version = Assert.Single(await workflow.VersionsAsync(meetingId));
        Assert.Equal(MeetingWorkflow.ImportedBy, version.PublishedBy);
        Assert.Equal("Importeret punkt", version.Snapshot.Items.Single().Content.Title);
        await using var check = await database.OpenAsync();
        Assert.Equal("Redigeret punkt", (await new MeetingWorkflow(check).LoadAsync(meetingId)).Item(1).Title);
    }

    [Fact]
    public async Task ADecisionRecordedWithoutWordsPrintsItsOutcome()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var forum = await ForumAsync(db);
        var workflow = new MeetingWorkflow(db);
        var meeting = await workflow.PlanAsync(forum.Id, First, null, null);
        await workflow.PublishAgendaAsync(meeting.Id, "Sekretæren");
        var item = (await workflow.LoadAsync(meeting.Id)).Item(2);

        await workflow.RecordDecisionAsync(meeting.Id, 2, new Decision(RichText.Empty, DecisionOutcome.Noted), item.Revision);

        var printed = TextDocumentWriter.Write(MeetingDocument.From(await workflow.LoadAsync(meeting.Id), DocumentAudience.Public));
        Assert.Contains("Beslutning\n\nTaget til efterretning.", printed.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void TheYearlyPlanRepeatsEverySecondWeekAndLeavesOutJuly()
    {
        var dates = new YearPlan(new DateOnly(2027, 1, 7), 2, new DateOnly(2027, 12, 31), new HashSet<int> { 7 }).Dates();

        Assert.All(dates, d => Assert.Equal(DayOfWeek.Thursday, d.DayOfWeek));
        Assert.DoesNotContain(dates, d => d.Month == 7);
        Assert.Equal(new DateOnly(2027, 1, 21), dates[1]);
        Assert.Equal(24, dates.Count);
    }

    [Theory]
    [InlineData(0, "2027-12-31", "Intervallet skal være mellem 1 og 52 uger.")]
    [InlineData(2, "2026-12-31", "Slutdatoen ligger før den første mødedato.")]
    public void ABadYearlyPlanIsRefused(int weeks, string until, string message)
    {
        var plan = new YearPlan(new DateOnly(2027, 1, 7), weeks, DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), new HashSet<int>());

        Assert.Equal(message, Assert.Throws<DomainException>(() => plan.Dates()).DanishMessage);
    }

    private static async Task<Forum> ForumAsync(DagsordenDbContext db)
    {
        var forum = new Forum("CF", "Chefforum");
        forum.Update("Chefforum", DocumentTemplate.Standard2016, "Mødelokale 412", new TimeOnly(9, 0));
        db.Forums.Add(forum);
        await db.SaveChangesAsync();
        return forum;
    }

    private static async Task<int> SubmittedDraftAsync(DagsordenDbContext db, Forum forum, string title)
    {
        var draft = new ItemDraft(await db.Forums.SingleAsync(f => f.Id == forum.Id), "author", "Forfatteren", Builders.OpenItem(title) with { ForumPrefix = null });
        db.ItemDrafts.Add(draft);
        await db.SaveChangesAsync();
        draft.Submit(DateTime.UtcNow);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    private static async Task<int> RevisionAsync(MeetingWorkflow workflow, int meetingId) => (await workflow.LoadAsync(meetingId)).Revision;

    private static async Task DecideAsync(MeetingWorkflow workflow, int meetingId, int number, DecisionOutcome outcome)
    {
        var item = (await workflow.LoadAsync(meetingId)).Item(number);
        await workflow.RecordDecisionAsync(meetingId, number, new Decision(RichText.FromParagraphs("Forummet besluttede."), outcome), item.Revision);
    }

    private static async Task<Meeting> PublishedMinutesAsync(MeetingWorkflow workflow, Forum forum, DateOnly date)
    {
        var meeting = await workflow.PlanAsync(forum.Id, date, null, null);
        await workflow.PublishAgendaAsync(meeting.Id, "Sekretæren");
        await DecideAsync(workflow, meeting.Id, 1, DecisionOutcome.Approved);
        await DecideAsync(workflow, meeting.Id, 2, DecisionOutcome.NothingToReport);
        await workflow.PublishMinutesAsync(meeting.Id, "Sekretæren");
        return meeting;
    }
}
