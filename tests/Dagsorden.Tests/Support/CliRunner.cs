using Dagsorden.Cli;

namespace Dagsorden.Tests.Support;

public sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>Runs the real command line in-process, in a given working directory and environment.</summary>
public static class CliRunner
{
    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, output, error, workingDirectory, name => environment?.GetValueOrDefault(name));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);
}
