using Dagsorden.Core.Attachments;
using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Items;
using Dagsorden.Core.Text;

namespace Dagsorden.Tests.Items;

public sealed class EditorInputTests
{
    [Fact]
    public void EditorMarkupBecomesParagraphsListsAndBold()
    {
        var text = EditorText.Parse("Første afsnit med **fed** tekst.\r\n\r\n- et punkt\r\n- to punkter\r\n  1. under\r\n\r\nSidste afsnit.");

        Assert.Collection(
            text.Blocks,
            b => Assert.Equal([new Inline("Første afsnit med "), new Inline("fed", Bold: true), new Inline(" tekst.")], Assert.IsType<Paragraph>(b).Inlines),
            b =>
            {
                var list = Assert.IsType<ListBlock>(b);
                Assert.Equal(ListKind.Bullet, list.Kind);
                Assert.Equal(2, list.Items.Count);
                Assert.Equal(ListKind.Numbered, Assert.Single(list.Items[1].Children).Kind);
            },
            b => Assert.Equal("Sidste afsnit.", Inline.PlainText(Assert.IsType<Paragraph>(b).Inlines)));
    }

    [Fact]
    public void SavingTheShownTextUnchangedGivesTheSameText()
    {
        var first = EditorText.Parse("<p>Et <b>vigtigt</b> afsnit</p><ul><li>a</li><li>b</li></ul>");

        var again = EditorText.Parse(EditorText.Render(first));

        Assert.Equal(first, again);
        Assert.Equal("Et **vigtigt** afsnit\n\n- a\n- b", EditorText.Render(first));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>Tekst", "Tekst")]
    [InlineData("<img src=x onerror=alert(1)>Tekst", "Tekst")]
    [InlineData("Tekst<iframe src=\"javascript:alert(1)\"></iframe>", "Tekst")]
    [InlineData("<p onclick=\"alert(1)\">Tekst</p>", "Tekst")]
    [InlineData("<p>&lt;script&gt;alert(1)&lt;/script&gt;Tekst</p>", "Tekst")]
    [InlineData("<!-- <script>alert(1)</script> -->Tekst", "Tekst")]
    public void HtmlIsReducedToTextWithoutAnyTag(string posted, string kept)
    {
        var text = EditorText.Parse(posted);
        var plain = text.ToPlainText();

        Assert.Equal(kept, plain);
        Assert.DoesNotContain('<', EditorText.Render(text));
    }

    [Theory]
    [InlineData("Budget 2017 < budget 2016")]
    [InlineData("x <= 5 og y => 3")]
    [InlineData("Mindst <10 % af budgettet")]
    public void ALessThanSignInOrdinaryTextIsKept(string posted)
    {
        Assert.False(EditorText.LooksLikeHtml(posted));
        Assert.Equal(posted, EditorText.Parse(posted).ToPlainText());
    }

    [Fact]
    public void BlankTextIsEmpty()
    {
        Assert.True(EditorText.Parse(null).IsEmpty);
        Assert.True(EditorText.Parse("  \r\n \n").IsEmpty);
    }

    [Theory]
    [InlineData("83.02.00-P20-1-15", CaseNumberKind.Kle)]
    [InlineData(" 13/14793 ", CaseNumberKind.YearSerial)]
    public void RecognisedCaseNumbersAreAccepted(string typed, CaseNumberKind kind)
    {
        var check = CaseNumberInput.Check(typed, keepAsWritten: false, stored: null);

        Assert.True(check.IsAccepted);
        Assert.Equal(kind, check.Value!.Kind);
        Assert.Equal(typed.Trim(), check.Value.Value);
    }

    [Fact]
    public void AKleNumberShowsItsSubjectTitle()
    {
        var check = CaseNumberInput.Check("83.02.00-P20-1-15", false, null);

        Assert.Equal(KleSubjectPlan.Default.Find("83.02.00")!.Title, check.KleTitle);
    }

    [Theory]
    [InlineData("MDR-2016-02836", "har ikke en form, systemet kender")]
    [InlineData("99.99.99-A00-1-16", "KLE-emnet 99.99.99")]
    public void AnUnknownFormIsRefusedUntilConfirmed(string typed, string message)
    {
        var refused = CaseNumberInput.Check(typed, keepAsWritten: false, stored: null);
        var confirmed = CaseNumberInput.Check(typed, keepAsWritten: true, stored: null);
        var storedBefore = CaseNumberInput.Check(typed, keepAsWritten: false, stored: CaseNumber.Parse(typed));

        Assert.False(refused.IsAccepted);
        Assert.Contains(message, refused.Problem, StringComparison.Ordinal);
        Assert.Contains("Gem sagsnummeret som skrevet", refused.Problem, StringComparison.Ordinal);
        Assert.Equal(typed, confirmed.Value!.Value);
        Assert.True(storedBefore.IsAccepted);
    }

    [Theory]
    [InlineData("83.02.00-P20-1-15\n13/14793", "én linje")]
    [InlineData("83.02.00-P20-1-15\t", null)]
    public void ACaseNumberIsOneLine(string typed, string? message)
    {
        var check = CaseNumberInput.Check(typed, keepAsWritten: true, stored: null);

        if (message is null)
            Assert.True(check.IsAccepted); // trailing whitespace is trimmed
        else
            Assert.Contains(message, check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ATooLongCaseNumberIsRefusedEvenWhenConfirmed()
    {
        var check = CaseNumberInput.Check(new string('7', 101), keepAsWritten: true, stored: null);

        Assert.Contains("101 tegn", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ProposerAndClausesBecomeTheRecommendation()
    {
        var recommendation = RecommendationInput.FromFields(
            "Afdelingschefen for Økonomi og Stab",
            "at budgettet godkendes\n2. at **sagen** sendes videre\n  - til Økonomiudvalget\n\n",
            "",
            stored: null)!;

        Assert.Equal("Afdelingschefen for Økonomi og Stab indstiller,", recommendation.LeadIn);
        Assert.Equal("Afdelingschefen for Økonomi og Stab", recommendation.Proposer);
        Assert.Equal(ListKind.Numbered, recommendation.Clauses!.Kind);
        Assert.Equal(["at budgettet godkendes", "at sagen sendes videre"], recommendation.ClauseTexts);
        Assert.True(recommendation.Clauses.Items[1].Inlines[1].Bold);
        Assert.Equal("til Økonomiudvalget", Inline.PlainText(recommendation.Clauses.Items[1].Children[0].Items[0].Inlines));
    }

    [Fact]
    public void TheRecommendationFieldsShowWhatTheyRead()
    {
        var recommendation = RecommendationInput.FromFields("Direktionen indstiller,", "at a\n  - under a\nat b", "Mere tekst.", null);

        var fields = RecommendationInput.ToFields(recommendation);

        Assert.Equal(new RecommendationFields("Direktionen", "at a\n  - under a\nat b", "Mere tekst."), fields);
        Assert.Equal(EditorPages.Json(recommendation), EditorPages.Json(RecommendationInput.FromFields(fields.Proposer, fields.Clauses, fields.Remainder, recommendation)));
    }

    [Fact]
    public void AnUnchangedProposerKeepsTheStoredLeadInAndNumbering()
    {
        var stored = new Recommendation(
            "Direktionen indstiller til Økonomiudvalget,",
            new ListBlock(ListKind.Bullet, "- ", 1, [new ListItem([new Inline("at a")], [])]),
            RichText.Empty);
        var approval = new Recommendation("Det indstilles,", null, RichText.Empty);

        var edited = RecommendationInput.FromFields("Direktionen", "at a\nat b", "", stored)!;
        var approvalEdited = RecommendationInput.FromFields("", "at dagsordenen godkendes", "", approval)!;

        Assert.Equal(stored.LeadIn, edited.LeadIn);
        Assert.Equal(ListKind.Bullet, edited.Clauses!.Kind);
        Assert.Equal("Det indstilles,", approvalEdited.LeadIn);
    }

    [Fact]
    public void EmptyRecommendationFieldsMeanNoRecommendation()
    {
        Assert.Null(RecommendationInput.FromFields(" ", "\n\n", null, null));
    }

    [Fact]
    public void UploadsAreJudgedByContentNotByName()
    {
        var executable = new byte[] { (byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00 };

        Assert.Null(UploadPolicy.CheckType("bilag.pdf", EditorPages.Pdf()));
        Assert.Contains("»virus.pdf« kan ikke vedhæftes", UploadPolicy.CheckType("virus.pdf", executable), StringComparison.Ordinal);
        Assert.NotNull(UploadPolicy.CheckType("side.pdf", "<html><script>alert(1)</script></html>"u8));
    }

    [Fact]
    public void TheSizeLimitIsStatedInDanishMegabytes()
    {
        var policy = new UploadPolicy(25L * 1024 * 1024);

        Assert.Null(policy.CheckSize("a.pdf", 25L * 1024 * 1024));
        Assert.Equal("Filen »a.pdf« fylder 25,5 MB; et bilag må højst fylde 25 MB.", policy.CheckSize("a.pdf", (long)(25.5 * 1024 * 1024)));
        Assert.Equal("Filen »tom.pdf« er tom.", policy.CheckSize("tom.pdf", 0));
    }
}
