using Dagsorden.Core.Privacy;
using Dagsorden.Core.Text;

namespace Dagsorden.Tests.Privacy;

public sealed class CprNumbersTests
{
    [Theory]
    [InlineData("Borgeren har CPR-nr. 120345-6789.", "120345-6789")]
    [InlineData("cpr 1203456789 i teksten", "1203456789")]
    [InlineData("290200-1234", "290200-1234")]
    [InlineData("(311299‑1234)", "311299‑1234")]
    [InlineData("Personnr.: 010170–1234, tak", "010170–1234")]
    [InlineData("x:010203-1234;", "010203-1234")]
    public void FindsCprNumbersWithAndWithoutHyphen(string text, string expected) =>
        Assert.Equal([expected], CprNumbers.Find(text));

    [Theory]
    [InlineData("320112-1234")] // no 32nd day
    [InlineData("011312-1234")] // no 13th month
    [InlineData("000112-1234")] // day 0
    [InlineData("310412-1234")] // 31 April
    [InlineData("300212-1234")] // 30 February
    [InlineData("12345-1234")] // five digits first
    [InlineData("1234567-1234")] // seven digits first
    [InlineData("010203-12345")] // five digits last
    [InlineData("01020312345")] // eleven digits
    [InlineData("A010203-1234")] // part of a code
    [InlineData("010203-1234B")]
    [InlineData("00.01.00-A00-010203-1234")] // inside a case-number-like code
    [InlineData("2016-010203-1234")]
    [InlineData("010203-1234-5")]
    [InlineData("010203-1234.5")]
    [InlineData("tlf. 12 34 56 78")]
    [InlineData("+45 12345678")]
    [InlineData("01-02-2003")]
    [InlineData("Mødet 18-08-2016 kl. 0900-1200")]
    [InlineData("82.02.00-G01-1-16")]
    [InlineData("010203 1234")] // a date and a number, apart
    [InlineData("EAN 5798000012345")]
    public void LeavesNearMissesAlone(string text) => Assert.Empty(CprNumbers.Find(text));

    [Fact]
    public void FindsEveryNumberInALongText()
    {
        var text = string.Join(" ", Enumerable.Repeat("Lorem ipsum dolor sit amet,", 2000)) + " 150588-4321 og 160588-4321.";
        Assert.Equal(["150588-4321", "160588-4321"], CprNumbers.Find(text));
    }

    [Fact]
    public void MaskShowsOnlyTheFirstTwoDigits()
    {
        Assert.Equal("12****-****", CprNumbers.Mask("120345-6789"));
        Assert.Equal("12****-****", CprNumbers.Mask("1203456789"));
    }
}

public sealed class RedactionsTests
{
    [Fact]
    public void ReplacesWholeNamesIgnoringCaseAndSpacing()
    {
        var redactions = Redactions.Of(["Hans Hansen", "Bo"]);

        Assert.Equal(
            "Arbejdsgruppen: [navn udeladt], [navn udeladt] og [navn udeladt]. Bolig og Skole er uændret.",
            redactions.Apply("Arbejdsgruppen: Hans Hansen, HANS  HANSEN og bo. Bolig og Skole er uændret."));
    }

    [Fact]
    public void ALongerNameIsReplacedWholeBeforeAShorterOneInsideIt()
    {
        var redactions = Redactions.Of(["Hans", "Hans Hansen"]);
        Assert.Equal("[navn udeladt] og [navn udeladt]", redactions.Apply("Hans Hansen og Hans"));
    }

    [Fact]
    public void RegexCharactersInANameAreText()
    {
        var redactions = Redactions.Of(["J. (Jens) Ø*rn+"]);
        Assert.Equal("Til [navn udeladt].", redactions.Apply("Til J. (Jens) Ø*rn+."));
        Assert.Equal("Til J. Jens Ørn.", redactions.Apply("Til J. Jens Ørn."));
    }

    [Fact]
    public void RichTextIsRedactedInParagraphsAndNestedLists()
    {
        var text = new RichText([
            new Paragraph([new Inline("Formand: "), new Inline("Lise Lund", Bold: true)]),
            new ListBlock(ListKind.Bullet, "- ", 1, [new ListItem([new Inline("Lise Lund")], [new ListBlock(ListKind.Bullet, "- ", 1, [new ListItem([new Inline("lise lund, sekretær")], [])])])]),
        ]);

        var redacted = Redactions.Of(["Lise Lund"]).Apply(text).ToPlainText();

        Assert.DoesNotContain("Lise", redacted, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, redacted.Split(Redactions.Marker).Length - 1);
    }

    [Fact]
    public void NoRedactionsLeaveTheTextAsItIs()
    {
        Assert.True(Redactions.Of(null).IsEmpty);
        Assert.True(Redactions.Of(["  "]).IsEmpty);
        Assert.Equal("Hans", Redactions.None.Apply("Hans"));
    }
}
