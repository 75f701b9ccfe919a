using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.Forums;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Dagsorden.Web.Admin;

/// <summary>Reads the administration forms' text fields; every refusal is a Danish message on the field.</summary>
public static class AdminInput
{
    public static IReadOnlyList<(DocumentTemplate Template, string Name)> Templates { get; } =
    [
        (DocumentTemplate.Standard2016, "2016-skabelonen: Anledning, Indstilling, Sagsfremstilling, Økonomi, Kommunikation, Beslutning, Bilag"),
        (DocumentTemplate.Classic2014, "2014-skabelonen: Bilag først, Baggrund, INDSTILLING, BESLUTNING"),
    ];

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H.mm", "HH.mm", "HH:mm:ss"];

    public static string TemplateName(DocumentTemplate template) => Templates.First(t => t.Template == template).Name.Split(':')[0];

    /// <summary>The template by its form value (the enum's name); numbers are refused, not read as enum values.</summary>
    public static DocumentTemplate? Template(ModelStateDictionary state, string field, string? value)
    {
        foreach (var (template, _) in Templates)
        {
            if (string.Equals(template.ToString(), value, StringComparison.Ordinal))
                return template;
        }

        state.AddModelError(field, "Vælg en af skabelonerne.");
        return null;
    }

    /// <summary>Empty is no time; "9:00", "09:00" and "9.00" are 09:00.</summary>
    public static TimeOnly? Time(ModelStateDictionary state, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (TimeOnly.TryParseExact(value.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        state.AddModelError(field, $"»{value}« er ikke et klokkeslæt. Skriv det som tt:mm, fx 09:00.");
        return null;
    }

    public static DateOnly? Date(ModelStateDictionary state, string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            state.AddModelError(field, $"Skriv {what}.");
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        state.AddModelError(field, $"»{value}« er ikke en dato. Skriv {what} som åååå-mm-dd, fx 2026-01-15.");
        return null;
    }

    /// <summary>A required one-line text of at most <paramref name="maximum"/> characters, trimmed.</summary>
    public static string? Text(ModelStateDictionary state, string field, string? value, int maximum, string? missing, string what)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            if (missing is not null)
                state.AddModelError(field, missing);
            return missing is null ? "" : null;
        }

        if (trimmed.Contains('\n', StringComparison.Ordinal) || trimmed.Contains('\r', StringComparison.Ordinal))
        {
            state.AddModelError(field, $"{what} skal stå på én linje.");
            return null;
        }

        if (trimmed.Length > maximum)
        {
            state.AddModelError(field, $"{what} må højst være {maximum} tegn (nu {trimmed.Length}).");
            return null;
        }

        return trimmed;
    }

    /// <summary>A forum code as the domain stores it (upper case), or null with the message.</summary>
    public static string? ForumCode(ModelStateDictionary state, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            state.AddModelError(field, "Skriv forummets kode, fx CF.");
            return null;
        }

        try
        {
            return Forum.ValidateCode(value);
        }
        catch (DomainException)
        {
            state.AddModelError(field, $"»{value.Trim()}« kan ikke bruges som kode. Koden er 1-10 store bogstaver eller tal og begynder med et bogstav, fx CF eller ØU.");
            return null;
        }
    }
}
