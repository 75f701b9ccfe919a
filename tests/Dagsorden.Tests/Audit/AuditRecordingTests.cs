using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Audit;

/// <summary>Every save of an audited change writes its record, in the same transaction, on both providers.</summary>
public sealed class AuditRecordingTests
{
    private static readonly DateOnly Date = new(2026, 9, 3);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportIsRecordedUnderTheRealIdsOfTheNewRows(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();

        await new MeetingImporter(db).StoreAsync(Builders.Meeting(Date, Builders.OpenItem("Budget 2027", body: "Budgettet lægges frem."), Builders.OpenItem("Sygefravær")));

        var meeting = await db.Meetings.AsNoTracking().SingleAsync();
        var items = await db.Items.AsNoTracking().OrderBy(i => i.Number).ToListAsync();
        var entries = await db.AuditEntries.AsNoTracking().ToListAsync();
        Assert.All(entries, e => Assert.Equal("Import", e.Actor));
        Assert.Contains(entries, e => e is { EntityType: "Meeting", Action: "Added", Field: "Date", NewValue: "2026-09-03" } && e.EntityId == meeting.Id.ToString(CultureInfo.InvariantCulture) && e.MeetingId == meeting.Id);
        Assert.Contains(entries, e => e is { EntityType: "AgendaItem", Action: "Added", Field: "Title", NewValue: "Budget 2027" } && e.ItemId == items[0].Id && e.MeetingId == meeting.Id);
        Assert.Contains(entries, e => e.Field == "MeetingId" && e.NewValue == meeting.Id.ToString(CultureInfo.InvariantCulture) && e.ItemId == items[1].Id);
        Assert.Contains(entries, e => e.Field == "Sections[0]" && e.NewValue == "Sagsfremstilling\nBudgettet lægges frem." && e.ItemId == items[0].Id && e.MeetingId == meeting.Id);
        Assert.DoesNotContain(entries, e => e.Field is "Revision" or "Modified" or "Created");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnEditRecordsWhoChangedWhichFieldFromWhatToWhat(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var (meetingId, itemId) = await PlannedMeetingWithItemAsync(db);
        var before = await db.AuditEntries.CountAsync();
        var revision = await db.Items.Where(i => i.Id == itemId).Select(i => i.Revision).SingleAsync();
        db.Actor = new AuditActor("bruger-1", "sekretaer@kommune.dk");

        var edited = Builders.OpenItem("Budget 2028", body: "Ny tekst.") with { ForumPrefix = "CF" };
        await new MeetingWorkflow(db).EditItemAsync(meetingId, 2, edited, revision);

        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Skip(before).ToListAsync();
        var title = Assert.Single(entries, e => e.Field == "Title");
        Assert.Equal(("Modified", "AgendaItem", itemId.ToString(CultureInfo.InvariantCulture), meetingId, itemId, "Budget 2027", "Budget 2028"),
            (title.Action, title.EntityType, title.EntityId, title.MeetingId, title.ItemId, title.OldValue, title.NewValue));
        Assert.Equal(("bruger-1", "sekretaer@kommune.dk"), (title.ActorId, title.Actor));
        var section = Assert.Single(entries, e => e.Field == "Sections[0]");
        Assert.Equal(("Sagsfremstilling\nEt afsnit.", "Sagsfremstilling\nNy tekst.", itemId), (section.OldValue, section.NewValue, section.ItemId));
        // The attachments section was rewritten unchanged: no record of a change that is none.
        Assert.DoesNotContain(entries, e => e.Field == "Sections[1]");
        Assert.DoesNotContain(entries, e => e.Field is "Revision" or "Modified");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheUsersDisplayNameIsRecordedWhenTheyHaveOne(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var user = new UserAccount { UserName = "hansen@kommune.dk", Email = "hansen@kommune.dk", DisplayName = "Sekretær Hansen" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        db.Actor = new AuditActor(user.Id, "hansen@kommune.dk");

        var forum = new Forum("CF", "Chefforum", DocumentTemplate.Standard2016);
        db.Forums.Add(forum);
        await db.SaveChangesAsync();

        var entry = await db.AuditEntries.AsNoTracking().FirstAsync(e => e.EntityType == "Forum" && e.Field == "Name");
        Assert.Equal((user.Id, "Sekretær Hansen", "Chefforum", forum.Id.ToString(CultureInfo.InvariantCulture)), (entry.ActorId, entry.Actor, entry.NewValue, entry.EntityId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RefusedSaveRecordsNothing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var (meetingId, _) = await PlannedMeetingWithItemAsync(db);
        var workflow = new MeetingWorkflow(db);
        var revision = (await workflow.LoadAsync(meetingId)).Revision;
        await workflow.MarkToFollowAsync(meetingId, 2, true, revision);
        var before = await db.AuditEntries.CountAsync();

        await Assert.ThrowsAsync<EditConflictException>(() => workflow.MarkToFollowAsync(meetingId, 2, false, revision));

        Assert.Equal(before, await db.AuditEntries.CountAsync());
        Assert.True(await db.Items.Where(i => i.Number == 2).Select(i => i.IsToFollow).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AChangeAndItsRecordRollBackTogether(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var forum = new Forum("CF", "Chefforum", DocumentTemplate.Standard2016);
        db.Forums.Add(forum);
        await db.SaveChangesAsync();
        var before = await db.AuditEntries.CountAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            forum.Update("Chefforum for direktionen", DocumentTemplate.Standard2016, null, null);
            await db.SaveChangesAsync();
            Assert.True(await db.AuditEntries.CountAsync() > before);
        }

        db.ChangeTracker.Clear();
        Assert.Equal(before, await db.AuditEntries.CountAsync());
        Assert.Equal("Chefforum", (await db.Forums.SingleAsync()).Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RolesAndMembershipsAreRecordedButPasswordsOnlyAsChanged(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var forum = new Forum("CF", "Chefforum", DocumentTemplate.Standard2016);
        var role = new IdentityRole(SystemRoles.Administrator) { NormalizedName = "ADMINISTRATOR" };
        var user = new UserAccount { UserName = "a@kommune.dk", Email = "a@kommune.dk", PasswordHash = "HEMMELIG-HASH", SecurityStamp = "STEMPEL" };
        db.AddRange(forum, role, user);
        await db.SaveChangesAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        db.ForumMemberships.Add(new ForumMembership(forum, user.Id, ForumRole.Secretary));
        user.PasswordHash = "NY-HEMMELIG-HASH";
        user.AccessFailedCount = 3;
        await db.SaveChangesAsync();

        var entries = await db.AuditEntries.AsNoTracking().ToListAsync();
        Assert.Contains(entries, e => e is { EntityType: "UserRole", Action: "Added", NewValue: SystemRoles.Administrator } && e.EntityId == user.Id);
        Assert.Contains(entries, e => e is { EntityType: "ForumMembership", Action: "Added", Field: "Role", NewValue: "Secretary" });
        Assert.Contains(entries, e => e is { EntityType: "UserAccount", Action: "Modified", Field: "PasswordHash", OldValue: "(ændret)", NewValue: "(ændret)" });
        Assert.Contains(entries, e => e is { EntityType: "UserAccount", Action: "Modified", Field: "AccessFailedCount", NewValue: "(ændret)" });
        Assert.DoesNotContain(entries, e => (e.OldValue + e.NewValue).Contains("HEMMELIG", StringComparison.Ordinal) || (e.OldValue + e.NewValue).Contains("STEMPEL", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublishingAndADecisionAreRecordedWithTheirVersion(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var (meetingId, itemId) = await PlannedMeetingWithItemAsync(db);
        var workflow = new MeetingWorkflow(db);
        await workflow.PublishAgendaAsync(meetingId, "Sekretær Hansen");
        var revision = await db.Items.Where(i => i.Id == itemId).Select(i => i.Revision).SingleAsync();

        await workflow.RecordDecisionAsync(meetingId, 2, new Decision(RichText.FromParagraphs("Godkendt som indstillet."), DecisionOutcome.Approved), revision);

        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.MeetingId == meetingId).ToListAsync();
        Assert.Contains(entries, e => e is { EntityType: "MeetingVersion", Action: "Added", Field: "PublishedBy", NewValue: "Sekretær Hansen" });
        Assert.Contains(entries, e => e is { EntityType: "Meeting", Field: "Status", OldValue: "Planned", NewValue: "AgendaPublished" });
        Assert.Contains(entries, e => e is { EntityType: "AgendaItem", Field: "DecisionText", OldValue: null, NewValue: "Godkendt som indstillet." } && e.ItemId == itemId);
        Assert.Contains(entries, e => e is { EntityType: "AgendaItem", Field: "DecisionOutcome", NewValue: "Approved" } && e.ItemId == itemId);
        Assert.DoesNotContain(entries, e => e.Field == "Snapshot");
    }

    /// <summary>A planned CF meeting with "Budget 2027" as item 2 (before "Evt.").</summary>
    internal static async Task<(int MeetingId, int ItemId)> PlannedMeetingWithItemAsync(DagsordenDbContext db)
    {
        var forum = new Forum("CF", "Chefforum", DocumentTemplate.Standard2016);
        db.Forums.Add(forum);
        var draft = new ItemDraft(forum, "forfatter", "Forfatter", Builders.OpenItem("Budget 2027") with { ForumPrefix = "CF" });
        db.ItemDrafts.Add(draft);
        await db.SaveChangesAsync();
        draft.Submit(DateTime.UtcNow);
        await db.SaveChangesAsync();
        var workflow = new MeetingWorkflow(db);
        var meeting = await workflow.PlanAsync(forum.Id, Date, null, null);
        await workflow.PlaceDraftAsync(meeting.Id, draft.Id, (await workflow.LoadAsync(meeting.Id)).Revision);
        var itemId = await db.Items.Where(i => i.MeetingId == meeting.Id && i.Number == 2).Select(i => i.Id).SingleAsync();
        return (meeting.Id, itemId);
    }
}
