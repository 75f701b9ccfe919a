using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Browser;

/// <summary>
/// Two Chefforum meetings as a reader meets them: one with published minutes and a closed item,
/// and a later one whose agenda takes the same case up again, so the item page has a timeline.
/// Every date is fixed, so the screenshots taken from this data are the same from run to run.
/// </summary>
public static class ReadingPagesData
{
    public static readonly DateOnly Earlier = new(2026, 11, 12);
    public static readonly DateOnly Later = new(2027, 1, 14);

    public const string BookingTitle = "Ny model for mødebooking";
    public const string BookingCase = "00.15.00-G01-4-26";
    public const string BookingDecision = "Forummet vælger et fælles bookingsystem fra 1. april.";
    public const string ClosedTitle = "Personalesag om tjenesteforseelse";
    public const string ClosedText = "Medarbejderen har modtaget en skriftlig advarsel.";

    // One long word with no place to break: the kind of title that pushes a narrow page sideways.
    public const string LongTitle = "Kvalitetsudviklingsprojektsevalueringsrapporten for ældreområdet";

    /// <summary>Seeds the forum and both meetings; returns the ids of the earlier and the later meeting.</summary>
    public static async Task<(int Earlier, int Later)> SeedAsync(DagsordenDbContext db)
    {
        var forum = new Forum("CF", "Chefforum");
        forum.Update("Chefforum", DocumentTemplate.Standard2016, "Rådhuset, mødelokale 2", new TimeOnly(9, 0));
        db.Forums.Add(forum);
        await db.SaveChangesAsync();
        var workflow = new MeetingWorkflow(db);

        var earlier = await workflow.PlanAsync(forum.Id, Earlier, null, null);
        await PlaceAsync(db, workflow, forum.Id, earlier.Id, BookingTitle, BookingCase, false,
            "Mødelokalerne bookes i dag i tre forskellige systemer. Forvaltningen foreslår ét fælles system.");
        await PlaceAsync(db, workflow, forum.Id, earlier.Id, LongTitle, "27.00.00-A00-118-26", false,
            "Rapporten samler erfaringerne fra de seneste to år. Bilaget KvalitetsudviklingsprojektsevalueringsrapportenForÆldreområdetEndeligVersion.pdf følger.");
        await PlaceAsync(db, workflow, forum.Id, earlier.Id, ClosedTitle, "81.03.00-G01-7-26", true, ClosedText);
        db.Clock = At(2026, 11, 5);
        await workflow.PublishAgendaAsync(earlier.Id, "Sekretariatet");
        foreach (var item in (await workflow.LoadAsync(earlier.Id)).Items)
        {
            var decision = item.Content.Title == BookingTitle
                ? new Decision(RichText.FromParagraphs(BookingDecision), DecisionOutcome.Approved)
                : new Decision(RichText.Empty, DecisionOutcome.Noted);
            await workflow.RecordDecisionAsync(earlier.Id, item.Number, decision, item.Revision);
        }

        db.Clock = At(2026, 11, 13);
        await workflow.PublishMinutesAsync(earlier.Id, "Sekretariatet");

        var later = await workflow.PlanAsync(forum.Id, Later, null, null);
        await PlaceAsync(db, workflow, forum.Id, later.Id, BookingTitle + ": erfaringer efter tre måneder", BookingCase, false,
            "Bookingsystemet har været i brug siden 1. april. Forvaltningen gør status.");
        db.Clock = At(2027, 1, 7);
        await workflow.PublishAgendaAsync(later.Id, "Sekretariatet");
        return (earlier.Id, later.Id);
    }

    // Publishing stamps each version with the clock's time, which the pages show; a fixed one keeps the screenshots stable.
    private static Storage.ManualClock At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));

    private static async Task PlaceAsync(DagsordenDbContext db, MeetingWorkflow workflow, int forumId, int meetingId, string title, string caseNumber, bool closed, string text)
    {
        var content = new ItemContent(
            title, null, null, CaseNumber.Parse(caseNumber), closed, false,
            [new SectionContent(SectionKind.Text, "Sagsfremstilling", RichText.FromParagraphs(text))],
            null, null, [], null);
        // Planning leaves the context without the forum it read; the draft needs it tracked again.
        var draft = new ItemDraft(await db.Forums.SingleAsync(f => f.Id == forumId), "author", "Sagsbehandleren", content);
        db.ItemDrafts.Add(draft);
        await db.SaveChangesAsync();
        draft.Submit(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync();
        await workflow.PlaceDraftAsync(meetingId, draft.Id, (await workflow.LoadAsync(meetingId)).Revision);
    }
}
