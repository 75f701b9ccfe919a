using System.Text.RegularExpressions;

namespace Dagsorden.Core.Items;

/// <summary>
/// Reads the outcome of a decision from its Danish wording ("godkendte", "tog … til efterretning",
/// "drøftede", "udsat"). Where several apply, the strongest wins: rejected, postponed, approved,
/// noted, discussed.
/// </summary>
public static partial class DecisionClassifier
{
    public static DecisionOutcome Classify(string plainText)
    {
        var text = plainText.Trim();
        if (NothingPattern().IsMatch(text))
            return DecisionOutcome.NothingToReport;
        if (RejectedPattern().IsMatch(text))
            return DecisionOutcome.Rejected;
        if (PostponedPattern().IsMatch(text))
            return DecisionOutcome.Postponed;
        if (ApprovedPattern().IsMatch(text))
            return RemarksPattern().IsMatch(text) ? DecisionOutcome.ApprovedWithRemarks : DecisionOutcome.Approved;
        if (NotedPattern().IsMatch(text))
            return DecisionOutcome.Noted;
        if (DiscussedPattern().IsMatch(text))
            return DecisionOutcome.Discussed;
        return DecisionOutcome.Other;
    }

    [GeneratedRegex(@"^(intet|intet at bemærke|ingen bemærkninger)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex NothingPattern();

    [GeneratedRegex(@"\b(afvist|afviste|forkastede|godkendte ikke|ikke godkendt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RejectedPattern();

    [GeneratedRegex(@"\b(udsat|udsatte|udsættes|udskudt|udskød)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PostponedPattern();

    [GeneratedRegex(@"\b(godkendt|godkendte|godkendes|vedtog|vedtaget|besluttede)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ApprovedPattern();

    [GeneratedRegex(@"\bmed (de )?(følgende )?bemærkning(er|en)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemarksPattern();

    [GeneratedRegex(@"til efterretning", RegexOptions.IgnoreCase)]
    private static partial Regex NotedPattern();

    [GeneratedRegex(@"\b(drøftede|drøftet|drøftelse)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DiscussedPattern();
}
