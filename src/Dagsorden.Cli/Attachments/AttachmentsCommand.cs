using System.Globalization;
using Dagsorden.Cli.Import;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Storage;

namespace Dagsorden.Cli.Attachments;

/// <summary>attachments sweep [--grace MINUTES]: removes files no row references.</summary>
internal static class AttachmentsCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        context.Arguments.Allow("attachments", "--attachments", "--grace");
        if (context.Arguments.Positionals is not ["sweep"])
            throw new CliUsageException("attachments takes one subcommand: attachments sweep [--grace MINUTES]");

        var grace = AttachmentSweep.DefaultGrace;
        if (context.Arguments.Option("--grace") is { } minutes)
        {
            if (!int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 100_000)
                throw new CliUsageException($"--grace takes a whole number of minutes, e.g. --grace 60; '{minutes}' is not one.");
            grace = TimeSpan.FromMinutes(value);
        }

        await using var db = await DagsordenDatabase.OpenAsync(context.Storage);
        var result = await new AttachmentSweep(db, ImportCommand.AttachmentStoreFor(context)).RunAsync(grace);
        foreach (var key in result.RemovedKeys)
            await context.Output.WriteLineAsync($"removed {key}");
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.RemovedKeys.Count} unreferenced files removed ({result.RemovedBytes:N0} bytes), {result.RemovedTemporaryFiles} temporary files removed, {result.KeptFiles} files kept."));
        return CliApp.Success;
    }
}
