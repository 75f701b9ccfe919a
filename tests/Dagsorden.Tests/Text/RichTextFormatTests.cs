using Dagsorden.Core.Text;

namespace Dagsorden.Tests.Text;

public sealed class RichTextFormatTests
{
    [Fact]
    public void DifferentMarkerAfterItemEndingInColonNestsWithoutIndentation()
    {
        var text = RichTextFormat.Parse(["- Første", "- Planen rummer:", "", "-Del et", "", "-Del to", "- Sidste"]);

        var list = Assert.IsType<ListBlock>(Assert.Single(text.Blocks));
        Assert.Equal(3, list.Items.Count);
        var nested = Assert.Single(list.Items[1].Children);
        Assert.Equal("-", nested.Marker);
        Assert.Equal(["Del et", "Del to"], nested.Items.Select(i => Inline.PlainText(i.Inlines)));
        Assert.Equal(["- Første", "- Planen rummer:", "  -Del et", "  -Del to", "- Sidste"], RichTextFormat.Render(text));
    }

    [Fact]
    public void BlankLinesInsideAListDoNotSplitIt()
    {
        var text = RichTextFormat.Parse(["1. En", "2. To", "", "3. Tre"]);

        var list = Assert.IsType<ListBlock>(Assert.Single(text.Blocks));
        Assert.Equal(3, list.Items.Count);
    }

    [Fact]
    public void NumberingThatSkipsStartsANewListSoNumbersSurvive()
    {
        var text = RichTextFormat.Parse(["1. En", "1. En igen", "5. Fem"]);

        Assert.Equal([1, 1, 5], text.Blocks.Cast<ListBlock>().Select(l => l.Start));
        Assert.Equal(["1. En", "", "1. En igen", "", "5. Fem"], RichTextFormat.Render(text));
    }

    [Fact]
    public void BoldAndItalicRunsAreParsedAndUnmatchedAsteriskStaysText()
    {
        var inlines = RichTextFormat.ParseInlines("Det gælder *alle* projekter, **ikke** kun 5 * 3 af dem");

        Assert.Equal(
            [new Inline("Det gælder "), new Inline("alle", Italic: true), new Inline(" projekter, "), new Inline("ikke", Bold: true), new Inline(" kun 5 * 3 af dem")],
            inlines);
        Assert.Equal("Det gælder *alle* projekter, **ikke** kun 5 * 3 af dem", RichTextFormat.RenderInlines(inlines));
    }

    [Theory]
    [InlineData("-20 grader om natten")]
    [InlineData("2016. Året hvor alt skete")]
    [InlineData("Arbejdsgruppe 1. Er den gruppe")]
    public void LinesThatOnlyLookLikeListsStayParagraphs(string line)
    {
        var text = RichTextFormat.Parse([line]);

        var paragraph = Assert.IsType<Paragraph>(Assert.Single(text.Blocks));
        Assert.Equal(line, Inline.PlainText(paragraph.Inlines));
    }

    [Fact]
    public void PlainTextHasNoMarkup()
    {
        var text = RichTextFormat.Parse(["Et **fedt** ord", "", "- punkt med *kursiv*"]);

        Assert.Equal("Et fedt ord\npunkt med kursiv", text.ToPlainText());
    }
}
