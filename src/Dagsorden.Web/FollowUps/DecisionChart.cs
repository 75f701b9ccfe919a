using System.Globalization;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;

namespace Dagsorden.Web.FollowUps;

/// <summary>One outcome's share of a year's bar.</summary>
public sealed record ChartSegment(DecisionOutcome Outcome, int Count, string Y, string Height, string Fill);

/// <summary>One year's stacked bar.</summary>
public sealed record ChartBar(int Year, int Total, string X, string LabelX, string TotalY, IReadOnlyList<ChartSegment> Segments);

/// <summary>
/// Decisions per year by outcome as a stacked bar chart, laid out here and drawn by the page as inline
/// SVG: no chart library, nothing fetched from elsewhere, and the same numbers in a table beside it.
/// Coordinates are written with the invariant culture, since "12,5" is not an SVG number.
/// </summary>
public sealed class DecisionChart
{
    public const int Height = 260;
    public const int PlotTop = 24;
    public const int PlotBottom = 220;
    private const int BarWidth = 36;
    private const int BarGap = 28;
    private const int Left = 16;

    // Colours told apart also by people with the common colour-vision deficiencies, each dark enough for white text beside it.
    private static readonly Dictionary<DecisionOutcome, string> Fills = new()
    {
        [DecisionOutcome.Approved] = "#1f5f99",
        [DecisionOutcome.ApprovedWithRemarks] = "#5b9bd5",
        [DecisionOutcome.Noted] = "#b35900",
        [DecisionOutcome.Discussed] = "#6b8e23",
        [DecisionOutcome.Postponed] = "#7a4fa3",
        [DecisionOutcome.Rejected] = "#a40000",
        [DecisionOutcome.NothingToReport] = "#6c6f73",
        [DecisionOutcome.Other] = "#3d3d3d",
    };

    private DecisionChart(IReadOnlyList<int> years, IReadOnlyList<DecisionOutcome> outcomes, IReadOnlyList<ChartBar> bars, IReadOnlyList<DecisionCount> counts)
    {
        Years = years;
        Outcomes = outcomes;
        Bars = bars;
        _counts = counts;
    }

    private readonly IReadOnlyList<DecisionCount> _counts;

    public IReadOnlyList<int> Years { get; }

    /// <summary>The outcomes that occur, in the order the legend and the table list them.</summary>
    public IReadOnlyList<DecisionOutcome> Outcomes { get; }

    public IReadOnlyList<ChartBar> Bars { get; }

    public int Width => Left * 2 + Math.Max(1, Years.Count) * (BarWidth + BarGap);

    public int Total => _counts.Sum(c => c.Count);

    public static string FillOf(DecisionOutcome outcome) => Fills[outcome];

    public int Count(int year, DecisionOutcome outcome) => _counts.FirstOrDefault(c => c.Year == year && c.Outcome == outcome)?.Count ?? 0;

    public int CountOfYear(int year) => _counts.Where(c => c.Year == year).Sum(c => c.Count);

    /// <summary>"2025: 14 beslutninger (9 godkendt, 5 taget til efterretning); …", the chart in words for screen readers.</summary>
    public string Description => string.Join("; ", Years.Select(year =>
        $"{year.ToString(CultureInfo.InvariantCulture)}: {Decisions(CountOfYear(year))} ({string.Join(", ", Outcomes.Where(o => Count(year, o) > 0).Select(o => Count(year, o).ToString(CultureInfo.InvariantCulture) + " " + o.Danish().ToLowerInvariant()))})"));

    public static string Decisions(int count) => count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " beslutning" : " beslutninger");

    public static DecisionChart From(IReadOnlyList<DecisionCount> counts)
    {
        var years = counts.Select(c => c.Year).Distinct().Order().ToList();
        var outcomes = Enum.GetValues<DecisionOutcome>().Where(o => counts.Any(c => c.Outcome == o && c.Count > 0))
            .OrderBy(o => DecisionOutcomes.Recordable.Contains(o) ? DecisionOutcomes.Recordable.ToList().IndexOf(o) : 100 + (int)o)
            .ToList();
        var max = Math.Max(1, years.Count == 0 ? 1 : years.Max(y => counts.Where(c => c.Year == y).Sum(c => c.Count)));
        var scale = (double)(PlotBottom - PlotTop) / max;
        var bars = new List<ChartBar>();
        for (var index = 0; index < years.Count; index++)
        {
            var year = years[index];
            var x = Left + index * (BarWidth + BarGap) + BarGap / 2.0;
            var top = (double)PlotBottom;
            var segments = new List<ChartSegment>();
            foreach (var outcome in outcomes)
            {
                var count = counts.Where(c => c.Year == year && c.Outcome == outcome).Sum(c => c.Count);
                if (count == 0)
                    continue;
                var height = count * scale;
                top -= height;
                segments.Add(new ChartSegment(outcome, count, Number(top), Number(height), Fills[outcome]));
            }

            bars.Add(new ChartBar(year, counts.Where(c => c.Year == year).Sum(c => c.Count), Number(x), Number(x + BarWidth / 2.0), Number(top - 6), segments));
        }

        return new DecisionChart(years, outcomes, bars, counts);
    }

    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string BarWidthText => BarWidth.ToString(CultureInfo.InvariantCulture);
}
