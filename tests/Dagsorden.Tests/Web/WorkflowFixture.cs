using Dagsorden.Core.Accounts;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Web;

/// <summary>
/// Meetings made through the workflow, each hiding a marker where nobody but the right reader may see it:
/// <list type="bullet">
/// <item>TF 2026-02-05, published twice. Version 1 (Dagsorden): 1 approval, 2 "Budget" (open, case
/// <see cref="SharedCase"/>, a public and an internal attachment), 3 a closed item with
/// <see cref="ClosedMarker"/> in every field, 4 Evt. Version 2 (Tillægsdagsorden 1) moved the closed
/// item to 2 (Budget is 3) and added "Tillægspunkt" as 4 (Evt. is 5). Since then, unpublished: Budget
/// renamed and rewritten, and a new item placed, both with <see cref="EditMarker"/>.</item>
/// <item>TF 2026-03-05 and TF 2027-01-07, planned: the first has an item with <see cref="PlanMarker"/>
/// and the shared case number.</item>
/// <item>AF (Andet forum), with no meetings: a forum whose members are not TF's.</item>
/// </list>
/// </summary>
public sealed class WorkflowFixture
{
    public const string PlanMarker = "PLANLAGT-R5J";
    public const string EditMarker = "UDKAST-H3M";
    public const string ClosedMarker = "LUKKET-W2T";
    public const string SharedCase = "00.01.00-A00-5-26";
    public const string ClosedCase = "00.01.00-A00-96-26";

    public static readonly DateOnly Published = new(2026, 2, 5);
    public static readonly DateOnly Planned = new(2026, 3, 5);
    public static readonly DateOnly PlannedNextYear = new(2027, 1, 7);

    public int PublishedId { get; private init; }

    public int PlannedId { get; private init; }

    public int PlannedNextYearId { get; private init; }

    /// <summary>An open follow-up of TF, bound for TF without a date: it comes up on every TF meeting's builder.</summary>
    public int FollowUpId { get; private init; }

    public static async Task<WorkflowFixture> SeedAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var forum = new Forum("TF", "Testforum");
        forum.Update("Testforum", DocumentTemplate.Standard2016, "Mødelokale 1", new TimeOnly(9, 0));
        db.Forums.Add(forum);
        db.Forums.Add(new Forum("AF", "Andet forum"));
        await db.SaveChangesAsync();
        var workflow = new MeetingWorkflow(db);

        var published = await workflow.PlanAsync(forum.Id, Published, null, null);
        await PlaceAsync(db, published.Id, Builders.OpenItem("Budget", SharedCase, "Budgettet for året.", new AttachmentContent("Offentligt bilag", true), new AttachmentContent("Internt notat", false)));
        await PlaceAsync(db, published.Id, Builders.ClosedItem(ClosedMarker, ClosedCase));
        await workflow.PublishAgendaAsync(published.Id, "Sekretær");
        await workflow.MoveItemAsync(published.Id, 3, 2, (await workflow.LoadAsync(published.Id)).Revision);
        await PlaceAsync(db, published.Id, Builders.OpenItem("Tillægspunkt"));
        await workflow.PublishAgendaAsync(published.Id, "Sekretær");

        // Unpublished work after version 2.
        var budget = (await workflow.LoadAsync(published.Id)).Item(3);
        await workflow.EditItemAsync(published.Id, 3, budget.Content with
        {
            Title = "Budget " + EditMarker,
            Sections = [new SectionContent(SectionKind.Text, "Sagsfremstilling", RichText.FromParagraphs("Ny tekst " + EditMarker))],
        }, budget.Revision);
        await PlaceAsync(db, published.Id, Builders.OpenItem("Nyt punkt " + EditMarker, SharedCase, "Tekst " + EditMarker));

        var planned = await workflow.PlanAsync(forum.Id, Planned, null, null);
        await PlaceAsync(db, planned.Id, Builders.OpenItem("Plan " + PlanMarker, SharedCase, "Tekst " + PlanMarker));
        var nextYear = await workflow.PlanAsync(forum.Id, PlannedNextYear, null, "Rådhuset");
        var followUp = await new Core.FollowUps.FollowUpService(db).CreateStandaloneAsync(forum.Id, new Core.FollowUps.FollowUpTerms("Budgettet igen", "Økonomi", null, null, forum.Id, null));
        return new WorkflowFixture { PublishedId = published.Id, PlannedId = planned.Id, PlannedNextYearId = nextYear.Id, FollowUpId = followUp.Id };
    }

    /// <summary>An author's draft, submitted and placed on the meeting by the secretary.</summary>
    public static async Task PlaceAsync(DagsordenDbContext db, int meetingId, ItemContent content)
    {
        var workflow = new MeetingWorkflow(db);
        var meeting = await workflow.LoadAsync(meetingId);
        var draft = new ItemDraft(meeting.Forum, "forfatter", "Forfatter", content);
        draft.Submit(DateTime.UtcNow);
        db.ItemDrafts.Add(draft);
        await db.SaveChangesAsync();
        await workflow.PlaceDraftAsync(meetingId, draft.Id, meeting.Revision);
    }

    /// <summary>The readers every test tells apart, signed in (null: anonymous).</summary>
    public static async Task<Readers> ReadersAsync(TestApp app) => new(
        app.CreateBrowserClient(),
        await app.SignInAsNewUserAsync("ansat@example.test"),
        await app.SignInAsNewUserAsync("andet@example.test", null, ("AF", ForumRole.Member)),
        await app.SignInAsNewUserAsync("medlem@example.test", null, ("TF", ForumRole.Member)),
        await app.SignInAsNewUserAsync("sekretaer@example.test", null, ("TF", ForumRole.Secretary)));

    public static async Task<int> NoteCountAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        return await db.ItemNotes.CountAsync();
    }
}

/// <summary>An anonymous visitor, an employee, a member of another forum, a member and a secretary of TF.</summary>
public sealed record Readers(HttpClient Anonymous, HttpClient Employee, HttpClient OtherForumMember, HttpClient Member, HttpClient Secretary) : IDisposable
{
    /// <summary>Those who must never see TF's closed or unpublished content.</summary>
    public IEnumerable<(string Name, HttpClient Client)> Public =>
        [("anonym", Anonymous), ("medarbejder", Employee), ("medlem af andet forum", OtherForumMember)];

    public IEnumerable<(string Name, HttpClient Client)> Members => [("medlem", Member), ("sekretær", Secretary)];

    public IEnumerable<(string Name, HttpClient Client)> All => Public.Concat(Members);

    public void Dispose()
    {
        foreach (var (_, client) in All)
            client.Dispose();
    }
}
