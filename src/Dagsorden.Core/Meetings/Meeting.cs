using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;

namespace Dagsorden.Core.Meetings;

/// <summary>One meeting of a forum, with its numbered items.</summary>
public sealed class Meeting
{
    private readonly List<AgendaItem> _items = [];

    private Meeting()
    {
        Forum = null!;
    }

    public Meeting(Forum forum, DateOnly date, MeetingDetails details)
    {
        Forum = forum;
        Date = date;
        ApplyDetails(details);
    }

    public int Id { get; private set; }

    public int ForumId { get; private set; }

    public Forum Forum { get; private set; }

    public DateOnly Date { get; private set; }

    public TimeOnly? StartTime { get; private set; }

    public string? Place { get; private set; }

    /// <summary>The members called to the meeting, in the source's order, and who was absent.</summary>
    public IReadOnlyList<Participant> Participants { get; private set; } = [];

    /// <summary>Lines of the document's header beyond date and place (e.g. participants), kept verbatim.</summary>
    public string? HeaderNotes { get; private set; }

    /// <summary>The newest document of the meeting: the agenda before it, the minutes after it.</summary>
    public DocumentKind Kind { get; private set; }

    public MeetingStatus Status { get; private set; }

    /// <summary>The template this meeting's documents were written in; a forum may change template over the years.</summary>
    public DocumentTemplate Template { get; private set; }

    public IReadOnlyList<AgendaItem> Items => _items.OrderBy(i => i.Number).ToList();

    public MeetingKey Key => new(Forum.Code, Date);

    public void ApplyDetails(MeetingDetails details)
    {
        Limits.Check("meeting place", details.Place, Limits.Place);
        StartTime = details.StartTime;
        Place = string.IsNullOrWhiteSpace(details.Place) ? null : details.Place.Trim();
        HeaderNotes = string.IsNullOrWhiteSpace(details.HeaderNotes) ? null : details.HeaderNotes;
        Kind = details.Kind;
        Template = details.Template;
        Status = details.Kind == DocumentKind.Minutes
            ? details.MinutesApproved ? MeetingStatus.MinutesApproved : MeetingStatus.MinutesPublished
            : MeetingStatus.AgendaPublished;

        // A source that names no participants (minutes text keeps them in the header notes)
        // leaves the ones an earlier import recorded.
        if (details.Participants is { } participants)
            ReplaceParticipants(participants);
    }

    public void ReplaceParticipants(IEnumerable<Participant> participants)
    {
        var list = participants.ToList();
        foreach (var participant in list)
            participant.Validate();
        Participants = list;
    }

    /// <summary>
    /// Makes the items exactly the given ones. An item whose number already exists keeps its identity
    /// and takes the new content, so re-importing a meeting never duplicates or orphans items.
    /// </summary>
    public void ReplaceItems(IEnumerable<(int Number, ItemContent Content)> items)
    {
        var incoming = items.ToList();
        var duplicate = incoming.GroupBy(i => i.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DomainException($"Item number {duplicate.Key} occurs more than once in meeting {Key}.");

        _items.RemoveAll(existing => incoming.All(i => i.Number != existing.Number));
        foreach (var (number, content) in incoming)
        {
            var existing = _items.FirstOrDefault(i => i.Number == number);
            if (existing is null)
                _items.Add(new AgendaItem(number, content));
            else
                existing.ReplaceContent(content);
        }
    }
}

public sealed record MeetingDetails(
    TimeOnly? StartTime,
    string? Place,
    DocumentKind Kind,
    DocumentTemplate Template,
    string? HeaderNotes = null,
    IReadOnlyList<Participant>? Participants = null,
    bool MinutesApproved = false);

/// <summary>A member called to a meeting; <see cref="IsAbsent"/> marks "afbud" or "fraværende".</summary>
public sealed record Participant(string Name, string? Role, bool IsAbsent)
{
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
            throw new DomainException("A participant needs a name.");
        Limits.Check("participant name", Name, Limits.Name);
        Limits.Check("participant role", Role, Limits.Name);
    }
}

public enum DocumentKind
{
    Agenda,
    Minutes,
}

public enum MeetingStatus
{
    Planned,
    AgendaPublished,
    MinutesPublished,
    MinutesApproved,
}
