namespace Dagsorden.Cli;

public sealed class CliUsageException(string message) : Exception(message);

/// <summary>
/// The parsed command line: global storage options, a command, its positional arguments and options.
/// Options take a value unless they are listed as flags.
/// </summary>
public sealed class CliArguments
{
    private static readonly HashSet<string> Flags = ["--public", "--help", "-h", "--once", "--closed", "--open", "--reindex", "--password-stdin", "--force"];
    private static readonly HashSet<string> ValueOptions = ["--db", "--connection", "--format", "-o", "--output", "--watch", "--attachments", "--settle", "--forum", "--from", "--to", "--kle", "--outcome", "--limit", "--role", "--name", "--grace"];

    private readonly Dictionary<string, string> _options = [];
    private readonly HashSet<string> _flags = [];

    public string? Command { get; private set; }

    public List<string> Positionals { get; } = [];

    public string? DatabasePath => Option("--db");

    public string? ConnectionString => Option("--connection");

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var result = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (Flags.Contains(arg))
            {
                result._flags.Add(arg is "-h" ? "--help" : arg);
            }
            else if (ValueOptions.Contains(arg))
            {
                if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                    throw new CliUsageException($"{arg} needs a value.");
                var name = arg == "--output" ? "-o" : arg;
                if (!result._options.TryAdd(name, args[++i]))
                    throw new CliUsageException($"{arg} is given more than once.");
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                throw new CliUsageException($"unknown option '{arg}'.");
            }
            else if (result.Command is null)
            {
                result.Command = arg;
            }
            else
            {
                result.Positionals.Add(arg);
            }
        }

        if (result.HasFlag("--help"))
            result.Command = "help";
        return result;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool HasFlag(string name) => _flags.Contains(name);

    /// <summary>Rejects options the command does not take, so a typo never passes silently.</summary>
    public void Allow(string command, params string[] names)
    {
        var unexpected = _options.Keys.Concat(_flags)
            .Where(o => o is not ("--db" or "--connection") && !names.Contains(o))
            .FirstOrDefault();
        if (unexpected is not null)
            throw new CliUsageException($"'{command}' does not take {unexpected}.");
    }
}
