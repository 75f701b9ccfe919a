using System.Globalization;
using Dagsorden.Cli.Import;
using Dagsorden.Core.Backup;

namespace Dagsorden.Cli.Backup;

/// <summary>backup FILE and restore FILE [--force].</summary>
internal static class BackupCommand
{
    public static async Task<int> BackupAsync(CommandContext context)
    {
        context.Arguments.Allow("backup", "--attachments");
        var file = SingleFile(context, "backup");
        var result = await BackupWriter.WriteAsync(context.Storage, ImportCommand.AttachmentStoreFor(context), Path.Combine(context.WorkingDirectory, file));
        foreach (var warning in result.Warnings)
            await context.Error.WriteLineAsync($"warning: {warning}");
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{file}: {context.Storage.Describe()} and {result.AttachmentFiles} attachment file{(result.AttachmentFiles == 1 ? "" : "s")}, {result.ArchiveBytes:N0} bytes, schema {result.Manifest.Migration ?? "(none)"}"));
        return CliApp.Success;
    }

    public static async Task<int> RestoreAsync(CommandContext context)
    {
        context.Arguments.Allow("restore", "--attachments", "--force");
        var file = SingleFile(context, "restore");
        var result = await BackupRestorer.RestoreAsync(
            Path.Combine(context.WorkingDirectory, file),
            context.Storage,
            ImportCommand.AttachmentStoreFor(context),
            context.Arguments.HasFlag("--force"));
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{file}: restored {result.Meetings} meetings and {result.AttachmentFiles} attachment files into {context.Storage.Describe()} (backup of {result.Manifest.Created:yyyy-MM-dd HH:mm} UTC)"));
        return CliApp.Success;
    }

    private static string SingleFile(CommandContext context, string command) =>
        context.Arguments.Positionals.Count == 1
            ? context.Arguments.Positionals[0]
            : throw new CliUsageException($"{command} needs exactly one file, e.g. {command} dagsorden-backup.tar.gz");
}
