using Dagsorden.Core.Documents;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Conformance;

/// <summary>Conformance over the real Chefforum minutes in ../shared/minutes.</summary>
public sealed class RealMinutesTests
{
    public static TheoryData<string> RealMinutes()
    {
        var files = Directory.Exists(Repository.SharedMinutes)
            ? Directory.GetFiles(Repository.SharedMinutes, "*.txt").Order(StringComparer.Ordinal).ToArray()
            : [];
        Assert.True(files.Length > 0, $"No real minutes in {Repository.SharedMinutes}; conformance tests need ../shared beside the checkout.");
        return new TheoryData<string>(files.Select(Path.GetFileName)!);
    }

    [Theory]
    [MemberData(nameof(RealMinutes))]
    public async Task ExportOfImportReproducesTheRealDocument(string fileName)
    {
        var path = Path.Combine(Repository.SharedMinutes, fileName);
        var meeting = await ImportAndLoadAsync(path);

        // The published files are the public version, so both exports must reproduce them.
        MinutesText.AssertSameDocument(await File.ReadAllTextAsync(path), TextDocumentWriter.Write(meeting, DocumentAudience.Internal), fileName + " (internal)");
        MinutesText.AssertSameDocument(await File.ReadAllTextAsync(path), TextDocumentWriter.Write(meeting, DocumentAudience.Public), fileName + " (public)");
    }

    [Fact]
    public async Task Minutes2016KeepTocWordingClosedItemAndJointPrefix()
    {
        var meeting = await ImportAndLoadAsync(Path.Combine(Repository.SharedMinutes, "000_81c4a3c2ef6f212b.txt"));

        Assert.Equal(new MeetingKey("CF", new DateOnly(2016, 8, 18)), meeting.Key);
        Assert.Equal(DocumentTemplate.Standard2016, meeting.Template);
        Assert.Equal(new TimeOnly(9, 0), meeting.StartTime);
        Assert.Equal("Mødelokale 2", meeting.Place);
        Assert.Equal(11, meeting.Items.Count);

        var item7 = meeting.Items[6];
        Assert.Equal("Understøttelse af decentrale leders brug af MED-systemet", item7.Title);
        Assert.Equal("CF - Understøttelse af decentrale lederes brug af MED-systemet", item7.TocTitle);

        var item8 = meeting.Items[7];
        Assert.True(item8.IsClosed);
        Assert.Equal("00.01.00-A00-96-16", item8.CaseNumber!.Value);
        Assert.Empty(item8.Sections);

        Assert.Equal("CF/ØU", meeting.Items[9].ForumPrefix);
        Assert.Equal("83.02.00", meeting.Items[3].CaseNumber!.KleSubject);

        var item1 = meeting.Items[0];
        Assert.Equal(new MinutesApproval(new DateOnly(2016, 8, 11), MinutesApprovalOutcome.Postponed), item1.MinutesApproval);
        Assert.Equal("Kommunaldirektøren", item1.Recommendation!.Proposer);
        Assert.Equal(2, item1.Recommendation.ClauseTexts.Count);
        Assert.Equal(DecisionOutcome.NothingToReport, meeting.Items[10].Decision!.Outcome);
        Assert.Equal(
            ["Anledning", "Indstilling", "Sagsfremstilling", "Økonomi", "Kommunikation", "Beslutning"],
            meeting.Items[4].Sections.Select(s => s.Heading));
    }

    [Fact]
    public async Task Minutes2014KeepAttachmentsFirstRepeatedTitleAndApproval()
    {
        var meeting = await ImportAndLoadAsync(Path.Combine(Repository.SharedMinutes, "001_ca4162980987873e.txt"));

        Assert.Equal(DocumentTemplate.Classic2014, meeting.Template);
        var item1 = meeting.Items[0];
        Assert.Null(item1.CaseNumber);
        Assert.Equal(new MinutesApproval(new DateOnly(2014, 6, 4), MinutesApprovalOutcome.Approved), item1.MinutesApproval);
        Assert.Equal(
            [SectionKind.Attachments, SectionKind.RepeatedTitle, SectionKind.Recommendation, SectionKind.Decision],
            item1.Sections.Select(s => s.Kind));
        Assert.Equal("BESLUTNING I CHEFFORUM DEN 19-06-2014", item1.Sections[3].Heading);

        var item4 = meeting.Items[3];
        Assert.Equal("CF - Årshjulet for lederforum-møder i 2014", item4.Sections.Single(s => s.Kind == SectionKind.RepeatedTitle).Heading);
        Assert.Equal(2013, meeting.Items[1].CaseNumber!.Year);
        Assert.Equal(3, meeting.Items[2].Attachments.Count);
    }

    [Fact]
    public async Task Minutes2015HaveThreeClosedItemsOneWithoutCaseNumber()
    {
        var meeting = await ImportAndLoadAsync(Path.Combine(Repository.SharedMinutes, "002_2a65481ceb61ab7e.txt"));

        Assert.Equal([4, 6, 7], meeting.Items.Where(i => i.IsClosed).Select(i => i.Number));
        Assert.Null(meeting.Items[6].CaseNumber);
        Assert.Equal("15/10059", meeting.Items[5].CaseNumber!.Value);
        Assert.Equal(MinutesApprovalOutcome.Postponed, meeting.Items[0].MinutesApproval!.Outcome);
    }

    private static async Task<Meeting> ImportAndLoadAsync(string path)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        var result = await new MeetingImporter(db).ImportFileAsync(path);
        return await db.FindAsync(result.Key) ?? throw new InvalidOperationException("Imported meeting not found.");
    }
}
