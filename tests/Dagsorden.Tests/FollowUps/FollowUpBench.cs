using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Storage;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.FollowUps;

/// <summary>
/// Chefforum (CF) and Direktørforum (DF), with today fixed at <see cref="Today"/>. CF met on
/// <see cref="Decided"/> (agenda published, decisions being recorded): item 2 "Budgetmodel" (case <see cref="Case"/>) was
/// approved with the words "fremlægges for chefforum igen", item 3 is closed and decided, item 4
/// "Uafklaret" has no decision. CF plans <see cref="Next"/> and <see cref="Later"/>; DF plans <see cref="Next"/> too.
/// </summary>
internal sealed class FollowUpBench
{
    public const string Case = "00.01.00-A00-7-26";
    public const string ClosedMarker = "LUKKET-OPF-K8";

    public static readonly DateOnly Today = new(2026, 6, 10);
    public static readonly DateOnly Decided = new(2026, 6, 4);
    public static readonly DateOnly Next = new(2026, 6, 18);
    public static readonly DateOnly Later = new(2026, 9, 3);

    public int ChefforumId { get; private init; }

    public int DirektoerforumId { get; private init; }

    public int DecidedMeetingId { get; private init; }

    public int NextMeetingId { get; private init; }

    public int LaterMeetingId { get; private init; }

    public int DfNextMeetingId { get; private init; }

    /// <summary>Item 2 of the decided meeting: open, with a decision.</summary>
    public int DecidedItemId { get; private init; }

    /// <summary>Item 3: closed, decided, with <see cref="ClosedMarker"/> in its title.</summary>
    public int ClosedItemId { get; private init; }

    /// <summary>Item 4: no decision yet.</summary>
    public int UndecidedItemId { get; private init; }

    public static ManualClock Clock() => new(new DateTimeOffset(Today.Year, Today.Month, Today.Day, 10, 0, 0, TimeSpan.Zero));

    public static async Task<FollowUpBench> SeedAsync(DagsordenDbContext db)
    {
        db.Clock = Clock();
        var cf = new Forum("CF", "Chefforum");
        var df = new Forum("DF", "Direktørforum");
        db.Forums.AddRange(cf, df);
        await db.SaveChangesAsync();
        var workflow = new MeetingWorkflow(db);

        var decided = await workflow.PlanAsync(cf.Id, Decided, null, null);
        await PlaceAsync(db, decided.Id, Builders.OpenItem("Budgetmodel", Case) with { ForumPrefix = "CF" });
        await PlaceAsync(db, decided.Id, Builders.ClosedItem(ClosedMarker, "00.01.00-A00-96-26") with { ForumPrefix = "CF", Decision = null });
        await PlaceAsync(db, decided.Id, Builders.OpenItem("Uafklaret") with { ForumPrefix = "CF" });
        await workflow.PublishAgendaAsync(decided.Id, "Sekretær");
        var meeting = await workflow.LoadAsync(decided.Id);
        await workflow.RecordDecisionAsync(decided.Id, 2, new Decision(RichText.FromParagraphs("Godkendt. Modellen fremlægges for chefforum igen."), DecisionOutcome.Approved), meeting.Item(2).Revision);
        await workflow.RecordDecisionAsync(decided.Id, 3, new Decision(RichText.FromParagraphs("Besluttet " + ClosedMarker), DecisionOutcome.Approved), meeting.Item(3).Revision);
        meeting = await workflow.LoadAsync(decided.Id);

        var next = await workflow.PlanAsync(cf.Id, Next, null, null);
        var later = await workflow.PlanAsync(cf.Id, Later, null, null);
        var dfNext = await workflow.PlanAsync(df.Id, Next, null, null);
        return new FollowUpBench
        {
            ChefforumId = cf.Id,
            DirektoerforumId = df.Id,
            DecidedMeetingId = decided.Id,
            NextMeetingId = next.Id,
            LaterMeetingId = later.Id,
            DfNextMeetingId = dfNext.Id,
            DecidedItemId = meeting.Item(2).Id,
            ClosedItemId = meeting.Item(3).Id,
            UndecidedItemId = meeting.Item(4).Id,
        };
    }

    public static FollowUpTerms Terms(string text = "Fremlæg modellen igen", DateOnly? due = null, int? targetForum = null, int? targetMeeting = null, string responsible = "Økonomi og Stab", string? email = "oes@example.test") =>
        new(text, responsible, email, due, targetForum, targetMeeting);

    private static async Task PlaceAsync(DagsordenDbContext db, int meetingId, ItemContent content)
    {
        var workflow = new MeetingWorkflow(db);
        var meeting = await workflow.LoadAsync(meetingId);
        var draft = new ItemDraft(meeting.Forum, "forfatter", "Forfatter", content);
        draft.Submit(db.Clock.GetUtcNow().UtcDateTime);
        db.ItemDrafts.Add(draft);
        await db.SaveChangesAsync();
        await workflow.PlaceDraftAsync(meetingId, draft.Id, meeting.Revision);
    }
}
