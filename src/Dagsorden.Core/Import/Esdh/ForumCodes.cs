using System.Text;
using System.Text.RegularExpressions;
using Dagsorden.Core.Forums;

namespace Dagsorden.Core.Import.Esdh;

/// <summary>
/// Derives a short forum code from a committee's name when a case system creates a forum we do not
/// have yet. In order: an abbreviation the name ends with ("Udvalget for plan, udvikling og kultur
/// (PUK)" is PUK); the source's own short name if it is a valid code; else initials, where a word
/// ending in "udvalget" or "forum" adds a U or F ("Økonomiudvalget" ØU, "Chefforum" CF,
/// "Sundheds- og Forebyggelsesudvalget" SFU) and an acronym is kept whole ("KMB IT-udvalget" KMBITU).
/// </summary>
public static partial class ForumCodes
{
    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "og", "for", "i", "af", "til", "med", "på", "om", "under", "det", "den", "de", "en", "et", "samt", "vedr", "ved",
    };

    private static readonly string[] Suffixes = ["udvalget", "udvalg", "forummet", "forum", "rådet", "råd"];

    public static string Suggest(string name, string? shortName = null)
    {
        var abbreviation = TrailingAbbreviationPattern().Match(name.Trim());
        if (abbreviation.Success && IsValid(abbreviation.Groups["code"].Value.ToUpperInvariant()))
            return abbreviation.Groups["code"].Value.ToUpperInvariant();
        if (shortName is not null && IsValid(EsdhText.OneLine(shortName).ToUpperInvariant()))
            return EsdhText.OneLine(shortName).ToUpperInvariant();

        var code = new StringBuilder();
        foreach (var word in WordPattern().Matches(name).Select(m => m.Value))
        {
            foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                if (SmallWords.Contains(part))
                    continue;
                if (part.Length >= 2 && part.All(c => !char.IsLetter(c) || char.IsUpper(c)))
                {
                    code.Append(part.Where(char.IsLetterOrDigit).ToArray());
                    continue;
                }

                var suffix = Suffixes.FirstOrDefault(s => part.EndsWith(s, StringComparison.OrdinalIgnoreCase));
                if (suffix is not null && part.Length > suffix.Length)
                    code.Append(char.ToUpperInvariant(part[0])).Append(char.ToUpperInvariant(suffix[0]));
                else if (char.IsLetterOrDigit(part[0]))
                    code.Append(char.ToUpperInvariant(part[0]));
            }
        }

        var result = new string(code.ToString().Where(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or 'Æ' or 'Ø' or 'Å').ToArray());
        if (result.Length == 0 || !char.IsLetter(result[0]))
            result = "F" + result;
        return result.Length > 10 ? result[..10] : result;
    }

    /// <summary>The suggestion, or the suggestion with 2, 3, … appended while the code is taken by another forum.</summary>
    public static string Unique(string suggestion, ISet<string> taken)
    {
        if (!taken.Contains(suggestion))
            return suggestion;
        for (var n = 2; ; n++)
        {
            var tail = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var candidate = (suggestion.Length + tail.Length > 10 ? suggestion[..(10 - tail.Length)] : suggestion) + tail;
            if (!taken.Contains(candidate))
                return candidate;
        }
    }

    private static bool IsValid(string code)
    {
        try
        {
            return Forum.ValidateCode(code) == code;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\((?<code>[\p{L}0-9]{1,10})\)$")]
    private static partial Regex TrailingAbbreviationPattern();

    [GeneratedRegex(@"[\p{L}0-9][\p{L}0-9\-]*")]
    private static partial Regex WordPattern();
}
