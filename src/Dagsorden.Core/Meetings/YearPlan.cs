namespace Dagsorden.Core.Meetings;

/// <summary>
/// The yearly meeting plan ("årshjul") as a rule: from the first date, every
/// <see cref="IntervalWeeks"/> weeks on the same weekday until <see cref="Until"/>, leaving out the
/// months in <see cref="ExcludedMonths"/> (e.g. July).
/// </summary>
public sealed record YearPlan(DateOnly First, int IntervalWeeks, DateOnly Until, IReadOnlySet<int> ExcludedMonths)
{
    public const int MaxMeetings = 200;

    public IReadOnlyList<DateOnly> Dates()
    {
        if (IntervalWeeks is < 1 or > 52)
            throw new DomainException($"The interval must be 1-52 weeks; got {IntervalWeeks}.", "Intervallet skal være mellem 1 og 52 uger.");
        if (Until < First)
            throw new DomainException("The plan ends before it starts.", "Slutdatoen ligger før den første mødedato.");
        if (ExcludedMonths.Any(m => m is < 1 or > 12))
            throw new DomainException("Months are numbered 1-12.", "Ukendt måned blandt de udeladte.");

        var dates = new List<DateOnly>();
        for (var date = First; date <= Until; date = date.AddDays(7 * IntervalWeeks))
        {
            if (ExcludedMonths.Contains(date.Month))
                continue;
            dates.Add(date);
            if (dates.Count > MaxMeetings)
                throw new DomainException($"The plan gives more than {MaxMeetings} meetings.", $"Planen giver mere end {MaxMeetings} møder; vælg en kortere periode.");
        }

        return dates;
    }
}
