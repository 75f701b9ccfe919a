using System.Net;
using System.Text.RegularExpressions;
using Dagsorden.Cli;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Cli;

/// <summary>users add and users list: accounts made on the command line sign in on the web app.</summary>
public sealed partial class UsersCliTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddedAdministratorSignsInWithThePrintedPassword(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var run = await RunAsync(database, null, "users", "add", "ada@example.test", "--role", "Administrator", "--name", "Ada Lund");

        Assert.Equal(CliApp.Success, run.ExitCode);
        var password = PrintedPassword().Match(run.Output);
        Assert.True(password.Success, run.Output);
        Assert.Equal(20, password.Groups[1].Value.Length);
        Assert.StartsWith("Created ada@example.test (Administrator).\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("shown only this once", run.Error, StringComparison.Ordinal);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsync("ada@example.test", password.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        Assert.Contains("<span class=\"site-user\">Ada Lund</span>", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratedPasswordsAlwaysMeetThePasswordPolicy()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        // A password drawn without a digit was once refused by the policy; enough draws make that likely to show.
        for (var i = 0; i < 40; i++)
        {
            var run = await RunAsync(database, null, "users", "add", $"bruger{i}@example.test", "--role", "Medarbejder");
            Assert.True(run.ExitCode == CliApp.Success, run.Error);
            var password = PrintedPassword().Match(run.Output).Groups[1].Value;
            Assert.Contains(password, char.IsAsciiDigit);
            Assert.Contains(password, char.IsAsciiLetterLower);
        }
    }

    [Fact]
    public async Task PasswordFromStandardInputIsUsedAndNeverPrinted()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var run = await RunAsync(database, "mit-eget-kodeord-7\n", "users", "add", "frida@example.test", "--role", "author", "--password-stdin");

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Equal("Created frida@example.test (Forfatter).\n", run.Output);
        Assert.DoesNotContain("mit-eget-kodeord-7", run.Output + run.Error, StringComparison.Ordinal);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsync("frida@example.test", "mit-eget-kodeord-7");
        Assert.Contains("href=\"/punkter\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Medlem", ForumRole.Member)]
    [InlineData("member", ForumRole.Member)]
    [InlineData("Sekretær", ForumRole.Secretary)]
    [InlineData("sekretaer", ForumRole.Secretary)]
    [InlineData("Secretary", ForumRole.Secretary)]
    public async Task ForumRolesNeedTheForumAndBecomeMemberships(string role, ForumRole expected)
    {
        await using var database = await WithChefforumAsync();

        var run = await RunAsync(database, null, "users", "add", "mette@example.test", "--role", role, "--forum", "cf");

        Assert.True(run.ExitCode == CliApp.Success, run.Error);
        Assert.StartsWith($"Created mette@example.test ({expected.Danish()} of CF).", run.Output, StringComparison.Ordinal);
        await using var db = await database.OpenAsync();
        var membership = await db.ForumMemberships.Include(m => m.Forum).SingleAsync();
        Assert.Equal(("CF", expected), (membership.Forum.Code, membership.Role));
        Assert.Empty(await db.UserRoles.ToListAsync());
    }

    [Theory]
    [InlineData("Medarbejder")]
    [InlineData("employee")]
    public async Task EmployeeHasNoRoleAtAll(string role)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var run = await RunAsync(database, null, "users", "add", "mads@example.test", "--role", role);

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.StartsWith("Created mads@example.test (Medarbejder).", run.Output, StringComparison.Ordinal);
        await using var db = await database.OpenAsync();
        Assert.Single(await db.Users.ToListAsync());
        Assert.Empty(await db.UserRoles.ToListAsync());
        Assert.Empty(await db.ForumMemberships.ToListAsync());
    }

    public static TheoryData<string?, string[], int, string> BadAdds => new()
    {
        // standard input, arguments after "users add", exit code, message
        { null, ["ikke-en-mail", "--role", "Administrator"], CliApp.Failure, "error: 'ikke-en-mail' is not an e-mail address." },
        { null, ["ny@example", "--role", "Administrator"], CliApp.Failure, "error: 'ny@example' is not an e-mail address." },
        { null, ["--role", "Administrator"], CliApp.UsageError, "error: users add takes one e-mail address" },
        { null, ["a@example.test", "b@example.test", "--role", "Administrator"], CliApp.UsageError, "error: users add takes one e-mail address" },
        { null, ["ny@example.test"], CliApp.UsageError, "error: users add needs --role: one of Administrator, Forfatter (Author), Medarbejder (Employee), Medlem (Member), Sekretær (Secretary)." },
        { null, ["ny@example.test", "--role", "Chef"], CliApp.UsageError, "error: --role 'Chef' is not a role." },
        { null, ["ny@example.test", "--role", "Medlem"], CliApp.UsageError, "error: --role Medlem needs --forum CODE" },
        { null, ["ny@example.test", "--role", "Sekretær"], CliApp.UsageError, "error: --role Sekretær needs --forum CODE" },
        { null, ["ny@example.test", "--role", "Administrator", "--forum", "CF"], CliApp.UsageError, "error: --forum goes with --role Medlem or Sekretær, not with --role Administrator." },
        { null, ["ny@example.test", "--role", "Medlem", "--forum", "XX"], CliApp.Failure, "error: There is no forum with the code 'XX'." },
        { null, ["eksisterende@example.test", "--role", "Forfatter"], CliApp.Failure, "error: A user with the e-mail address eksisterende@example.test already exists." },
        { null, ["EKSISTERENDE@example.test", "--role", "Forfatter"], CliApp.Failure, "error: A user with the e-mail address EKSISTERENDE@example.test already exists." },
        { "kort-1\n", ["ny@example.test", "--role", "Forfatter", "--password-stdin"], CliApp.Failure, "error: Passwords must be at least 10 characters." },
        { "", ["ny@example.test", "--role", "Forfatter", "--password-stdin"], CliApp.UsageError, "error: --password-stdin: no password on standard input." },
        { "\n", ["ny@example.test", "--role", "Forfatter", "--password-stdin"], CliApp.UsageError, "error: --password-stdin: no password on standard input." },
        { null, ["ny@example.test", "--role", "Forfatter", "--name", new string('n', 201)], CliApp.Failure, "error: The name is 201 characters long; at most 200 are allowed." },
        { null, ["ny@example.test", "--role", "Forfatter", "--public"], CliApp.UsageError, "error: 'users add' does not take --public." },
    };

    [Theory]
    [MemberData(nameof(BadAdds))]
    public async Task BadAddIsRefusedWithAClearErrorAndChangesNothing(string? input, string[] arguments, int exitCode, string message)
    {
        await using var database = await WithChefforumAsync();
        await RunAsync(database, null, "users", "add", "eksisterende@example.test", "--role", "Forfatter");
        var before = await UsersAsync(database);

        var run = await RunAsync(database, input, ["users", "add", .. arguments]);

        Assert.True(exitCode == run.ExitCode, run.Output + run.Error);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.Equal(before, await UsersAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ANewPasswordReplacesTheForgottenOneAndLiftsALockout(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await RunAsync(database, "glemt-kodeord-1\n", "users", "add", "ida@example.test", "--role", "Forfatter", "--password-stdin");
        await using (var app = new TestApp(database))
        {
            using var client = app.CreateBrowserClient();
            for (var i = 0; i < 5; i++)
                await TestApp.PostFormAsync(client, "/konto/log-ind", new() { ["Email"] = "ida@example.test", ["Password"] = "forkert-kodeord-" + i });
        }

        var run = await RunAsync(database, null, "users", "password", "IDA@example.test ");

        Assert.True(run.ExitCode == CliApp.Success, run.Error);
        Assert.StartsWith("New password set for IDA@example.test; a lockout is lifted and other sessions end.\n", run.Output, StringComparison.Ordinal);
        var password = PrintedPassword().Match(run.Output).Groups[1].Value;
        Assert.Equal(20, password.Length);
        Assert.Contains("shown only this once", run.Error, StringComparison.Ordinal);
        await using (var app = new TestApp(database))
        {
            using var client = await app.SignInAsync("ida@example.test", password);
            Assert.Contains("href=\"/punkter\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
            await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync("ida@example.test", "glemt-kodeord-1"));
        }

        var piped = await RunAsync(database, "valgt-kodeord-2\n", "users", "password", "ida@example.test", "--password-stdin");
        Assert.Equal(("New password set for ida@example.test; a lockout is lifted and other sessions end.\n", CliApp.Success), (piped.Output, piped.ExitCode));
        await using var again = new TestApp(database);
        using var signedIn = await again.SignInAsync("ida@example.test", "valgt-kodeord-2");
        await using var db = await database.OpenAsync();
        Assert.False(await db.AuditEntries.AnyAsync(e => (e.OldValue ?? "").Contains("kodeord") || (e.NewValue ?? "").Contains("kodeord")));
    }

    public static TheoryData<string?, string[], int, string> BadPasswords => new()
    {
        // standard input, arguments after "users password", exit code, message
        { null, [], CliApp.UsageError, "error: users password takes one e-mail address: users password EMAIL." },
        { null, ["a@example.test", "b@example.test"], CliApp.UsageError, "error: users password takes one e-mail address" },
        { null, ["ukendt@example.test"], CliApp.Failure, "error: There is no user with the e-mail address ukendt@example.test." },
        { null, ["ikke-en-mail"], CliApp.Failure, "error: There is no user with the e-mail address ikke-en-mail." },
        { "kort-1\n", ["eksisterende@example.test", "--password-stdin"], CliApp.Failure, "error: Passwords must be at least 10 characters." },
        { "langtkodeordudental\n", ["eksisterende@example.test", "--password-stdin"], CliApp.Failure, "error: Passwords must have at least one digit ('0'-'9')." },
        { "", ["eksisterende@example.test", "--password-stdin"], CliApp.UsageError, "error: --password-stdin: no password on standard input." },
        { null, ["eksisterende@example.test", "--role", "Administrator"], CliApp.UsageError, "error: 'users password' does not take --role." },
    };

    [Theory]
    [MemberData(nameof(BadPasswords))]
    public async Task BadPasswordChangeIsRefusedWithAClearErrorAndKeepsTheOldPassword(string? input, string[] arguments, int exitCode, string message)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await RunAsync(database, "gammelt-kodeord-3\n", "users", "add", "eksisterende@example.test", "--role", "Forfatter", "--password-stdin");
        var before = await UsersAsync(database);

        var run = await RunAsync(database, input, ["users", "password", .. arguments]);

        Assert.True(exitCode == run.ExitCode, run.Output + run.Error);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.Equal(before, await UsersAsync(database));
        await using var app = new TestApp(database);
        using var client = await app.SignInAsync("eksisterende@example.test", "gammelt-kodeord-3");
    }

    [Theory]
    [InlineData(new[] { "users" }, "error: users needs a subcommand")]
    [InlineData(new[] { "users", "remove", "a@example.test" }, "error: unknown subcommand 'users remove'.")]
    [InlineData(new[] { "users", "list", "extra" }, "error: users list takes no arguments, got 'extra'.")]
    [InlineData(new[] { "users", "list", "--role", "Administrator" }, "error: 'users list' does not take --role.")]
    public async Task BadUsersCommandIsAUsageError(string[] arguments, string message)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var run = await RunAsync(database, null, arguments);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListShowsRolesForumRolesAndLockout()
    {
        await using var database = await WithChefforumAsync();
        await RunAsync(database, null, "users", "add", "ada@example.test", "--role", "Administrator", "--name", "Ada Lund");
        await RunAsync(database, null, "users", "add", "soeren@example.test", "--role", "Sekretær", "--forum", "CF", "--name", "Søren Holm");
        await RunAsync(database, null, "users", "add", "mads@example.test", "--role", "Medarbejder");
        await using (var db = await database.OpenAsync())
        {
            var until = new DateTimeOffset(2099, 1, 2, 3, 4, 0, TimeSpan.Zero);
            await db.Users.Where(u => u.Email == "mads@example.test").ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, until));
        }

        var run = await RunAsync(database, null, "users", "list");

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Equal(
            """
            ada@example.test     Ada Lund  Administrator  -
            mads@example.test    -  Medarbejder  -  locked out until 2099-01-02 03:04 UTC
            soeren@example.test  Søren Holm  Medarbejder  CF:Sekretær

            """,
            run.Output);
    }

    [Fact]
    public async Task ListOfAnEmptyDatabaseSaysHowToAddTheFirstUser()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var run = await RunAsync(database, null, "users", "list");

        Assert.Equal(CliApp.Success, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("users add EMAIL --role Administrator", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageNamesTheUsersCommands()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        var run = await RunAsync(database, null, "help");

        Assert.Contains("users add EMAIL --role ROLE [--name \"Navn\"] [--forum CODE] [--password-stdin]", run.Output, StringComparison.Ordinal);
        Assert.Contains("users list", run.Output, StringComparison.Ordinal);
    }

    /// <summary>The CLI on the test database (SQLite by --db, PostgreSQL by --connection), with <paramref name="input"/> as standard input.</summary>
    private static async Task<CliRun> RunAsync(TestDatabase database, string? input, params string[] args)
    {
        var storage = database.Options.Provider == StorageProvider.Sqlite
            ? new[] { "--db", Path.Combine(database.Directory, "data", "dagsorden.db") }
            : ["--connection", database.Options.ConnectionString];
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CliApp.RunAsync([.. storage, .. args], output, error, database.Directory, _ => null, input is null ? null : new StringReader(input));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private static async Task<TestDatabase> WithChefforumAsync()
    {
        var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        db.Forums.Add(new Forum("CF", "Chefforum"));
        await db.SaveChangesAsync();
        return database;
    }

    private static async Task<string> UsersAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var users = await db.Users.AsNoTracking().Select(u => u.Email + "|" + u.PasswordHash).ToListAsync();
        var roles = await db.UserRoles.CountAsync();
        var memberships = await db.ForumMemberships.CountAsync();
        return string.Join("\n", users.Order(StringComparer.Ordinal)) + $"\nroles {roles}, memberships {memberships}";
    }

    [GeneratedRegex(@"^Password: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex PrintedPassword();
}
