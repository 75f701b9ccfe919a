using System.Globalization;
using Dagsorden.Core.CaseNumbers;

namespace Dagsorden.Core.Items;

/// <summary>What the editor made of a typed case number: the number to store, its KLE subject's title, or why it was refused.</summary>
public sealed record CaseNumberCheck(CaseNumber? Value, string? KleTitle, string? Problem)
{
    public bool IsAccepted => Problem is null;
}

/// <summary>
/// Checks a case number typed in the editor. A recognised form is accepted; a form the system does
/// not know, or a KLE number whose subject is not in the subject plan, is most often a typing error,
/// so it is kept verbatim only when the user confirms it is written as intended.
/// </summary>
public static class CaseNumberInput
{
    public const string KeepAsWrittenLabel = "Gem sagsnummeret som skrevet";

    /// <param name="text">The field as posted.</param>
    /// <param name="keepAsWritten">The user ticked <see cref="KeepAsWrittenLabel"/>.</param>
    /// <param name="stored">The number already stored: accepted again without asking, since it was confirmed when first saved.</param>
    public static CaseNumberCheck Check(string? text, bool keepAsWritten, CaseNumber? stored)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new CaseNumberCheck(null, null, null);
        var trimmed = text.Trim();
        if (trimmed.Any(char.IsControl))
            return Refused("Sagsnummeret skal stå på én linje uden tabulatorer eller andre kontroltegn.");
        if (trimmed.Length > Limits.CaseNumber)
            return Refused(string.Create(CultureInfo.InvariantCulture, $"Sagsnummeret er {trimmed.Length} tegn langt; højst {Limits.CaseNumber} tegn er tilladt."));

        var number = CaseNumber.Parse(trimmed);
        var title = KleSubjectPlan.Default.FindTitle(number);
        var confirmed = keepAsWritten || number == stored;
        return number.Kind switch
        {
            CaseNumberKind.Kle when title is null && !confirmed => Refused(
                $"KLE-emnet {number.KleSubject} i sagsnummeret »{trimmed}« findes ikke i KLE-emneplanen. Ret nummeret, eller sæt flueben i »{KeepAsWrittenLabel}«, hvis det er skrevet rigtigt."),
            CaseNumberKind.Other when !confirmed => Refused(
                $"»{trimmed}« har ikke en form, systemet kender (fx 83.02.00-P20-1-15 eller 13/14793). Ret nummeret, eller sæt flueben i »{KeepAsWrittenLabel}«, hvis det er skrevet rigtigt."),
            _ => new CaseNumberCheck(number, title, null),
        };
    }

    private static CaseNumberCheck Refused(string problem) => new(null, null, problem);
}
