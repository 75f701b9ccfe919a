using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Import;

public sealed class MinutesTextParserTests
{
    private static ImportedMeeting ParseFixture(string name = "lederforum-dagsorden.txt") =>
        MinutesTextParser.Parse(File.ReadAllText(Path.Combine(Repository.Fixtures, name)), name);

    private static ItemContent Item(ImportedMeeting meeting, int number) => meeting.Items.Single(i => i.Number == number).Content;

    [Fact]
    public void HeaderGivesForumKindDateTimeAndPlace()
    {
        var meeting = ParseFixture();

        Assert.Equal("Lederforum", meeting.ForumName);
        Assert.Equal("LF", meeting.ForumCode);
        Assert.Equal(new DateOnly(2025, 10, 2), meeting.Date);
        Assert.Equal(DocumentKind.Agenda, meeting.Details.Kind);
        Assert.Equal(new TimeOnly(13, 30), meeting.Details.StartTime);
        Assert.Equal("Byrådssalen", meeting.Details.Place);
        Assert.Equal(6, meeting.Items.Count);
    }

    [Fact]
    public void SectionsKeepSourceOrderAndCapitalHeadingBecomesCustomSection()
    {
        var item = Item(ParseFixture(), 2);

        Assert.Null(item.CaseNumber);
        Assert.Equal(["Anledning", "Sagsfremstilling", "TIDSPLAN"], item.Sections.Select(s => s.Heading));
        Assert.Equal([false, false, true], item.Sections.Select(s => SectionHeadings.IsCustom(s.Heading)));
    }

    [Fact]
    public void IndentedListsNestWithBoldAndItalicKept()
    {
        var body = Item(ParseFixture(), 2).Sections[1].Body;

        var intro = Assert.IsType<Paragraph>(body.Blocks[0]);
        Assert.Equal(new Inline("fire", Bold: true), intro.Inlines[1]);
        var list = Assert.IsType<ListBlock>(body.Blocks[1]);
        Assert.Equal(2, list.Items.Count);
        var shortage = Assert.Single(list.Items[0].Children);
        Assert.Equal(ListKind.Bullet, shortage.Kind);
        Assert.Equal(2, shortage.Items.Count);
        Assert.Contains(new Inline("cirka", Italic: true), shortage.Items[1].Inlines);
        var enough = Assert.Single(list.Items[1].Children);
        Assert.Equal(ListKind.Numbered, enough.Kind);
        Assert.Equal(["Vestskolen", "Søskolen"], enough.Items.Select(i => Inline.PlainText(i.Inlines)));
    }

    [Fact]
    public void ToFollowNoticeSetsTheFlagInsteadOfBecomingText()
    {
        var item = Item(ParseFixture(), 3);

        Assert.True(item.IsToFollow);
        Assert.Empty(item.Sections);
        Assert.Equal("05.01.10-G01-7-25", item.CaseNumber!.Value);
    }

    [Fact]
    public void LukketItemIsClosedWithCaseNumberAndNoTitle()
    {
        var item = Item(ParseFixture(), 4);

        Assert.True(item.IsClosed);
        Assert.Equal("", item.Title);
        Assert.Equal("81.03.00-A00-2-25", item.CaseNumber!.Value);
    }

    [Fact]
    public void DashedAtClausesAndJointPrefixAreRead()
    {
        var item = Item(ParseFixture(), 5);

        Assert.Equal("LF/ØU", item.ForumPrefix);
        Assert.Equal("Budgetopfølgning efter 2. kvartal", item.Title);
        Assert.Equal("Økonomichefen", item.Recommendation!.Proposer);
        Assert.Equal(["at orienteringen tages til efterretning", "at sagen sendes videre til Økonomiudvalget"], item.Recommendation.ClauseTexts);
        Assert.Equal(ListKind.Bullet, item.Recommendation.Clauses!.Kind);
        Assert.Equal("Budgetopfølgning 2. kvartal 2025", Assert.Single(item.Attachments).Title);
    }

    [Fact]
    public void AgendaItemOneAsksToApproveDatedMinutes()
    {
        var item = Item(ParseFixture(), 1);

        Assert.Equal(new MinutesApproval(new DateOnly(2025, 9, 18), MinutesApprovalOutcome.Pending), item.MinutesApproval);
        Assert.Null(item.Decision);
    }

    [Fact]
    public void UnknownMixedCaseShortLinesStayInsideTheirSection()
    {
        const string text = """
            REFERAT Testforum d. 05-01-2026

            Mødedato Mandag d. 5. januar 2026 kl. 10:00

            Indholdsfortegnelse

            TF - Et punkt.....	3

            Punkt 1: TF - Et punkt

            Sagsfremstilling

            Første afsnit.

            Et underemne

            Andet afsnit.

            Beslutning

            Forummet udsatte punktet til næste møde.
            """;

        var item = MinutesTextParser.Parse(text, "inline.txt").Items.Single().Content;

        Assert.Equal(["Sagsfremstilling", "Beslutning"], item.Sections.Select(s => s.Heading));
        Assert.Equal(3, item.Sections[0].Body.Blocks.Count);
        Assert.Equal(DecisionOutcome.Postponed, item.Decision!.Outcome);
    }

    [Fact]
    public void ASkippedItemNumberStillStartsANewItemButAnEarlierNumberIsText()
    {
        const string text = """
            REFERAT Testforum d. 05-01-2026

            Mødedato Mandag d. 5. januar 2026 kl. 10:00

            Indholdsfortegnelse

            TF - Første.....	3
            TF - Tredje.....	4

            Punkt 1: TF - Første

            Beslutning

            Punkt 1: nævnes her som tekst.

            Punkt 3: TF - Tredje

            Beslutning

            Godkendt.
            """;

        var items = MinutesTextParser.Parse(text, "skip.txt").Items;

        Assert.Equal([1, 3], items.Select(i => i.Number));
        Assert.Equal("Punkt 1: nævnes her som tekst.", items[0].Content.Decision!.Text.ToPlainText());
    }

    [Theory]
    [InlineData("Chefforum godkendte forslaget.", DecisionOutcome.Approved)]
    [InlineData("Chefforum tog orienteringen til efterretning.", DecisionOutcome.Noted)]
    [InlineData("Chefforum drøftede oplægget.", DecisionOutcome.Discussed)]
    [InlineData("Punktet blev udsat.", DecisionOutcome.Postponed)]
    [InlineData("Forslaget blev afvist.", DecisionOutcome.Rejected)]
    [InlineData("Intet.", DecisionOutcome.NothingToReport)]
    [InlineData("Der blev givet en orientering om status.", DecisionOutcome.Other)]
    [InlineData("Chefforum drøftede forslaget og tog det til efterretning.", DecisionOutcome.Noted)]
    public void DecisionOutcomeIsReadFromTheWording(string text, DecisionOutcome expected) =>
        Assert.Equal(expected, DecisionClassifier.Classify(text));
}
