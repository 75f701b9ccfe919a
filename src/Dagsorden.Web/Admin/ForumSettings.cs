using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Dagsorden.Web.Admin;

/// <summary>A page with the forum settings form (_ForumSettings): the values to show and the messages per field.</summary>
public interface IForumSettings
{
    string? Template { get; }

    string? DefaultPlace { get; }

    string? DefaultTime { get; }

    IEnumerable<string> Errors(string field);
}

internal static class ModelStateMessages
{
    public static IEnumerable<string> For(ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}
