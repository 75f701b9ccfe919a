namespace Dagsorden.Core.Import;

/// <summary>An input file could not be imported; the message names the file and, where it applies, the line.</summary>
public sealed class ImportException(string file, int? line, string reason)
    : DomainException(line is null ? $"{file}: {reason}" : $"{file}:{line}: {reason}")
{
    public string File { get; } = file;

    public int? Line { get; } = line;

    public string Reason { get; } = reason;
}
