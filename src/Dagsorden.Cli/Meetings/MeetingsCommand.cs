using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;

namespace Dagsorden.Cli.Meetings;

/// <summary>meetings: one line per meeting, starting with its key.</summary>
internal static class MeetingsCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        context.Arguments.Allow("meetings");
        if (context.Arguments.Positionals.Count > 0)
            throw new CliUsageException($"meetings takes no arguments, got '{context.Arguments.Positionals[0]}'.");

        await using var db = await DagsordenDatabase.OpenAsync(context.Storage);
        var meetings = await db.ListAsync();
        if (meetings.Count == 0)
        {
            await context.Error.WriteLineAsync($"No meetings in {context.Storage.Describe()}. Import some with: import PATH...");
            return CliApp.Success;
        }

        foreach (var m in meetings)
        {
            var kind = m.Status == MeetingStatus.Planned ? "planned" : m.Kind == DocumentKind.Minutes ? "minutes" : "agenda";
            var time = m.StartTime is { } t ? DanishDates.Time(t) : "--:--";
            await context.Output.WriteLineAsync($"{m.Key}  {kind,-7}  {m.ItemCount,3} items  {time}  {m.ForumName}  {m.Place}".TrimEnd());
        }

        return CliApp.Success;
    }
}
