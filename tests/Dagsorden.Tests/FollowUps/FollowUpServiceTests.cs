using Dagsorden.Core;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.FollowUps;

/// <summary>A follow-up's life on both providers: created from a decision, edited, closed, reopened, and brought back to an agenda.</summary>
public sealed class FollowUpServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FollowUpFromADecisionIsEditedClosedAndReopenedEachOnItsRevision(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var bench = await FollowUpBench.SeedAsync(db);
        var service = new FollowUpService(db);

        var created = await service.CreateFromItemAsync(bench.DecidedItemId, FollowUpBench.Terms(due: new DateOnly(2026, 9, 1)));
        Assert.Null(created.Warning);
        var row = (await service.FindAsync(created.Id))!;
        Assert.Equal("CF 04-06-2026, punkt 2: CF - Budgetmodel", row.Origin);
        Assert.Equal(bench.ChefforumId, row.ForumId);
        Assert.Equal(FollowUpStatus.Open, row.Status);
        Assert.False(row.IsOverdue);

        await service.EditAsync(created.Id, FollowUpBench.Terms("Fremlæg den reviderede model", targetForum: bench.ChefforumId, targetMeeting: bench.LaterMeetingId), row.Revision);
        row = (await service.FindAsync(created.Id))!;
        Assert.Equal("Fremlæg den reviderede model", row.Text);
        Assert.Null(row.DueDate);
        Assert.Equal(FollowUpBench.Later, row.TargetMeetingDate);
        Assert.Equal("på mødet i CF 03-09-2026", row.Due);

        // A form read before the edit is refused and changes nothing.
        await Assert.ThrowsAsync<EditConflictException>(() => service.MarkDoneAsync(created.Id, row.Revision - 1));
        Assert.Equal(FollowUpStatus.Open, (await service.FindAsync(created.Id))!.Status);

        await service.MarkDoneAsync(created.Id, row.Revision);
        row = (await service.FindAsync(created.Id))!;
        Assert.Equal(FollowUpStatus.Done, row.Status);
        Assert.Empty(await service.ForForumAsync(bench.ChefforumId, includeClosed: false));

        await service.ReopenAsync(created.Id, row.Revision);
        row = (await service.FindAsync(created.Id))!;
        Assert.Equal(FollowUpStatus.Open, row.Status);
        await Assert.ThrowsAsync<DomainException>(() => service.ReopenAsync(created.Id, row.Revision));

        await service.CancelAsync(created.Id, row.Revision);
        Assert.Equal(FollowUpStatus.Cancelled, (await service.FindAsync(created.Id))!.Status);
        await using var check = await database.OpenAsync();
        Assert.NotNull((await check.FollowUps.SingleAsync()).Closed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADueDateInThePastIsSavedWithAWarningAndCountsAsOverdue(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var bench = await FollowUpBench.SeedAsync(db);
        var service = new FollowUpService(db);

        var past = await service.CreateFromItemAsync(bench.DecidedItemId, FollowUpBench.Terms(due: FollowUpBench.Today.AddDays(-1)));
        var today = await service.CreateStandaloneAsync(bench.ChefforumId, FollowUpBench.Terms("Til i dag", due: FollowUpBench.Today));

        Assert.StartsWith("Fristen ligger før i dag (09-06-2026)", past.Warning, StringComparison.Ordinal);
        Assert.Null(today.Warning);
        var open = await service.ForForumAsync(bench.ChefforumId, includeClosed: false);
        Assert.Equal([past.Id, today.Id], open.Select(r => r.Id));
        Assert.Equal([true, false], open.Select(r => r.IsOverdue));
        Assert.Equal("Oprettet uden for et punkt", open[1].Origin);

        // Moving the date into the past warns again; an edit that keeps it does not.
        var row = open[1];
        var moved = await service.EditAsync(row.Id, FollowUpBench.Terms("Til i dag", due: new DateOnly(2026, 1, 2)), row.Revision);
        Assert.Contains("Fristen ligger før i dag", moved.Warning, StringComparison.Ordinal);
        var kept = await service.EditAsync(row.Id, FollowUpBench.Terms("Ny tekst", due: new DateOnly(2026, 1, 2)), row.Revision + 1);
        Assert.Null(kept.Warning);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadFollowUpsAreRefusedWithADanishReasonAndNothingIsStored(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var bench = await FollowUpBench.SeedAsync(db);
        var service = new FollowUpService(db);

        var refusals = new (Func<Task> Act, string Danish)[]
        {
            (() => service.CreateFromItemAsync(bench.UndecidedItemId, FollowUpBench.Terms(due: FollowUpBench.Later)), "har endnu ingen beslutning"),
            (() => service.CreateFromItemAsync(987654, FollowUpBench.Terms(due: FollowUpBench.Later)), "findes ikke"),
            (() => service.CreateStandaloneAsync(987654, FollowUpBench.Terms(due: FollowUpBench.Later)), "Forummet findes ikke"),
            (() => service.CreateFromItemAsync(bench.DecidedItemId, FollowUpBench.Terms("   ", due: FollowUpBench.Later)), "Skriv, hvad der skal følges op på"),
            (() => service.CreateFromItemAsync(bench.DecidedItemId, FollowUpBench.Terms(responsible: " ", due: FollowUpBench.Later)), "ansvarlig"),
            (() => service.CreateFromItemAsync(bench.DecidedItemId, FollowUpBench.Terms(email: "ikke en adresse", due: FollowUpBench.Later)), "E-mailadressen"),
            (() => service.CreateFromItemAsync(bench.DecidedItemId, FollowUpBench.Terms()), "Angiv en frist"),
            (() => service.CreateFromItemAsync(bench.DecidedItemId, FollowUpBench.Terms(targetForum: 987654)), "findes ikke"),
            (() => service.CreateFromItemAsync(bench.DecidedItemId, FollowUpBench.Terms(targetForum: bench.DirektoerforumId, targetMeeting: bench.LaterMeetingId)), "hører ikke til"),
            (() => service.CreateFromItemAsync(bench.DecidedItemId, FollowUpBench.Terms(targetForum: bench.ChefforumId, targetMeeting: 987654)), "findes ikke"),
            (() => service.EditAsync(987654, FollowUpBench.Terms(due: FollowUpBench.Later), 0), "Opfølgningen findes ikke"),
        };

        foreach (var (act, danish) in refusals)
        {
            var refusal = await Assert.ThrowsAnyAsync<DomainException>(act);
            Assert.Contains(danish, refusal.DanishMessage, StringComparison.Ordinal);
        }

        await using var check = await database.OpenAsync();
        Assert.Equal(0, await check.FollowUps.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMeetingIsShownTheOpenFollowUpsDueAtOrBeforeIt(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var bench = await FollowUpBench.SeedAsync(db);
        var service = new FollowUpService(db);
        async Task<int> CreateAsync(string text, DateOnly? due = null, int? forum = null, int? meeting = null) =>
            (await service.CreateFromItemAsync(bench.DecidedItemId, FollowUpBench.Terms(text, due, forum, meeting))).Id;

        var dueBefore = await CreateAsync("Frist før mødet", due: FollowUpBench.Next.AddDays(-1));
        var dueOnTheDay = await CreateAsync("Frist på dagen", due: FollowUpBench.Next);
        var forThisMeeting = await CreateAsync("Til dette møde", forum: bench.ChefforumId, meeting: bench.NextMeetingId);
        var forTheForum = await CreateAsync("Til forummet, uden dato", forum: bench.ChefforumId);
        var dueAfter = await CreateAsync("Frist efter mødet", due: FollowUpBench.Next.AddDays(1));
        var forLaterMeeting = await CreateAsync("Til et senere møde", forum: bench.ChefforumId, meeting: bench.LaterMeetingId);
        var forDf = await CreateAsync("Til direktørforum", forum: bench.DirektoerforumId);
        var missedMeeting = await CreateAsync("Til det besluttende møde", forum: bench.ChefforumId, meeting: bench.DecidedMeetingId);
        var done = await CreateAsync("Allerede udført", due: FollowUpBench.Next);
        await service.MarkDoneAsync(done, 0);

        var next = (await service.DueAtMeetingAsync(bench.NextMeetingId)).Select(r => r.Id).ToHashSet();
        var dfNext = (await service.DueAtMeetingAsync(bench.DfNextMeetingId)).Select(r => r.Id).ToHashSet();
        var later = (await service.DueAtMeetingAsync(bench.LaterMeetingId)).Select(r => r.Id).ToHashSet();

        Assert.Equal(new HashSet<int> { dueBefore, dueOnTheDay, forThisMeeting, forTheForum, missedMeeting }, next);
        Assert.Equal(new HashSet<int> { forDf }, dfNext);
        Assert.Equal(new HashSet<int> { dueBefore, dueOnTheDay, forThisMeeting, forTheForum, dueAfter, forLaterMeeting, missedMeeting }, later);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFollowUpQueuedPlacedAndDecidedClosesAndAPostponementKeepsItOpen(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var bench = await FollowUpBench.SeedAsync(db);
        var service = new FollowUpService(db);
        var workflow = new MeetingWorkflow(db);
        var decided = (await service.CreateFromItemAsync(bench.DecidedItemId, FollowUpBench.Terms("Fremlæg modellen igen\nmed tal", due: FollowUpBench.Next))).Id;
        var postponed = (await service.CreateFromItemAsync(bench.ClosedItemId, FollowUpBench.Terms("Det lukkede igen", due: FollowUpBench.Next))).Id;

        var draftId = await service.QueueAsDraftAsync(decided, bench.ChefforumId, "sekretaer-id", "Sekretæren", 0);
        var closedDraftId = await service.QueueAsDraftAsync(postponed, bench.ChefforumId, "sekretaer-id", "Sekretæren", 0);
        await Assert.ThrowsAsync<DomainException>(() => service.QueueAsDraftAsync(decided, bench.ChefforumId, "sekretaer-id", "Sekretæren", 1));

        var draft = await db.ItemDrafts.AsNoTracking().SingleAsync(d => d.Id == draftId);
        Assert.Equal(DraftStatus.Submitted, draft.Status);
        Assert.Equal("Opfølgning: Fremlæg modellen igen", draft.Content.Title);
        Assert.Equal(FollowUpBench.Case, draft.Content.CaseNumber?.Value);
        Assert.False(draft.Content.IsClosed);
        var background = draft.Content.Sections[0].Body.ToPlainText();
        Assert.Contains("Opfølgning på CF 04-06-2026, punkt 2: CF - Budgetmodel.", background, StringComparison.Ordinal);
        Assert.Contains("fremlægges for chefforum igen", background, StringComparison.Ordinal);
        var closedDraft = await db.ItemDrafts.AsNoTracking().SingleAsync(d => d.Id == closedDraftId);
        Assert.True(closedDraft.Content.IsClosed);
        Assert.DoesNotContain(FollowUpBench.ClosedMarker, closedDraft.Content.Sections[0].Body.ToPlainText(), StringComparison.Ordinal);

        var meeting = await workflow.LoadAsync(bench.NextMeetingId);
        await workflow.PlaceDraftAsync(meeting.Id, draftId, meeting.Revision);
        meeting = await workflow.LoadAsync(bench.NextMeetingId);
        await workflow.PlaceDraftAsync(meeting.Id, closedDraftId, meeting.Revision);
        await workflow.PublishAgendaAsync(meeting.Id, "Sekretær");
        meeting = await workflow.LoadAsync(bench.NextMeetingId);
        Assert.Equal(FollowUpStatus.Open, (await service.FindAsync(decided))!.Status);

        await workflow.RecordDecisionAsync(meeting.Id, 2, new Decision(RichText.FromParagraphs("Godkendt."), DecisionOutcome.Approved), meeting.Item(2).Revision);
        await workflow.RecordDecisionAsync(meeting.Id, 3, new Decision(RichText.FromParagraphs("Udsat."), DecisionOutcome.Postponed), meeting.Item(3).Revision);

        Assert.Equal(FollowUpStatus.Done, (await service.FindAsync(decided))!.Status);
        Assert.Equal(FollowUpStatus.Open, (await service.FindAsync(postponed))!.Status);
    }
}
