using System.Globalization;
using System.Security;
using System.Text;
using Dagsorden.Tests.Esdh;

namespace Dagsorden.Tests.CrashSafety;

/// <summary>An SBSYS export big enough that an import takes a while: many items, each with its own attachment.</summary>
internal static class CrashTestSupport
{
    public static byte[] LargeExport(int items, int attachmentSize, string date = "10-09-2015 14:00:00")
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Publication>
              <PublicationTypeAsEnum>Final</PublicationTypeAsEnum>
              <RelativeEnclosureOutputPath>Enclosures</RelativeEnclosureOutputPath>
              <Agendas><Agenda ID="1">
                <Meeting ID="1"><When>{date}</When><Where>Rådhuset</Where><Members /></Meeting>
                <Name>Nedbrudsudvalget</Name>
                <Committee ID="1"><Name>Nedbrudsudvalget</Name></Committee>
                <Items>
            """);
        var entries = new List<(string, byte[])>();
        for (var n = 1; n <= items; n++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                <Item ID="{n}"><Caption>{SecurityElement.Escape($"Punkt {n} om vejvedligeholdelse")}</Caption>
                  <IsPublic>{(n % 5 == 0 ? "False" : "True")}</IsPublic><Number>{n}</Number>
                  <Fields>
                    <ItemField ID="{n * 10}"><Caption>Sagsfremstilling</Caption><IsFeedback>False</IsFeedback><Index>1</Index>
                      <Content>&lt;p&gt;{string.Join(' ', Enumerable.Repeat($"Tekst til punkt {n} om asfalt og fortove.", 40))}&lt;/p&gt;</Content></ItemField>
                    <ItemField ID="{n * 10 + 1}"><Caption>Beslutning</Caption><IsFeedback>True</IsFeedback><Index>2</Index>
                      <Content>&lt;p&gt;Godkendt.&lt;/p&gt;</Content></ItemField>
                  </Fields>
                  <Enclosures>
                    <Enclosure ID="{n}" ItemID="{n}"><Name>Bilag til punkt {n}</Name><FileName>bilag{n}.pdf</FileName><Index>1</Index>
                      <InstantiationFilePathRelative>Enclosures\{n}.pdf</InstantiationFilePathRelative></Enclosure>
                  </Enclosures>
                </Item>
                """);
            // Distinct, cheap to read: text extraction gives up quickly on a PDF without pages.
            var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n% bilag {n}\n" + string.Concat(Enumerable.Repeat("% fyld\n", attachmentSize / 7)) + "%%EOF\n");
            entries.Add(($"Publication1/Enclosures/{n}.pdf", pdf));
        }

        xml.Append("</Items></Agenda></Agendas></Publication>");
        return MaliciousInputTests.Zip([("Publication1/Publication1.xml", Encoding.UTF8.GetBytes(xml.ToString())), .. entries]);
    }
}
