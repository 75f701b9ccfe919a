using System.Text.RegularExpressions;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Privacy;

/// <summary>
/// Leaves listed personal data (names of a working group's members, say) out of the public version
/// of an item: each occurrence becomes <see cref="Marker"/>. Matching ignores case and treats any run
/// of white space as one space, so "Hans  Hansen" and "HANS HANSEN" go too; only whole words are
/// matched, so redacting "Ole" leaves "Skole" alone.
/// </summary>
public sealed class Redactions
{
    public const string Marker = "[navn udeladt]";

    public static Redactions None { get; } = new([]);

    private readonly Regex? _pattern;

    private Redactions(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
            return;

        // Longest first, so "Hans Hansen" is replaced whole before "Hans" could take part of it.
        var alternatives = texts
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(t => t.Length)
            .Select(t => string.Join(@"\s+", t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)))
            .ToList();
        if (alternatives.Count > 0)
        {
            _pattern = new Regex(
                @"(?<![\p{L}\p{N}])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1));
        }
    }

    public static Redactions Of(IReadOnlyList<string>? texts) => texts is null || texts.Count == 0 ? None : new(texts);

    public bool IsEmpty => _pattern is null;

    public string Apply(string text) => _pattern is null || text.Length == 0 ? text : _pattern.Replace(text, Marker);

    public string? ApplyOrNull(string? text) => text is null ? null : Apply(text);

    /// <summary>
    /// The text with each run's words redacted. A name split across runs (half of it bold) is not
    /// found; the editor offers no way to write one, and imports rarely do.
    /// </summary>
    public RichText Apply(RichText text) => _pattern is null ? text : new RichText(text.Blocks.Select(Apply).ToList());

    private Block Apply(Block block) => block switch
    {
        Paragraph p => new Paragraph(Apply(p.Inlines)),
        ListBlock l => Apply(l),
        _ => block,
    };

    private ListBlock Apply(ListBlock list) =>
        list with { Items = list.Items.Select(i => new ListItem(Apply(i.Inlines), i.Children.Select(Apply).ToList())).ToList() };

    private List<Inline> Apply(IReadOnlyList<Inline> inlines) => inlines.Select(i => i with { Text = Apply(i.Text) }).ToList();
}
