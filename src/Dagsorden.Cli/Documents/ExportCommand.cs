using System.Text;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Documents.Html;
using Dagsorden.Core.Documents.Pdf;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;

namespace Dagsorden.Cli.Documents;

/// <summary>export KEY --format pdf|docx|html|text [--public] [-o FILE].</summary>
internal static class ExportCommand
{
    private static readonly string[] Formats = ["text", "html", "pdf", "docx"];

    public static async Task<int> RunAsync(CommandContext context)
    {
        var arguments = context.Arguments;
        arguments.Allow("export", "--format", "--public", "-o");
        if (arguments.Positionals.Count != 1)
            throw new CliUsageException("export needs exactly one meeting key, e.g. export CF:2016-08-18 --format text");
        var format = arguments.Option("--format") ?? "text";
        if (!Formats.Contains(format))
            throw new CliUsageException($"unknown format '{format}'; supported: {string.Join(", ", Formats)}.");
        var outputPath = arguments.Option("-o");
        if (outputPath is null && format is "pdf" or "docx")
            throw new CliUsageException($"--format {format} writes a binary file: give one with -o FILE.");

        var key = MeetingKey.Parse(arguments.Positionals[0]);
        await using var db = await DagsordenDatabase.OpenAsync(context.Storage);
        var meeting = await db.FindAsync(key);
        if (meeting is null)
        {
            await context.Error.WriteLineAsync($"error: no meeting {key} in {context.Storage.Describe()}. 'meetings' lists the keys.");
            return CliApp.Failure;
        }

        var audience = arguments.HasFlag("--public") ? DocumentAudience.Public : DocumentAudience.Internal;
        var document = MeetingDocument.From(meeting, audience);
        var bytes = format switch
        {
            "pdf" => await RenderPdfAsync(document),
            "html" => Utf8(MeetingHtml.RenderPage(document)),
            "docx" => Core.Documents.Docx.DocxDocumentWriter.Write(document),
            _ => Utf8(TextDocumentWriter.Write(document)),
        };

        if (outputPath is null)
        {
            await context.Output.WriteAsync(Encoding.UTF8.GetString(bytes));
            return CliApp.Success;
        }

        // Write beside the target and rename, so a failed export never leaves half a file.
        var fullPath = Path.Combine(context.WorkingDirectory, outputPath);
        var temporary = fullPath + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes);
        File.Move(temporary, fullPath, overwrite: true);
        await context.Error.WriteLineAsync($"Wrote {outputPath}");
        return CliApp.Success;
    }

    private static async Task<byte[]> RenderPdfAsync(MeetingDocument document)
    {
        await using var engine = new ChromiumPdfEngine();
        return await new PdfDocumentWriter(engine).WriteAsync(document);
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
