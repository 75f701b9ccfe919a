namespace Dagsorden.Core.Items;

/// <summary>A member's private note on an item: only its writer ever sees it.</summary>
public sealed class ItemNote
{
    public const int MaxLength = 10_000;

    private ItemNote()
    {
        UserId = "";
        Text = "";
    }

    public ItemNote(int itemId, string userId, string text, DateTime now)
    {
        ItemId = itemId;
        UserId = userId;
        Text = "";
        Change(text, now);
    }

    public int Id { get; private set; }

    public int ItemId { get; private set; }

    public string UserId { get; private set; }

    public string Text { get; private set; }

    public DateTime Modified { get; private set; }

    public void Change(string text, DateTime now)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length > MaxLength)
            throw new DomainException($"A note is at most {MaxLength} characters.", $"Noten er {trimmed.Length} tegn; højst {MaxLength} er tilladt.");
        Text = trimmed;
        Modified = now;
    }
}
