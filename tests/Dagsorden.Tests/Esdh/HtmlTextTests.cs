using Dagsorden.Core.Import.Esdh;
using Dagsorden.Core.Text;

namespace Dagsorden.Tests.Esdh;

public sealed class HtmlTextTests
{
    [Fact]
    public void NestedListsBoldItalicAndEntitiesBecomeRichText()
    {
        var text = HtmlText.ToRichText("""
            <p>Indstilling&nbsp;<strong>nu</strong>:</p>
            <ol start="3"><li>Første<ul><li><em>under</em></li></ul></li><li>Anden</li></ol>
            <p>&lt;script&gt; er &amp; bliver tekst</p>
            """);

        Assert.Equal(
            ["Indstilling **nu**:", "", "3. Første", "  - *under*", "4. Anden", "", "<script> er & bliver tekst"],
            RichTextFormat.Render(text));
    }

    [Fact]
    public void NoMarkupSurvivesHostileHtml()
    {
        var text = HtmlText.ToRichText("""<div onclick="x()"><style>p{}</style><script>evil()</script><iframe src="http://x"></iframe><a href="javascript:evil()">link</a><!-- <b>hidden</b> --></div>""");

        Assert.Equal("link", text.ToPlainText());
    }

    [Theory]
    [InlineData("Udvalget for plan, udvikling og kultur (PUK)", null, "PUK")]
    [InlineData("Økonomiudvalget", null, "ØU")]
    [InlineData("Chefforum", null, "CF")]
    [InlineData("Sundheds- og Forebyggelsesudvalget", null, "SFU")]
    [InlineData("KMB IT-udvalget", null, "KMBITU")]
    [InlineData("Hennys testudvalg", "Htest", "HTEST")]
    [InlineData("Hennys testudvalg", "ikke en kode", "HTU")]
    public void ForumCodeIsDerivedFromTheCommitteeName(string name, string? shortName, string expected) =>
        Assert.Equal(expected, ForumCodes.Suggest(name, shortName));

    [Fact]
    public void TakenForumCodeGetsANumber() =>
        Assert.Equal("SFU3", ForumCodes.Unique("SFU", new HashSet<string> { "SFU", "SFU2" }));
}
