using Dagsorden.Core.Forums;

namespace Dagsorden.Core.Items;

/// <summary>
/// An item an author writes before it is on an agenda. Submitted, it waits in the forum's queue
/// until the secretary places it on a meeting, where it becomes an <see cref="AgendaItem"/>.
/// </summary>
public sealed class ItemDraft
{
    private ItemDraft()
    {
        AuthorId = "";
        AuthorName = "";
        Forum = null!;
        Content = null!;
    }

    public ItemDraft(Forum forum, string authorId, string authorName, ItemContent content)
    {
        Forum = forum;
        AuthorId = authorId;
        AuthorName = authorName;
        content.Validate();
        Content = content;
        Status = DraftStatus.Draft;
    }

    public int Id { get; private set; }

    public int ForumId { get; private set; }

    public Forum Forum { get; private set; }

    public string AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public ItemContent Content { get; private set; }

    public DraftStatus Status { get; private set; }

    public DateTime? Submitted { get; private set; }

    /// <summary>The agenda item it became, once placed.</summary>
    public int? PlacedItemId { get; private set; }

    public int Revision { get; private set; }

    public void Edit(ItemContent content, int expectedRevision)
    {
        if (Status == DraftStatus.Placed)
            throw new DomainException($"Draft {Id} is on an agenda; edit the agenda item instead.", "Punktet er sat på en dagsorden; ret det dér.");
        if (expectedRevision != Revision)
            throw new EditConflictException(
                $"Draft {Id} was changed by someone else (revision {Revision}, the edit was made on {expectedRevision}).",
                "Udkastet er blevet ændret af en anden, mens du skrev. Din tekst er bevaret nedenfor; gem igen, når du har sammenlignet.");
        content.Validate();
        Content = content;
        Revision++;
    }

    public void MoveTo(Forum forum)
    {
        if (Status != DraftStatus.Draft)
            throw new DomainException($"Only an unsubmitted draft changes forum.", "Et indsendt punkt kan ikke flyttes til et andet forum.");
        Forum = forum;
        ForumId = forum.Id;
    }

    public void Submit(DateTime now)
    {
        if (Status != DraftStatus.Draft)
            throw new DomainException($"Draft {Id} is already submitted.", "Punktet er allerede indsendt.");
        if (string.IsNullOrWhiteSpace(Content.Title))
            throw new DomainException("A draft needs a title before it is submitted.", "Skriv en titel, før punktet indsendes.");
        Status = DraftStatus.Submitted;
        Submitted = now;
        Revision++;
    }

    /// <summary>The author takes a submitted draft back to change it; the secretary's queue no longer shows it.</summary>
    public void Withdraw()
    {
        if (Status != DraftStatus.Submitted)
            throw new DomainException($"Draft {Id} is not waiting in the queue.", "Punktet venter ikke i sekretærens kø.");
        Status = DraftStatus.Draft;
        Submitted = null;
        Revision++;
    }

    public void MarkPlaced(int itemId)
    {
        if (Status != DraftStatus.Submitted)
            throw new DomainException($"Draft {Id} is not submitted.", "Kun indsendte punkter kan sættes på en dagsorden.");
        Status = DraftStatus.Placed;
        PlacedItemId = itemId;
        Revision++;
    }

    /// <summary>The secretary took the item off the agenda again: it goes back to the queue.</summary>
    public void ReturnToQueue()
    {
        Status = DraftStatus.Submitted;
        PlacedItemId = null;
        Revision++;
    }
}

public enum DraftStatus
{
    /// <summary>Kladde: only the author sees it.</summary>
    Draft,

    /// <summary>Indsendt: in the secretary's queue.</summary>
    Submitted,

    /// <summary>Sat på dagsorden.</summary>
    Placed,
}

public static class DraftStatuses
{
    public static string Danish(this DraftStatus status) => status switch
    {
        DraftStatus.Draft => "Kladde",
        DraftStatus.Submitted => "Indsendt",
        DraftStatus.Placed => "Sat på dagsorden",
        _ => status.ToString(),
    };
}
