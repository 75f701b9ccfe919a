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

    /// <summary>Counts changes to the meeting's agenda; a builder page that read an older revision is refused.</summary>
    public int Revision { get; private set; }

    /// <summary>The date of the later meeting whose item 1 approved these minutes.</summary>
    public DateOnly? MinutesApprovedOn { get; private set; }

    public bool IsPublished => Status != MeetingStatus.Planned;

    /// <summary>
    /// A new meeting in the workflow: not yet published, with item 1 (approval of the agenda and of
    /// <paramref name="unapprovedMinutes"/>) and "Evt." as the last item.
    /// </summary>
    public static Meeting Plan(Forum forum, DateOnly date, TimeOnly? startTime, string? place, IReadOnlyList<DateOnly> unapprovedMinutes)
    {
        var meeting = new Meeting(forum, date, new MeetingDetails(startTime ?? forum.DefaultStartTime, place ?? forum.DefaultPlace, DocumentKind.Agenda, forum.Template))
        {
            Status = MeetingStatus.Planned,
        };
        meeting._items.Add(new AgendaItem(1, StandardItems.Approval(forum, unapprovedMinutes)));
        meeting._items.Add(new AgendaItem(2, StandardItems.AnyOtherBusiness(forum)));
        return meeting;
    }

    public void EnsureRevision(int expected)
    {
        if (expected != Revision)
            throw new EditConflictException(
                $"Meeting {Key} was changed by someone else (revision {Revision}, the change was made on {expected}).",
                "Dagsordenen er blevet ændret af en anden i mellemtiden. Siden viser nu den gemte udgave; gentag din ændring.");
    }

    public AgendaItem Item(int number) =>
        _items.FirstOrDefault(i => i.Number == number)
        ?? throw new DomainException($"Meeting {Key} has no item {number}.", $"Punkt {number} findes ikke på mødet.");

    /// <summary>Names the earlier meetings whose minutes await approval in item 1's recommendation, until item 1 is decided.</summary>
    public void RefreshApprovalItem(IReadOnlyList<DateOnly> unapprovedMinutes)
    {
        var first = _items.FirstOrDefault(i => i.Number == 1);
        if (first is null || !StandardItems.IsApproval(first) || first.Decision is not null || Status != MeetingStatus.Planned)
            return;
        var wanted = StandardItems.Approval(Forum, unapprovedMinutes);
        if (first.Recommendation != wanted.Recommendation || first.MinutesApproval != wanted.MinutesApproval)
            first.ReplaceContent(first.Content with { Recommendation = wanted.Recommendation, MinutesApproval = wanted.MinutesApproval });
    }

    /// <summary>Adds an item to the agenda, before "Evt." when the agenda ends with it.</summary>
    public AgendaItem AddItem(ItemContent content)
    {
        EnsureAgendaOpen();
        var ordered = Items.ToList();
        var position = ordered.Count > 0 && StandardItems.IsAnyOtherBusiness(ordered[^1]) ? ordered.Count - 1 : ordered.Count;
        var item = new AgendaItem(ordered.Count + 1, content);
        _items.Add(item);
        ordered.Insert(position, item);
        Renumber(ordered);
        return item;
    }

    /// <summary>Moves item <paramref name="number"/> to place <paramref name="newNumber"/>; the others close up around it.</summary>
    public void MoveItem(int number, int newNumber)
    {
        EnsureAgendaOpen();
        AgendaOrder.CheckMove(this, number, newNumber);
        var ordered = Items.ToList();
        var item = Item(number);
        ordered.Remove(item);
        ordered.Insert(newNumber - 1, item);
        Renumber(ordered);
    }

    public AgendaItem RemoveItem(int number)
    {
        EnsureAgendaOpen();
        var item = Item(number);
        if (StandardItems.IsApproval(item))
            throw new DomainException("Item 1 approves the agenda and minutes and cannot be removed.", "Punkt 1, godkendelse af dagsorden og referat, kan ikke fjernes.");
        _items.Remove(item);
        Renumber(Items.ToList());
        return item;
    }

    public void MarkToFollow(int number, bool toFollow)
    {
        EnsureAgendaOpen();
        Item(number).SetToFollow(toFollow);
        Revision++;
    }

    /// <summary>Replaces an item's text; open until the minutes are approved.</summary>
    public void EditItem(int number, ItemContent content, int expectedRevision)
    {
        EnsureNotApproved();
        var item = Item(number);
        item.EnsureRevision(expectedRevision);
        if (Status is MeetingStatus.MinutesPublished && item.Decision is not null && content.Decision != item.Decision)
            throw new DomainException("Record decisions through the decision form.", "Beslutningen ændres under »Beslutning«.");
        item.ReplaceContent(content with { Decision = item.Decision, MinutesApproval = item.MinutesApproval });
        Revision++;
    }

    public void RecordAttendance(IEnumerable<Participant> participants)
    {
        EnsureNotApproved();
        if (Status == MeetingStatus.Planned)
            throw new DomainException($"Meeting {Key} has no published agenda; attendance is recorded at the meeting.", "Fremmøde registreres, når dagsordenen er offentliggjort.");
        ReplaceParticipants(participants);
        Revision++;
    }

    /// <summary>Records the forum's decision on an item, once the agenda is published and until the minutes are approved.</summary>
    public void RecordDecision(int number, Decision? decision, int expectedRevision)
    {
        EnsureNotApproved();
        if (Status == MeetingStatus.Planned)
            throw new DomainException($"Meeting {Key} has no published agenda to decide on.", "Beslutninger kan først skrives, når dagsordenen er offentliggjort.");
        var item = Item(number);
        item.EnsureRevision(expectedRevision);
        item.SetDecision(decision, StandardItems.DecisionHeading(Forum, Template, Date));
        if (StandardItems.IsApproval(item) && decision is not null)
        {
            var outcome = decision.Outcome switch
            {
                DecisionOutcome.Approved or DecisionOutcome.ApprovedWithRemarks => MinutesApprovalOutcome.Approved,
                DecisionOutcome.Postponed or DecisionOutcome.Rejected => MinutesApprovalOutcome.Postponed,
                _ => MinutesApprovalOutcome.Pending,
            };
            item.SetMinutesApproval(new MinutesApproval(item.MinutesApproval?.MinutesOf, outcome));
        }

        Revision++;
    }

    /// <summary>Publishes the agenda: the first time as version 1, later as a supplement.</summary>
    public void PublishAgenda()
    {
        EnsureAgendaOpen();
        if (_items.Count == 0)
            throw new DomainException($"Meeting {Key} has no items to publish.", "Dagsordenen har ingen punkter.");
        Status = MeetingStatus.AgendaPublished;
        Kind = DocumentKind.Agenda;
        Revision++;
    }

    /// <summary>Publishes the minutes; every item needs its decision first. Publishing again before approval gives a new version.</summary>
    public void PublishMinutes()
    {
        EnsureNotApproved();
        if (Status == MeetingStatus.Planned)
            throw new DomainException($"Meeting {Key} has no published agenda.", "Dagsordenen skal offentliggøres, før referatet kan offentliggøres.");
        var undecided = Items.Where(i => i.Decision is null).Select(i => i.Number).ToList();
        if (undecided.Count > 0)
        {
            var numbers = string.Join(", ", undecided);
            throw new DomainException(
                $"Items {numbers} of {Key} have no decision.",
                undecided.Count == 1 ? $"Punkt {numbers} mangler en beslutning." : $"Punkterne {numbers} mangler en beslutning.");
        }

        Status = MeetingStatus.MinutesPublished;
        Kind = DocumentKind.Minutes;
        Revision++;
    }

    /// <summary>Item 1 of the meeting on <paramref name="approvedOn"/> approved these minutes; from now on they change only by correction.</summary>
    public void ApproveMinutes(DateOnly approvedOn)
    {
        if (Status != MeetingStatus.MinutesPublished)
            throw new DomainException($"The minutes of {Key} are not published and awaiting approval (status {Status}).", "Referatet er ikke offentliggjort og afventer ikke godkendelse.");
        if (approvedOn <= Date)
            throw new DomainException($"Minutes are approved at a later meeting, not on {approvedOn:yyyy-MM-dd}.", "Et referat godkendes på et senere møde.");
        Status = MeetingStatus.MinutesApproved;
        MinutesApprovedOn = approvedOn;
        Revision++;
    }

    /// <summary>Corrects approved minutes. The reason is kept with the new published version; the old version stays.</summary>
    public void CorrectItem(int number, ItemContent content, string reason, int expectedRevision)
    {
        if (Status != MeetingStatus.MinutesApproved)
            throw new DomainException($"Only approved minutes are corrected; edit {Key} directly.", "Kun godkendte referater rettes med begrundelse; ret punktet direkte.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("A correction of approved minutes needs a reason.", "Skriv en begrundelse for rettelsen.");
        Limits.Check("correction reason", reason, Limits.Title);
        var item = Item(number);
        item.EnsureRevision(expectedRevision);
        item.ReplaceContent(content with { MinutesApproval = item.MinutesApproval });
        Revision++;
    }

    /// <summary>
    /// Sets the personal data left out of the public version of item <paramref name="number"/>. It
    /// only narrows what the public reads and never changes the record, so it is allowed after approval
    /// too; the public sees it from the next published version.
    /// </summary>
    public void SetPublicRedactions(int number, IEnumerable<string> redactions, int expectedItemRevision)
    {
        var item = Item(number);
        item.EnsureRevision(expectedItemRevision);
        var list = redactions.ToList();
        if (list.Count > MaxRedactions)
            throw new DomainException($"At most {MaxRedactions} texts can be redacted from one item; got {list.Count}.", $"Der kan højst udelades {MaxRedactions} navne pr. punkt.");
        item.SetPublicRedactions(list);
        Revision++;
    }

    public const int MaxRedactions = 100;

    private void EnsureNotApproved()
    {
        if (Status == MeetingStatus.MinutesApproved)
            throw new DomainException(
                $"The minutes of {Key} are approved and read-only; change them through a correction with a reason.",
                "Referatet er godkendt og kan ikke ændres. Brug »Ret referatet« og skriv en begrundelse.");
    }

    private void EnsureAgendaOpen()
    {
        EnsureNotApproved();
        if (Status == MeetingStatus.MinutesPublished)
            throw new DomainException($"The minutes of {Key} are published; the agenda no longer changes.", "Referatet er offentliggjort; dagsordenens punkter kan ikke længere ændres.");
    }

    private void Renumber(List<AgendaItem> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
            ordered[i].SetNumber(i + 1);
        Revision++;
    }

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
    /// <summary>In the agenda builder; nothing is public yet.</summary>
    Planned,
    AgendaPublished,
    MinutesPublished,
    MinutesApproved,
}

public static class MeetingStatuses
{
    public static string Danish(this MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "Under forberedelse",
        MeetingStatus.AgendaPublished => "Dagsorden offentliggjort",
        MeetingStatus.MinutesPublished => "Referat offentliggjort, afventer godkendelse",
        MeetingStatus.MinutesApproved => "Referat godkendt",
        _ => status.ToString(),
    };
}
