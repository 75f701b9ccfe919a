using System.Text.Json.Serialization;

namespace Dagsorden.Core.Text;

/// <summary>
/// Formatted body text of a section or decision: paragraphs and (nested) lists whose items
/// carry bold and italic runs. Immutable; an edit produces a new value.
/// </summary>
public sealed record RichText(IReadOnlyList<Block> Blocks)
{
    public static RichText Empty { get; } = new([]);

    [JsonIgnore]
    public bool IsEmpty => Blocks.Count == 0;

    public static RichText FromParagraphs(params string[] paragraphs) =>
        new(paragraphs.Select(p => (Block)new Paragraph([new Inline(p)])).ToList());

    /// <summary>The words without markup, one block per line; used for classification and search.</summary>
    public string ToPlainText() => string.Join('\n', Blocks.SelectMany(PlainLines));

    public bool Equals(RichText? other) =>
        other is not null && RichTextFormat.Render(this).SequenceEqual(RichTextFormat.Render(other));

    public override int GetHashCode() => string.Join('\n', RichTextFormat.Render(this)).GetHashCode(StringComparison.Ordinal);

    private static IEnumerable<string> PlainLines(Block block) => block switch
    {
        Paragraph p => [Inline.PlainText(p.Inlines)],
        ListBlock l => l.Items.SelectMany(item =>
            new[] { Inline.PlainText(item.Inlines) }.Concat(item.Children.SelectMany(PlainLines))),
        _ => [],
    };
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Paragraph), "p")]
[JsonDerivedType(typeof(ListBlock), "list")]
public abstract record Block;

public sealed record Paragraph(IReadOnlyList<Inline> Inlines) : Block;

public enum ListKind
{
    Bullet,
    Numbered,
}

/// <summary>
/// A list. <see cref="Marker"/> is the source's own marker spelling ("- ", "-", "• " for bullets;
/// ". " or ") " after the number for numbered lists), so a document exports the way it came in.
/// </summary>
public sealed record ListBlock(ListKind Kind, string Marker, int Start, IReadOnlyList<ListItem> Items) : Block;

public sealed record ListItem(IReadOnlyList<Inline> Inlines, IReadOnlyList<ListBlock> Children);

public sealed record Inline(string Text, bool Bold = false, bool Italic = false)
{
    public static string PlainText(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i.Text));
}
