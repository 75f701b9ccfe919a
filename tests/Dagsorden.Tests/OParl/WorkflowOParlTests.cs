using System.Net;
using System.Text.Json.Nodes;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Dagsorden.Tests.Web.WorkflowFixture;

namespace Dagsorden.Tests.OParl;

/// <summary>A planned meeting is not public, so OParl neither lists nor serves it, its items, cases, files or place.</summary>
public sealed class WorkflowOParlTests
{
    private const string Api = "http://localhost/oparl/v1";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OParlHasNothingOfAPlannedMeeting(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await SeedAsync(database);
        List<int> plannedItems;
        await using (var db = await database.OpenAsync())
        {
            plannedItems = await db.Items.Where(i => i.MeetingId == fixture.PlannedId || i.MeetingId == fixture.PlannedNextYearId).Select(i => i.Id).ToListAsync();
        }

        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        // Everything reachable answers 200 and validates, so nothing links to a planned object either.
        var crawl = await OParlApiTests.CrawlAsync(client);
        var meetings = JsonNode.Parse(await client.GetStringAsync($"{Api}/body/1/meetings"))!;
        var organizationMeetings = JsonNode.Parse(await client.GetStringAsync($"{Api}/organization/1/meetings"))!;

        Assert.All(crawl.Bodies, body => Assert.DoesNotContain(PlanMarker, body, StringComparison.Ordinal));
        Assert.All(crawl.Bodies, body => Assert.DoesNotContain(ClosedMarker, body, StringComparison.Ordinal));
        Assert.All(crawl.Bodies, body => Assert.DoesNotContain("Rådhuset", body, StringComparison.Ordinal));
        Assert.Equal(1, meetings["pagination"]!["totalElements"]!.GetValue<int>());
        Assert.Equal(1, organizationMeetings["pagination"]!["totalElements"]!.GetValue<int>());

        var hidden = new List<string>
        {
            $"{Api}/meeting/{fixture.PlannedId}",
            $"{Api}/meeting/{fixture.PlannedNextYearId}",
            $"{Api}/file/document/{fixture.PlannedId}",
            $"{Api}/location/{fixture.PlannedId}",
            $"{Api}/location/{fixture.PlannedNextYearId}",
        };
        hidden.AddRange(plannedItems.SelectMany(id => new[] { $"{Api}/agendaitem/{id}", $"{Api}/consultation/{id}" }));
        foreach (var address in hidden)
            Assert.True((await client.GetAsync(address)).StatusCode == HttpStatusCode.NotFound, address);
    }

    [Fact]
    public async Task PublishingTheMeetingMakesItAnOParlMeeting()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var fixture = await SeedAsync(database);
        await using (var db = await database.OpenAsync())
            await new MeetingWorkflow(db).PublishAgendaAsync(fixture.PlannedId, "Sekretær");
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync($"{Api}/meeting/{fixture.PlannedId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PlanMarker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OParlShowsThePublishedVersionNeverUnpublishedEditsPlansOrClosedText(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await SeedAsync(database);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var crawl = await OParlApiTests.CrawlAsync(client);
        var meeting = JsonNode.Parse(await client.GetStringAsync($"{Api}/meeting/{fixture.PublishedId}"))!;

        foreach (var marker in new[] { EditMarker, PlanMarker, ClosedMarker })
            Assert.All(crawl.Bodies, body => Assert.DoesNotContain(marker, body, StringComparison.Ordinal));

        // As version 2 has it: the closed item at 2, Budget at 3 under its published name, five items.
        var items = meeting["agendaItem"]!.AsArray();
        Assert.Equal(5, items.Count);
        Assert.Equal("TF - Budget", items.Single(i => i!["order"]!.GetValue<int>() == 3)!["name"]!.GetValue<string>());
        Assert.Equal("Lukket", items.Single(i => i!["order"]!.GetValue<int>() == 2)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AttachmentFilesAreOnlyThePublicMayDownloadAndPointAtTheDownload()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        var seeded = await Web.AttachmentDownloadTests.SeedAsync(database, app);
        using var client = app.CreateClient();

        var files = JsonNode.Parse(await client.GetStringAsync($"{Api}/body/1/files"))!["data"]!.AsArray();
        var attachments = files.Where(f => f!["id"]!.GetValue<string>().Contains("/file/attachment/", StringComparison.Ordinal)).ToList();

        var file = Assert.Single(attachments)!;
        var id = seeded["Offentligt bilag"].Id;
        Assert.Equal($"http://localhost/bilag/{id}", file["downloadUrl"]!.GetValue<string>());
        Assert.Equal($"http://localhost/bilag/{id}", file["accessUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(file["downloadUrl"]!.GetValue<string>())).StatusCode);
        foreach (var hidden in new[] { "Internt notat", "Lukket bilag", "Upubliceret bilag", "Planlagt bilag", "Andet forums notat" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Api}/file/attachment/{seeded[hidden].Id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PaperWhoseLastItemIsRemovedAndPublishedIsReportedDeleted(StorageProvider provider)
    {
        const string Case = "00.01.00-A00-7-26";
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await SeedAsync(database);
        await using (var db = await database.OpenAsync())
        {
            var workflow = new MeetingWorkflow(db);
            await PlaceAsync(db, fixture.PublishedId, Builders.OpenItem("Kortvarig sag", Case));
            await workflow.PublishAgendaAsync(fixture.PublishedId, "Sekretær");
            var meeting = await workflow.LoadAsync(fixture.PublishedId);
            await workflow.RemoveItemAsync(fixture.PublishedId, meeting.Items.Single(i => i.CaseNumber?.Value == Case).Number, meeting.Revision);
        }

        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        // Removed but not yet published: the public still has the case.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Api}/paper/{Case}")).StatusCode);

        await using (var db = await database.OpenAsync())
            await new MeetingWorkflow(db).PublishAgendaAsync(fixture.PublishedId, "Sekretær");

        var changed = JsonNode.Parse(await client.GetStringAsync($"{Api}/body/1/papers?modified_since=2000-01-01T00:00:00Z"))!["data"]!.AsArray();
        var deleted = Assert.Single(changed, p => p!["deleted"]?.GetValue<bool>() == true)!;
        Assert.Equal($"{Api}/paper/{Case}", deleted["id"]!.GetValue<string>());
        var single = JsonNode.Parse(await client.GetStringAsync($"{Api}/paper/{Case}"))!;
        Assert.True(single["deleted"]!.GetValue<bool>());
        var unfiltered = JsonNode.Parse(await client.GetStringAsync($"{Api}/body/1/papers"))!["data"]!.AsArray();
        Assert.DoesNotContain(unfiltered, p => p!["deleted"] is not null);
    }
}
