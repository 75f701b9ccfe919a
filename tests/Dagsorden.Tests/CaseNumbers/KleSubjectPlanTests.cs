using Dagsorden.Core.CaseNumbers;
using Xunit;

namespace Dagsorden.Tests.CaseNumbers;

public class KleSubjectPlanTests
{
    private const string TelephonesTitle = "Telefoner, kommunikationsapparater, av-udstyr mv. i almindelighed";

    private static KleSubjectPlan Plan => KleSubjectPlan.Default;

    [Fact]
    public void ShippedPlanResolvesSubjectGroupAndMainGroupTitles()
    {
        Assert.Equal(new KleSubject("83.02.00", TelephonesTitle, KleLevel.Subject), Plan.Find("83.02.00"));
        Assert.Equal(
            new KleSubject("83.02", "Telefoner, kommunikationsapparater, av-udstyr mv.", KleLevel.Group),
            Plan.Find("83.02"));
        Assert.Equal(
            new KleSubject("83", "Kommunens driftsmidler og inventar", KleLevel.MainGroup),
            Plan.Find("83"));
    }

    [Fact]
    public void ShippedPlanHoldsEveryEntryOfKleVersionTwo()
    {
        var all = Plan.Search(string.Empty, int.MaxValue);

        Assert.Equal("KLE-Emneplan version 2.0, 2015-08-01", Plan.Version);
        Assert.Equal(41 + 691 + 3457, Plan.Count);
        Assert.Equal(Plan.Count, all.Count);
        Assert.Equal(41, all.Count(s => s.Level == KleLevel.MainGroup));
        Assert.Equal(691, all.Count(s => s.Level == KleLevel.Group));
        Assert.Equal(3457, all.Count(s => s.Level == KleLevel.Subject));
    }

    [Fact]
    public void ShippedPlanKeepsExpiredSubjectsBecauseOldCasesStillUseThem()
    {
        var expired = Plan.Find("16.01.00");

        Assert.NotNull(expired);
        Assert.Equal("Kontanthjælp, revalidering mv. i almindelighed [udgået]", expired.Title);
    }

    [Fact]
    public void ShippedTitlesAreTrimmedSingleLines()
    {
        // The source XML has trailing spaces on some titles, e.g. 15.20 "Beskæftigelsesindsats ".
        Assert.Equal("Beskæftigelsesindsats", Plan.Find("15.20")?.Title);
        Assert.All(
            Plan.Search(string.Empty, int.MaxValue),
            s => Assert.Equal(string.Join(' ', s.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), s.Title));
    }

    [Fact]
    public void FindTitleResolvesAKleCaseNumberToItsSubjectTitle()
    {
        Assert.Equal(TelephonesTitle, Plan.FindTitle(CaseNumber.Parse("83.02.00-P20-1-15")));
    }

    [Theory]
    [InlineData("13/14793")]
    [InlineData("MDR-2016-02836")]
    [InlineData("99.99.99-P20-1-15")]
    public void FindTitleIsNullForOtherFormsAndUnknownSubjects(string text)
    {
        Assert.Null(Plan.FindTitle(CaseNumber.Parse(text)));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("83.02.0")]
    [InlineData("830200")]
    [InlineData("")]
    public void FindReturnsNullForNumbersNotInThePlan(string number)
    {
        Assert.Null(Plan.Find(number));
    }

    [Fact]
    public void SearchByNumberPrefixListsTheGroupAndItsSubjectsInOrder()
    {
        var hits = Plan.Search("83.02");

        Assert.Equal("83.02", hits[0].Number);
        Assert.Equal("83.02.00", hits[1].Number);
        Assert.All(hits, s => Assert.StartsWith("83.02", s.Number, StringComparison.Ordinal));
        Assert.Equal(hits.Select(s => s.Number).Order(StringComparer.Ordinal), hits.Select(s => s.Number));
    }

    [Fact]
    public void SearchByTitleIgnoresCaseAndOrdersByNumber()
    {
        var lower = Plan.Search("telefon");
        var upper = Plan.Search("TELEFON");

        Assert.Equal(
            ["02.08.26", "14.11.02", "81.19.05", "81.20", "81.20.00", "83.02", "83.02.00", "85.11.08"],
            lower.Select(s => s.Number));
        Assert.Equal(lower, upper);
    }

    [Fact]
    public void SearchByTitleMatchesDanishLettersInEitherCase()
    {
        var lower = Plan.Search("ældre", int.MaxValue);
        var upper = Plan.Search("ÆLDRE", int.MaxValue);

        Assert.NotEmpty(lower);
        Assert.Equal(lower, upper);
        Assert.All(lower, s => Assert.Contains("ældre", s.Title, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void SearchStopsAtMax()
    {
        var hits = Plan.Search("00", max: 3);

        Assert.Equal(["00", "00.01", "00.01.00"], hits.Select(s => s.Number));
    }

    [Fact]
    public void SearchRejectsANonPositiveMax()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Plan.Search("telefon", max: 0));
    }

    [Fact]
    public void LoadReadsVersionLevelsAndTitles()
    {
        var plan = KleSubjectPlan.Load(new StringReader(
            "# KLE-Emneplan version 9.9, 2030-01-01\n" +
            "83\tKommunens driftsmidler og inventar\n" +
            "\n" +
            "83.02\tTelefoner\n" +
            "83.02.00\tTelefoner i almindelighed\n"));

        Assert.Equal("KLE-Emneplan version 9.9, 2030-01-01", plan.Version);
        Assert.Equal(3, plan.Count);
        Assert.Equal(KleLevel.MainGroup, plan.Find("83")?.Level);
        Assert.Equal(KleLevel.Group, plan.Find("83.02")?.Level);
        Assert.Equal(new KleSubject("83.02.00", "Telefoner i almindelighed", KleLevel.Subject), plan.Find("83.02.00"));
    }

    [Theory]
    [InlineData("83.02.00 Telefoner uden tabulator", 3)]
    [InlineData("83.2.00\tForkert nummer", 3)]
    [InlineData("83.02.00\t   ", 3)]
    [InlineData("83.02.00\tTitel\tekstra kolonne", 3)]
    [InlineData("83\tDubletten", 3)]
    public void LoadRejectsAMalformedLineNamingItsLineNumber(string badLine, int lineNumber)
    {
        var text = "# KLE-Emneplan version 2.0, 2015-08-01\n83\tKommunens driftsmidler og inventar\n" + badLine + "\n";

        var exception = Assert.Throws<FormatException>(() => KleSubjectPlan.Load(new StringReader(text)));

        Assert.Contains($"line {lineNumber}:", exception.Message, StringComparison.Ordinal);
    }
}
