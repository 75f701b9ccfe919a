namespace Dagsorden.Core.FollowUps;

/// <summary>
/// A follow-up the extractor read out of a decision's text. It stays a suggestion until a secretary
/// accepts it (which creates a <see cref="FollowUp"/>) or dismisses it; nothing follows from it alone.
/// </summary>
public sealed class FollowUpSuggestion
{
    private FollowUpSuggestion()
    {
        Sentence = "";
    }

    public FollowUpSuggestion(int itemId, FollowUpCandidate candidate, int? targetForumId, DateTime now)
    {
        ItemId = itemId;
        Limits.Check("suggestion sentence", candidate.Sentence, FollowUp.MaxTextLength);
        Limits.Check("time expression", candidate.TimeExpression, Limits.Name);
        Sentence = candidate.Sentence;
        DueDate = candidate.DueDate;
        TimeExpression = candidate.TimeExpression;
        TargetForumId = targetForumId;
        NextMeeting = candidate.NextMeeting;
        Status = SuggestionStatus.Pending;
        Created = now;
    }

    public int Id { get; private set; }

    public int ItemId { get; private set; }

    /// <summary>The decision's sentence that holds the commitment.</summary>
    public string Sentence { get; private set; }

    public DateOnly? DueDate { get; private set; }

    /// <summary>A relative time as written ("sidst på året", "efter sommerferien"), when there is one.</summary>
    public string? TimeExpression { get; private set; }

    public int? TargetForumId { get; private set; }

    /// <summary>"næste møde": the forum's next meeting after the decision.</summary>
    public bool NextMeeting { get; private set; }

    public SuggestionStatus Status { get; private set; }

    public DateTime Created { get; private set; }

    /// <summary>The follow-up made from it, once accepted.</summary>
    public int? FollowUpId { get; private set; }

    public void Accept(int followUpId)
    {
        EnsurePending();
        Status = SuggestionStatus.Accepted;
        FollowUpId = followUpId;
    }

    public void Dismiss()
    {
        EnsurePending();
        Status = SuggestionStatus.Dismissed;
    }

    private void EnsurePending()
    {
        if (Status != SuggestionStatus.Pending)
            throw new DomainException($"Suggestion {Id} was already {Status}.", "Forslaget er allerede behandlet.");
    }
}

/// <summary>
/// One commitment the extractor found in a decision's text. <see cref="ForumName"/> is the forum as
/// the text names it; the extractor resolves it against the known forums, never guesses.
/// </summary>
public sealed record FollowUpCandidate(
    string Sentence,
    DateOnly? DueDate,
    string? TimeExpression,
    string? ForumName,
    bool NextMeeting);

public enum SuggestionStatus
{
    Pending,
    Accepted,
    Dismissed,
}
