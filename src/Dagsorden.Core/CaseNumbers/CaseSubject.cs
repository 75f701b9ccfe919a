using System.Text.RegularExpressions;

namespace Dagsorden.Core.CaseNumbers;

/// <summary>
/// The KLE subject a journal number carries, whatever its form. The strict KLE form
/// ("00.01.00-A00-29-16") is one; case systems before and beside it wrote the subject in other
/// ways ("00.01.00-G01-12-2013" with a four-digit year, "00.01.00A00-2013-12", "SBSYS 00.01.00-…",
/// "00.01.00/13-1234"), and linking a case across the change of numbering needs them all.
/// </summary>
public static partial class CaseSubject
{
    /// <summary>"00.01.00", or null when the number holds no KLE subject the plan knows (a bare year/serial such as "13/14793" holds none).</summary>
    public static string? Of(CaseNumber? caseNumber)
    {
        if (caseNumber is null)
            return null;
        if (caseNumber.KleSubject is { } subject)
            return subject;
        foreach (Match match in SubjectPattern().Matches(caseNumber.Value))
        {
            // A date such as "04.12.12" has the same shape; only a subject the plan lists counts.
            var candidate = match.Value;
            if (KleSubjectPlan.Default.Count == 0 || KleSubjectPlan.Default.Find(candidate) is { Level: KleLevel.Subject })
                return candidate;
        }

        return null;
    }

    [GeneratedRegex(@"(?<![0-9.])[0-9]{2}\.[0-9]{2}\.[0-9]{2}(?![0-9]|\.[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectPattern();
}
