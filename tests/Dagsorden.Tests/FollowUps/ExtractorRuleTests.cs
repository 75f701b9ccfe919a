using Dagsorden.Core.FollowUps;

namespace Dagsorden.Tests.FollowUps;

/// <summary>The extractor's rules, one pattern at a time, on sentences written for the purpose, and the near-misses each must leave alone.</summary>
public sealed class ExtractorRuleTests
{
    private static readonly DateOnly Meeting = new(2016, 8, 18);

    private static readonly KnownForum Chefforum = FollowUpExtractor.WithCommonNames(1, "CF", "Chefforum");

    private static readonly FollowUpExtractor Extractor = new(
    [
        Chefforum,
        FollowUpExtractor.WithCommonNames(2, "ØU", "Økonomiudvalget"),
        FollowUpExtractor.WithCommonNames(3, "KMED", "KommuneMED"),
        FollowUpExtractor.WithCommonNames(4, "DF", "Direktørforum"),
        FollowUpExtractor.WithCommonNames(6, "TMU", "Teknik- og Miljøudvalget"),
    ]);

    private static FollowUpCandidate Single(string text, DateOnly? meeting = null) =>
        Assert.Single(Extractor.Extract(text, meeting ?? Meeting, Chefforum));

    private static void None(string text, DateOnly? meeting = null) =>
        Assert.Empty(Extractor.Extract(text, meeting ?? Meeting, Chefforum));

    [Theory]
    [InlineData("Sagen behandles på chefforum igen den 22. oktober.", 2016, 10, 22)]
    [InlineData("Oversigten indstilles til godkendelse hos CF d. 14. november.", 2016, 11, 14)]
    [InlineData("Planen fremlægges for Chefforum den 3. oktober 2016.", 2016, 10, 3)]
    [InlineData("Oplægget fremlægges for chefforum igen den 14/9.", 2016, 9, 14)]
    [InlineData("Oplægget fremlægges for chefforum senest 1.12.", 2016, 12, 1)]
    public void ExplicitDatesAreResolvedAgainstTheMeetingsYear(string sentence, int year, int month, int day)
    {
        var candidate = Single(sentence);

        Assert.Equal(new DateOnly(year, month, day), candidate.DueDate);
        Assert.Equal("Chefforum", candidate.ForumName);
        Assert.Null(candidate.TimeExpression);
    }

    [Fact]
    public void ADateEarlierInTheYearIsNextYearOnlyWhenThatIsWithinHalfAYear()
    {
        var december = new DateOnly(2016, 12, 8);
        Assert.Equal(new DateOnly(2017, 1, 12), Single("Sagen behandles på chefforum igen den 12. januar.", december).DueDate);

        // Said in August, "den 10. august" is the past: no due date, though the commitment remains.
        var candidate = Single("Referatet fra mødet den 10. august behandles på chefforum igen.");
        Assert.Null(candidate.DueDate);
        Assert.Equal("Chefforum", candidate.ForumName);
    }

    [Fact]
    public void ThePlannedDateWinsOverADateOfThePastInTheSameSentence()
    {
        var candidate = Single("Sagen, der blev drøftet den 3. maj, fremlægges for chefforum igen den 6. oktober.");

        Assert.Equal(new DateOnly(2016, 10, 6), candidate.DueDate);
    }

    [Theory]
    [InlineData("Chefforum kan sidst på året tage stilling til en model for hele organisationen.", "sidst på året", 2016, 12, 31)]
    [InlineData("Chefforum vender tilbage til sagen efter sommerferien.", "efter sommerferien", 2017, 8, 15)]
    [InlineData("Sagen behandles i Økonomiudvalget inden jul.", "inden jul", 2016, 12, 23)]
    [InlineData("Evalueringen fremlægges for chefforum inden årets udgang.", "inden årets udgang", 2016, 12, 31)]
    [InlineData("Direktørforum tager stilling til planen i uge 42.", "i uge 42", 2016, 10, 21)]
    public void RelativeTimesGiveTheirWordsAndADueDate(string sentence, string expression, int year, int month, int day)
    {
        var candidate = Single(sentence);

        Assert.Equal(expression, candidate.TimeExpression);
        Assert.Equal(new DateOnly(year, month, day), candidate.DueDate);
    }

    [Fact]
    public void ASeasonIsKeptAsWordsWithoutADueDate()
    {
        var candidate = Single("Modellen fremlægges for KommuneMED i foråret.");

        Assert.Equal("i foråret", candidate.TimeExpression);
        Assert.Null(candidate.DueDate);
        Assert.Equal("KommuneMED", candidate.ForumName);
    }

    [Fact]
    public void NextMeetingPointsToTheDecidingForum()
    {
        var candidate = Single("Punktet genoptages på næste møde.");

        Assert.True(candidate.NextMeeting);
        Assert.Null(candidate.DueDate);
        Assert.Equal("Chefforum", candidate.ForumName);
    }

    [Fact]
    public void ABareAgainReturnsToTheDecidingForum()
    {
        Assert.Equal("Chefforum", Single("Oplægget fremlægges igen, når høringen er afsluttet.").ForumName);
        Assert.Equal("Chefforum", Single("Projektet følges og præsenteres for forummet igen.").ForumName);
    }

    [Theory]
    [InlineData("Sagen sendes til orientering i Økonomiudvalget.", "Økonomiudvalget")]
    [InlineData("Sagen sendes til orientering i ØU.", "Økonomiudvalget")]
    [InlineData("Retningslinjerne behandles i KommuneMED, før de træder i kraft.", "KommuneMED")]
    [InlineData("Forslaget oversendes til behandling i Teknik- og Miljøudvalget.", "Teknik- og Miljøudvalget")]
    [InlineData("Chefforum godkendte planen, som forelægges Direktørforum i oktober.", "Direktørforum")]
    [InlineData("Sagen sendes videre til godkendelse i Økonomiudvalgets møde i september.", "Økonomiudvalget")]
    public void ForumsNamedInTheTextAreTheTarget(string sentence, string forum)
    {
        Assert.Equal(forum, Single(sentence).ForumName);
    }

    [Fact]
    public void AForumAndAComingTimeMakeACommitmentWithoutAPhraseOfReturn()
    {
        var candidate = Single("Næste skridt er en drøftelse i direktørforum inden jul.");

        Assert.Equal("Direktørforum", candidate.ForumName);
        Assert.Equal(new DateOnly(2016, 12, 23), candidate.DueDate);
    }

    [Fact]
    public void WorkWithAComingTimeIsACommitmentWithoutAForum()
    {
        var candidate = Single("En handleplan udarbejdes i løbet af oktober.");

        Assert.Null(candidate.ForumName);
        Assert.Equal(new DateOnly(2016, 10, 31), candidate.DueDate);
    }

    [Theory]
    [InlineData("Sagen sendes til orientering i Børneudvalget.")]
    [InlineData("Ældrerådet vender tilbage med et høringssvar den 1. oktober.")]
    [InlineData("Planen behandles på Lederforum igen den 2. november.")]
    public void AnUnknownForumGivesNoSuggestion(string sentence)
    {
        None(sentence);
    }

    [Fact]
    public void AMisspeltForumIsKnownOnlyWhenOneLetterIsOff()
    {
        Assert.Equal("Økonomiudvalget", Single("Sagen sendes til orientering i Økonmiudvalget.").ForumName);
        None("Sagen sendes til orientering i Økonudvalget.");
    }

    [Theory]
    [InlineData("Chefforum drøftede oplægget.")]
    [InlineData("Chefforum tog orienteringen til efterretning.")]
    [InlineData("Sagen blev behandlet på chefforum den 3. maj.")]
    [InlineData("Den 3. september blev sagen sendt til orientering i Økonomiudvalget.")]
    [InlineData("Chefforum drøftede sagen igen på mødet den 2. september.")]
    [InlineData("Sagen behandles ikke igen.")]
    [InlineData("Det er vigtigt, at klager behandles hurtigt.")]
    [InlineData("Chefforum godkendte dagsordenen og referatet fra mødet den 4. juni 2016.")]
    [InlineData("Forslaget om ny telefontid blev præsenteret.")]
    [InlineData("Det Lederforum, der ligger den 2. november, rykkes frem.")]
    [InlineData("Der blev i oktober 2015 lagt en plan for arbejdet.")]
    [InlineData("Borgerservice har åbent 24/7 i selvbetjeningen.")]
    [InlineData("En tredjedel, 1/3 af henvendelserne, kommer pr. telefon.")]
    [InlineData("Næste gang håndbogen opdateres, tænkes forslagene ind.")]
    public void NearMissesGiveNothing(string sentence)
    {
        None(sentence);
    }

    [Fact]
    public void EachSentenceOfADecisionIsReadOnItsOwn()
    {
        var candidates = Extractor.Extract(
            "Chefforum godkendte bl.a. planen d. 18. august. Den fremlægges for chefforum igen den 22. oktober.\n"
            + "Sagen sendes til orientering i ØU. Intet andet.",
            Meeting,
            Chefforum);

        Assert.Equal(
            ["Den fremlægges for chefforum igen den 22. oktober.", "Sagen sendes til orientering i ØU."],
            candidates.Select(c => c.Sentence));
    }

    [Fact]
    public void AForumThatIsNotStoredIsUnknownThoughItsNameIsCommon()
    {
        // Without a stored Økonomiudvalget the name is still a forum's, so it is not taken for another.
        var extractor = new FollowUpExtractor([Chefforum]);

        Assert.Empty(extractor.Extract("Sagen sendes til orientering i Økonomiudvalget.", Meeting, Chefforum));
    }
}
