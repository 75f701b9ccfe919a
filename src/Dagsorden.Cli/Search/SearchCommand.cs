using System.Globalization;
using Dagsorden.Core.Items;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;

namespace Dagsorden.Cli.Search;

/// <summary>
/// search "QUERY" [filters]: ranked hits, one line each with an indented snippet. Without --public it
/// searches as an administrator and sees closed items too; --public searches as the public does.
/// search --reindex rebuilds the index from the stored items.
/// </summary>
internal static class SearchCommand
{
    private static readonly Dictionary<string, DecisionOutcome> Outcomes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["approved"] = DecisionOutcome.Approved,
        ["approved-with-remarks"] = DecisionOutcome.ApprovedWithRemarks,
        ["noted"] = DecisionOutcome.Noted,
        ["discussed"] = DecisionOutcome.Discussed,
        ["postponed"] = DecisionOutcome.Postponed,
        ["rejected"] = DecisionOutcome.Rejected,
        ["nothing-to-report"] = DecisionOutcome.NothingToReport,
        ["other"] = DecisionOutcome.Other,
    };

    public static async Task<int> RunAsync(CommandContext context)
    {
        var arguments = context.Arguments;
        arguments.Allow("search", "--public", "--forum", "--from", "--to", "--kle", "--outcome", "--closed", "--open", "--limit", "--reindex");
        if (arguments.HasFlag("--reindex"))
            return await ReindexAsync(context);

        var request = Parse(arguments);
        var access = arguments.HasFlag("--public") ? SearchAccess.Public : SearchAccess.Administrator;
        await using var db = await DagsordenDatabase.OpenAsync(context.Storage);
        SearchResults results;
        try
        {
            results = await SearchIndexes.For(db).SearchAsync(request, access);
        }
        catch (SearchRequestException e)
        {
            throw new CliUsageException($"--{e.Field}: {e.Message}");
        }

        foreach (var hit in results.Hits)
        {
            var number = hit.Number.ToString(CultureInfo.InvariantCulture);
            var closed = hit.IsClosed ? " (closed)" : "";
            var title = hit.Title.Length > 0 ? hit.Title.Replace('\n', ' ') : "(no title)";
            await context.Output.WriteLineAsync($"{hit.Meeting} punkt {number}{closed}: {title}");
            var snippet = Highlighter.PlainText(hit.Snippet);
            if (snippet.Length > 0)
                await context.Output.WriteLineAsync("    " + snippet);
        }

        // Hits are counted only up to SearchResults.CountLimit; say so rather than print the limit as the count.
        var total = results.IsTotalCapped
            ? string.Create(CultureInfo.InvariantCulture, $"more than {results.Total} hits (mere end {results.Total.ToString("N0", CultureInfo.GetCultureInfo("da-DK"))} resultater)")
            : string.Create(CultureInfo.InvariantCulture, $"{results.Total} hits");
        await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{results.Hits.Count} of {total}{(access == SearchAccess.Public ? " (public)" : " (all items, closed included; --public searches as the public)")}."));
        return CliApp.Success;
    }

    private static SearchRequest Parse(CliArguments arguments)
    {
        if (arguments.Positionals.Count != 1)
            throw new CliUsageException("search takes one query, e.g. search \"telefonpolitik\"; quote a query of several words.");
        var text = arguments.Positionals[0];
        var request = new SearchRequest
        {
            Text = text,
            ForumCode = arguments.Option("--forum"),
            From = Date(arguments, "--from"),
            To = Date(arguments, "--to"),
            KleSubject = arguments.Option("--kle"),
            Outcome = arguments.Option("--outcome") is { } outcome
                ? Outcomes.TryGetValue(outcome, out var o) ? o : throw new CliUsageException($"--outcome '{outcome}' is not one of {string.Join(", ", Outcomes.Keys)}.")
                : null,
            Closed = (arguments.HasFlag("--closed"), arguments.HasFlag("--open")) switch
            {
                (true, true) => throw new CliUsageException("use --closed or --open, not both."),
                (true, false) => true,
                (false, true) => false,
                _ => null,
            },
            Limit = arguments.Option("--limit") is { } limit
                ? int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new CliUsageException($"--limit '{limit}' is not a whole number.")
                : 20,
        };
        if (request.Terms.Count == 0)
            throw new CliUsageException($"the query '{text}' has no words to search for.");
        try
        {
            request.Validate();
        }
        catch (SearchRequestException e)
        {
            throw new CliUsageException($"--{e.Field}: {e.Message}");
        }

        return request;
    }

    private static DateOnly? Date(CliArguments arguments, string name) =>
        arguments.Option(name) is not { } value ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new CliUsageException($"{name} '{value}' is not a date of the form YYYY-MM-DD.");

    private static async Task<int> ReindexAsync(CommandContext context)
    {
        if (context.Arguments.Positionals.Count > 0)
            throw new CliUsageException("search --reindex takes no query.");
        await using var db = await DagsordenDatabase.OpenAsync(context.Storage);
        var count = await SearchIndexes.RebuildAsync(db);
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Rebuilt the search index: {count} items."));
        return CliApp.Success;
    }
}
