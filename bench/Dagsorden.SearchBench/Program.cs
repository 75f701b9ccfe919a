// Search benchmark: builds a generated corpus of N items in a fresh database (SQLite or PostgreSQL),
// then measures full public searches (hits, total, facets and snippets) for typical 1-3 word queries,
// with and without filters. Prints Markdown for docs/benchmarks.md.
// Usage: dotnet run -c Release --project bench/Dagsorden.SearchBench --
//          --provider sqlite|postgres --items N [--path FILE.db | --connection "Host=…"] [--queries 200] [--reuse]
//          [--query "WORDS"]   (with --reuse: times that one search, as the classes are timed, instead of them)
//          [--warmup 300]      (searches before any class is timed, so that the runtime has compiled the search's
//                               code as a running web app has: 0 times the first class with the JIT still at work)
using System.Diagnostics;
using System.Globalization;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Dagsorden.SearchBench;
using Microsoft.EntityFrameworkCore;
using Npgsql;

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--reuse")
        options["--reuse"] = "true";
    else if (i + 1 < args.Length)
        options[args[i]] = args[++i];
}

if (!options.TryGetValue("--provider", out var providerName) || !options.ContainsKey("--items"))
{
    Console.Error.WriteLine("usage: Dagsorden.SearchBench --provider sqlite|postgres --items N [--path FILE.db | --connection STR] [--queries 200] [--warmup 300] [--reuse] [--query WORDS]");
    return 2;
}

if (Number("--items", "", 1) is not { } items || Number("--queries", "200", 1) is not { } queries || Number("--warmup", "300", 0) is not { } warmup)
    return 2;

var reuse = options.ContainsKey("--reuse");
var root = FindRoot();
var samples = Directory.GetFiles(Path.Combine(root, "samples"), "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
var generator = new CorpusGenerator(samples);

StorageOptions storage;
if (providerName == "sqlite")
{
    var path = options.GetValueOrDefault("--path", Path.Combine(Path.GetTempPath(), $"dagsorden-searchbench-{items}.db"));
    if (!reuse)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
            File.Delete(file);
    }

    storage = StorageOptions.Sqlite(path);
}
else
{
    var server = new NpgsqlConnectionStringBuilder(options.GetValueOrDefault("--connection") ?? Environment.GetEnvironmentVariable("DAGSORDEN_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PostgreSQL needs --connection or DAGSORDEN_TEST_POSTGRES."));
    var name = string.Create(CultureInfo.InvariantCulture, $"dagsorden_searchbench_{items}");
    if (!reuse)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection))
            await drop.ExecuteNonQueryAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    server.Database = name;
    storage = StorageOptions.PostgreSql(server.ConnectionString);
}

await using var db = await DagsordenDatabase.OpenAsync(storage);
db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
var index = SearchIndexes.For(db);
TimeSpan buildTime = TimeSpan.Zero;
if (!reuse)
{
    var build = Stopwatch.StartNew();
    await BuildAsync();
    buildTime = build.Elapsed;
    Console.Error.WriteLine($"built {items:N0} items in {buildTime.TotalSeconds:N0} s");
}

var size = await IndexSizeAsync();
var forumCodes = await db.Forums.Select(f => f.Code).ToListAsync();
var random = new Random(7);
var paragraphWords = samples.SelectMany(SearchText.Words).Where(w => w.Length > 3 && w.All(char.IsLetter) && !SearchText.IsStopWord(w)).ToList();

// A typical search word is a content word: neither among the hundred commonest nor very rare.
string OneWord() => Word(100, 20_000);

string CommonWord() => Word(0, 100);

string Word(int fromRank, int toRank)
{
    string word;
    do
    {
        word = generator.WordBetween(fromRank, toRank);
    }
    while (SearchText.IsStopWord(word) || word.Length < 4);
    return word;
}

// Consecutive words of our sample minutes: what someone remembering a decision types.
string Consecutive(int count, Random from)
{
    var start = from.Next(paragraphWords.Count - count);
    return string.Join(' ', paragraphWords.Skip(start).Take(count));
}

SearchRequest Filtered(string text, Random from)
{
    var year = 2006 + from.Next(18);
    return (from.Next(4)) switch
    {
        0 => new SearchRequest { Text = text, ForumCode = forumCodes[from.Next(forumCodes.Count)] },
        1 => new SearchRequest { Text = text, From = new DateOnly(year, 1, 1), To = new DateOnly(year + 2, 12, 31) },
        2 => new SearchRequest { Text = text, KleSubject = "83", Outcome = Dagsorden.Core.Items.DecisionOutcome.Approved },
        _ => new SearchRequest { Text = text, ForumCode = forumCodes[from.Next(forumCodes.Count)], From = new DateOnly(year, 1, 1), To = new DateOnly(year + 4, 12, 31) },
    };
}

var classes = new (string Name, Func<SearchRequest> Next)[]
{
    ("1 word", () => new SearchRequest { Text = OneWord() }),
    ("2 words", () => new SearchRequest { Text = Consecutive(2, random) }),
    ("3 words", () => new SearchRequest { Text = Consecutive(3, random) }),
    ("1-3 words + filters", () => Filtered(random.Next(3) switch { 0 => OneWord(), 1 => Consecutive(2, random), _ => Consecutive(3, random) }, random)),
    ("1 common word (top 100)", () => new SearchRequest { Text = CommonWord() }),
    ("1 common word + filters", () => Filtered(CommonWord(), random)),
};

// One search as a class of its own, to look at a query the classes report as slow.
if (options.TryGetValue("--query", out var single))
    classes = [($"\"{single}\"", () => new SearchRequest { Text = single })];

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(providerName == "sqlite" ? "SQLite" : "PostgreSQL")}, {items:N0} items, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}"));
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Build: {buildTime.TotalSeconds:N0} s{(reuse ? " (reused database, not measured)" : "")}. Search data on disk: {size}."));
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load average at start: {LoadAverage()}; CPU pressure: {CpuPressure()}; thread-pool spin limit: {SpinLimit()}."));
Console.WriteLine();
// The warm-up draws its queries (runs of sample words, every other one filtered) from a random
// sequence of its own, so the timed classes get the same queries whatever its length.
var warmupRandom = new Random(11);
var warmupWatch = Stopwatch.StartNew();
for (var w = 0; w < warmup; w++)
{
    var text = Consecutive(1 + warmupRandom.Next(3), warmupRandom);
    await index.SearchAsync(w % 2 == 0 ? Filtered(text, warmupRandom) : new SearchRequest { Text = text }, SearchAccess.Public);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warm-up: {warmup} searches in {warmupWatch.Elapsed.TotalSeconds:N1} s before the classes. Host speed: SHA-256 of 16 MB in {HostSpeed():N1} ms (fastest of 7; the same work on every run, so runs on different days can be compared)."));
Console.WriteLine();
Console.WriteLine("| queries | runs | median ms | p95 ms | max ms | bench CPU ms a query | median total hits | over 10,000 hits | steal % | CPU pressure % |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
foreach (var (name, next) in classes)
{
    for (var w = 0; w < 10; w++)
        await index.SearchAsync(next(), SearchAccess.Public);
    var times = new List<double>();
    var totals = new List<int>();
    var capped = 0;
    var slowest = new List<(double Ms, string Query)>();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var hostBefore = HostCpu.Read();
    for (var r = 0; r < queries; r++)
    {
        var request = next();
        var watch = Stopwatch.StartNew();
        var results = await index.SearchAsync(request, SearchAccess.Public);
        times.Add(watch.Elapsed.TotalMilliseconds);
        totals.Add(results.Total);
        capped += results.IsTotalCapped ? 1 : 0;
        slowest.Add((watch.Elapsed.TotalMilliseconds, string.Create(CultureInfo.InvariantCulture, $"{request.Text} forum={request.ForumCode} {request.From}-{request.To} kle={request.KleSubject} hits={results.Total}")));
    }

    var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / queries;
    var host = HostCpu.Between(hostBefore, HostCpu.Read());
    times.Sort();
    totals.Sort();
    foreach (var (ms, query) in slowest.OrderByDescending(x => x.Ms).Take(3))
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slow {name}: {ms:N1} ms {query}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {queries} | {Percentile(times, 0.5):N1} | {Percentile(times, 0.95):N1} | {times[^1]:N1} | {cpuPerQuery:N1} | {MedianTotal(totals, capped)} | {capped} | {host.Steal} | {host.Pressure} |"));
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load average at end: {LoadAverage()}; CPU pressure: {CpuPressure()}."));

return 0;

async Task BuildAsync()
{
    var forums = Enumerable.Range(0, generator.ForumCount).Select(i => new Forum("F" + i.ToString("D2", CultureInfo.InvariantCulture), "Forum " + i.ToString(CultureInfo.InvariantCulture))).ToList();
    db.Forums.AddRange(forums);
    await db.SaveChangesAsync();

    const int itemsPerMeeting = 10;
    var meetingCount = (items + itemsPerMeeting - 1) / itemsPerMeeting;
    var itemId = 0;

    // Each forum's meetings spread evenly over twenty years (2006-2025), at most one a day.
    var spacing = Math.Max(1, 7300 / Math.Max(1, meetingCount / forums.Count));
    var details = new MeetingDetails(new TimeOnly(9, 0), "Rådhuset", DocumentKind.Minutes, DocumentTemplate.Standard2016);
    for (var first = 0; first < meetingCount; first += 2000)
    {
        db.Forums.AttachRange(forums);
        var meetings = Enumerable.Range(first, Math.Min(2000, meetingCount - first))
            .Select(m => new Meeting(forums[m % forums.Count], new DateOnly(2006, 1, 1).AddDays(m / forums.Count * spacing), details))
            .ToList();
        db.Meetings.AddRange(meetings);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var documents = new List<SearchDocument>();
        foreach (var meeting in meetings)
        {
            for (var n = 1; n <= itemsPerMeeting && itemId < items; n++)
                documents.Add(generator.Document(++itemId, meeting.Id, meeting.ForumId, meeting.Date, n));
        }

        if (db.Provider == StorageProvider.Sqlite)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await index.AddAsync(documents);
            await transaction.CommitAsync();
        }
        else
        {
            await PostgresBulk.CopyAsync(storage.ConnectionString, documents, first == 0);
        }

        if (first % 20000 == 0)
            Console.Error.WriteLine($"  {itemId:N0} items");
    }

    if (db.Provider == StorageProvider.Sqlite)
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"SearchFts\"(\"SearchFts\") VALUES ('optimize')");
    else
        await PostgresBulk.FinishAsync(storage.ConnectionString);
}

async Task<string> IndexSizeAsync()
{
    var connection = db.Database.GetDbConnection();
    await db.Database.OpenConnectionAsync();
    await using var command = connection.CreateCommand();
    if (db.Provider == StorageProvider.Sqlite)
    {
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await command.ExecuteNonQueryAsync();
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
        command.CommandText = "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name LIKE 'SearchFts%'";
        string fts;
        try
        {
            fts = Megabytes(Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            fts = "unknown (no dbstat)";
        }

        return $"database file {Megabytes(new FileInfo(path).Length)}, of which the FTS5 index {fts}";
    }

    command.CommandText = "SELECT pg_total_relation_size('\"SearchDocuments\"'), pg_relation_size('\"IX_SearchDocuments_SearchVector_TagVector\"')";
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return $"SearchDocuments with indexes and TOAST {Megabytes(reader.GetInt64(0))}, of which the GIN index {Megabytes(reader.GetInt64(1))}";
}

// Capped totals (the limit) sort last; when the median is one of them, print "> 10,000".
static string MedianTotal(List<int> totals, int capped) =>
    capped >= totals.Count - (totals.Count / 2) ? "> " + SearchResults.CountLimit.ToString("N0", CultureInfo.InvariantCulture) : totals[totals.Count / 2].ToString("N0", CultureInfo.InvariantCulture);

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

// The share of time some task waited for a CPU (Linux PSI, "some" over 10 and 60 s). On a virtual
// machine it also shows the host's contention, which the load average does not: the numbers of a run
// with high pressure are not comparable with a quiet one.
static string CpuPressure()
{
    if (!File.Exists("/proc/pressure/cpu"))
        return "unknown";
    var some = File.ReadLines("/proc/pressure/cpu").First().Split(' ');
    return string.Join(' ', some.Skip(1).Take(2)) + " %";
}

// A whole-number option of at least the minimum, or null after saying what is wrong.
int? Number(string option, string fallback, int minimum)
{
    var text = options.GetValueOrDefault(option, fallback);
    if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        return value;
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{option} must be a whole number of at least {minimum}, not \"{text}\"."));
    return null;
}

// A fixed piece of CPU work: SHA-256 over 16 MB, in native code (no JIT whose output differs from
// run to run). The host's speed varies from day to day with nothing of ours running (see
// docs/benchmarks.md); this says which kind of day a run had.
static double HostSpeed()
{
    var data = new byte[16 * 1024 * 1024];
    new Random(3).NextBytes(data);
    var fastest = double.MaxValue;
    for (var pass = 0; pass < 7; pass++)
    {
        var watch = Stopwatch.StartNew();
        System.Security.Cryptography.SHA256.HashData(data);
        fastest = Math.Min(fastest, watch.Elapsed.TotalMilliseconds);
    }

    return fastest;
}

// How long an idle thread-pool worker spins before it sleeps (ADR 0010): the runtimeconfig's value
// (0, from Directory.Build.props), unless DOTNET_ThreadPool_UnfairSemaphoreSpinLimit overrides it.
// The runtime reads that variable as hexadecimal: 46 is its default of 70.
static string SpinLimit() =>
    Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") is { } variable
        && int.TryParse(variable, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var fromEnvironment)
        ? fromEnvironment.ToString(CultureInfo.InvariantCulture) + " (environment)"
        : AppContext.GetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit") is { } configured ? configured + " (runtimeconfig)"
        : "70 (runtime default)";

static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string FindRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Dagsorden.sln")))
            return directory.FullName;
    }

    return Directory.GetCurrentDirectory();
}
