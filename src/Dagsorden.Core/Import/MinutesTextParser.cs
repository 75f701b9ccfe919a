using System.Globalization;
using System.Text.RegularExpressions;
using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Import;

/// <summary>
/// A meeting read from a document, not yet stored. <paramref name="ForumCodeIsSuggestion"/> marks a
/// code derived from the forum's name (case-system exports name the committee, not its code): the
/// forum is then found by name, and a new one gets the code or, if taken, a numbered variant.
/// </summary>
public sealed record ImportedMeeting(
    string ForumName,
    string ForumCode,
    DateOnly Date,
    MeetingDetails Details,
    IReadOnlyList<(int Number, ItemContent Content)> Items,
    bool ForumCodeIsSuggestion = false);

/// <summary>
/// Reads agenda and minutes text as extracted from the published PDFs, in both the 2014-15 and the
/// 2016+ template: header, table of contents, then "Punkt N: title" items with their case number and
/// sections. Section order and headings are kept as written; nothing is dropped.
/// </summary>
public static partial class MinutesTextParser
{
    public const string ToFollowNotice = "Dagsordenspunktet eftersendes.";

    public static ImportedMeeting Parse(string text, string file)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var cursor = 0;
        SkipBlank(lines, ref cursor);

        if (cursor >= lines.Length)
            throw new ImportException(file, null, "the file is empty.");
        var header = HeaderPattern().Match(lines[cursor].Trim());
        if (!header.Success)
            throw new ImportException(file, cursor + 1, $"expected a first line such as 'REFERAT Chefforum d. 18-08-2016', found '{Shorten(lines[cursor])}'.");
        if (!DateOnly.TryParseExact(header.Groups["date"].Value, "d-M-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new ImportException(file, cursor + 1, $"'{header.Groups["date"].Value}' is not a valid date (dd-mm-yyyy).");
        var kind = header.Groups["kind"].Value.Equals("REFERAT", StringComparison.OrdinalIgnoreCase) ? DocumentKind.Minutes : DocumentKind.Agenda;
        var forumName = header.Groups["forum"].Value.Trim();
        cursor++;

        TimeOnly? startTime = null;
        string? place = null;
        var headerNotes = new List<string>();
        var toc = new List<(int Line, string Title)>();
        var hasToc = false;
        var tocContinuation = new List<string>();
        for (SkipBlank(lines, ref cursor); cursor < lines.Length && !IsItemHeading(lines[cursor]); cursor++, SkipBlank(lines, ref cursor))
        {
            var line = lines[cursor].Trim();
            if (line.StartsWith("Mødedato", StringComparison.OrdinalIgnoreCase))
            {
                var dateLine = MeetingDatePattern().Match(line);
                if (!dateLine.Success)
                    throw new ImportException(file, cursor + 1, $"could not read the meeting date in '{Shorten(line)}'; expected e.g. 'Mødedato Torsdag d. 18. august 2016 kl. 09:00'.");
                var longDate = ReadLongDate(dateLine, file, cursor + 1);
                if (longDate != date)
                    throw new ImportException(file, cursor + 1, $"the meeting date {DanishDates.ShortDate(longDate)} differs from the date {DanishDates.ShortDate(date)} in the heading.");
                if (dateLine.Groups["time"].Success)
                    startTime = ReadTime(dateLine.Groups["time"].Value, file, cursor + 1);
            }
            else if (line.StartsWith("Mødested", StringComparison.OrdinalIgnoreCase))
            {
                place = line["Mødested".Length..].Trim();
            }
            else if (line.Equals("Indholdsfortegnelse", StringComparison.OrdinalIgnoreCase))
            {
                hasToc = true;
            }
            else if (hasToc)
            {
                // A long title can wrap onto several lines; only the last one ends in the dot leader.
                var entry = TocEntryPattern().Match(line);
                if (!entry.Success)
                {
                    tocContinuation.Add(line);
                    continue;
                }

                toc.Add((cursor + 1, string.Join('\n', tocContinuation.Append(entry.Groups["title"].Value.Trim()))));
                tocContinuation.Clear();
            }
            else
            {
                headerNotes.Add(line);
            }
        }

        // Lines after the last table-of-contents entry that end in no dot leader are not part of it.
        headerNotes.AddRange(tocContinuation);

        var items = new List<(int Number, ItemContent Content)>();
        var lastLine = cursor;
        while (cursor < lines.Length)
        {
            var headingLine = cursor;
            var heading = ItemHeadingPattern().Match(lines[cursor].Trim());
            var number = int.Parse(heading.Groups["number"].Value, CultureInfo.InvariantCulture);
            if (number < 1)
                throw new ImportException(file, cursor + 1, "item numbers start at 1.");
            cursor++;
            var body = new List<(int Line, string Text)>();
            while (cursor < lines.Length && !IsNextItemHeading(lines[cursor], number))
            {
                body.Add((cursor + 1, lines[cursor]));
                cursor++;
            }

            var tocTitle = items.Count < toc.Count ? toc[items.Count].Title : null;
            if (hasToc && tocTitle is null)
                throw new ImportException(file, headingLine + 1, $"item {number} is not in the table of contents, which lists {toc.Count} items.");
            var title = heading.Groups["title"].Value.Trim();
            if (title.Length == 0)
                throw new ImportException(file, headingLine + 1, $"item {number} has no title.");
            items.Add((number, ReadItem(number, title, tocTitle, body, date)));
            lastLine = cursor;
        }

        if (items.Count == 0)
            throw new ImportException(file, lastLine, "no items ('Punkt 1: …') were found; the document looks truncated or is not agenda or minutes text.");
        if (items.Count < toc.Count)
            throw new ImportException(file, lastLine, $"the document ends after item {items[^1].Number}, but its table of contents lists {toc.Count} items; the file looks truncated.");

        var contents = items.Select(i => i.Content).ToList();
        var template = contents.Any(c => c.Sections.Any(s => s.Kind == SectionKind.RepeatedTitle || SectionHeadings.IsClassicTemplateHeading(s.Heading)))
            ? DocumentTemplate.Classic2014
            : DocumentTemplate.Standard2016;
        var details = new MeetingDetails(startTime, place, kind, template, headerNotes.Count == 0 ? null : string.Join('\n', headerNotes));
        return new ImportedMeeting(forumName, ForumCode(forumName, contents), date, details, items);
    }

    private static ItemContent ReadItem(int number, string headingTitle, string? tocTitle, List<(int Line, string Text)> body, DateOnly meetingDate)
    {
        var closed = headingTitle.Equals(ClosedTitle, StringComparison.OrdinalIgnoreCase)
            && (tocTitle is null || tocTitle.Equals(ClosedTitle, StringComparison.OrdinalIgnoreCase));
        var (prefix, title) = closed ? (null, "") : ItemTitle.Split(headingTitle);
        var keptTocTitle = tocTitle is not null && !closed
            && (tocTitle.Contains('\n', StringComparison.Ordinal) || Collapse(tocTitle.TrimEnd('.')) != Collapse(headingTitle.TrimEnd('.')))
            ? tocTitle
            : null;

        var index = 0;
        while (index < body.Count && body[index].Text.Trim().Length == 0)
            index++;
        CaseNumber? caseNumber = null;
        if (index < body.Count && CaseNumber.LooksLikeCaseNumber(body[index].Text))
        {
            caseNumber = CaseNumber.Parse(body[index].Text);
            index++;
        }

        var segments = SplitSections(body.Skip(index).ToList(), headingTitle, prefix);
        var sections = new List<SectionContent>();
        var attachments = new List<AttachmentContent>();
        Recommendation? recommendation = null;
        Decision? decision = null;
        var toFollow = false;
        foreach (var segment in segments)
        {
            var lines = segment.Lines.Select(l => l.Text).ToList();
            var kind = segment.Kind;
            if ((kind == SectionKind.Recommendation && recommendation is not null)
                || (kind == SectionKind.Decision && decision is not null)
                || (kind == SectionKind.Attachments && sections.Any(s => s.Kind == SectionKind.Attachments)))
            {
                kind = SectionKind.Text;
            }

            switch (kind)
            {
                case SectionKind.Recommendation:
                    recommendation = Recommendation.FromBody(RichTextFormat.Parse(lines));
                    sections.Add(new SectionContent(kind, segment.Heading, RichText.Empty));
                    break;
                case SectionKind.Decision:
                    var decisionText = RichTextFormat.Parse(lines);
                    decision = new Decision(decisionText, DecisionClassifier.Classify(decisionText.ToPlainText()));
                    toFollow |= HasToFollowNotice(decisionText);
                    sections.Add(new SectionContent(kind, segment.Heading, RichText.Empty));
                    break;
                case SectionKind.Attachments:
                    attachments.AddRange(lines.Where(l => l.Trim().Length > 0).Select(l => new AttachmentContent(l.Trim(), !closed)));
                    sections.Add(new SectionContent(kind, segment.Heading, RichText.Empty));
                    break;
                case SectionKind.RepeatedTitle:
                    sections.Add(new SectionContent(kind, segment.Heading, RichText.Empty));
                    break;
                default:
                    var text = RichTextFormat.Parse(lines);
                    if (segment.Heading.Length == 0 && IsOnlyToFollowNotice(text))
                    {
                        toFollow = true;
                        break;
                    }

                    toFollow |= HasToFollowNotice(text);
                    if (segment.Heading.Length > 0 || !text.IsEmpty)
                        sections.Add(new SectionContent(SectionKind.Text, segment.Heading, text));
                    break;
            }
        }

        var minutesApproval = number == 1 ? MinutesApprovalReader.Read(recommendation, decision, meetingDate) : null;
        return new ItemContent(title, prefix, keptTocTitle, caseNumber, closed, toFollow, sections, recommendation, decision, attachments, minutesApproval);
    }

    private sealed record Segment(SectionKind Kind, string Heading, List<(int Line, string Text)> Lines);

    /// <summary>
    /// Splits an item's body at its section headings. Before the first content section (that is,
    /// in the preamble or among the attachments of the 2014-15 template), a line that repeats the
    /// item's title is the template's repeated title, not text.
    /// </summary>
    private static List<Segment> SplitSections(List<(int Line, string Text)> lines, string headingTitle, string? prefix)
    {
        var segments = new List<Segment>();
        var current = new Segment(SectionKind.Text, "", []);
        var seenContent = false;
        foreach (var line in lines)
        {
            var trimmed = line.Text.Trim();
            if (trimmed.Length == 0)
            {
                current.Lines.Add(line);
                continue;
            }

            if (!seenContent && IsRepeatedTitle(trimmed, headingTitle, prefix))
            {
                segments.Add(current);
                segments.Add(new Segment(SectionKind.RepeatedTitle, trimmed, []));
                current = new Segment(SectionKind.Text, "", []);
                continue;
            }

            if (SectionHeadings.Classify(trimmed) is { } kind)
            {
                segments.Add(current);
                current = new Segment(kind, trimmed, []);
                seenContent |= kind != SectionKind.Attachments;
                continue;
            }

            current.Lines.Add(line);
        }

        segments.Add(current);
        return segments.Where(s => s.Heading.Length > 0 || s.Kind == SectionKind.RepeatedTitle || s.Lines.Any(l => l.Text.Trim().Length > 0)).ToList();
    }

    private static bool IsRepeatedTitle(string line, string headingTitle, string? prefix) =>
        line == headingTitle || (prefix is not null && line.StartsWith(prefix + ItemTitle.PrefixSeparator, StringComparison.Ordinal));

    private static bool IsOnlyToFollowNotice(RichText text) =>
        text.Blocks is [Paragraph p] && ToFollowPattern().IsMatch(Inline.PlainText(p.Inlines).Trim());

    public static bool HasToFollowNotice(RichText text) =>
        text.Blocks.OfType<Paragraph>().Any(p => ToFollowPattern().IsMatch(Inline.PlainText(p.Inlines).Trim()));

    /// <summary>
    /// The forum's short code: the prefix most items carry ("CF" in "CF - …" and "CF/ØU - …"), or,
    /// without prefixes, one made from the name ("Chefforum" gives "CF", "Økonomiudvalget" "ØU").
    /// </summary>
    internal static string ForumCode(string forumName, IEnumerable<ItemContent> items)
    {
        var fromPrefixes = items
            .Where(i => i.ForumPrefix is not null)
            .Select(i => i.ForumPrefix!.Split('/')[0])
            .GroupBy(p => p)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
        if (fromPrefixes is not null)
            return fromPrefixes;

        var words = forumName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).ToList();
        if (words.Count > 1)
            return new string(words.Where(w => char.IsUpper(w[0])).Select(w => char.ToUpperInvariant(w[0])).Take(10).ToArray()) is { Length: > 0 } initials ? initials : "F";
        var name = words.FirstOrDefault() ?? "Forum";
        foreach (var (suffix, letter) in new[] { ("forum", 'F'), ("udvalget", 'U'), ("udvalg", 'U'), ("råd", 'R'), ("rådet", 'R') })
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return string.Concat(char.ToUpperInvariant(name[0]), letter);
        }

        return name[..Math.Min(3, name.Length)].ToUpperInvariant();
    }

    private const string ClosedTitle = "Lukket";

    private static DateOnly ReadLongDate(Match match, string file, int line)
    {
        var month = DanishDates.ParseMonth(match.Groups["month"].Value)
            ?? throw new ImportException(file, line, $"'{match.Groups["month"].Value}' is not a Danish month name.");
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
            throw new ImportException(file, line, $"{day}. {match.Groups["month"].Value} {year} is not a valid date.");
        return new DateOnly(year, month, day);
    }

    private static TimeOnly ReadTime(string text, string file, int line) =>
        TimeOnly.TryParseExact(text.Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new ImportException(file, line, $"'{text}' is not a valid time of day.");

    private static bool IsItemHeading(string line) => ItemHeadingPattern().IsMatch(line.Trim());

    // Numbers only grow: a later "Punkt N:" starts the next item even where a number is skipped,
    // while "Punkt 2:" quoted inside item 5 stays text.
    private static bool IsNextItemHeading(string line, int current) =>
        ItemHeadingPattern().Match(line.Trim()) is { Success: true } m
        && int.TryParse(m.Groups["number"].Value, CultureInfo.InvariantCulture, out var next)
        && next > current;

    private static void SkipBlank(string[] lines, ref int cursor)
    {
        while (cursor < lines.Length && lines[cursor].Trim().Length == 0)
            cursor++;
    }

    private static string Collapse(string text) => WhitespacePattern().Replace(text.Trim(), " ");

    private static string Shorten(string line) => line.Trim().Length <= 80 ? line.Trim() : line.Trim()[..77] + "...";

    [GeneratedRegex(@"^(?<kind>DAGSORDEN|REFERAT)\s+(?<forum>\S.*?)\s+d\.\s*(?<date>\d{1,2}-\d{1,2}-\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"^Mødedato\s+(?:\p{L}+\s+)?(?:d\.\s*)?(?<day>\d{1,2})\.\s*(?<month>\p{L}+)\s+(?<year>\d{4})(?:\s*,?\s*kl\.?\s*(?<time>\d{1,2}[:.]\d{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex MeetingDatePattern();

    [GeneratedRegex(@"^(?<title>.+?)\.{3,}\s*(?<page>\d+)?$")]
    private static partial Regex TocEntryPattern();

    [GeneratedRegex(@"^Punkt\s+(?<number>\d{1,3})\s*:\s*(?<title>.*)$")]
    private static partial Regex ItemHeadingPattern();

    [GeneratedRegex(@"^Dagsordenspunktet\s+eftersendes\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex ToFollowPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
