using Dagsorden.Core.Attachments;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using static Dagsorden.Tests.Esdh.EsdhTestSupport;

namespace Dagsorden.Tests.Esdh;

/// <summary>
/// Each real export in ../shared/esdh imports, and what we store is what a careful reader of its XML
/// sees: forum, date, items, case numbers, access, attachments and decisions.
/// </summary>
public sealed class SampleExportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AcadreFolderImportsTheMinutesItsManifestPointsAt(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await ImportAsync(database, Sample("acadre"));
        var meeting = await LoadAsync(database, result.Key);

        Assert.Equal("Acadre", result.Source);
        Assert.Equal("PUK:2013-06-20", result.Key.ToString());
        Assert.Equal("Udvalget for plan, udvikling og kultur (PUK)", meeting.Forum.Name);
        Assert.Equal(new TimeOnly(10, 30), meeting.StartTime);
        Assert.Equal(DocumentKind.Minutes, meeting.Kind);
        Assert.StartsWith("Kaløvig Kursuscenter", meeting.Place, StringComparison.Ordinal);
        Assert.Equal(5, meeting.Participants.Count);
        Assert.Contains(meeting.Participants, p => p.Name == "Jesper Mathiesen (A)" && p.Role == "Medlem" && !p.IsAbsent);

        var item = Assert.Single(meeting.Items);
        Assert.Equal(715, item.Number);
        Assert.Equal("Kulturkommune 2017. Politiske fokusområder", item.Title);
        Assert.Equal("12/27845", item.CaseNumber?.Value);
        Assert.False(item.IsClosed);
        Assert.Equal("Direktøren", item.Recommendation?.Proposer);

        // Three decisions are listed; this meeting's is the one dated 20-06-2013. The others stay as text.
        Assert.StartsWith("Punktet blev drøftet.", item.Decision!.Text.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains(item.Sections, s => s.Kind == SectionKind.Decision && s.Heading.EndsWith("den 20-06-2013", StringComparison.Ordinal));
        Assert.Contains(item.Sections, s => s.Kind == SectionKind.Text && s.Heading.EndsWith("den 10-04-2013", StringComparison.Ordinal));
        Assert.Equal(["Resumé", "Sagsfremstilling", "Økonomi og organisatoriske konsekvenser", "Bilag", "Indstilling"], item.Sections.Take(5).Select(s => s.Heading));
        Assert.DoesNotContain(item.Sections, s => s.Heading == "Lovgrundlag"); // empty in the export

        Assert.Equal(
            ["Opsamlingsnotat. Temamøde 20.09.2012", "Politik for Kultur og Fritid - Lokalt engagement, Godkendt af byrådet 300409", "Kulturkommune 2017 - arbejdsoplæg til Udvalget for Plan, Udvikling og Kultur"],
            item.Attachments.Select(a => a.Title));
        Assert.All(item.Attachments, a => Assert.True(a.IsPublic));
        Assert.Equal([ContentTypes.Docx, ContentTypes.OleCompound, ContentTypes.Docx], item.Attachments.Select(a => a.ContentType));
        Assert.Equal("3525829E1.DOCX", item.Attachments[0].FileName);
        Assert.Contains("Temamøde", item.Attachments[0].ExtractedText, StringComparison.OrdinalIgnoreCase);
        var stored = await Store(database).ReadAsync(item.Attachments[0].StorageKey!);
        Assert.Equal(await File.ReadAllBytesAsync(Sample("acadre", "Files_1863_3687982", "3525829E1.DOCX")), stored);
    }

    [Fact]
    public async Task EDocWithAnInvalidCharacterReferenceImportsWithAWarning()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var result = await ImportAsync(database, Sample("edoc", "04-12-2012 13:00:00"));
        var meeting = await LoadAsync(database, result.Key);

        Assert.Contains(result.Warnings!, w => w.Contains("&#xC;", StringComparison.Ordinal));
        Assert.Equal("eDoc", result.Source);
        Assert.Equal("Sundheds- og Forebyggelsesudvalget", meeting.Forum.Name);
        Assert.Equal(new DateOnly(2012, 12, 4), meeting.Date);
        Assert.Equal(new TimeOnly(13, 0), meeting.StartTime);
        Assert.Equal(DocumentKind.Minutes, meeting.Kind);
        Assert.Equal(MeetingStatus.MinutesApproved, meeting.Status); // "Referat endeligt godkendt"
        Assert.Equal("Mødecenter C, Lokale 32 på Ballerup Rådhus", meeting.Place);
        Assert.Equal(7, meeting.Participants.Count);
        Assert.Contains(new Participant("Lolan Ottesen (A)", "formand", false), meeting.Participants);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], meeting.Items.Select(i => i.Number));
        Assert.Equal("Meddelelser", meeting.Items[0].Title);
        Assert.Equal("Bygningsvedligeholdelse 2013 - anlægsbevilling", meeting.Items[1].Title);
        Assert.Equal("Evaluering af rygestopkurser", meeting.Items[7].Title);
        Assert.Equal(["2011-29298", "2012-28504", "2012-31114", "2012-31673", "2011-29939", "2012-21786"], meeting.Items.Take(6).Select(i => i.CaseNumber?.Value));
        Assert.Equal("2010-3082", meeting.Items[7].CaseNumber?.Value);
        Assert.All(meeting.Items, i => Assert.False(i.IsClosed));

        Assert.Equal([3, 1, 1, 1, 2, 1, 1, 0], meeting.Items.Select(i => i.Attachments.Count));
        var attachments = meeting.Items.SelectMany(i => i.Attachments).ToList();
        Assert.All(attachments, a => Assert.True(a.IsPublic));
        Assert.All(attachments, a => Assert.Equal(ContentTypes.Pdf, a.ContentType));
        Assert.Equal("Bygningsliste og prioriteringssystem", Assert.Single(meeting.Items[1].Attachments).Title);
        Assert.Equal("1537646.PDF", meeting.Items[1].Attachments[0].FileName);

        Assert.Equal("Taget til efterretning", meeting.Items[0].Decision?.Text.ToPlainText());
        Assert.Equal("Indstillingen godkendt", meeting.Items[1].Decision?.Text.ToPlainText());
        Assert.Equal(DecisionOutcome.Approved, meeting.Items[1].Decision?.Outcome);
        Assert.Equal("Indstilles til godkendelse", meeting.Items[2].Decision?.Text.ToPlainText());
        Assert.Contains("Gruppen af unge i Ballerup Kommune", meeting.Items[6].Decision?.Text.ToPlainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Følgende deltog ikke", meeting.Items[1].Decision?.Text.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal("Center for Ejendomme", meeting.Items[1].Recommendation?.Proposer);
        Assert.Contains(meeting.Items[1].Sections, s => s.Heading == "Sammendrag" && s.Body.ToPlainText().StartsWith("Det årlige bygningssyn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EDocFujitsuAgendaImportsFromItsNamespace()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var result = await ImportAsync(database, Sample("edoc-fujitsu"));
        var meeting = await LoadAsync(database, result.Key);

        Assert.Equal("eDoc Fujitsu", result.Source);
        Assert.Equal("HTEST:2017-05-02", result.Key.ToString()); // the committee's own ShortName
        Assert.Equal("Hennys testudvalg", meeting.Forum.Name);
        Assert.Equal(new TimeOnly(10, 0), meeting.StartTime);
        Assert.Equal(DocumentKind.Agenda, meeting.Kind);
        Assert.Equal("Mødelokale 1, Midtpunkt", meeting.Place);
        Assert.Equal(7, meeting.Participants.Count);
        Assert.Contains(new Participant("Allan Buch", "Formand", false), meeting.Participants);

        Assert.Equal([2, 3, 4, 5, 6], meeting.Items.Select(i => i.Number));
        Assert.Equal(["test", "test tabel", "Fejloprettet", "Fejloprettet", "Underskriftsblad"], meeting.Items.Select(i => i.Title));
        Assert.Equal([null, "200906126", "2013-003869", "2013-000038", null], meeting.Items.Select(i => i.CaseNumber?.Value));
        Assert.All(meeting.Items, i => Assert.False(i.IsClosed));
        Assert.All(meeting.Items, i => Assert.Empty(i.Attachments));
        Assert.All(meeting.Items, i => Assert.Null(i.Decision)); // "Beslutning ikke frigivet"

        var third = meeting.Items[2];
        Assert.Equal(["Præsentation", "Forvaltningen foreslår", "Sagsbeskrivelse", "Økonomi", "Høring"], third.Sections.Select(s => s.Heading));
        Assert.Equal("At punktet drøftes.", third.Recommendation?.ToBody().ToPlainText());
        var hearing = third.Sections.Single(s => s.Heading == "Høring").Body;
        Assert.Equal(3, hearing.Blocks.Count); // <br /> splits paragraphs
        Assert.Empty(meeting.Items[0].Sections); // every field of "test" is empty
        var list = Assert.IsType<ListBlock>(Assert.Single(meeting.Items[3].Recommendation!.ToBody().Blocks));
        Assert.Equal("At anlægsregnskabet for de fire anlægsprojekter godkendes.", Inline.PlainText(Assert.Single(list.Items).Inlines));
    }

    [Fact]
    public async Task SbsysZipImportsWithItsEnclosure()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var result = await ImportAsync(database, Sample("sbsys", "Publication32.zip"));
        var meeting = await LoadAsync(database, result.Key);

        Assert.Equal("SBSYS", result.Source);
        Assert.Equal("KMB IT-udvalget", meeting.Forum.Name);
        Assert.Equal(new DateOnly(2013, 5, 15), meeting.Date);
        Assert.Equal(new TimeOnly(16, 30), meeting.StartTime);
        Assert.Equal(DocumentKind.Agenda, meeting.Kind); // PublicationType "Final": the final agenda
        Assert.Equal("Mødecenter A, Lokale 3 på Ballerup Rådhus", meeting.Place);
        Assert.Equal(11, meeting.Participants.Count);

        Assert.Equal([1, 2, 3, 4, 5], meeting.Items.Select(i => i.Number));
        Assert.Equal(
            ["Meddelelser", "Oplæg til standard it-arbejdsplads for Kommunalbestyrelsens medlemmer i 2014-2018", "Indførelse af systemet SAPA (Sagsoverblik/Partskontakt)", "Regler for indkøb af it-udstyr", "Status på eDagsorden"],
            meeting.Items.Select(i => i.Title));
        Assert.All(meeting.Items, i => Assert.Null(i.CaseNumber));
        Assert.All(meeting.Items, i => Assert.False(i.IsClosed));
        Assert.All(meeting.Items, i => Assert.Null(i.Decision)); // the feedback field is still empty

        Assert.Equal([0, 0, 1, 0, 0], meeting.Items.Select(i => i.Attachments.Count));
        var enclosure = meeting.Items[2].Attachments[0];
        Assert.Equal("Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud", enclosure.Title);
        Assert.Equal("Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud.pdf", enclosure.FileName);
        Assert.True(enclosure.IsPublic);
        Assert.Equal(ContentTypes.Pdf, enclosure.ContentType);
        Assert.Equal(94198, enclosure.Size);
        Assert.False(string.IsNullOrWhiteSpace(enclosure.ExtractedText));

        var second = meeting.Items[1];
        Assert.Equal("Center for IT og Digitalisering", second.Recommendation?.Proposer);
        Assert.Equal(SectionKind.Text, second.Sections.Single(s => s.Heading == "Beslutningen træffes af").Kind);
        Assert.DoesNotContain(second.Sections, s => s.Body.ToPlainText().Contains('<', StringComparison.Ordinal));
        Assert.Contains("I dag består standardarbejdspladsen", second.Sections.Single(s => s.Heading == "Baggrund").Body.ToPlainText(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReimportUpdatesInPlaceKeepingItemAndAttachmentIds(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await ImportAsync(database, Sample("edoc", "04-12-2012 13:00:00"));
        var before = await SnapshotAsync(database);

        var second = await ImportAsync(database, Sample("edoc", "04-12-2012 13:00:00"));

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(before, await SnapshotAsync(database));
        await using var db = await database.OpenAsync();
        Assert.Equal(1, db.Meetings.Count());
        Assert.Equal(8, db.Items.Count());
        Assert.Equal(10, db.Attachments.Count());
    }

    [Fact]
    public async Task TheSameExportAsZipFolderOrSingleXmlGivesTheSameMeeting()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var folder = Path.Combine(database.Directory, "unpacked");
        System.IO.Compression.ZipFile.ExtractToDirectory(Sample("sbsys", "Publication32.zip"), folder);

        var fromZip = await ImportAsync(database, Sample("sbsys", "Publication32.zip"));
        var zipSnapshot = await SnapshotAsync(database);
        var fromFolder = await ImportAsync(database, folder);
        var folderSnapshot = await SnapshotAsync(database);
        var fromXml = await ImportAsync(database, Path.Combine(folder, "Publication32", "Publication32.xml"));

        Assert.Equal(fromZip.Key, fromFolder.Key);
        Assert.Equal(fromZip.Key, fromXml.Key);
        Assert.Equal(1, fromXml.AttachmentFiles); // the sibling Enclosures/ folder is found
        Assert.Equal(zipSnapshot, folderSnapshot);
        Assert.Equal(zipSnapshot, await SnapshotAsync(database));
    }

    [Theory]
    [InlineData("acadre")]
    [InlineData("edoc")]
    [InlineData("edoc-fujitsu")]
    public async Task EverySourceZippedGivesTheSameMeetingAsItsFolder(string source)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var zip = Path.Combine(database.Directory, source + ".zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(Sample(source), zip);

        var fromFolder = await ImportAsync(database, Sample(source));
        var folderSnapshot = await SnapshotAsync(database);
        var fromZip = await ImportAsync(database, zip);

        Assert.Equal(fromFolder.Key, fromZip.Key);
        Assert.Equal(fromFolder.ItemCount, fromZip.ItemCount);
        Assert.Equal(fromFolder.AttachmentFiles, fromZip.AttachmentFiles);
        Assert.False(fromZip.Created);
        Assert.Equal(folderSnapshot, await SnapshotAsync(database));
    }

    [Fact]
    public async Task CliPrintsOneLinePerExportWithKeyItemsAndSource()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var run = await CliRunner.RunAsync(database.Directory, "import", Sample("acadre"), Sample("sbsys", "Publication32.zip"));

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("PUK:2013-06-20 1 items (imported from Acadre, 3 attachment files)", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("KMBITU:2013-05-15 5 items (imported from SBSYS, 1 attachment file)", lines[1], StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(database.Directory, "data", "attachments")), "attachments are stored beside data/dagsorden.db");
    }
}
