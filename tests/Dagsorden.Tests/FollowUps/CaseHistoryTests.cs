using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.FollowUps;

/// <summary>
/// An item's case history across forums and years: the same case number, the same KLE subject in
/// the older numbers' other forms, and the consultation of a joint CF/ØU item at Økonomiudvalget.
/// </summary>
public sealed class CaseHistoryTests
{
    private const string Case = "00.01.00-A00-29-16";
    private const string Marker = "LUKKET-FORLOEB-Z3";

    [Theory]
    [InlineData("00.01.00-A00-29-16", "00.01.00")]
    [InlineData("00.01.00-G01-12-2013", "00.01.00")]
    [InlineData("00.01.00A00-2014-7", "00.01.00")]
    [InlineData("SBSYS 83.02.00-P20-1/2012", "83.02.00")]
    [InlineData("13/14793", null)]
    [InlineData("2012-28504", null)]
    [InlineData("Mødedato 04.12.12", null)]
    [InlineData("04.12.2012", null)]
    [InlineData("100.01.00-A00-1-16", null)]
    [InlineData("00.01.00.01-A00-1-16", null)]
    public void TheKleSubjectIsReadFromEveryFormOfCaseNumberThatCarriesOne(string caseNumber, string? subject) =>
        Assert.Equal(subject, CaseSubject.Of(CaseNumber.Parse(caseNumber)));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheHistoryLinksTheCaseAcrossForumsYearsOldNumbersAndConsultations(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var db = await database.OpenAsync();
        var current = await ItemAsync(db, "CF", new DateOnly(2016, 8, 18), 5);

        var history = await db.CaseHistoryAsync("CF", current, new HashSet<string>());

        Assert.Equal(
            ["CF 2013-05-02 2", "CF 2014-06-19 2", "CF 2016-08-18 5", "CF 2016-08-18 6", "ØU 2016-09-05 3", "DF 2017-01-12 2"],
            history.Select(e => $"{e.Meeting.ForumCode} {e.Meeting.Date:yyyy-MM-dd} {e.Number}"));
        var byKey = history.ToDictionary(e => $"{e.Meeting.ForumCode} {e.Number} {e.Meeting.Date.Year}");
        Assert.False(byKey["CF 2 2013"].SameCase);
        Assert.True(byKey["CF 5 2016"].SameCase);
        Assert.Equal(["ØU"], byKey["CF 5 2016"].ConsultedIn!);
        Assert.True(byKey["ØU 3 2016"].ByConsultation);
        Assert.Equal("Orientering om Digital Handlingsplan", byKey["ØU 3 2016"].FullTitle);
        Assert.True(byKey["DF 2 2017"].SameCase);

        // A closed item of a forum the reader is not a member of keeps its number and case number only.
        var closed = byKey["CF 6 2016"];
        Assert.Equal(("", (DecisionOutcome?)null, "00.01.00-A00-96-16"), (closed.FullTitle, closed.Outcome, closed.CaseNumber));
        var asMember = await db.CaseHistoryAsync("CF", current, new HashSet<string> { "CF" });
        Assert.Contains(Marker, asMember.Single(e => e.Number == 6).FullTitle, StringComparison.Ordinal);

        // From Økonomiudvalget's side, the item without a case number finds the joint item it came from.
        var consultation = await db.CaseHistoryAsync("ØU", await ItemAsync(db, "ØU", new DateOnly(2016, 9, 5), 3), new HashSet<string>());
        var entry = Assert.Single(consultation);
        Assert.Equal((new MeetingKey("CF", new DateOnly(2016, 8, 18)), 5, true), (entry.Meeting, entry.Number, entry.ByConsultation));
    }

    [Fact]
    public async Task TheItemPageShowsTheHistoryAndAClosedItemInItOnlyAsLukketWithItsCaseNumber()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(database);
        await using var app = new TestApp(database);
        using var anonymous = app.CreateBrowserClient();
        using var employee = await app.SignInAsNewUserAsync("ansat@example.test");
        using var otherMember = await app.SignInAsNewUserAsync("df@example.test", null, ("DF", ForumRole.Member));
        using var member = await app.SignInAsNewUserAsync("cf@example.test", null, ("CF", ForumRole.Member));

        foreach (var (name, client) in new[] { ("anonym", anonymous), ("medarbejder", employee), ("medlem af DF", otherMember) })
        {
            var response = await client.GetAsync("/cf/2016-08-18/punkt/5");
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, name);
            Assert.Contains("Sagens forløb", html, StringComparison.Ordinal);
            Assert.Contains("(00.01.00 Kommunens styrelse i almindelighed)", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/cf/2016-08-18/punkt/6\">Punkt 6: Lukket</a>", html, StringComparison.Ordinal);
            Assert.Contains("00.01.00-A00-96-16", html, StringComparison.Ordinal);
            Assert.Contains("Punkt 3: Orientering om Digital Handlingsplan</a>", html, StringComparison.Ordinal);
            Assert.Contains("(samme sag i ØU)", html, StringComparison.Ordinal);
            Assert.Contains("også behandlet i ØU", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/cf/2013-05-02/punkt/2\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain(Marker, html, StringComparison.Ordinal);
            Assert.DoesNotContain("/cf/2014-06-19/punkt/3\"", html, StringComparison.Ordinal);
        }

        var memberPage = await member.GetStringAsync("/cf/2016-08-18/punkt/5");
        Assert.Contains($"Punkt 6: TF - Titel {Marker}", memberPage, StringComparison.Ordinal);
    }

    /// <summary>
    /// CF 2013 and 2014 under older numbers of subject 00.01.00 (and, in 2014, a bare year/serial and a
    /// date-like near miss); CF 2016 the joint item "CF/ØU - Orientering om Digital Handlingsplan" (5),
    /// a closed item of the same subject (6) and one of another subject (7); ØU 2016 the same title without
    /// a case number; DF 2017 the same case number.
    /// </summary>
    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var importer = new MeetingImporter(db);
        await importer.StoreAsync(Minutes("Chefforum", "CF", new DateOnly(2013, 5, 2),
            Item("Godkendelse af dagsorden og referat", null), Item("Digitaliseringsstrategi", "00.01.00-G01-12-2013")));
        await importer.StoreAsync(Minutes("Chefforum", "CF", new DateOnly(2014, 6, 19),
            Item("Godkendelse af dagsorden og referat", null), Item("Digital handlingsplan, første udkast", "00.01.00A00-2014-7"),
            Item("Smart City", "13/14793"), Item("Mødeplan", "Mødedato 04.12.12")));
        await importer.StoreAsync(Minutes("Chefforum", "CF", new DateOnly(2016, 8, 18),
            Item("Godkendelse af dagsorden og referat", null), Item("A", "00.02.00-A00-1-16"), Item("B", null), Item("C", null),
            Item("Orientering om Digital Handlingsplan", Case) with { ForumPrefix = "CF/ØU" },
            Builders.ClosedItem(Marker, "00.01.00-A00-96-16"),
            Item("Andet emne", "00.01.01-A00-3-16")));
        await importer.StoreAsync(Minutes("Økonomiudvalget", "ØU", new DateOnly(2016, 9, 5),
            Item("Godkendelse af dagsorden og referat", null), Item("Budget", null),
            Item("Orientering om Digital Handlingsplan", null) with { ForumPrefix = null }));
        await importer.StoreAsync(Minutes("Direktørforum", "DF", new DateOnly(2017, 1, 12),
            Item("Godkendelse af dagsorden og referat", null), Item("Handlingsplanen et år efter", Case) with { ForumPrefix = "DF" }));
    }

    private static ItemContent Item(string title, string? caseNumber) =>
        Builders.OpenItem(title, caseNumber) with { ForumPrefix = "CF", Decision = new Decision(RichText.FromParagraphs("Taget til efterretning."), DecisionOutcome.Noted) };

    private static ImportedMeeting Minutes(string forumName, string code, DateOnly date, params ItemContent[] items) => new(
        forumName,
        code,
        date,
        new MeetingDetails(new TimeOnly(9, 0), "Mødelokale 1", DocumentKind.Minutes, DocumentTemplate.Standard2016, MinutesApproved: true),
        items.Select((content, index) => (index + 1, content)).ToList());

    private static async Task<ItemContent> ItemAsync(DagsordenDbContext db, string code, DateOnly date, int number)
    {
        var meetingId = await db.Meetings.Where(m => m.Forum.Code == code && m.Date == date).Select(m => m.Id).SingleAsync();
        return (await new MeetingWorkflow(db).LoadAsync(meetingId)).Item(number).Content;
    }
}
