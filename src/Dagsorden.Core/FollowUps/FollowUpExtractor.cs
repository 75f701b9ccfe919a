using System.Globalization;
using System.Text.RegularExpressions;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.FollowUps;

/// <summary>A forum the extractor may name as a target, with the other names minutes use for it.</summary>
public sealed record KnownForum(int Id, string Code, string Name, IReadOnlyList<string> Aliases);

/// <summary>
/// Reads the commitments out of a decision's Danish text, by rules rather than a model, so that a
/// secretary can see why a sentence was suggested. A sentence is a commitment when it has
/// <list type="bullet">
/// <item>a phrase of return ("fremlægges", "behandles", "sendes til orientering", "vender tilbage",
/// "tage stilling til", "igen" …) together with an anchor: a forum, a date or time, or "næste møde";</item>
/// <item>or a forum it goes to ("på chefforum", "i Økonomiudvalget") and a coming time, in a sentence
/// that does not tell of the past;</item>
/// <item>or a piece of work ("udarbejdes", "lægges en plan") and a coming time, likewise.</item>
/// </list>
/// A commitment whose target forum is not one we know gives no candidate: a wrong forum would be
/// worse than none, since the secretary trusts what is prefilled.
/// </summary>
public sealed partial class FollowUpExtractor
{
    /// <summary>
    /// Names the minutes use for forums besides their code and name, matched to a stored forum by its
    /// code or name. A forum named here but not stored is still recognised as a forum, and so never
    /// taken for a known one.
    /// </summary>
    public static IReadOnlyList<KnownForum> CommonForums { get; } =
    [
        new(0, "CF", "Chefforum", []),
        new(0, "ØU", "Økonomiudvalget", ["Økonomiudvalg"]),
        new(0, "KMED", "KommuneMED", ["Kommune-MED", "HovedMED", "Hoved-MED"]),
        new(0, "DF", "Direktørforum", []),
        new(0, "LF", "Lederforum", []),
        new(0, "KB", "Kommunalbestyrelsen", ["Byrådet"]),
    ];

    // A date this far ahead of the meeting, when read into next year, is still a plan ("den 15.
    // januar" said in December); further ahead it is a reference to the past ("mødet den 10. august"
    // said on 18 August).
    private const int DaysAheadForNextYear = 183;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "d", "bl.a", "jf", "ca", "fx", "f.eks", "kl", "nr", "pkt", "mht", "mhp", "m.h.p", "evt", "inkl", "ift",
        "i.f.t", "pt", "dvs", "m.fl", "mv", "m.v", "vedr", "ang", "afd", "tlf", "st", "ekskl", "max", "min",
    };

    private static readonly HashSet<string> GenericForumWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "forum", "forums", "forummet", "forummets", "udvalg", "udvalget", "udvalgets", "rådet", "rådets",
    };

    private readonly IReadOnlyList<KnownForum> _forums;
    private readonly List<(KnownForum Forum, Regex Pattern)> _patterns;

    public FollowUpExtractor(IEnumerable<KnownForum> forums)
    {
        _forums = forums.ToList();
        _patterns = _forums.SelectMany(f => NamesOf(f).Select(name => (f, NamePattern(name, f.Code == name)))).ToList();
    }

    /// <summary>The stored forums, each with its names from <see cref="CommonForums"/>.</summary>
    public static async Task<FollowUpExtractor> LoadAsync(DagsordenDbContext db, CancellationToken cancellationToken = default)
    {
        var stored = await db.Forums.AsNoTracking().Select(f => new { f.Id, f.Code, f.Name }).ToListAsync(cancellationToken);
        return new FollowUpExtractor(stored.Select(f => WithCommonNames(f.Id, f.Code, f.Name)));
    }

    public static KnownForum WithCommonNames(int id, string code, string name)
    {
        var common = CommonForums.FirstOrDefault(c =>
            string.Equals(c.Code, code, StringComparison.Ordinal) || string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        var aliases = common is null
            ? []
            : new[] { common.Code, common.Name }.Concat(common.Aliases)
                .Where(a => !string.Equals(a, code, StringComparison.Ordinal) && !string.Equals(a, name, StringComparison.OrdinalIgnoreCase))
                .ToList();
        return new KnownForum(id, code, name, aliases);
    }

    /// <summary>The known forum a candidate names (<see cref="FollowUpCandidate.ForumName"/> is always a known forum's name).</summary>
    public KnownForum? Forum(string? name) =>
        name is null ? null : _forums.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <param name="text">The decision as plain text, one paragraph or list item a line.</param>
    /// <param name="meetingDate">Dates without a year are read against it.</param>
    /// <param name="ownForum">The deciding forum: "forummet", "næste møde" and a bare "igen" point to it.</param>
    public IReadOnlyList<FollowUpCandidate> Extract(string text, DateOnly meetingDate, KnownForum? ownForum)
    {
        var candidates = new List<FollowUpCandidate>();
        foreach (var sentence in Sentences(text))
        {
            if (Read(sentence, meetingDate, ownForum) is { } candidate)
                candidates.Add(candidate);
        }

        return candidates;
    }

    public static IEnumerable<string> Sentences(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var start = 0;
            foreach (Match end in SentenceEndPattern().Matches(line))
            {
                if (!EndsSentence(line, end.Index))
                    continue;
                var sentence = line[start..(end.Index + 1)].Trim();
                if (sentence.Length > 0)
                    yield return sentence;
                start = end.Index + end.Length;
            }

            var rest = line[start..].Trim();
            if (rest.Length > 0)
                yield return rest;
        }
    }

    private FollowUpCandidate? Read(string sentence, DateOnly meetingDate, KnownForum? ownForum)
    {
        var returnPhrase = ReturnPattern().Matches(sentence).FirstOrDefault(m => !IsNegated(sentence, m));
        var tellsOfPast = PastPattern().Matches(sentence).Any(m => !NotPastWords.Contains(m.Value));
        var again = AgainPattern().Matches(sentence).FirstOrDefault(m => !IsNegated(sentence, m));
        var returnAt = returnPhrase?.Index ?? (again is not null && !tellsOfPast ? again.Index : (int?)null);

        var mentions = Mentions(sentence, ownForum);
        var times = Times(sentence, meetingDate);
        var nextMeeting = NextMeetingPattern().IsMatch(sentence);
        var coming = times.Where(t => !t.Past).ToList();
        var hasTime = coming.Count > 0 || nextMeeting;

        var target = ChooseTarget(mentions, returnAt);
        var isCommitment =
            (returnAt is not null && (target is not null || hasTime || again is not null))
            || (!tellsOfPast && hasTime && target is { Prepositional: true })
            || (!tellsOfPast && coming.Count > 0 && WorkPattern().IsMatch(sentence));
        if (!isCommitment)
            return null;
        if (target is { Forum: null })
            return null;

        var forum = target?.Forum;
        if (forum is null && (nextMeeting || (again is not null && returnAt is not null)))
            forum = ownForum;

        var after = returnAt ?? 0;
        var dated = coming.Where(t => t.Date is not null).ToList();
        var due = (dated.FirstOrDefault(t => t.Index >= after) ?? dated.FirstOrDefault())?.Date;
        var relative = coming.FirstOrDefault(t => t.Relative)?.Text;
        if (forum is null && due is null && relative is null && !nextMeeting)
            return null;
        return new FollowUpCandidate(Shorten(sentence), due, relative, forum?.Name, nextMeeting);
    }

    private sealed record Mention(int Index, KnownForum? Forum, bool Prepositional);

    /// <summary>A time in the sentence; <see cref="Past"/> marks a date that has been, which is no due date.</summary>
    private sealed record TimeMention(int Index, string Text, DateOnly? Date, bool Relative, bool Past = false);

    /// <summary>
    /// The forum the commitment goes to: the first one after a preposition ("for chefforum", "i
    /// Økonomiudvalget"), preferring one after the phrase of return; else a named one ("chefforum
    /// tager stilling til"). A null <see cref="Mention.Forum"/> is a forum we do not know.
    /// </summary>
    private static Mention? ChooseTarget(List<Mention> mentions, int? returnAt)
    {
        var prepositional = mentions.Where(m => m.Prepositional).ToList();
        if (prepositional.Count > 0)
            return prepositional.FirstOrDefault(m => m.Index > (returnAt ?? int.MaxValue)) ?? prepositional[0];
        return mentions.FirstOrDefault(m => m.Forum is not null) ?? mentions.FirstOrDefault();
    }

    private List<Mention> Mentions(string sentence, KnownForum? ownForum)
    {
        var found = new List<(int Start, int End, KnownForum? Forum)>();
        foreach (var (forum, pattern) in _patterns)
        {
            foreach (Match m in pattern.Matches(sentence))
            {
                if (!found.Any(f => m.Index < f.End && f.Start < m.Index + m.Length))
                    found.Add((m.Index, m.Index + m.Length, forum));
            }
        }

        if (ownForum is not null)
        {
            foreach (Match m in OwnForumPattern().Matches(sentence))
                found.Add((m.Index, m.Index + m.Length, ownForum));
        }

        foreach (Match m in ForumWordPattern().Matches(sentence))
        {
            if (found.Any(f => m.Index < f.End && f.Start < m.Index + m.Length) || GenericForumWords.Contains(m.Value))
                continue;
            found.Add((m.Index, m.Index + m.Length, CloseMisspelling(m.Value)));
        }

        return found
            .OrderBy(f => f.Start)
            .Select(f => new Mention(f.Start, f.Forum, PrepositionPattern().IsMatch(sentence[..f.Start])))
            .ToList();
    }

    /// <summary>
    /// A forum name off by one letter ("Økonmiudvalget" in the real minutes of 18-08-2016). Only long
    /// names qualify, where one letter cannot turn one forum's name into another's.
    /// </summary>
    private KnownForum? CloseMisspelling(string word)
    {
        if (word.Length < 8)
            return null;
        var lower = word.ToLowerInvariant();
        var matches = _forums
            .Where(f => NamesOf(f).Any(n => n.Length >= 8 && Forms(n.ToLowerInvariant()).Any(form => EditDistanceAtMostOne(lower, form))))
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static IEnumerable<string> Forms(string name) => [name, name + "s", name + "et", name + "ets", name + "met"];

    private static List<TimeMention> Times(string sentence, DateOnly meetingDate)
    {
        var times = new List<TimeMention>();
        foreach (Match m in DatePattern().Matches(sentence))
        {
            var month = DanishDates.ParseMonth(m.Groups["month"].Value)!.Value;
            times.Add(Dated(m, DayOf(m.Groups["day"].Value, month, m.Groups["year"].Value, meetingDate), false));
        }

        foreach (Match m in NumericDatePattern().Matches(sentence))
        {
            var month = int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12)
                times.Add(Dated(m, DayOf(m.Groups["day"].Value, month, m.Groups["year"].Value, meetingDate), false));
        }

        foreach (Match m in MonthPattern().Matches(sentence))
        {
            if (times.Any(t => t.Index <= m.Index && m.Index < t.Index + t.Text.Length))
                continue;
            var month = DanishDates.ParseMonth(m.Groups["month"].Value)!.Value;
            var end = new DateOnly(meetingDate.Year, month, DateTime.DaysInMonth(meetingDate.Year, month));
            times.Add(Dated(m, Coming(end, meetingDate), false));
        }

        foreach (Match m in WeekPattern().Matches(sentence))
        {
            var week = int.Parse(m.Groups["week"].Value, CultureInfo.InvariantCulture);
            if (week is < 1 or > 53 || week > ISOWeek.GetWeeksInYear(meetingDate.Year))
                continue;
            var friday = DateOnly.FromDateTime(ISOWeek.ToDateTime(meetingDate.Year, week, DayOfWeek.Friday));
            times.Add(Dated(m, Coming(friday, meetingDate), true));
        }

        foreach (var (pattern, due) in RelativeTimes)
        {
            foreach (Match m in pattern.Matches(sentence))
                times.Add(new TimeMention(m.Index, m.Value, due?.Invoke(meetingDate), true));
        }

        return times.OrderBy(t => t.Index).ToList();
    }

    private static TimeMention Dated(Match match, DateOnly? date, bool relative) => new(match.Index, match.Value, date, relative, date is null);

    /// <summary>
    /// Relative times and the due date each gives, where one is well defined. Mid-August is when the
    /// municipality is back after the summer holiday; the last working day before Christmas Eve ends
    /// "inden jul". Seasons ("i foråret") are kept as words only.
    /// </summary>
    private static readonly (Regex Pattern, Func<DateOnly, DateOnly?>? Due)[] RelativeTimes =
    [
        (Relative(@"sidst på året|i slutningen af (?:året|\d{4})|(?:ved|inden|før) (?:årets udgang|udgangen af året|årsskiftet)|ultimo året|inden året er omme"),
            m => new DateOnly(m.Year, 12, 31)),
        (Relative(@"efter sommer(?:ferien|en)"), m => Next(new DateOnly(m.Year, 8, 15), m)),
        (Relative(@"(?:inden|før) sommer(?:ferien|en)"), m => Next(new DateOnly(m.Year, 6, 30), m)),
        (Relative(@"(?:inden|før) jul(?:eferien|en)?"), m => Next(new DateOnly(m.Year, 12, 23), m)),
        (Relative(@"efter (?:nytår|jul(?:eferien)?)|i det nye år"), m => Next(new DateOnly(m.Year, 1, 15), m)),
        (Relative(@"(?:inden|før) efterårsferien"), m => Next(new DateOnly(m.Year, 10, 10), m)),
        (Relative(@"efter efterårsferien"), m => Next(new DateOnly(m.Year, 10, 31), m)),
        (Relative(@"(?:i|til|i løbet af|hen over) (?:foråret|sommeren|efteråret|vinteren)|(?:senere|sidst) på (?:foråret|efteråret)|næste år|til næste år|i det kommende år"), null),
    ];

    private static Regex Relative(string pattern) =>
        new(@"(?<![\p{L}\d])(?:" + pattern + @")(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static DateOnly? DayOf(string dayText, int month, string yearText, DateOnly meetingDate)
    {
        var day = int.Parse(dayText, CultureInfo.InvariantCulture);
        if (yearText.Length > 0)
        {
            var year = int.Parse(yearText, CultureInfo.InvariantCulture);
            year = year < 100 ? 2000 + year : year;
            return day >= 1 && year is >= 1900 and <= 9999 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        }

        if (day < 1)
            return null;
        // 29 February is valid in some years only, so each year is tried on its own.
        if (day <= DateTime.DaysInMonth(meetingDate.Year, month) && new DateOnly(meetingDate.Year, month, day) is var sameYear && sameYear > meetingDate)
            return sameYear;
        var nextYear = meetingDate.Year + 1;
        return day <= DateTime.DaysInMonth(nextYear, month) && new DateOnly(nextYear, month, day) is var next
            && next.DayNumber - meetingDate.DayNumber <= DaysAheadForNextYear
            ? next
            : null;
    }

    /// <summary>A holiday or season's next occurrence: "efter sommerferien" said in September is next August.</summary>
    private static DateOnly Next(DateOnly date, DateOnly meetingDate) => date > meetingDate ? date : date.AddYears(1);

    /// <summary>The date itself when it is still to come; next year's when that is within half a year; else null (a date in the past).</summary>
    private static DateOnly? Coming(DateOnly date, DateOnly meetingDate)
    {
        if (date > meetingDate)
            return date;
        var next = date.AddYears(1);
        return next.DayNumber - meetingDate.DayNumber <= DaysAheadForNextYear ? next : null;
    }

    private static bool IsNegated(string sentence, Match phrase)
    {
        var clauseStart = sentence.LastIndexOf(',', phrase.Index) + 1;
        var before = sentence[clauseStart..phrase.Index];
        var after = sentence[(phrase.Index + phrase.Length)..];
        return NegationBeforePattern().IsMatch(before) || NegationAfterPattern().IsMatch(after);
    }

    private static bool EndsSentence(string line, int periodIndex)
    {
        if (line[periodIndex] != '.')
            return true;
        var wordStart = periodIndex;
        while (wordStart > 0 && (char.IsLetterOrDigit(line[wordStart - 1]) || line[wordStart - 1] == '.'))
            wordStart--;
        var word = line[wordStart..periodIndex];
        if (Abbreviations.Contains(word))
            return false;
        // "den 22. Oktober" and "punkt 3. Sagen": a number ends no sentence unless a word came before it.
        if (word.Length > 0 && word.All(char.IsDigit))
        {
            var next = line[(periodIndex + 1)..].TrimStart();
            var nextWord = new string(next.TakeWhile(char.IsLetter).ToArray());
            return DanishDates.ParseMonth(nextWord) is null;
        }

        return true;
    }

    private static string Shorten(string sentence) =>
        sentence.Length <= FollowUp.MaxTextLength ? sentence : sentence[..(FollowUp.MaxTextLength - 1)] + "…";

    private static IEnumerable<string> NamesOf(KnownForum forum) => new[] { forum.Code, forum.Name }.Concat(forum.Aliases).Distinct(StringComparer.Ordinal);

    private static Regex NamePattern(string name, bool isCode) =>
        isCode
            // Codes are capitals in text ("hos CF"); in lower case "cf" or "df" may be anything.
            ? new Regex(@"(?<![\p{L}\d])" + Regex.Escape(name) + @"(?![\p{L}\d])", RegexOptions.CultureInvariant)
            : new Regex(@"(?<![\p{L}\d])" + Regex.Escape(name) + @"(?:s|et|ets|met|mets|en|ens)?(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
            return false;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
            i++;
        if (i == a.Length || i == b.Length)
            return true;
        if (a.Length == b.Length)
        {
            // One substitution, or two neighbours swapped.
            return a[(i + 1)..] == b[(i + 1)..]
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..] == b[(i + 2)..]);
        }

        return a.Length > b.Length ? a[(i + 1)..] == b[i..] : a[i..] == b[(i + 1)..];
    }

    private static readonly HashSet<string> NotPastWords = new(StringComparer.OrdinalIgnoreCase) { "allerede", "stede", "rede", "hede", "bede", "kede" };

    [GeneratedRegex(@"[.!?](?=\s+[\p{Lu}\d""„«])")]
    private static partial Regex SentenceEndPattern();

    // Verb forms that look ahead: the present passive ("fremlægges") and the infinitive after a modal.
    [GeneratedRegex(
        @"(?<![\p{L}])(?:gen)?(?:fremlægges|forelægges|præsenteres|behandles|genoptages|genbesøges|drøftes (?:igen|på|i|senere)|tages op (?:igen|på|i)|følges op (?:på|i)"
        + @"|(?:sendes|oversendes|videresendes|fremsendes|går|gå) (?:videre )?til (?:orientering|godkendelse|høring|behandling|beslutning|udtalelse|drøftelse)"
        + @"|indstilles til|vende[rs]? tilbage|komme[rs]? tilbage|tage[rs]? stilling til|tages stilling til|(?:senere|fornyet|ny) drøftelse"
        + @"|på dagsordenen igen|sættes på dagsordenen|afrapporteres|forelægges)(?![\p{L}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReturnPattern();

    [GeneratedRegex(@"(?<![\p{L}])igen(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgainPattern();

    [GeneratedRegex(@"(?<![\p{L}])(?:udarbejdes|lægges en plan|planlægges|evalueres|gøres status|følges op|færdiggøres|afsluttes)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorkPattern();

    // The past tense of the minutes' reporting ("blev behandlet", "drøftede", "godkendte", "tog").
    [GeneratedRegex(@"(?<![\p{L}])(?:blev|var|havde|har været|er blevet|tog|gav|kom|fik|vedtog|aftalte|godkendte|fremlagde|lagde|sendte|\p{L}{2,}ede)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastPattern();

    [GeneratedRegex(@"(?<![\p{L}])(?:næste|førstkommende|kommende) (?:møde|forumsmøde)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NextMeetingPattern();

    [GeneratedRegex(@"(?<![\p{L}])forummet(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnForumPattern();

    // Words that name a forum by their ending: "Børneudvalget", "Lederforum", "Handicaprådet", "KommuneMED".
    [GeneratedRegex(@"(?<![\p{L}])(?:\p{L}*(?:forum|forummet|forums|udvalg|udvalget|udvalgets|rådet|rådets|bestyrelsen|bestyrelsens)|\p{L}+-?MED)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex ForumWordPattern();

    [GeneratedRegex(@"(?<![\p{L}])(?:på|i|for|hos|til|af|forelægges)\s+(?:det |den )?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrepositionPattern();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?:den|d\.)\s*)?(?<day>\d{1,2})\.\s*(?<month>januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)(?:\s+(?<year>\d{4}))?(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    // "14/6" and "14.6." only after a word that introduces a date: bare, they may be fractions or scores.
    [GeneratedRegex(@"(?<![\p{L}])(?:den|d\.|senest|inden|til|på|pr\.)\s*(?<day>\d{1,2})[/.](?<month>\d{1,2})(?:[/.-](?<year>\d{4}|\d{2}))?\.?(?![\d/])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumericDatePattern();

    [GeneratedRegex(@"(?<![\p{L}])(?:i|ultimo|slut|sidst i|i slutningen af|inden udgangen af|senest i|i løbet af)\s+(?<month>januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"(?<![\p{L}])(?:i|inden|senest i|til) uge (?<week>\d{1,2})(?![\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"(?<![\p{L}])(?:ikke|aldrig|ingen)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegationBeforePattern();

    [GeneratedRegex(@"^\s+(?:ikke|aldrig)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegationAfterPattern();
}
