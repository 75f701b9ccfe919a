namespace Dagsorden.Core;

/// <summary>A rule of the domain was broken; the message is precise English for the CLI and the log.</summary>
public class DomainException(string message) : Exception(message);
