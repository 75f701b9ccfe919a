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
}
