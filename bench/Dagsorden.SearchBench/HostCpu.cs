using System.Diagnostics;
using System.Globalization;

namespace Dagsorden.SearchBench;

/// <summary>
/// A reading of what the host takes from this machine: the hypervisor's steal time (CPU time given
/// to someone else, from /proc/stat) and the time in which some task here waited for a CPU (PSI's
/// "some" total, to which our own process and the database server add as well). Two readings around
/// a class say what contention its latencies were measured under, which the figures sampled at a
/// run's start and end cannot.
/// </summary>
internal readonly record struct HostCpu(long StealJiffies, long AllJiffies, long StallMicroseconds, long Timestamp)
{
    /// <summary>The reading now, or null where the kernel does not offer both files.</summary>
    public static HostCpu? Read()
    {
        if (!File.Exists("/proc/stat") || !File.Exists("/proc/pressure/cpu"))
            return null;

        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice": guest time is
        // already counted in user and nice, so the first eight are all of the time.
        var jiffies = File.ReadLines("/proc/stat").First()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Take(8)
            .Select(x => long.Parse(x, CultureInfo.InvariantCulture))
            .ToArray();
        var total = File.ReadLines("/proc/pressure/cpu").First()
            .Split(' ')
            .Single(x => x.StartsWith("total=", StringComparison.Ordinal));
        return new HostCpu(jiffies[7], jiffies.Sum(), long.Parse(total["total=".Length..], CultureInfo.InvariantCulture), Stopwatch.GetTimestamp());
    }

    /// <summary>Steal as a share of all CPU time, and CPU pressure as a share of wall time, between two readings, in percent; "unknown" without both readings, or when less than a clock tick of CPU time passed between them.</summary>
    public static (string Steal, string Pressure) Between(HostCpu? before, HostCpu? after)
    {
        if (before is not { } b || after is not { } a || a.AllJiffies == b.AllJiffies)
            return ("unknown", "unknown");
        var steal = 100.0 * (a.StealJiffies - b.StealJiffies) / (a.AllJiffies - b.AllJiffies);
        var wallMicroseconds = (a.Timestamp - b.Timestamp) * 1_000_000.0 / Stopwatch.Frequency;
        var pressure = 100.0 * (a.StallMicroseconds - b.StallMicroseconds) / wallMicroseconds;
        return (steal.ToString("N1", CultureInfo.InvariantCulture), pressure.ToString("N1", CultureInfo.InvariantCulture));
    }
}
