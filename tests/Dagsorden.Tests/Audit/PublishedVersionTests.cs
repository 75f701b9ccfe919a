using System.Globalization;
using System.IO.Compression;
using Dagsorden.Core;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Documents.Docx;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Dagsorden.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Audit;

/// <summary>A published version is a record: it renders later exactly as it was served, and approved minutes change only by a recorded correction.</summary>
public sealed class PublishedVersionTests
{
    private static readonly DateOnly First = new(2026, 9, 3);
    private static readonly DateOnly Second = new(2026, 9, 17);

    [Fact]
    public async Task VersionOneRendersByteForByteAsPublishedAfterLaterChangesAndACorrection()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int meetingId, forumId;
        await using (var db = await database.OpenAsync())
        {
            var forum = new Forum("TF", "Testforum");
            db.Forums.Add(forum);
            await db.SaveChangesAsync();
            forumId = forum.Id;
            var workflow = new MeetingWorkflow(db);
            meetingId = (await workflow.PlanAsync(forum.Id, First, new TimeOnly(9, 0), "Mødelokale 1")).Id;
            await WorkflowFixture.PlaceAsync(db, meetingId, Builders.OpenItem("Budget", "00.01.00-A00-5-26", "Budgettet for året."));
            await workflow.PublishAgendaAsync(meetingId, "Sekretær");
        }

        await using var app = new TestApp(database);
        using var reader = app.CreateBrowserClient();
        var versionPage = "/tf/2026-09-03/udgave/1";
        var servedHtml = DocumentOf(await reader.GetStringAsync(versionPage));
        var servedDocx = await reader.GetByteArrayAsync("/tf/2026-09-03.docx");

        await using (var db = await database.OpenAsync())
        {
            var workflow = new MeetingWorkflow(db);
            var budget = (await workflow.LoadAsync(meetingId)).Item(2);
            await workflow.EditItemAsync(meetingId, 2, budget.Content with { Title = "Budget 2027, revideret" }, budget.Revision);
            await workflow.PublishAgendaAsync(meetingId, "Sekretær");
            foreach (var number in new[] { 1, 2, 3 })
            {
                var item = (await workflow.LoadAsync(meetingId)).Item(number);
                await workflow.RecordDecisionAsync(meetingId, number, new Decision(RichText.FromParagraphs("Godkendt."), DecisionOutcome.Approved), item.Revision);
            }

            await workflow.PublishMinutesAsync(meetingId, "Sekretær");
            var next = await workflow.PlanAsync(forumId, Second, null, null);
            await workflow.PublishAgendaAsync(next.Id, "Sekretær");
            var approval = (await workflow.LoadAsync(next.Id)).Item(1);
            await workflow.RecordDecisionAsync(next.Id, 1, new Decision(RichText.FromParagraphs("Godkendt."), DecisionOutcome.Approved), approval.Revision);
            budget = (await workflow.LoadAsync(meetingId)).Item(2);
            await workflow.CorrectItemAsync(meetingId, 2, budget.Content with { Title = "Budget 2027, rettet" }, "Stavefejl", budget.Revision, "Sekretær");
            Assert.Equal(4, (await workflow.VersionsAsync(meetingId)).Count);
        }

        Assert.Equal(servedHtml, DocumentOf(await reader.GetStringAsync(versionPage)));
        Assert.Contains("Budget", servedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("revideret", servedHtml, StringComparison.Ordinal);

        await using (var db = await database.OpenAsync())
        {
            var version = await db.MeetingVersions.AsNoTracking().SingleAsync(v => v.MeetingId == meetingId && v.Number == 1);
            var forum = await db.Forums.AsNoTracking().SingleAsync(f => f.Id == forumId);
            var rendered = DocxDocumentWriter.Write(MeetingDocument.From(version.Snapshot.ToMeeting(forum, First), DocumentAudience.Public));
            var (served, again) = (Entries(servedDocx), Entries(rendered));
            var differing = served.Zip(again).FirstOrDefault(p => p.First != p.Second);
            Assert.True(differing == default, differing == default ? "" : Difference(differing.First, differing.Second));
            Assert.Equal(servedDocx, rendered);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApprovedMinutesChangeOnlyThroughACorrectionThatIsRecordedWithItsReason(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var forum = new Forum("TF", "Testforum");
        db.Forums.Add(forum);
        await db.SaveChangesAsync();
        var workflow = new MeetingWorkflow(db);
        var first = await workflow.PlanAsync(forum.Id, First, null, null);
        await workflow.PublishAgendaAsync(first.Id, "Sekretær");
        foreach (var (number, outcome) in new[] { (1, DecisionOutcome.Approved), (2, DecisionOutcome.NothingToReport) })
        {
            var item = (await workflow.LoadAsync(first.Id)).Item(number);
            await workflow.RecordDecisionAsync(first.Id, number, new Decision(RichText.FromParagraphs("Intet."), outcome), item.Revision);
        }

        await workflow.PublishMinutesAsync(first.Id, "Sekretær");
        var second = await workflow.PlanAsync(forum.Id, Second, null, null);
        await workflow.PublishAgendaAsync(second.Id, "Sekretær");
        var approval = (await workflow.LoadAsync(second.Id)).Item(1);
        await workflow.RecordDecisionAsync(second.Id, 1, new Decision(RichText.FromParagraphs("Godkendt."), DecisionOutcome.Approved), approval.Revision);
        Assert.Equal(MeetingStatus.MinutesApproved, (await workflow.LoadAsync(first.Id)).Status);
        db.Actor = new AuditActor("sekretaer-1", "Sekretær Hansen");
        var before = await db.AuditEntries.CountAsync();
        var evt = (await workflow.LoadAsync(first.Id)).Item(2);

        await Assert.ThrowsAsync<DomainException>(() => workflow.EditItemAsync(first.Id, 2, evt.Content with { Title = "Stille ændring" }, evt.Revision));
        Assert.Equal(before, await db.AuditEntries.CountAsync());

        await workflow.CorrectItemAsync(first.Id, 2, evt.Content with { Title = "Evt. (rettet)" }, "Stavefejl i titlen", evt.Revision, "Sekretær Hansen");

        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Skip(before).ToListAsync();
        Assert.All(entries, e => Assert.Equal(("sekretaer-1", "Sekretær Hansen", first.Id), (e.ActorId, e.Actor, e.MeetingId)));
        Assert.Contains(entries, e => e is { EntityType: "AgendaItem", Field: "Title", OldValue: "Evt.", NewValue: "Evt. (rettet)" } && e.ItemId == evt.Id);
        Assert.Contains(entries, e => e is { EntityType: "MeetingVersion", Action: "Added", Field: "CorrectionReason", NewValue: "Stavefejl i titlen" });
        var version = (await workflow.VersionsAsync(first.Id))[^1];
        Assert.Contains(entries, e => e.EntityType == "MeetingVersion" && e.EntityId == version.Id.ToString(CultureInfo.InvariantCulture) && e.Field == "Number");
        Assert.Equal("Stavefejl i titlen", version.CorrectionReason);
    }

    private static string Difference((string Name, string Content) served, (string Name, string Content) again)
    {
        var a = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(served.Content));
        var b = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(again.Content));
        var at = a.Zip(b).TakeWhile(p => p.First == p.Second).Count();
        return $"{served.Name} differs at {at}: served …{a[Math.Max(0, at - 150)..Math.Min(a.Length, at + 150)]}… rendered …{b[Math.Max(0, at - 150)..Math.Min(b.Length, at + 150)]}…";
    }

    private static List<(string Name, string Content)> Entries(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, Convert.ToBase64String(copy.ToArray()));
        }).ToList();
    }

    /// <summary>The rendered document of a version page, without the notice around it that says whether a newer version exists.</summary>
    private static string DocumentOf(string page)
    {
        var notice = page.IndexOf("class=\"notice version-notice\"", StringComparison.Ordinal);
        Assert.True(notice > 0, "The page has no version notice.");
        var start = page.IndexOf("</section>", notice, StringComparison.Ordinal) + "</section>".Length;
        var end = page.IndexOf("</main>", start, StringComparison.Ordinal);
        Assert.True(end > start, "The page has no main element.");
        return page[start..end];
    }
}
