namespace Dagsorden.Core.Items;

/// <summary>A listed attachment ("Bilag") of an item.</summary>
public sealed class Attachment
{
    private Attachment()
    {
        Title = "";
    }

    internal Attachment(int position, string title, bool isPublic)
    {
        Position = position;
        Title = string.IsNullOrWhiteSpace(title) ? throw new DomainException("An attachment needs a title.") : title.Trim();
        IsPublic = isPublic;
    }

    public int Id { get; private set; }

    public int ItemId { get; private set; }

    public int Position { get; private set; }

    public string Title { get; private set; }

    /// <summary>Never true for an attachment of a closed item.</summary>
    public bool IsPublic { get; private set; }

    internal void SetPublic(bool isPublic) => IsPublic = isPublic;
}
