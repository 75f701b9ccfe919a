using System.Text.RegularExpressions;

namespace Dagsorden.Core.Forums;

/// <summary>A body that meets, such as Chefforum (CF).</summary>
public sealed partial class Forum
{
    private Forum()
    {
        Code = "";
        Name = "";
    }

    public Forum(string code, string name, DocumentTemplate template = DocumentTemplate.Standard2016)
    {
        Code = ValidateCode(code);
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException("A forum needs a name.") : name.Trim();
        Limits.Check("forum name", Name, Limits.Name);
        Template = template;
    }

    public int Id { get; private set; }

    /// <summary>Short code used in item titles and meeting keys, e.g. "CF".</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The document template new agendas and minutes of this forum use.</summary>
    public DocumentTemplate Template { get; private set; }

    /// <summary>Where the forum usually meets, e.g. "Mødelokale 412"; new meetings start with it.</summary>
    public string? DefaultPlace { get; private set; }

    /// <summary>When the forum usually meets, e.g. 09:00; new meetings start with it.</summary>
    public TimeOnly? DefaultStartTime { get; private set; }

    public void ChangeTemplate(DocumentTemplate template) => Template = template;

    public void Update(string name, DocumentTemplate template, string? defaultPlace, TimeOnly? defaultStartTime)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException("A forum needs a name.", "Skriv forummets navn.");
        Limits.Check("forum name", name.Trim(), Limits.Name);
        Limits.Check("default place", defaultPlace?.Trim(), Limits.Place);
        Name = name.Trim();
        Template = template;
        DefaultPlace = string.IsNullOrWhiteSpace(defaultPlace) ? null : defaultPlace.Trim();
        DefaultStartTime = defaultStartTime;
    }

    public static string ValidateCode(string code)
    {
        var trimmed = code?.Trim().ToUpperInvariant() ?? "";
        return CodePattern().IsMatch(trimmed)
            ? trimmed
            : throw new DomainException($"'{code}' is not a forum code: use 1-10 capital letters or digits, starting with a letter, e.g. CF.");
    }

    [GeneratedRegex("^[A-ZÆØÅ][A-ZÆØÅ0-9]{0,9}$")]
    private static partial Regex CodePattern();
}
