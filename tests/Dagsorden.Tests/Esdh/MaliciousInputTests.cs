using System.IO.Compression;
using System.Text;
using Dagsorden.Core.Import;
using Dagsorden.Core.Import.Esdh;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using static Dagsorden.Tests.Esdh.EsdhTestSupport;

namespace Dagsorden.Tests.Esdh;

/// <summary>
/// Hostile or broken exports are refused whole, with a reason naming the file, and leave the
/// database exactly as it was. The fixtures are small SBSYS-shaped publications written here.
/// </summary>
public sealed class MaliciousInputTests
{
    /// <summary>A minimal SBSYS publication: one meeting, one public item with one enclosure, one closed item.</summary>
    internal static string Publication(string date = "15-05-2013 16:30:00", string committee = "Testudvalget", string extraBody = "", string prolog = "") => $"""
        <?xml version="1.0" encoding="utf-8"?>{prolog}
        <Publication>
          <PublicationTypeAsEnum>Final</PublicationTypeAsEnum>
          <RelativeEnclosureOutputPath>Enclosures</RelativeEnclosureOutputPath>
          <Agendas>
            <Agenda ID="1">
              <Meeting ID="1"><When>{date}</When><Where>Rådhuset</Where><Members /></Meeting>
              <Name>{committee}</Name>
              <Committee ID="1"><Name>{committee}</Name></Committee>
              <Items>
                <Item ID="10">
                  <Caption>Åbent punkt{extraBody}</Caption>
                  <Case ID="1"><Number>00.01.00-A00-1-13</Number></Case>
                  <IsPublic>True</IsPublic>
                  <Number>1</Number>
                  <Fields>
                    <ItemField ID="1"><Caption>Sagsfremstilling</Caption><IsFeedback>False</IsFeedback><Index>1</Index>
                      <Content>&lt;p&gt;Tekst &lt;b&gt;fed&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&lt;/p&gt;</Content></ItemField>
                    <ItemField ID="2"><Caption>Beslutning</Caption><IsFeedback>True</IsFeedback><Index>2</Index>
                      <Content>&lt;p&gt;Godkendt.&lt;/p&gt;</Content></ItemField>
                  </Fields>
                  <Enclosures>
                    <Enclosure ID="1" ItemID="10"><Name>Offentligt bilag</Name><FileName>bilag.pdf</FileName><Index>1</Index>
                      <InstantiationFilePathRelative>Enclosures\1.pdf</InstantiationFilePathRelative></Enclosure>
                  </Enclosures>
                </Item>
                <Item ID="11">
                  <Caption>Personsag</Caption>
                  <IsPublic>False</IsPublic>
                  <Number>2</Number>
                  <Fields><ItemField ID="3"><Caption>Sagsfremstilling</Caption><Index>1</Index><Content>Fortroligt</Content></ItemField></Fields>
                  <Enclosures>
                    <Enclosure ID="2" ItemID="11"><Name>Lægeerklæring</Name><FileName>erklaering.pdf</FileName><Index>1</Index><IsPublic>True</IsPublic>
                      <InstantiationFilePathRelative>Enclosures\2.pdf</InstantiationFilePathRelative></Enclosure>
                  </Enclosures>
                </Item>
              </Items>
            </Agenda>
          </Agendas>
        </Publication>
        """;

    internal static byte[] Pdf(string text) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");

    internal static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(bytes);
            }
        }

        return memory.ToArray();
    }

    internal static byte[] GoodZip(string date = "15-05-2013 16:30:00") => Zip(
        ("Publication1/Publication1.xml", Encoding.UTF8.GetBytes(Publication(date))),
        ("Publication1/Enclosures/1.pdf", Pdf("bilag 1")),
        ("Publication1/Enclosures/2.pdf", Pdf("bilag 2")));

    public static TheoryData<StorageProvider, string> Cases()
    {
        var data = new TheoryData<StorageProvider, string>();
        foreach (var provider in new[] { StorageProvider.Sqlite, StorageProvider.PostgreSql })
        {
            foreach (var name in BadExports.Keys)
                data.Add(provider, name);
        }

        return data;
    }

    /// <summary>Each bad export, as a file name and bytes, and what its error must say.</summary>
    private static readonly Dictionary<string, (Func<byte[]> Bytes, string[] Expected)> BadExports = new()
    {
        ["zip-slip.zip"] = (() => Zip(
                ("Publication1/Publication1.xml", Encoding.UTF8.GetBytes(Publication())),
                ("../../evil.sh", Encoding.ASCII.GetBytes("rm -rf /"))),
            ["zip-slip.zip: error:", "'../../evil.sh' points outside the zip (zip slip)"]),
        ["absolute.zip"] = (() => Zip(("/etc/cron.d/evil", [1, 2, 3]), ("Publication1/Publication1.xml", Encoding.UTF8.GetBytes(Publication()))),
            ["absolute.zip: error:", "points outside the zip"]),
        ["bomb.zip"] = (() => Zip(
                ("Publication1/Publication1.xml", Encoding.UTF8.GetBytes(Publication())),
                ("Publication1/Enclosures/1.pdf", new byte[210 * 1024 * 1024])),
            ["bomb.zip: error:", "zip bomb"]),
        ["xxe.xml"] = (() => Encoding.UTF8.GetBytes(Publication(committee: "&xxe;", prolog: "\n<!DOCTYPE Publication [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")),
            ["xxe.xml", "DOCTYPE", "refused"]),
        ["truncated.xml"] = (() => Encoding.UTF8.GetBytes(Publication()[..(Publication().Length * 2 / 3)]),
            ["truncated.xml", "not well-formed"]),
        ["truncated.zip"] = (() => GoodZip()[..(GoodZip().Length / 2)],
            ["truncated.zip: error:", "zip is damaged or truncated"]),
        ["wrong-namespace.xml"] = (() => Encoding.UTF8.GetBytes("""
                <?xml version="1.0"?>
                <Root xmlns:edoc="http://www.fujitsu.dk/agenda/xml/schemas/2011/01/01/">
                  <edoc:Committee><edoc:Name>Udvalg</edoc:Name></edoc:Committee>
                </Root>
                """),
            ["wrong-namespace.xml", "namespace is 'http://www.fujitsu.dk/agenda/xml/schemas/2011/01/01/'", "refusing to guess"]),
        ["namespaced-sbsys.xml"] = (() => Encoding.UTF8.GetBytes(Publication().Replace("<Publication>", "<Publication xmlns=\"urn:other\">", StringComparison.Ordinal)),
            ["namespaced-sbsys.xml", "namespace 'urn:other'"]),
        ["missing-file.zip"] = (() => Zip(("Publication1/Publication1.xml", Encoding.UTF8.GetBytes(Publication()))),
            ["missing-file.zip", "item 1: the attachment file 'bilag.pdf'", "is not in the export"]),
        ["bad-date.xml"] = (() => Encoding.UTF8.GetBytes(Publication(date: "i morgen")),
            ["bad-date.xml", "'i morgen' in Meeting/When is not a date"]),
        ["unknown.xml"] = (() => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Agenda><Title>x</Title></Agenda>"),
            ["unknown.xml: error: this XML is not case-system export this import knows"]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadExportIsRefusedWholeWithItsReasonAndChangesNothing(StorageProvider provider, string name)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var environment = Environment(database);
        await File.WriteAllBytesAsync(Path.Combine(database.Directory, "good.zip"), GoodZip());
        Assert.Equal(0, (await CliRunner.RunAsync(database.Directory, environment, "import", "good.zip")).ExitCode);
        var before = await SnapshotAsync(database);
        var storedFiles = Directory.GetFiles(Path.Combine(database.Directory, "data", "attachments"), "*", SearchOption.AllDirectories).Length;

        var (bytes, expected) = BadExports[name];
        await File.WriteAllBytesAsync(Path.Combine(database.Directory, name), bytes());
        var run = await CliRunner.RunAsync(database.Directory, environment, "import", name);

        Assert.Equal(1, run.ExitCode);
        foreach (var part in expected)
            Assert.Contains(part, run.Error, StringComparison.Ordinal);
        Assert.Contains($"{name}: error, nothing imported", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(database));
        Assert.Equal(storedFiles, Directory.GetFiles(Path.Combine(database.Directory, "data", "attachments"), "*", SearchOption.AllDirectories).Length);
        Assert.False(File.Exists(Path.Combine(database.Directory, "evil.sh")));
        Assert.DoesNotContain("root:", before + run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void HighlyCompressedEntryIsRefusedBeforeItIsUnpacked()
    {
        var bomb = Zip(("Publication1/Publication1.xml", Encoding.UTF8.GetBytes(Publication())), ("big.bin", new byte[20 * 1024 * 1024]));

        var error = Assert.Throws<ImportException>(() => ExportPackage.FromZip(bomb, "bomb.zip"));

        Assert.Contains("'big.bin' is compressed", error.Message, StringComparison.Ordinal);
        Assert.Contains("zip bomb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EntryLargerThanItsHeaderClaimsIsStoppedAtTheLimit()
    {
        var zip = Zip(("a.bin", new byte[4096]));
        var limits = new ExportPackage.ZipLimits(MaxEntrySize: 1000, MaxTotalSize: 1_000_000, MaxEntries: 10, MaxCompressionRatio: 1_000_000);

        var error = Assert.Throws<ImportException>(() => ExportPackage.FromZip(zip, "small.zip", limits));

        Assert.Contains("'a.bin' unpacks to 4,096 bytes; at most 1,000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClosedItemAndItsAttachmentsNeverBecomePublicAndHtmlIsSanitised(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await File.WriteAllBytesAsync(Path.Combine(database.Directory, "good.zip"), GoodZip());

        var result = await ImportAsync(database, Path.Combine(database.Directory, "good.zip"));
        var meeting = await LoadAsync(database, result.Key);

        var open = meeting.Items[0];
        var closed = meeting.Items[1];
        Assert.Equal("TU:2013-05-15", result.Key.ToString()); // "Testudvalget": T + U
        Assert.False(open.IsClosed);
        Assert.True(Assert.Single(open.Attachments).IsPublic);
        Assert.Equal("00.01.00-A00-1-13", open.CaseNumber?.Value);
        Assert.Equal("Godkendt.", open.Decision?.Text.ToPlainText());
        Assert.True(closed.IsClosed);
        Assert.False(Assert.Single(closed.Attachments).IsPublic); // the enclosure says IsPublic=True; the closed item wins

        var body = open.Sections.Single(s => s.Heading == "Sagsfremstilling").Body;
        var paragraph = Assert.IsType<Core.Text.Paragraph>(Assert.Single(body.Blocks));
        Assert.Equal([new Core.Text.Inline("Tekst "), new Core.Text.Inline("fed", Bold: true)], paragraph.Inlines);
        Assert.DoesNotContain("alert", body.ToPlainText(), StringComparison.Ordinal);
    }
}
