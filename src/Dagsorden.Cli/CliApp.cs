using Dagsorden.Cli.Accounts;
using Dagsorden.Cli.Attachments;
using Dagsorden.Cli.Backup;
using Dagsorden.Cli.Documents;
using Dagsorden.Cli.FollowUps;
using Dagsorden.Cli.Import;
using Dagsorden.Cli.Meetings;
using Dagsorden.Cli.Search;
using Dagsorden.Core;
using Dagsorden.Core.Storage;

namespace Dagsorden.Cli;

/// <summary>The command line: dispatches to one command and maps failures to exit codes.</summary>
public static class CliApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public const string Usage = """
        Usage: dagsorden [--db PATH | --connection "Host=…"] COMMAND [ARGS]

        Commands:
          import PATH... [--attachments DIR]        Import minutes text (.txt), minutes PDFs, or case-system
                                                    exports (Acadre, eDoc, eDoc Fujitsu, SBSYS) given as a
                                                    folder, a zip or an XML file
          import --watch DIR [--attachments DIR] [--settle SECONDS] [--once]
                                                    Keep importing what lands in DIR; move each delivery to
                                                    DIR/done or DIR/failed with a .log beside it
          meetings                                  List meetings, one per line: KEY kind items time place
          export KEY --format pdf|docx|html|text [--public] [-o FILE]
                                                    Write a meeting's agenda or minutes; KEY is
                                                    CODE:YYYY-MM-DD, e.g. CF:2016-08-18. --public hides
                                                    closed items. pdf and docx need -o FILE.
          search "QUERY" [--public] [--forum CODE] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                 [--kle 83.02] [--outcome approved|noted|discussed|postponed|rejected|
                 nothing-to-report|other] [--closed|--open] [--limit N]
                                                    Ranked hits: KEY punkt N: title, and a snippet.
                                                    Words are stemmed (Danish); "quoted words" are a
                                                    phrase. Without --public it searches as an
                                                    administrator: closed items are included.
          search --reindex                          Rebuild the search index from the stored items
          users add EMAIL --role ROLE [--name "Navn"] [--forum CODE] [--password-stdin]
                                                    Create a user. ROLE: Administrator, Forfatter (Author),
                                                    Medarbejder (Employee), Medlem (Member) or Sekretær
                                                    (Secretary, Sekretaer); Medlem and Sekretær need
                                                    --forum CODE. Without --password-stdin a random
                                                    password is generated and printed once.
          users password EMAIL [--password-stdin]  Give a user a new password (e.g. a forgotten one) and lift
                                                    a lockout. Without --password-stdin a random password is
                                                    generated and printed once.
          users list                                List users: e-mail, name, roles, forum roles, lockout
          followups remind                          One pass of the reminder job: e-mail follow-ups due soon
                                                    or overdue and the departments' decision digests; what
                                                    fails is retried on the next pass (for cron). Settings
                                                    from the environment: Smtp__Host, Smtp__Port,
                                                    Smtp__From, PublicUrl, FollowUps__RemindDaysBefore, …
          demo [FOLDER]                             Make a demo database: import the sample minutes in
                                                    FOLDER (default samples), one account per role, a
                                                    planned meeting and a submitted item. Safe to re-run.
          backup FILE [--attachments DIR]           Write FILE (.tar.gz): a consistent copy of the database
                                                    and the attachment files, with a manifest of SHA-256
                                                    checksums. Safe while the web app runs.
          restore FILE [--attachments DIR] [--force]
                                                    Check every checksum in FILE, then restore it. Refuses a
                                                    database with tables or a non-empty attachment folder
                                                    unless --force. Stop the web app first.
          attachments sweep [--grace MINUTES]       Remove attachment files no row references and left-over
                                                    temporary files, untouched for MINUTES (default 60)

        Storage:
          default            SQLite file data/dagsorden.db under the working directory
          --db PATH          another SQLite file
          --connection STR   PostgreSQL, e.g. "Host=localhost;Database=dagsorden;Username=dagsorden"
          DAGSORDEN_CONNECTION  environment variable used when neither option is given
          attachment files   data/attachments beside the SQLite file (or under the working directory
                             for PostgreSQL); --attachments DIR picks another folder
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string workingDirectory, Func<string, string?> environment, TextReader? input = null)
    {
        CliArguments arguments;
        try
        {
            arguments = CliArguments.Parse(args);
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            await error.WriteLineAsync("Run 'dagsorden help' for usage.");
            return UsageError;
        }

        if (arguments.Command is null or "help")
        {
            await output.WriteLineAsync(Usage);
            return arguments.Command is null ? UsageError : Success;
        }

        try
        {
            var storage = StorageOptions.Resolve(arguments.DatabasePath, arguments.ConnectionString, workingDirectory, environment);
            var context = new CommandContext(arguments, storage, output, error, workingDirectory, input ?? TextReader.Null, environment);
            return arguments.Command switch
            {
                "import" => await ImportCommand.RunAsync(context),
                "meetings" => await MeetingsCommand.RunAsync(context),
                "export" => await ExportCommand.RunAsync(context),
                "search" => await SearchCommand.RunAsync(context),
                "users" => await UsersCommand.RunAsync(context),
                "demo" => await DemoCommand.RunAsync(context),
                "backup" => await BackupCommand.BackupAsync(context),
                "restore" => await BackupCommand.RestoreAsync(context),
                "attachments" => await AttachmentsCommand.RunAsync(context),
                "followups" => await FollowUpsCommand.RunAsync(context),
                _ => await UnknownCommandAsync(arguments.Command, error),
            };
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return UsageError;
        }
        catch (DomainException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return Failure;
        }
    }

    private static async Task<int> UnknownCommandAsync(string command, TextWriter error)
    {
        await error.WriteLineAsync($"error: unknown command '{command}'. Commands: import, meetings, export, search, users, followups, demo, backup, restore, attachments, help.");
        return UsageError;
    }
}

public sealed record CommandContext(CliArguments Arguments, StorageOptions Storage, TextWriter Output, TextWriter Error, string WorkingDirectory, TextReader Input, Func<string, string?>? Environment = null);
