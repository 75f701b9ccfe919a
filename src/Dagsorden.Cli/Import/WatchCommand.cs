using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using Dagsorden.Core;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Import;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Cli.Import;

/// <summary>
/// import --watch DIR: imports each file or folder that lands in DIR once it has stopped growing,
/// then moves it to DIR/done or DIR/failed with NAME.log beside it. Exactly once across restarts:
/// every import records the SHA-256 of the delivery in the same transaction as the meeting, so a
/// delivery found again after a crash (imported, not yet moved) is only moved, never re-imported.
/// </summary>
internal static class WatchCommand
{
    public const string DoneFolder = "done";
    public const string FailedFolder = "failed";

    private static readonly string[] PartialSuffixes = [".tmp", ".part", ".partial", ".crdownload", ".log", ".swp"];

    public static async Task<int> RunAsync(CommandContext context, string folder, AttachmentStore attachments)
    {
        var settle = TimeSpan.FromSeconds(2);
        if (context.Arguments.Option("--settle") is { } settleText)
        {
            if (!double.TryParse(settleText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || seconds > 3600)
                throw new CliUsageException($"--settle takes seconds between 0 and 3600, e.g. 2 or 0.5; got '{settleText}'.");
            settle = TimeSpan.FromSeconds(seconds);
        }

        if (!Directory.Exists(folder))
            throw new DomainException($"{folder}: the drop folder does not exist.");
        Directory.CreateDirectory(Path.Combine(folder, DoneFolder));
        Directory.CreateDirectory(Path.Combine(folder, FailedFolder));
        var once = context.Arguments.HasFlag("--once");

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, s =>
        {
            s.Cancel = true;
            stop.Cancel();
        });

        await using var db = await DagsordenDatabase.OpenAsync(context.Storage);
        var importer = new MeetingImporter(db, attachments);
        await context.Output.WriteLineAsync($"watching {folder} (settle {settle.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s); processed deliveries go to {DoneFolder}/ or {FailedFolder}/");
        var seen = new Dictionary<string, (Snapshot Snapshot, DateTime Since)>(StringComparer.Ordinal);
        var failures = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var pending = Deliveries(folder).ToList();
                foreach (var gone in seen.Keys.Except(pending).ToList())
                    seen.Remove(gone);
                if (once && pending.Count == 0)
                    break;

                foreach (var path in pending)
                {
                    var snapshot = Snapshot.Of(path);
                    var now = DateTime.UtcNow;
                    if (snapshot is null)
                        continue;
                    if (!seen.TryGetValue(path, out var known) || known.Snapshot != snapshot.Value)
                    {
                        seen[path] = (snapshot.Value, now);
                        continue;
                    }

                    if (now - known.Since < settle)
                        continue;
                    seen.Remove(path);
                    if (!await ProcessAsync(context, importer, folder, path, stop.Token))
                        failures++;
                }

                var pause = TimeSpan.FromMilliseconds(Math.Clamp(settle.TotalMilliseconds / 4, 50, 1000));
                await Task.Delay(pause, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        return failures == 0 ? CliApp.Success : CliApp.Failure;
    }

    /// <summary>Imports one delivery and moves it; false when it went to failed/. Leaves it in place on a transient error.</summary>
    private static async Task<bool> ProcessAsync(CommandContext context, MeetingImporter importer, string folder, string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        string fingerprint;
        try
        {
            fingerprint = Fingerprints.Of(path);
        }
        catch (IOException e)
        {
            await context.Error.WriteLineAsync($"{name}: cannot read it yet ({e.Message}); will retry.");
            return true;
        }

        var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var earlier = await importer.FindRecordAsync(fingerprint, cancellationToken);
        if (earlier is not null)
        {
            var note = $"{stamp} {name}: already imported as {earlier.MeetingKey} at {earlier.ImportedAtUtc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} (same content, SHA-256 {fingerprint}); not imported again.";
            var target = MoveWithLog(folder, path, DoneFolder, note);
            await context.Output.WriteLineAsync($"{name}: {earlier.MeetingKey} already imported; moved to {DoneFolder}/{Path.GetFileName(target)}");
            return true;
        }

        try
        {
            var result = await importer.ImportFileAsync(path, cancellationToken, fingerprint);
            var lines = new List<string> { $"{stamp} {name}: {ImportCommand.Describe(result)}; SHA-256 {fingerprint}" };
            lines.AddRange((result.Warnings ?? []).Select(w => "warning: " + w));
            var target = MoveWithLog(folder, path, DoneFolder, string.Join('\n', lines));
            await context.Output.WriteLineAsync($"{name}: {ImportCommand.Describe(result)}; moved to {DoneFolder}/{Path.GetFileName(target)}");
            return true;
        }
        catch (DomainException e)
        {
            var reason = e is ImportException import ? ImportCommand.Relative(import, path, name) : $"{name}: {e.Message}";
            var target = MoveWithLog(folder, path, FailedFolder, $"{stamp} {reason}\nNothing was imported; the database is unchanged.");
            await context.Error.WriteLineAsync(reason);
            await context.Output.WriteLineAsync($"{name}: error, nothing imported; moved to {FailedFolder}/{Path.GetFileName(target)}");
            return false;
        }
        catch (Exception e) when (e is DbException or DbUpdateException or TimeoutException or IOException)
        {
            // The database or the disk is away for a moment: the delivery stays and is tried again.
            await context.Error.WriteLineAsync($"{name}: {e.GetType().Name}: {e.Message}; will retry.");
            return true;
        }
    }

    /// <summary>Moves the delivery to DIR/done or DIR/failed (a free name if taken) and appends the log beside it.</summary>
    private static string MoveWithLog(string folder, string path, string outcome, string log)
    {
        var name = Path.GetFileName(path);
        var target = Path.Combine(folder, outcome, name);
        for (var n = 2; File.Exists(target) || Directory.Exists(target); n++)
        {
            var extension = Directory.Exists(path) ? "" : Path.GetExtension(name);
            target = Path.Combine(folder, outcome, $"{name[..^extension.Length]} ({n}){extension}");
        }

        File.AppendAllText(target + ".log", log + "\n");
        if (Directory.Exists(path))
            Directory.Move(path, target);
        else
            File.Move(path, target);
        return target;
    }

    private static IEnumerable<string> Deliveries(string folder)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name is DoneFolder or FailedFolder || name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal))
                continue;
            if (PartialSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
                continue;
            yield return path;
        }
    }

    /// <summary>Size, count and newest write time of a file or a folder's files: equal snapshots a settle period apart mean it stopped growing.</summary>
    private readonly record struct Snapshot(long Size, int Files, DateTime LastWrite)
    {
        public static Snapshot? Of(string path)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    var files = new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
                    return new Snapshot(files.Sum(f => f.Length), files.Count, files.Count == 0 ? Directory.GetLastWriteTimeUtc(path) : files.Max(f => f.LastWriteTimeUtc));
                }

                var info = new FileInfo(path);
                return info.Exists ? new Snapshot(info.Length, 1, info.LastWriteTimeUtc) : null;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
