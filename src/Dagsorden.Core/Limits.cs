namespace Dagsorden.Core;

/// <summary>
/// Column sizes, checked in the domain so that SQLite (which does not enforce them) and PostgreSQL
/// (which does) accept and reject the same input.
/// </summary>
public static class Limits
{
    public const int Title = 1000;
    public const int Name = 200;
    public const int Place = 300;
    public const int Prefix = 40;
    public const int CaseNumber = 100;
    public const int ContentType = 100;
    public const int StorageKey = 200;

    public static void Check(string what, string? value, int maximum)
    {
        if (value is not null && value.Length > maximum)
            throw new DomainException(
                $"The {what} is {value.Length} characters long; at most {maximum} are allowed.",
                $"En tekst er {value.Length} tegn lang; højst {maximum} tegn er tilladt.");
    }
}
