using Dagsorden.Core;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Import;
using Dagsorden.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Dagsorden.Cli.Import;

/// <summary>import PATH...: one line per file, the meeting key and item count or the error. import --watch DIR: the drop folder.</summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        context.Arguments.Allow("import", "--watch", "--attachments", "--settle", "--once");
        if (context.Arguments.Option("--watch") is { } watch)
        {
            if (context.Arguments.Positionals.Count > 0)
                throw new CliUsageException("import --watch DIR takes no other paths.");
            return await WatchCommand.RunAsync(context, Path.Combine(context.WorkingDirectory, watch), AttachmentStoreFor(context));
        }

        if (context.Arguments.Option("--settle") is not null || context.Arguments.HasFlag("--once"))
            throw new CliUsageException("--settle and --once go with --watch DIR.");
        if (context.Arguments.Positionals.Count == 0)
            throw new CliUsageException("import needs at least one file or folder: import PATH...");

        await using var db = await DagsordenDatabase.OpenAsync(context.Storage);
        var importer = new MeetingImporter(db, AttachmentStoreFor(context));
        var failed = 0;
        var files = context.Arguments.Positionals;
        for (var i = 0; i < files.Count; i++)
        {
            var path = Path.Combine(context.WorkingDirectory, files[i]);
            var progress = files.Count > 1 ? $"[{i + 1}/{files.Count}] " : "";
            try
            {
                var result = await importer.ImportFileAsync(path);
                foreach (var warning in result.Warnings ?? [])
                    await context.Error.WriteLineAsync($"{progress}warning: {Relative(warning, path, files[i])}");
                await context.Output.WriteLineAsync($"{progress}{files[i]}: {Describe(result)}");
            }
            catch (DomainException e)
            {
                failed++;
                var message = e is ImportException import ? Relative(import, path, files[i]) : $"{files[i]}: {e.Message}";
                await context.Error.WriteLineAsync($"{progress}{message}");
                await context.Output.WriteLineAsync($"{progress}{files[i]}: error, nothing imported");
            }
        }

        if (failed > 0)
            await context.Error.WriteLineAsync($"{failed} of {files.Count} files failed; the database is unchanged for those files.");
        return failed == 0 ? CliApp.Success : CliApp.Failure;
    }

    /// <summary>"CF:2016-08-18 9 items (imported)", "PUK:2013-06-20 1 items (imported from Acadre, 3 attachment files)".</summary>
    public static string Describe(ImportResult result)
    {
        var action = result.Created ? "imported" : "updated";
        var details = result.Source is not null
            ? $" from {result.Source}, {result.AttachmentFiles} attachment file{(result.AttachmentFiles == 1 ? "" : "s")}"
            : result.EncodingName == "UTF-8" ? "" : $", read as {result.EncodingName}";
        return $"{result.Key} {result.ItemCount} items ({action}{details})";
    }

    /// <summary>
    /// --attachments DIR, else "attachments" beside the SQLite file (data/attachments by default), or
    /// data/attachments under the working directory when the data lives in PostgreSQL.
    /// </summary>
    public static AttachmentStore AttachmentStoreFor(CommandContext context)
    {
        if (context.Arguments.Option("--attachments") is { } folder)
            return new AttachmentStore(Path.Combine(context.WorkingDirectory, folder));
        if (context.Storage.Provider == StorageProvider.Sqlite)
            return new AttachmentStore(AttachmentStore.DefaultRootBeside(new SqliteConnectionStringBuilder(context.Storage.ConnectionString).DataSource));
        return new AttachmentStore(Path.Combine(context.WorkingDirectory, "data", "attachments"));
    }

    // Report the file as the user typed it, not as the absolute path we opened.
    public static string Relative(ImportException e, string opened, string typed)
    {
        var file = e.File.StartsWith(opened, StringComparison.Ordinal) ? typed + e.File[opened.Length..] : e.File;
        return e.Line is null ? $"{file}: error: {e.Reason}" : $"{file}:{e.Line}: error: {e.Reason}";
    }

    private static string Relative(string warning, string opened, string typed) =>
        warning.StartsWith(opened, StringComparison.Ordinal) ? typed + warning[opened.Length..] : warning;
}
