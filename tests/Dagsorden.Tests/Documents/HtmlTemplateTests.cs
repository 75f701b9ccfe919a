using System.Text.RegularExpressions;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Documents.Html;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Documents;

public sealed partial class HtmlTemplateTests
{
    [Fact]
    public void Classic2014TemplateShowsBilagFirstRepeatedTitleAndCapitalHeadings()
    {
        var meeting = Support.Documents.FromFile(Path.Combine(Repository.SharedMinutes, "001_ca4162980987873e.txt"));

        var html = MeetingHtml.RenderPage(MeetingDocument.From(meeting, DocumentAudience.Public));

        var item3 = html[html.IndexOf("id=\"punkt-3\"", StringComparison.Ordinal)..html.IndexOf("id=\"punkt-4\"", StringComparison.Ordinal)];
        var order = new[] { ">Bilag<", "Bilag 1: Erfaringer med Netværksstrukturen", "class=\"repeated-title\">CF - Netværksstruktur version 2<", ">Baggrund<", ">INDSTILLING<", ">BESLUTNING I CHEFFORUM DEN <span class=\"nobreak\">19-06-2014</span><" }
            .Select(part => item3.IndexOf(part, StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("<div class=\"doc classic\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard2016HeaderHasLongDanishDateAndPlace()
    {
        var meeting = Support.Documents.FromFile(Path.Combine(Repository.SharedMinutes, "000_81c4a3c2ef6f212b.txt"));

        var html = MeetingHtml.RenderPage(MeetingDocument.From(meeting, DocumentAudience.Public));

        Assert.Contains("<h1 class=\"doc-title\">REFERAT Chefforum d. 18-08-2016</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Mødedato</span> Torsdag d. 18. august 2016 kl. 09:00", html, StringComparison.Ordinal);
        Assert.Contains("Mødested</span> Mødelokale 2", html, StringComparison.Ordinal);
        Assert.Contains("<title>Referat – Chefforum 18-08-2016</title>", html, StringComparison.Ordinal);
        Assert.Equal(11, ItemHeading().Matches(html).Count);
        Assert.Contains("<div class=\"doc standard\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TextIsEncodedAndJoinedWordsDoNotBreak()
    {
        var meeting = Support.Documents.FromText("""
            REFERAT Testforum d. 05-01-2026

            Mødedato Mandag d. 5. januar 2026 kl. 10:00

            Indholdsfortegnelse

            TF - <script>alert(1)</script> & MED-udvalget.....	2

            Punkt 1: TF - <script>alert(1)</script> & MED-udvalget
            """);

        var html = MeetingHtml.RenderPage(MeetingDocument.From(meeting, DocumentAudience.Public));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(" &amp; <span class=\"nobreak\">MED-udvalget</span>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<h2 class=\"item-title\"")]
    private static partial Regex ItemHeading();
}
