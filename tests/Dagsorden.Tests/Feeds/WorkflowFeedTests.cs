using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using static Dagsorden.Tests.Web.WorkflowFixture;

namespace Dagsorden.Tests.Feeds;

/// <summary>The feeds of a forum whose meetings go through the workflow: published versions only; planned meetings as dates.</summary>
public sealed class WorkflowFeedTests
{
    [Fact]
    public async Task AtomFeedHasOnlyThePublishedVersionOfPublishedMeetings()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var text = await client.GetStringAsync("/tf/dokumenter.atom");
        using var reader = XmlReader.Create(new StringReader(text));
        var formatter = new Atom10FeedFormatter();
        formatter.ReadFrom(reader);

        Assert.DoesNotContain(PlanMarker, text, StringComparison.Ordinal);
        Assert.DoesNotContain(EditMarker, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ClosedMarker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Internt notat", text, StringComparison.Ordinal);
        var entry = Assert.Single(formatter.Feed.Items);
        Assert.Equal("http://localhost/tf/2026-02-05#dagsorden", entry.Id);
        var summary = ((TextSyndicationContent)entry.Summary).Text;
        Assert.Contains("Punkt 2: Lukket (00.01.00-A00-96-26)", summary, StringComparison.Ordinal);
        Assert.Contains("Punkt 3: TF - Budget\n", summary, StringComparison.Ordinal);
        Assert.Contains("Punkt 5: TF - Evt.", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Punkt 6", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarHasPlannedMeetingsWithDateTimeAndPlaceButNoLinkOrItems()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/tf/moeder.ics");
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(PlanMarker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Budget", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/tf/2026-03-05", text, StringComparison.Ordinal);
        Assert.Equal(3, calendar.Events.Count);
        var planned = calendar.Events.Single(e => e.DtStart!.Date == Planned);
        Assert.Equal("Testforum – møde", planned.Summary);
        Assert.Equal(new TimeOnly(9, 0), planned.DtStart!.Time);
        Assert.Equal("Mødelokale 1", planned.Location);
        Assert.Null(planned.Url);
        Assert.Equal("Mødet er planlagt. Dagsordenen er ikke offentliggjort endnu.", planned.Description);
        Assert.Equal("Rådhuset", calendar.Events.Single(e => e.DtStart!.Date == PlannedNextYear).Location);
        var published = calendar.Events.Single(e => e.DtStart!.Date == Published);
        Assert.Equal("http://localhost/tf/2026-02-05", published.Url?.ToString());
    }
}
