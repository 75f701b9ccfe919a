using System.Globalization;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Import;
using Dagsorden.Tests.Support;
using Xunit.Abstractions;

namespace Dagsorden.Tests.FollowUps;

/// <summary>
/// The extractor against the decisions of the real Chefforum minutes in ../shared/minutes. The
/// expected list was made by reading every decision by hand, before and independently of what the
/// extractor finds. A commitment is a sentence that brings the matter (or what it produces) back to
/// a forum, or takes it up again at a stated time; each is listed with the due date or target it
/// gives.
/// </summary>
public sealed class ExtractorConformanceTests(ITestOutputHelper output)
{
    private const string File2016 = "000_81c4a3c2ef6f212b.txt";
    private const string File2014 = "001_ca4162980987873e.txt";
    private const string File2015 = "002_2a65481ceb61ab7e.txt";

    private sealed record Expected(string File, int Item, string Fragment, DateOnly? DueDate, string? ForumCode, bool NextMeeting = false);

    private static readonly Expected[] Commitments =
    [
        // Minutes of 18-08-2016.
        new(File2016, 1, "chefforum tager stilling til referatet på næste møde", null, "CF", NextMeeting: true),
        new(File2016, 2, "Der lægges op til en senere drøftelse på chefforum", null, "CF"),
        new(File2016, 4, "Denne model fremlægges for chefforum igen", null, "CF"),
        // "Økonmiudvalget" is misspelt in the published minutes.
        new(File2016, 6, "Sagen sendes til orientering i Økonmiudvalget", null, "ØU"),
        new(File2016, 7, "præsenteres for forummet igen", null, "CF"),
        new(File2016, 7, "Sagen behandles i KommuneMED", null, "KMED"),

        // Minutes of 19-06-2014.
        new(File2014, 3, "en drøftelse i direktørforum inden sommeren", new DateOnly(2014, 6, 30), "DF"),
        new(File2014, 3, "lægges en plan for arbejdet med netværksstrukturen efter sommerferien", new DateOnly(2014, 8, 15), null),

        // Minutes of 17-09-2015.
        new(File2015, 2, "Dette oplæg behandles på chefforum igen den 22. oktober", new DateOnly(2015, 10, 22), "CF"),
    ];

    // Read and deliberately left out, so the next reader need not wonder:
    // - 000 item 2, "det Lederforum der ligger den 2. november rykkes frem": decided and done, nothing comes back;
    // - 000 item 2, "Der arbejdes derefter med at planlægge et lederforum i slut november": the date is that meeting's, not a deadline;
    // - 000 item 4, "sendes forslag … ud til drøftelser i afdelingerne": goes to departments, names no forum or time;
    // - 000 item 6, "der foretages en ny serviceoptimeringsrunde i 2017": new work, not a return of this matter;
    // - 002 item 2, "chefforum får et oplæg …": the same commitment as the next sentence, which gives its date.

    private static readonly KnownForum[] Forums =
    [
        FollowUpExtractor.WithCommonNames(1, "CF", "Chefforum"),
        FollowUpExtractor.WithCommonNames(2, "ØU", "Økonomiudvalget"),
        FollowUpExtractor.WithCommonNames(3, "KMED", "KommuneMED"),
        FollowUpExtractor.WithCommonNames(4, "DF", "Direktørforum"),
        FollowUpExtractor.WithCommonNames(5, "LF", "Lederforum"),
    ];

    [Fact]
    public async Task ExtractorFindsTheCommitmentsAReaderFindsInTheRealMinutes()
    {
        var extractor = new FollowUpExtractor(Forums);
        var found = new List<(string File, int Item, FollowUpCandidate Candidate)>();
        foreach (var file in new[] { File2016, File2014, File2015 })
        {
            var meeting = MinutesTextParser.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.SharedMinutes, file)), file);
            Assert.Equal("CF", meeting.ForumCode);
            foreach (var (number, content) in meeting.Items)
            {
                if (content.Decision is not { } decision)
                    continue;
                foreach (var candidate in extractor.Extract(decision.Text.ToPlainText(), meeting.Date, Forums[0]))
                    found.Add((file, number, candidate));
            }
        }

        var matched = new HashSet<Expected>();
        foreach (var (file, item, candidate) in found)
        {
            var match = Commitments.FirstOrDefault(e => !matched.Contains(e) && Matches(e, file, item, candidate));
            output.WriteLine($"{(match is null ? "FALSE POSITIVE" : "found")}: {file} punkt {item}: {Describe(candidate)}");
            if (match is not null)
                matched.Add(match);
        }

        foreach (var missed in Commitments.Where(e => !matched.Contains(e)))
            output.WriteLine($"MISSED: {missed.File} punkt {missed.Item}: {missed.Fragment}");

        var precision = found.Count == 0 ? 0 : (double)matched.Count / found.Count;
        var recall = (double)matched.Count / Commitments.Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision {precision:0.000} ({matched.Count}/{found.Count}), recall {recall:0.000} ({matched.Count}/{Commitments.Length})"));
        Assert.True(precision >= 0.9, string.Create(CultureInfo.InvariantCulture, $"precision {precision:0.000} is below 0.9"));
        Assert.True(recall >= 0.9, string.Create(CultureInfo.InvariantCulture, $"recall {recall:0.000} is below 0.9"));
    }

    /// <summary>A candidate counts only with the right sentence and the right date, forum and "next meeting".</summary>
    private static bool Matches(Expected expected, string file, int item, FollowUpCandidate candidate) =>
        expected.File == file
        && expected.Item == item
        && candidate.Sentence.Contains(expected.Fragment, StringComparison.Ordinal)
        && candidate.DueDate == expected.DueDate
        && candidate.NextMeeting == expected.NextMeeting
        && Forums.FirstOrDefault(f => f.Name == candidate.ForumName)?.Code == expected.ForumCode;

    private static string Describe(FollowUpCandidate candidate) =>
        string.Create(CultureInfo.InvariantCulture, $"«{candidate.Sentence}» frist={candidate.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"} tid={candidate.TimeExpression ?? "-"} forum={candidate.ForumName ?? "-"} næste={candidate.NextMeeting}");
}
