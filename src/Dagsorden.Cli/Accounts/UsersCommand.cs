using System.Globalization;
using System.Security.Cryptography;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Dagsorden.Cli.Accounts;

/// <summary>
/// users add EMAIL --role ROLE [--name NAME] [--forum CODE] [--password-stdin]: creates a user, e.g. the
/// first administrator of a new installation. users password EMAIL [--password-stdin]: a new password,
/// e.g. for a user who forgot theirs. users list: one line per user.
/// </summary>
internal static class UsersCommand
{
    /// <summary>Letters and digits that cannot be mistaken for each other when read aloud or copied by hand.</summary>
    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private const int GeneratedPasswordLength = 20;

    private static readonly string Roles = "Administrator, Forfatter (Author), Medarbejder (Employee), Medlem (Member), Sekretær (Secretary)";

    public static async Task<int> RunAsync(CommandContext context)
    {
        var arguments = context.Arguments;
        return arguments.Positionals.FirstOrDefault() switch
        {
            "add" => await AddAsync(context),
            "password" => await PasswordAsync(context),
            "list" => await ListAsync(context),
            null => throw new CliUsageException("users needs a subcommand: users add EMAIL --role ROLE, users password EMAIL, or users list."),
            var other => throw new CliUsageException($"unknown subcommand 'users {other}'. Use users add, users password or users list."),
        };
    }

    private static async Task<int> AddAsync(CommandContext context)
    {
        var arguments = context.Arguments;
        arguments.Allow("users add", "--role", "--name", "--forum", "--password-stdin");
        if (arguments.Positionals.Count != 2)
            throw new CliUsageException("users add takes one e-mail address: users add EMAIL --role ROLE.");
        var email = arguments.Positionals[1];
        var role = arguments.Option("--role") ?? throw new CliUsageException($"users add needs --role: one of {Roles}.");
        var (systemRole, forumRole) = ParseRole(role);
        var forum = arguments.Option("--forum");
        if (forumRole is not null && forum is null)
            throw new CliUsageException($"--role {role} needs --forum CODE, the forum the user is {(forumRole == ForumRole.Member ? "a member" : "the secretary")} of.");
        if (forumRole is null && forum is not null)
            throw new CliUsageException($"--forum goes with --role Medlem or Sekretær, not with --role {role}.");

        var (password, generated) = await NewPasswordAsync(context);
        var user = await WithAdministrationAsync(context, administration => administration.CreateAsync(
            new NewUser(email, arguments.Option("--name") ?? "", systemRole is null ? [] : [systemRole], password)
            {
                Forums = forumRole is { } r ? [(forum!, r)] : [],
            }));

        var what = forumRole is { } fr ? $"{fr.Danish()} of {forum!.Trim().ToUpperInvariant()}" : systemRole ?? "Medarbejder";
        await context.Output.WriteLineAsync($"Created {user.Email} ({what}).");
        if (generated)
            await ShowGeneratedAsync(context, password);
        return CliApp.Success;
    }

    private static async Task<int> PasswordAsync(CommandContext context)
    {
        var arguments = context.Arguments;
        arguments.Allow("users password", "--password-stdin");
        if (arguments.Positionals.Count != 2)
            throw new CliUsageException("users password takes one e-mail address: users password EMAIL.");
        var (password, generated) = await NewPasswordAsync(context);
        await WithAdministrationAsync(context, async administration =>
        {
            await administration.SetPasswordAsync(await administration.UserIdAsync(arguments.Positionals[1]), password);
            return true;
        });

        await context.Output.WriteLineAsync($"New password set for {arguments.Positionals[1].Trim()}; a lockout is lifted and other sessions end.");
        if (generated)
            await ShowGeneratedAsync(context, password);
        return CliApp.Success;
    }

    /// <summary>Runs <paramref name="work"/> on the command's storage; what it changes is audited as done on the command line.</summary>
    private static async Task<T> WithAdministrationAsync<T>(CommandContext context, Func<UserAdministration, Task<T>> work)
    {
        await using var db = await DagsordenDatabase.OpenAsync(context.Storage);
        db.Actor = AuditActor.CommandLine;
        await using var services = AccountServices.Create(db);
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    /// <summary>The password from standard input with --password-stdin; otherwise a generated one.</summary>
    private static async Task<(string Password, bool Generated)> NewPasswordAsync(CommandContext context) =>
        context.Arguments.HasFlag("--password-stdin") ? (await ReadPasswordAsync(context.Input), false) : (GeneratePassword(), true);

    private static async Task ShowGeneratedAsync(CommandContext context, string password)
    {
        await context.Output.WriteLineAsync($"Password: {password}");
        await context.Error.WriteLineAsync("The password is shown only this once; hand it to the user over a safe channel.");
    }

    private static async Task<int> ListAsync(CommandContext context)
    {
        context.Arguments.Allow("users list");
        if (context.Arguments.Positionals.Count > 1)
            throw new CliUsageException($"users list takes no arguments, got '{context.Arguments.Positionals[1]}'.");

        var users = await WithAdministrationAsync(context, administration => administration.ListAsync());
        if (users.Count == 0)
        {
            await context.Error.WriteLineAsync($"No users in {context.Storage.Describe()}. Add the first with: users add EMAIL --role Administrator");
            return CliApp.Success;
        }

        var width = users.Max(u => u.Email.Length);
        foreach (var user in users)
        {
            var roles = user.SystemRoles.Count == 0 ? "Medarbejder" : string.Join(",", user.SystemRoles);
            var forums = string.Join(",", user.Forums.Select(f => $"{f.ForumCode}:{f.Role.Danish()}"));
            var name = user.DisplayName.Length == 0 ? "-" : user.DisplayName;
            var locked = user.LockedOutUntil is { } until
                ? string.Create(CultureInfo.InvariantCulture, $"locked out until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC")
                : "";
            await context.Output.WriteLineAsync($"{user.Email.PadRight(width)}  {name}  {roles}  {(forums.Length == 0 ? "-" : forums)}  {locked}".TrimEnd());
        }

        return CliApp.Success;
    }

    /// <summary>The system role or the forum role the --role value names.</summary>
    private static (string? SystemRole, ForumRole? ForumRole) ParseRole(string role) => role.Trim().ToLowerInvariant() switch
    {
        "administrator" => (SystemRoles.Administrator, null),
        "forfatter" or "author" => (SystemRoles.Author, null),
        "medarbejder" or "employee" => (null, null),
        _ => ForumRoles.Parse(role) is { } forumRole
            ? (null, forumRole)
            : throw new CliUsageException($"--role '{role}' is not a role. Use one of {Roles}."),
    };

    /// <summary>About 115 bits of randomness; drawn again in the rare case it lacks the digit or small letter the policy asks for.</summary>
    private static string GeneratePassword()
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString(PasswordAlphabet, GeneratedPasswordLength);
            if (password.Any(char.IsAsciiDigit) && password.Any(char.IsAsciiLetterLower))
                return password;
        }
    }

    // One line, as `echo "$PASSWORD" | dagsorden users add …` (or users password) or a password manager's pipe gives it.
    private static async Task<string> ReadPasswordAsync(TextReader input)
    {
        var line = await input.ReadLineAsync();
        if (string.IsNullOrEmpty(line))
            throw new CliUsageException("--password-stdin: no password on standard input.");
        return line;
    }
}
