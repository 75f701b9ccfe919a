using System.Text;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;

namespace Dagsorden.Cli.Documents;

/// <summary>export KEY --format text [--public] [-o FILE].</summary>
internal static class ExportCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        var arguments = context.Arguments;
        arguments.Allow("export", "--format", "--public", "-o");
        if (arguments.Positionals.Count != 1)
            throw new CliUsageException("export needs exactly one meeting key, e.g. export CF:2016-08-18 --format text");
        var format = arguments.Option("--format") ?? "text";
        if (format != "text")
            throw new CliUsageException($"unknown format '{format}'; supported: text.");

        var key = MeetingKey.Parse(arguments.Positionals[0]);
        await using var db = await DagsordenDatabase.OpenAsync(context.Storage);
        var meeting = await db.FindAsync(key);
        if (meeting is null)
        {
            await context.Error.WriteLineAsync($"error: no meeting {key} in {context.Storage.Describe()}. 'meetings' lists the keys.");
            return CliApp.Failure;
        }

        var audience = arguments.HasFlag("--public") ? DocumentAudience.Public : DocumentAudience.Internal;
        var document = TextDocumentWriter.Write(meeting, audience);
        if (arguments.Option("-o") is { } outputPath)
        {
            var fullPath = Path.Combine(context.WorkingDirectory, outputPath);
            var temporary = fullPath + ".tmp";
            await File.WriteAllTextAsync(temporary, document, new UTF8Encoding(false));
            File.Move(temporary, fullPath, overwrite: true);
            await context.Error.WriteLineAsync($"Wrote {outputPath}");
        }
        else
        {
            await context.Output.WriteAsync(document);
        }

        return CliApp.Success;
    }
}
