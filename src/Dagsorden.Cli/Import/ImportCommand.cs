using Dagsorden.Core;
using Dagsorden.Core.Import;
using Dagsorden.Core.Storage;

namespace Dagsorden.Cli.Import;

/// <summary>import PATH...: one line per file, the meeting key and item count or the error.</summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        context.Arguments.Allow("import");
        if (context.Arguments.Positionals.Count == 0)
            throw new CliUsageException("import needs at least one file: import PATH...");

        await using var db = await DagsordenDatabase.OpenAsync(context.Storage);
        var importer = new MeetingImporter(db);
        var failed = 0;
        var files = context.Arguments.Positionals;
        for (var i = 0; i < files.Count; i++)
        {
            var path = Path.Combine(context.WorkingDirectory, files[i]);
            var progress = files.Count > 1 ? $"[{i + 1}/{files.Count}] " : "";
            try
            {
                var result = await importer.ImportFileAsync(path);
                var encoding = result.EncodingName == "UTF-8" ? "" : $", read as {result.EncodingName}";
                var action = result.Created ? "imported" : "updated";
                await context.Output.WriteLineAsync($"{progress}{files[i]}: {result.Key} {result.ItemCount} items ({action}{encoding})");
            }
            catch (DomainException e)
            {
                failed++;
                var message = e is ImportException import ? Relative(import, files[i]) : $"{files[i]}: {e.Message}";
                await context.Error.WriteLineAsync($"{progress}{message}");
                await context.Output.WriteLineAsync($"{progress}{files[i]}: error, nothing imported");
            }
        }

        if (failed > 0)
            await context.Error.WriteLineAsync($"{failed} of {files.Count} files failed; the database is unchanged for those files.");
        return failed == 0 ? CliApp.Success : CliApp.Failure;
    }

    // Report the file as the user typed it, not as the absolute path we opened.
    private static string Relative(ImportException e, string typed) =>
        e.Line is null ? $"{typed}: error: {e.Reason}" : $"{typed}:{e.Line}: error: {e.Reason}";
}
