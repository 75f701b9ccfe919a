using Dagsorden.Core;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Privacy;

/// <summary>A CPR number in any public text stops every publication, says where it is, and leaves nothing written.</summary>
public sealed class CprPublishingTests
{
    private const string Cpr = "120345-6789";

    public static TheoryData<string, Func<ItemContent, ItemContent>> PublicFields => new()
    {
        { "Punkt 2, Titel", c => c with { Title = "Sagen om " + Cpr } },
        { "Punkt 2, Sagsfremstilling", c => c with { Sections = [new SectionContent(SectionKind.Text, "Sagsfremstilling", RichText.FromParagraphs("Borgeren (" + Cpr + ") klager."))] } },
        { "Punkt 2, Indstilling", c => c with { Sections = [.. c.Sections, new SectionContent(SectionKind.Recommendation, "Indstilling", RichText.Empty)], Recommendation = new Recommendation("Direktøren indstiller,", null, RichText.FromParagraphs("at " + Cpr + " får svar")) } },
        { "Punkt 2, Bilag", c => c with { Attachments = [new AttachmentContent("Ansøgning fra 1203456789", true)] } },
        { "Punkt 2, bilaget »Ansøgning«", c => c with { Attachments = [new AttachmentContent("Ansøgning", true, File("Ansøger: " + Cpr))] } },
    };

    [Theory]
    [MemberData(nameof(PublicFields))]
    public async Task PublishingTheAgendaIsRefusedNamingItemAndFieldAndNothingIsWritten(string place, Func<ItemContent, ItemContent> withCpr)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var meetingId = await PlannedMeetingAsync(db, withCpr(Builders.OpenItem("Klagesag")));
        var workflow = new MeetingWorkflow(db);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => workflow.PublishAgendaAsync(meetingId, "Sekretær"));

        Assert.StartsWith($"{place}, indeholder et CPR-nummer (12****-****). Fjern det, før mødet offentliggøres.", refusal.DanishMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("0345", refusal.DanishMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("0345", refusal.Message, StringComparison.Ordinal);
        await AssertNothingPublishedAsync(db, meetingId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MinutesWithACprNumberInTheDecisionAreNotPublished(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var meetingId = await PlannedMeetingAsync(db, Builders.OpenItem("Klagesag"));
        var workflow = new MeetingWorkflow(db);
        await workflow.PublishAgendaAsync(meetingId, "Sekretær");
        await DecideAllAsync(workflow, meetingId, "Godkendt.");
        var meeting = await workflow.LoadAsync(meetingId);
        await workflow.RecordDecisionAsync(meetingId, 2, new Decision(RichText.FromParagraphs("Svar sendes til " + Cpr + "."), DecisionOutcome.Approved), meeting.Item(2).Revision);
        var revision = (await workflow.LoadAsync(meetingId)).Revision;

        var refusal = await Assert.ThrowsAsync<DomainException>(() => workflow.PublishMinutesAsync(meetingId, "Sekretær", revision));

        Assert.StartsWith("Punkt 2, Beslutning, indeholder et CPR-nummer (12****-****).", refusal.DanishMessage, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal(MeetingStatus.AgendaPublished, (await workflow.LoadAsync(meetingId)).Status);
        Assert.Equal(1, await db.MeetingVersions.CountAsync(v => v.MeetingId == meetingId));
        Assert.Equal(0, (await SearchIndexes.For(db).SearchAsync(new SearchRequest { Text = "svar" }, SearchAccess.Administrator)).Total);
    }

    [Fact]
    public async Task ACorrectionOrItsReasonWithACprNumberIsRefusedAndTheApprovedMinutesStay()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var meetingId = await ApprovedMinutesAsync(db);
        var workflow = new MeetingWorkflow(db);
        var item = (await workflow.LoadAsync(meetingId)).Item(2);

        var inText = await Assert.ThrowsAsync<DomainException>(() => workflow.CorrectItemAsync(meetingId, 2, item.Content with { Title = "Klagesag " + Cpr }, "Stavefejl", item.Revision, "Sekretær"));
        var inReason = await Assert.ThrowsAsync<DomainException>(() => workflow.CorrectItemAsync(meetingId, 2, item.Content, "Rettet for " + Cpr, item.Revision, "Sekretær"));

        Assert.StartsWith("Punkt 2, Titel, indeholder et CPR-nummer", inText.DanishMessage, StringComparison.Ordinal);
        Assert.StartsWith("Begrundelsen for rettelsen indeholder et CPR-nummer", inReason.DanishMessage, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal("Klagesag", (await workflow.LoadAsync(meetingId)).Item(2).Title);
        Assert.Equal(2, await db.MeetingVersions.CountAsync(v => v.MeetingId == meetingId));
    }

    [Fact]
    public async Task ACprNumberInTheParticipantsBlocksTheMinutes()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var meetingId = await PlannedMeetingAsync(db, Builders.OpenItem("Klagesag"));
        var workflow = new MeetingWorkflow(db);
        await workflow.PublishAgendaAsync(meetingId, "Sekretær");
        await workflow.RecordAttendanceAsync(meetingId, [new Participant("Lise Lund", "Gæst, " + Cpr, false)]);
        await DecideAllAsync(workflow, meetingId, "Godkendt.");

        var refusal = await Assert.ThrowsAsync<DomainException>(() => workflow.PublishMinutesAsync(meetingId, "Sekretær"));

        Assert.StartsWith("Deltagerlisten indeholder et CPR-nummer", refusal.DanishMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPlaceIsToldWhenThereAreSeveral()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var meetingId = await PlannedMeetingAsync(db, Builders.OpenItem("Sag " + Cpr, body: "Også 0101011234 her."));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => new MeetingWorkflow(db).PublishAgendaAsync(meetingId, "Sekretær"));

        Assert.Equal(
            "Punkt 2, Titel, indeholder et CPR-nummer (12****-****). Fjern det, før mødet offentliggøres. Der er også CPR-numre her: Punkt 2, Sagsfremstilling.",
            refusal.DanishMessage);
    }

    [Fact]
    public async Task AClosedItemsTextIsNotPublicSoItDoesNotBlock()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var meetingId = await PlannedMeetingAsync(db, Builders.ClosedItem(Cpr, "00.01.00-A00-96-26"));

        var version = await new MeetingWorkflow(db).PublishAgendaAsync(meetingId, "Sekretær");

        Assert.Equal(1, version.Number);
    }

    [Fact]
    public async Task ACprNumberTheSecretaryRedactedIsNotPublicSoItDoesNotBlock()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var meetingId = await PlannedMeetingAsync(db, Builders.OpenItem("Klagesag", body: "Borgeren " + Cpr + " klager."));
        var workflow = new MeetingWorkflow(db);
        await workflow.SetPublicRedactionsAsync(meetingId, 2, [Cpr], (await workflow.LoadAsync(meetingId)).Item(2).Revision, "Sekretær");

        var version = await workflow.PublishAgendaAsync(meetingId, "Sekretær");

        Assert.Equal([Cpr], version.Snapshot.Items.Single(i => i.Number == 2).PublicRedactions);
    }

    [Fact]
    public async Task TextThatOnlyLooksLikeACprNumberIsPublished()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var meetingId = await PlannedMeetingAsync(db, Builders.OpenItem("Sag 82.02.00-G01-1-16", body: "Møde 18-08-2016 kl. 0900-1200, tlf. 12 34 56 78, konto 320112-1234."));

        var version = await new MeetingWorkflow(db).PublishAgendaAsync(meetingId, "Sekretær");

        Assert.Equal(1, version.Number);
    }

    [Fact]
    public async Task AnImportIsNotRefusedButEachCprNumberIsReportedMaskedAndRepublishingIsBlocked()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var text = (await System.IO.File.ReadAllTextAsync(Path.Combine(Repository.Fixtures, "lederforum-dagsorden.txt")))
            .Replace("Punkt 2: LF - Cykelparkering ved skolerne\n\nAnledning\n", "Punkt 2: LF - Cykelparkering ved skolerne\n\nAnledning\n\nBorgeren " + Cpr + " har klaget.\n", StringComparison.Ordinal);
        Assert.Contains(Cpr, text, StringComparison.Ordinal);
        var path = Path.Combine(database.Directory, "lederforum.txt");
        await System.IO.File.WriteAllTextAsync(path, text);
        await using var db = await database.OpenAsync();

        var result = await new Core.Import.MeetingImporter(db).ImportFileAsync(path);

        var warning = Assert.Single(result.Warnings!);
        Assert.Equal("Item 2's section 'Anledning' holds a CPR number (12****-****); it is public now. Remove it at the source and import again, or redact it.", warning);
        var meeting = await db.Meetings.SingleAsync();
        var refusal = await Assert.ThrowsAsync<DomainException>(() => new MeetingWorkflow(db).PublishAgendaAsync(meeting.Id, "Sekretær"));
        Assert.StartsWith("Punkt 2, Anledning, indeholder et CPR-nummer", refusal.DanishMessage, StringComparison.Ordinal);
    }

    internal static AttachmentFile File(string text) =>
        new("ansoegning.pdf", "application/pdf", new string('b', 64), 10, "bb/" + new string('b', 64) + ".pdf", text);

    /// <summary>Forum TF and a planned meeting on 2026-09-03 with the given item as item 2; returns the meeting's id.</summary>
    internal static async Task<int> PlannedMeetingAsync(DagsordenDbContext db, ItemContent item)
    {
        var forum = new Core.Forums.Forum("TF", "Testforum");
        db.Forums.Add(forum);
        db.Forums.Add(new Core.Forums.Forum("AF", "Andet forum"));
        await db.SaveChangesAsync();
        var meeting = await new MeetingWorkflow(db).PlanAsync(forum.Id, new DateOnly(2026, 9, 3), null, null);
        await Web.WorkflowFixture.PlaceAsync(db, meeting.Id, item);
        return meeting.Id;
    }

    internal static async Task DecideAllAsync(MeetingWorkflow workflow, int meetingId, string text)
    {
        foreach (var number in (await workflow.LoadAsync(meetingId)).Items.Where(i => i.Decision is null).Select(i => i.Number).ToList())
        {
            var item = (await workflow.LoadAsync(meetingId)).Item(number);
            await workflow.RecordDecisionAsync(meetingId, number, new Decision(RichText.FromParagraphs(text), DecisionOutcome.Approved), item.Revision);
        }
    }

    /// <summary>TF 2026-09-03 with item 2 "Klagesag", its minutes published and approved at a later meeting.</summary>
    internal static async Task<int> ApprovedMinutesAsync(DagsordenDbContext db)
    {
        var meetingId = await PlannedMeetingAsync(db, Builders.OpenItem("Klagesag"));
        var workflow = new MeetingWorkflow(db);
        await workflow.PublishAgendaAsync(meetingId, "Sekretær");
        await DecideAllAsync(workflow, meetingId, "Godkendt.");
        await workflow.PublishMinutesAsync(meetingId, "Sekretær");
        var forumId = (await workflow.LoadAsync(meetingId)).ForumId;
        var next = await workflow.PlanAsync(forumId, new DateOnly(2026, 9, 17), null, null);
        await workflow.PublishAgendaAsync(next.Id, "Sekretær");
        await workflow.RecordDecisionAsync(next.Id, 1, new Decision(RichText.FromParagraphs("Godkendt."), DecisionOutcome.Approved), (await workflow.LoadAsync(next.Id)).Item(1).Revision);
        return meetingId;
    }

    private static async Task AssertNothingPublishedAsync(DagsordenDbContext db, int meetingId)
    {
        db.ChangeTracker.Clear();
        Assert.Equal(MeetingStatus.Planned, (await db.Meetings.SingleAsync(m => m.Id == meetingId)).Status);
        Assert.Equal(0, await db.MeetingVersions.CountAsync(v => v.MeetingId == meetingId));
        Assert.Equal(0, (await SearchIndexes.For(db).SearchAsync(new SearchRequest { Text = "klagesag" }, SearchAccess.Administrator)).Total);
    }
}
