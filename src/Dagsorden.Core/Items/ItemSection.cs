using Dagsorden.Core.Text;

namespace Dagsorden.Core.Items;

/// <summary>One section of an item, in source order, under its original heading.</summary>
public sealed class ItemSection
{
    private ItemSection()
    {
        Heading = "";
        Body = RichText.Empty;
    }

    internal ItemSection(int position, SectionKind kind, string heading, RichText body)
    {
        Position = position;
        Kind = kind;
        Heading = heading;
        Body = body;
    }

    public int Id { get; private set; }

    public int Position { get; private set; }

    public SectionKind Kind { get; private set; }

    /// <summary>The heading exactly as written, e.g. "Anledning" or "BESLUTNING I CHEFFORUM DEN 19-06-2014"; empty for untitled text before the first heading.</summary>
    public string Heading { get; private set; }

    public RichText Body { get; private set; }
}
