using Dagsorden.Core.CaseNumbers;
using Xunit;

namespace Dagsorden.Tests.CaseNumbers;

public class CaseNumberTests
{
    [Fact]
    public void KleFormParsesIntoSubjectFacetSerialAndYear()
    {
        var caseNumber = CaseNumber.Parse("83.02.00-P20-1-15");

        Assert.Equal(CaseNumberKind.Kle, caseNumber.Kind);
        Assert.Equal("83.02.00", caseNumber.KleSubject);
        Assert.Equal("P20", caseNumber.Facet);
        Assert.Equal(1, caseNumber.Serial);
        Assert.Equal(2015, caseNumber.Year);
        Assert.Equal("83.02.00-P20-1-15", caseNumber.Value);
    }

    [Theory]
    [InlineData("00.01.00-A00-14-16", "00.01.00", "A00", 14, 2016)]
    [InlineData("17.01.00-G01-4357-14", "17.01.00", "G01", 4357, 2014)]
    [InlineData("85.02.02-A26-2-99", "85.02.02", "A26", 2, 1999)]
    [InlineData("27.12.00-S00-1-69", "27.12.00", "S00", 1, 2069)]
    [InlineData("27.12.00-S00-1-70", "27.12.00", "S00", 1, 1970)]
    public void KleFormMapsTwoDigitYearsAroundThePivot(string text, string subject, string facet, int serial, int year)
    {
        var caseNumber = CaseNumber.Parse(text);

        Assert.Equal(CaseNumberKind.Kle, caseNumber.Kind);
        Assert.Equal(subject, caseNumber.KleSubject);
        Assert.Equal(facet, caseNumber.Facet);
        Assert.Equal(serial, caseNumber.Serial);
        Assert.Equal(year, caseNumber.Year);
    }

    [Theory]
    [InlineData("13/14793", 2013, 14793)]
    [InlineData("14/6112", 2014, 6112)]
    [InlineData("98/17", 1998, 17)]
    public void OlderFormParsesIntoYearAndSerial(string text, int year, int serial)
    {
        var caseNumber = CaseNumber.Parse(text);

        Assert.Equal(CaseNumberKind.YearSerial, caseNumber.Kind);
        Assert.Equal(year, caseNumber.Year);
        Assert.Equal(serial, caseNumber.Serial);
        Assert.Null(caseNumber.KleSubject);
        Assert.Null(caseNumber.Facet);
    }

    [Theory]
    [InlineData("2012-28504", 2012)]
    [InlineData("MDR-2016-02836", 2016)]
    public void OtherMunicipalitiesFormsAreKeptVerbatimWithAnEvidentYear(string text, int year)
    {
        var caseNumber = CaseNumber.Parse(text);

        Assert.Equal(CaseNumberKind.Other, caseNumber.Kind);
        Assert.Equal(text, caseNumber.Value);
        Assert.Equal(text, caseNumber.ToString());
        Assert.Equal(year, caseNumber.Year);
        Assert.Null(caseNumber.KleSubject);
        Assert.Null(caseNumber.Facet);
        Assert.Null(caseNumber.Serial);
    }

    [Theory]
    [InlineData("83.02.00-p20-1-15")] // facet letter must be upper case
    [InlineData("83.02-P20-1-15")] // subject needs three levels
    [InlineData("83.02.00-P20-1-2015")] // KLE years are two digits
    [InlineData("Sag nr. 47")]
    public void NearMissesAreKeptVerbatimAsOther(string text)
    {
        var caseNumber = CaseNumber.Parse(text);

        Assert.Equal(CaseNumberKind.Other, caseNumber.Kind);
        Assert.Equal(text, caseNumber.Value);
        Assert.Null(caseNumber.KleSubject);
    }

    [Fact]
    public void SerialTooLargeForAnIntFallsBackToOtherInsteadOfThrowing()
    {
        var caseNumber = CaseNumber.Parse("13/99999999999");

        Assert.Equal(CaseNumberKind.Other, caseNumber.Kind);
        Assert.Equal("13/99999999999", caseNumber.Value);
        Assert.Null(caseNumber.Serial);
    }

    [Fact]
    public void ParseTrimsSurroundingWhitespaceIncludingNoBreakSpaces()
    {
        var caseNumber = CaseNumber.Parse(" \u00a083.02.00-P20-1-15\t\n");

        Assert.Equal("83.02.00-P20-1-15", caseNumber.Value);
        Assert.Equal(CaseNumberKind.Kle, caseNumber.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void BlankTextIsRejected(string text)
    {
        var exception = Assert.Throws<ArgumentException>(() => CaseNumber.Parse(text));

        Assert.Equal("text", exception.ParamName);
    }

    [Fact]
    public void NullTextIsRejected()
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => CaseNumber.Parse(null!));

        Assert.Equal("text", exception.ParamName);
    }

    [Fact]
    public void EqualTextsGiveEqualCaseNumbers()
    {
        Assert.Equal(CaseNumber.Parse("13/14793"), CaseNumber.Parse(" 13/14793 "));
        Assert.NotEqual(CaseNumber.Parse("13/14793"), CaseNumber.Parse("14/14793"));
    }

    [Theory]
    [InlineData("83.02.00-P20-1-15")]
    [InlineData("  83.02.00-P20-1-15  ")]
    [InlineData("13/14793")]
    [InlineData("14/6112")]
    [InlineData("2012-28504")]
    [InlineData("MDR-2016-02836")]
    [InlineData("EMN-2016-01234")]
    [InlineData("S2016/1234")]
    public void StandaloneJournalNumbersAreRecognised(string line)
    {
        Assert.True(CaseNumber.LooksLikeCaseNumber(line));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Intet.")]
    [InlineData("Evt.")]
    [InlineData("Bilag")]
    [InlineData("2016")]
    [InlineData("Mødelokale 2")]
    [InlineData("1. at chefforum godkender")]
    [InlineData("Punkt 3: CF - X")]
    [InlineData("Sagsnr.: 83.02.00-P20-1-15")]
    [InlineData("18-08-2016")]
    [InlineData("1.9.2016")]
    [InlineData("18/08/2016")]
    [InlineData("2016-08-18")]
    [InlineData("2016-2019")]
    [InlineData("2016/17")]
    [InlineData("16.00")]
    [InlineData("10.00-12.00")]
    [InlineData("2.3.1")]
    [InlineData("MDR-2016-02836.")]
    [InlineData("-2012-28504")]
    [InlineData("2012_28504")]
    public void OrdinaryLinesAreNotMistakenForCaseNumbers(string line)
    {
        Assert.False(CaseNumber.LooksLikeCaseNumber(line));
    }

    [Fact]
    public void OverlongTokensAreNotCaseNumbers()
    {
        var fortyOne = "ABC-" + new string('1', 37);

        Assert.Equal(41, fortyOne.Length);
        Assert.False(CaseNumber.LooksLikeCaseNumber(fortyOne));
        Assert.True(CaseNumber.LooksLikeCaseNumber(fortyOne[..40]));
    }
}
