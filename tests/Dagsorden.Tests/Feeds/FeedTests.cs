using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.OParl;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Feeds;

public sealed class FeedTests
{
    private const string Marker = "FORTROLIG-Q7Z";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CalendarFeedParsesWithIcalNetInCopenhagenTime(StorageProvider provider)
    {
        await using var database = await OParlApiTests.SeededDatabaseAsync(provider);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/tf/moeder.ics");
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
        Assert.Contains(calendar.TimeZones, tz => tz.TzId == "Europe/Copenhagen");
        Assert.Equal(2, calendar.Events.Count);
        var june = calendar.Events.Single(e => e.DtStart!.Date == new DateOnly(2025, 6, 5));
        Assert.Equal("Testforum – møde", june.Summary);
        Assert.Equal("Mødelokale 1", june.Location);
        Assert.Equal("Europe/Copenhagen", june.DtStart!.TzId);
        Assert.Equal(new TimeOnly(9, 0), june.DtStart.Time);
        Assert.Equal(new TimeOnly(11, 0), june.DtEnd!.Time);
        Assert.Equal(new DateTime(2025, 6, 5, 7, 0, 0, DateTimeKind.Utc), june.DtStart.AsUtc);
        Assert.Equal("http://localhost/tf/2025-06-05", june.Url!.ToString());
        Assert.Equal("tf-2025-06-05@dagsorden", june.Uid);

        // Same meeting, same UID on the next fetch: clients update the event instead of duplicating it.
        var again = Ical.Net.Calendar.Load(await client.GetStringAsync("/tf/moeder.ics"))!;
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(StringComparer.Ordinal), again.Events.Select(e => e.Uid).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AtomFeedIsValidAtomWithPageAndPdfLinksAndOnlyPublicText(StorageProvider provider)
    {
        await using var database = await OParlApiTests.SeededDatabaseAsync(provider);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/tf/dokumenter.atom");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Internt notat", text, StringComparison.Ordinal);

        using var reader = XmlReader.Create(new StringReader(text));
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        var feed = formatter.Feed;
        Assert.Equal("Testforum – dagsordener og referater", feed.Title.Text);
        Assert.Equal("http://localhost/tf/dokumenter.atom", feed.Id);
        Assert.Equal(2, feed.Items.Count());
        var june = feed.Items.Single(i => i.Id == "http://localhost/tf/2025-06-05#referat");
        Assert.Equal("Referat – Testforum torsdag d. 5. juni 2025", june.Title.Text);
        Assert.Contains(june.Links, l => l.RelationshipType == "alternate" && l.MediaType == "text/html" && l.Uri.ToString() == "http://localhost/tf/2025-06-05");
        Assert.Contains(june.Links, l => l.RelationshipType == "enclosure" && l.MediaType == "application/pdf" && l.Uri.ToString() == "http://localhost/tf/2025-06-05.pdf");
        var summary = ((TextSyndicationContent)june.Summary).Text;
        Assert.Contains("Punkt 1: TF - Åbent punkt", summary, StringComparison.Ordinal);
        Assert.Contains("Punkt 2: Lukket (00.01.00-A00-96-25)", summary, StringComparison.Ordinal);
        Assert.True(june.LastUpdatedTime > DateTimeOffset.UnixEpoch);

        // Every element is in the Atom namespace, and every entry has the elements RFC 4287 requires.
        var document = XDocument.Parse(text);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.All(document.Descendants(), e => Assert.Equal(atom, e.Name.Namespace));
        Assert.All(document.Root!.Elements(atom + "entry"), entry =>
        {
            Assert.NotNull(entry.Element(atom + "id"));
            Assert.NotNull(entry.Element(atom + "title"));
            Assert.NotNull(entry.Element(atom + "updated"));
        });
        Assert.NotNull(document.Root!.Element(atom + "author"));
    }

    [Theory]
    [InlineData("/xx/moeder.ics")]
    [InlineData("/xx/dokumenter.atom")]
    public async Task FeedOfAnUnknownForumIsNotFound(string address)
    {
        await using var database = await OParlApiTests.SeededDatabaseAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
