using Dagsorden.Core;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.FollowUps;

/// <summary>Suggestions stored with imported and recorded decisions, and accepted or dismissed, on both providers.</summary>
public sealed class SuggestionStorageTests
{
    public static readonly DateOnly MeetingDate = new(2026, 9, 3);

    public const string ToEconomy = "Sagen sendes til orientering i Økonomiudvalget.";
    public const string BackInOctober = "Den fremlægges for forummet igen den 22. oktober.";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportStoresTheSuggestionsOfItsDecisionsOnceAndAnUnknownForumNone(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var economy = await SeedEconomyAsync(db);

        var meetingId = await ImportAsync(db);
        var first = await SuggestionsAsync(db);
        await ImportAsync(db);
        var again = await SuggestionsAsync(db);

        Assert.Equal(2, first.Count);
        Assert.All(first, s => Assert.Equal(SuggestionStatus.Pending, s.Status));
        var toEconomy = Assert.Single(first, s => s.Sentence == ToEconomy);
        Assert.Equal(economy, toEconomy.TargetForumId);
        Assert.Null(toEconomy.DueDate);
        var back = Assert.Single(first, s => s.Sentence == BackInOctober);
        Assert.Equal(new DateOnly(2026, 10, 22), back.DueDate);
        Assert.Equal(await db.Forums.Where(f => f.Code == "TF").Select(f => f.Id).SingleAsync(), back.TargetForumId);
        Assert.All(first, s => Assert.Equal(1, ItemNumber(db, s.ItemId)));

        // Importing the same minutes again changes nothing: same rows, same ids.
        Assert.Equal(first.Select(s => s.Id), again.Select(s => s.Id));
        Assert.Equal(2, (await new FollowUpSuggestions(db).PendingAsync(meetingId)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ANewDecisionReplacesThePendingSuggestionsButNotTheHandledOnes(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await SeedEconomyAsync(db);
        var meetingId = await ImportAsync(db);
        var suggestions = new FollowUpSuggestions(db);
        var dismissed = (await SuggestionsAsync(db)).Single(s => s.Sentence == ToEconomy).Id;
        await suggestions.DismissAsync(meetingId, dismissed);

        var changed = $"{ToEconomy} Den fremlægges for forummet igen på næste møde.";
        await RecordAsync(db, meetingId, changed);
        await RecordAsync(db, meetingId, changed);

        var stored = await SuggestionsAsync(db);
        Assert.Equal(2, stored.Count);
        var kept = Assert.Single(stored, s => s.Id == dismissed);
        Assert.Equal(SuggestionStatus.Dismissed, kept.Status);
        var fresh = Assert.Single(stored, s => s.Status == SuggestionStatus.Pending);
        Assert.Equal("Den fremlægges for forummet igen på næste møde.", fresh.Sentence);
        Assert.True(fresh.NextMeeting);
        Assert.DoesNotContain(stored, s => s.Sentence == BackInOctober);

        // A decision without commitments leaves only what the secretary already handled.
        await RecordAsync(db, meetingId, "Chefforum tog orienteringen til efterretning.");
        Assert.Equal([dismissed], (await SuggestionsAsync(db)).Select(s => s.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AcceptingCreatesOneFollowUpFromTheItemAndMarksTheSuggestion(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var economy = await SeedEconomyAsync(db);
        var meetingId = await ImportAsync(db);
        var suggestions = new FollowUpSuggestions(db);
        var id = (await SuggestionsAsync(db)).Single(s => s.Sentence == ToEconomy).Id;

        var followUp = await suggestions.AcceptAsync(meetingId, id, new FollowUpTerms(ToEconomy, "Økonomi og Stab", "oes@example.test", null, economy, null));

        var stored = await db.FollowUps.AsNoTracking().SingleAsync();
        Assert.Equal(followUp.Id, stored.Id);
        Assert.Equal("TF 03-09-2026, punkt 1: Telefoni", stored.Origin);
        Assert.Equal(await db.Items.Where(i => i.Number == 1).Select(i => (int?)i.Id).SingleAsync(), stored.OriginItemId);
        Assert.Equal(economy, stored.TargetForumId);
        Assert.Equal("Økonomi og Stab", stored.Responsible);
        var accepted = (await SuggestionsAsync(db)).Single(s => s.Id == id);
        Assert.Equal(SuggestionStatus.Accepted, accepted.Status);
        Assert.Equal(followUp.Id, accepted.FollowUpId);

        var again = await Assert.ThrowsAsync<DomainException>(() => suggestions.AcceptAsync(meetingId, id, new FollowUpTerms("x", "y", null, null, economy, null)));
        Assert.Equal("Forslaget er allerede behandlet.", again.DanishMessage);
        await Assert.ThrowsAsync<DomainException>(() => suggestions.DismissAsync(meetingId, id));
        Assert.Equal(1, await db.FollowUps.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARefusedAcceptanceLeavesNoFollowUpAndTheSuggestionPending(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var economy = await SeedEconomyAsync(db);
        var meetingId = await ImportAsync(db);
        var other = await new MeetingImporter(db).StoreAsync(Builders.Meeting(MeetingDate.AddDays(14), Builders.OpenItem("Andet")));
        var otherId = await db.Meetings.Where(m => m.Date == other.Key.Date).Select(m => m.Id).SingleAsync();
        var suggestions = new FollowUpSuggestions(db);
        var id = (await SuggestionsAsync(db)).Single(s => s.Sentence == ToEconomy).Id;

        (int Meeting, int Suggestion, FollowUpTerms Terms, string Message)[] cases =
        [
            (meetingId, id, new FollowUpTerms(ToEconomy, " ", null, null, economy, null), "Angiv, hvem der er ansvarlig (en person eller en afdeling)."),
            (meetingId, id, new FollowUpTerms("", "Økonomi og Stab", null, null, economy, null), "Skriv, hvad der skal følges op på."),
            (meetingId, id, new FollowUpTerms(ToEconomy, "Økonomi og Stab", "ikke en adresse", null, economy, null), "E-mailadressen er ikke gyldig."),
            (meetingId, id, new FollowUpTerms(ToEconomy, "Økonomi og Stab", null, null, null, null), "Angiv en frist eller det forum, sagen skal tilbage til."),
            (meetingId, id, new FollowUpTerms(ToEconomy, "Økonomi og Stab", null, null, 9999, null), "Vælg forummet, sagen skal tilbage til, på listen."),
            (otherId, id, new FollowUpTerms(ToEconomy, "Økonomi og Stab", null, null, economy, null), "Forslaget findes ikke på dette møde."),
            (meetingId, 9999, new FollowUpTerms(ToEconomy, "Økonomi og Stab", null, null, economy, null), "Forslaget findes ikke på dette møde."),
        ];

        foreach (var (meeting, suggestion, terms, message) in cases)
        {
            var refusal = await Assert.ThrowsAsync<DomainException>(() => suggestions.AcceptAsync(meeting, suggestion, terms));
            Assert.StartsWith(message, refusal.DanishMessage, StringComparison.Ordinal);
        }

        Assert.Equal(0, await db.FollowUps.CountAsync());
        Assert.All(await SuggestionsAsync(db), s => Assert.Equal(SuggestionStatus.Pending, s.Status));
    }

    /// <summary>Økonomiudvalget, so that the decisions can name a forum we know.</summary>
    public static async Task<int> SeedEconomyAsync(DagsordenDbContext db)
    {
        var forum = new Forum("ØU", "Økonomiudvalget");
        db.Forums.Add(forum);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return forum.Id;
    }

    /// <summary>TF 03-09-2026: item 1 commits twice, item 2 names a forum we do not know, item 3 commits to nothing.</summary>
    public static async Task<int> ImportAsync(DagsordenDbContext db)
    {
        var meeting = Builders.Meeting(
            MeetingDate,
            Decided(Builders.OpenItem("Telefoni"), $"Chefforum drøftede forslaget. {ToEconomy} {BackInOctober}"),
            Decided(Builders.OpenItem("Børn"), "Sagen sendes til orientering i Børneudvalget."),
            Decided(Builders.OpenItem("Post"), "Chefforum godkendte den nye procedure."));
        var (key, _) = await new MeetingImporter(db).StoreAsync(meeting);
        return await db.Meetings.Where(m => m.Date == key.Date).Select(m => m.Id).SingleAsync();
    }

    public static ItemContent Decided(ItemContent item, string decision) =>
        item with { Decision = new Decision(RichText.FromParagraphs(decision), DecisionOutcome.Approved) };

    private static async Task RecordAsync(DagsordenDbContext db, int meetingId, string decision)
    {
        var workflow = new MeetingWorkflow(db);
        var item = (await workflow.LoadAsync(meetingId)).Item(1);
        await workflow.RecordDecisionAsync(meetingId, 1, new Decision(RichText.FromParagraphs(decision), DecisionOutcome.Approved), item.Revision);
    }

    private static Task<List<FollowUpSuggestion>> SuggestionsAsync(DagsordenDbContext db) =>
        db.FollowUpSuggestions.AsNoTracking().OrderBy(s => s.Id).ToListAsync();

    private static int ItemNumber(DagsordenDbContext db, int itemId) =>
        db.Items.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.Number).Single();
}
