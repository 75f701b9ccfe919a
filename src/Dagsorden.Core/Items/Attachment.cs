namespace Dagsorden.Core.Items;

/// <summary>A listed attachment ("Bilag") of an item, optionally with its stored file.</summary>
public sealed class Attachment
{
    private Attachment()
    {
        Title = "";
    }

    internal Attachment(int position, string title, bool isPublic, AttachmentFile? file)
    {
        Position = position;
        Title = string.IsNullOrWhiteSpace(title) ? throw new DomainException("An attachment needs a title.") : title.Trim();
        IsPublic = isPublic;
        SetFile(file);
    }

    public int Id { get; private set; }

    public int ItemId { get; private set; }

    public int Position { get; private set; }

    public string Title { get; private set; }

    /// <summary>Never true for an attachment of a closed item.</summary>
    public bool IsPublic { get; private set; }

    /// <summary>The file's name as the source gave it, e.g. "Bygningsliste.pdf"; null when only the title is known.</summary>
    public string? FileName { get; private set; }

    /// <summary>The media type found by reading the file's first bytes, never taken from its name.</summary>
    public string? ContentType { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public string? Sha256 { get; private set; }

    public long? Size { get; private set; }

    /// <summary>Where the attachment store keeps the bytes, relative to its root.</summary>
    public string? StorageKey { get; private set; }

    /// <summary>The file's text (PDF, DOCX) for search; null when none could be read.</summary>
    public string? ExtractedText { get; private set; }

    public AttachmentFile? File => StorageKey is null || Sha256 is null || ContentType is null || Size is null
        ? null
        : new AttachmentFile(FileName ?? Title, ContentType, Sha256, Size.Value, StorageKey, ExtractedText);

    internal void SetPublic(bool isPublic) => IsPublic = isPublic;

    internal void SetFile(AttachmentFile? file)
    {
        if (file is null)
            return;
        file.Validate();
        FileName = file.FileName;
        ContentType = file.ContentType;
        Sha256 = file.Sha256;
        Size = file.Size;
        StorageKey = file.StorageKey;
        ExtractedText = file.ExtractedText;
    }
}
