using Dagsorden.Cli.Import;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Demo;
using Dagsorden.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dagsorden.Cli.Accounts;

/// <summary>demo [FOLDER]: the demo database of run.sh. Prints what it imported and the demo accounts.</summary>
internal static class DemoCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        var arguments = context.Arguments;
        arguments.Allow("demo", "--attachments");
        if (arguments.Positionals.Count > 1)
            throw new CliUsageException("demo takes at most one folder of sample minutes: demo [FOLDER].");
        var typed = arguments.Positionals.FirstOrDefault();
        var folder = Path.Combine(context.WorkingDirectory, typed ?? "samples");
        if (!Directory.Exists(folder))
        {
            if (typed is not null)
                throw new CliUsageException($"the folder '{typed}' does not exist.");
            await context.Error.WriteLineAsync("warning: no samples folder here; the demo has no imported meetings.");
        }

        await using var db = await DagsordenDatabase.OpenAsync(context.Storage);
        db.Actor = AuditActor.CommandLine;
        await using var services = AccountServices.Create(db);
        await using var scope = services.CreateAsyncScope();
        var demo = new DemoData(
            db,
            scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>(),
            scope.ServiceProvider.GetRequiredService<UserAdministration>(),
            ImportCommand.AttachmentStoreFor(context));
        var report = await demo.EnsureAsync(Directory.Exists(folder) ? folder : null);

        foreach (var (file, imported) in report.Samples)
        {
            var shown = Path.GetRelativePath(context.WorkingDirectory, file);
            await context.Output.WriteLineAsync($"{shown}: {(imported is null ? "imported before, left as it is" : ImportCommand.Describe(imported))}");
        }

        await context.Output.WriteLineAsync($"Planned meeting: {report.PlannedMeeting}{(report.MeetingCreated ? " (planned now)" : "")}");
        await context.Output.WriteLineAsync($"Submitted item in {DemoData.ForumCode}'s queue: {report.DraftTitle}{(report.DraftCreated ? " (submitted now)" : "")}");
        await context.Output.WriteLineAsync($"Demo accounts, all with the password {DemoData.Password}:");
        var width = report.Users.Max(u => u.User.Email.Length);
        foreach (var (user, created) in report.Users)
            await context.Output.WriteLineAsync($"  {user.Email.PadRight(width)}  {user.RoleName}{(created ? " (created)" : "")}");
        return CliApp.Success;
    }
}
