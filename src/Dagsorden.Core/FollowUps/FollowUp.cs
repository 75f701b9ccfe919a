namespace Dagsorden.Core.FollowUps;

/// <summary>
/// A commitment a decision made to come back to something: who must do what, by when or at which
/// forum. Secretaries create and close them; an open one past its due date is overdue.
/// </summary>
public sealed class FollowUp
{
    public const int MaxTextLength = 2000;
    public const int MaxEmailLength = Notifications.MailAddresses.MaxLength;

    private FollowUp()
    {
        Text = "";
        Responsible = "";
        Origin = "";
    }

    public FollowUp(int forumId, int? originItemId, string origin, FollowUpTerms terms, DateTime now)
    {
        ForumId = forumId;
        OriginItemId = originItemId;
        Limits.Check("follow-up origin", origin, Limits.Title);
        Origin = origin;
        Text = "";
        Responsible = "";
        Apply(terms);
        Status = FollowUpStatus.Open;
        Created = now;
    }

    public int Id { get; private set; }

    /// <summary>The forum whose decision made the commitment; its secretaries look after it.</summary>
    public int ForumId { get; private set; }

    /// <summary>The decided item it came from; null when that item has since been removed.</summary>
    public int? OriginItemId { get; private set; }

    /// <summary>Where it came from in words ("CF 18-08-2016, punkt 5: …"), kept when the item is gone.</summary>
    public string Origin { get; private set; }

    public string Text { get; private set; }

    /// <summary>The person or department that must act.</summary>
    public string Responsible { get; private set; }

    /// <summary>Where reminders go; without it none are sent.</summary>
    public string? ResponsibleEmail { get; private set; }

    public DateOnly? DueDate { get; private set; }

    /// <summary>The forum the matter must come back to, when the commitment names one.</summary>
    public int? TargetForumId { get; private set; }

    /// <summary>The meeting it must come back to, when known.</summary>
    public int? TargetMeetingId { get; private set; }

    public FollowUpStatus Status { get; private set; }

    public DateTime Created { get; private set; }

    public DateTime? Closed { get; private set; }

    /// <summary>The draft item made from this follow-up for a coming agenda; deciding its item closes the follow-up.</summary>
    public int? AgendaDraftId { get; private set; }

    public int Revision { get; private set; }

    public bool IsOverdue(DateOnly today) => Status == FollowUpStatus.Open && DueDate is { } due && due < today;

    public void Edit(FollowUpTerms terms, int expectedRevision)
    {
        EnsureRevision(expectedRevision);
        Apply(terms);
        Revision++;
    }

    public void MarkDone(DateTime now) => Close(FollowUpStatus.Done, now);

    public void Cancel(DateTime now) => Close(FollowUpStatus.Cancelled, now);

    public void Reopen()
    {
        Status = FollowUpStatus.Open;
        Closed = null;
        Revision++;
    }

    public void LinkDraft(int draftId)
    {
        if (Status != FollowUpStatus.Open)
            throw new DomainException($"Follow-up {Id} is {Status}; only an open one goes on an agenda.", "Kun en åben opfølgning kan sættes på en dagsorden.");
        AgendaDraftId = draftId;
        Revision++;
    }

    public void EnsureRevision(int expected)
    {
        if (expected != Revision)
            throw new EditConflictException(
                $"Follow-up {Id} was changed by someone else (revision {Revision}, the edit was made on {expected}).",
                "Opfølgningen er blevet ændret af en anden, mens du skrev. Se den gemte udgave og ret igen.");
    }

    private void Close(FollowUpStatus status, DateTime now)
    {
        if (Status != FollowUpStatus.Open)
            return;
        Status = status;
        Closed = now;
        Revision++;
    }

    private void Apply(FollowUpTerms terms)
    {
        var text = terms.Text?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainException("A follow-up needs the commitment's text.", "Skriv, hvad der skal følges op på.");
        if (text.Length > MaxTextLength)
            throw new DomainException($"A follow-up's text is at most {MaxTextLength} characters.", $"Teksten er {text.Length} tegn; højst {MaxTextLength} er tilladt.");
        var responsible = terms.Responsible?.Trim() ?? "";
        if (responsible.Length == 0)
            throw new DomainException("A follow-up needs someone responsible.", "Angiv, hvem der er ansvarlig (en person eller en afdeling).");
        Limits.Check("responsible", responsible, Limits.Name);
        var email = string.IsNullOrWhiteSpace(terms.ResponsibleEmail) ? null : terms.ResponsibleEmail.Trim();
        if (email is not null && !Notifications.MailAddresses.IsBare(email))
            throw new DomainException($"'{email}' is not an e-mail address.", "E-mailadressen er ikke gyldig.");
        if (terms.DueDate is null && terms.TargetForumId is null)
            throw new DomainException("A follow-up needs a due date or a target forum.", "Angiv en frist eller det forum, sagen skal tilbage til.");
        if (terms.TargetMeetingId is not null && terms.TargetForumId is null)
            throw new DomainException("A target meeting needs its forum.", "Vælg forummet for det møde, sagen skal tilbage til.");

        Text = text;
        Responsible = responsible;
        ResponsibleEmail = email;
        DueDate = terms.DueDate;
        TargetForumId = terms.TargetForumId;
        TargetMeetingId = terms.TargetMeetingId;
    }
}

/// <summary>What a secretary fills in for a follow-up.</summary>
public sealed record FollowUpTerms(
    string Text,
    string Responsible,
    string? ResponsibleEmail,
    DateOnly? DueDate,
    int? TargetForumId,
    int? TargetMeetingId);

public enum FollowUpStatus
{
    Open,
    Done,
    Cancelled,
}
