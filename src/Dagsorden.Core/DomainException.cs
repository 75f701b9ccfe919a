namespace Dagsorden.Core;

/// <summary>
/// A rule of the domain was broken. The message is precise English for the CLI and the log;
/// <see cref="DanishMessage"/> is what a page shows the user, when the rule is one a user can meet.
/// </summary>
public class DomainException(string message, string? danishMessage = null) : Exception(message)
{
    public string DanishMessage { get; } = danishMessage ?? message;
}

/// <summary>Someone else saved the same thing first; the user's own input must be offered back, not lost.</summary>
public sealed class EditConflictException(string message, string danishMessage) : DomainException(message, danishMessage);
