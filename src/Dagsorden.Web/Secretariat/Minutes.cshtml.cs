using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Communication;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Secretariat;

/// <summary>
/// /sekretariat/moeder/{id}/moedet: the meeting itself. Attendance, each item's decision, and
/// publishing the minutes. Once a later meeting has approved the minutes, the page only points to
/// corrections.
/// </summary>
public sealed class MinutesModel(CurrentUser currentUser, DagsordenDbContext db, Digests digests) : SecretariatPageModel(currentUser, db)
{
    /// <summary>Long enough for any real decision; a limit keeps a pasted document out of a form field.</summary>
    public const int DecisionTextLimit = 20_000;

    private const string Present = "til-stede";
    private const string Absent = "afbud";

    public Meeting Meeting { get; private set; } = null!;

    public IReadOnlyList<MemberAttendance> Members { get; private set; } = [];

    /// <summary>Participants who are not members of the forum, one "Navn, rolle" a line.</summary>
    public string ExtraParticipants { get; private set; } = "";

    /// <summary>The earlier meetings whose minutes item 1 approves (or, once decided, approved).</summary>
    public IReadOnlyList<DateOnly> MinutesToApprove { get; private set; } = [];

    /// <summary>Item 1's verdict on the earlier minutes: pending until decided, then approved or postponed.</summary>
    public MinutesApprovalOutcome ApprovalOutcome { get; private set; }

    public IReadOnlyList<string> UnpublishedChanges { get; private set; } = [];

    /// <summary>A refused decision form, shown again with what the secretary wrote so nothing typed is lost.</summary>
    public DecisionForm? RefusedDecision { get; private set; }

    public bool IsOpen => Meeting.Status is MeetingStatus.AgendaPublished or MeetingStatus.MinutesPublished;

    public static string PathOf(int meetingId) => BuilderModel.PathOf(meetingId) + "/moedet";

    public static string OutcomeValue(DecisionOutcome outcome) => outcome.ToString();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
            return refused;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>
    /// Records who came: each member of the forum present or absent ("fravaer-{userId}"), plus the
    /// free-text extra participants. Names are taken from the accounts, never from the form.
    /// </summary>
    public async Task<IActionResult> OnPostAttendanceAsync(int id, string? revision, string? ekstra, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
            return refused;
        try
        {
            var workflow = new MeetingWorkflow(Db);
            var meeting = await workflow.LoadAsync(id, cancellationToken);
            meeting.EnsureRevision(ParseRevision(revision));
            var members = await MembersAsync(meeting.ForumId, cancellationToken);
            var participants = new List<Participant>();
            foreach (var userId in Request.Form["medlem"])
            {
                var member = members.FirstOrDefault(m => m.UserId == userId)
                    ?? throw new DomainException($"User '{userId}' is not a member of forum {meeting.ForumId}.", "En af deltagerne er ikke (længere) medlem af forummet. Siden viser nu forummets medlemmer; angiv fremmødet igen.");
                var isAbsent = Request.Form["fravaer-" + userId].ToString() switch
                {
                    Present => false,
                    Absent => true,
                    _ => throw new DomainException($"No attendance given for '{userId}'.", $"Angiv, om {member.Name} var til stede eller havde afbud."),
                };
                if (participants.Any(p => p.Name == member.Name && p.Role == member.Role))
                    continue;
                participants.Add(new Participant(member.Name, member.Role, isAbsent));
            }

            participants.AddRange(ParseExtraParticipants(ekstra));
            await workflow.RecordAttendanceAsync(id, participants, meeting.Revision, cancellationToken);
            Notice = "Fremmødet er gemt.";
            return BackTo(PathOf(id), "fremmoede");
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, () => LoadAsync(id, cancellationToken));
        }
    }

    /// <summary>Records one item's decision: an outcome from the list and the decision's text.</summary>
    public async Task<IActionResult> OnPostDecisionAsync(int id, string? nummer, string? udfald, string? beslutning, string? revision, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
            return refused;
        var text = (beslutning ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        int? number = null;
        try
        {
            number = ParseNumber(nummer, "punktets nummer");
            var outcome = DecisionOutcomes.Recordable.Cast<DecisionOutcome?>().FirstOrDefault(o => OutcomeValue(o!.Value) == udfald)
                ?? throw new DomainException(
                    $"'{udfald}' is not a decision outcome.",
                    string.IsNullOrWhiteSpace(udfald) ? $"Vælg beslutningens udfald for punkt {number}." : $"»{Shorten(udfald)}« er ikke et udfald, der kan vælges. Vælg udfaldet for punkt {number} på listen.");
            if (text.Length > DecisionTextLimit)
                throw new DomainException(
                    $"The decision text is {text.Length} characters long; at most {DecisionTextLimit} are allowed.",
                    $"Beslutningen for punkt {number} er {text.Length.ToString("N0", CultureInfo.GetCultureInfo("da-DK"))} tegn lang; højst {DecisionTextLimit.ToString("N0", CultureInfo.GetCultureInfo("da-DK"))} tegn er tilladt.");
            var body = RichTextFormat.Parse(text);
            // A bare outcome is a complete decision ("Godkendt."), as many real minutes record it.
            if (body.IsEmpty)
                body = RichText.FromParagraphs(outcome.Danish() + ".");
            await new MeetingWorkflow(Db).RecordDecisionAsync(id, number.Value, new Decision(body, outcome), ParseRevision(revision), cancellationToken);
            Notice = $"Beslutningen på punkt {number} er gemt.";
            return BackTo(PathOf(id), "punkt-" + number.Value.ToString(CultureInfo.InvariantCulture));
        }
        catch (DomainException e)
        {
            if (number is { } refusedNumber)
                RefusedDecision = new DecisionForm(refusedNumber, udfald ?? "", text);
            return await RefusedAsync(e, () => LoadAsync(id, cancellationToken));
        }
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, string? revision, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
            return refused;
        try
        {
            var workflow = new MeetingWorkflow(Db);
            var meeting = await workflow.LoadAsync(id, cancellationToken);
            // A secretary publishes only the minutes they saw.
            meeting.EnsureRevision(ParseRevision(revision));
            if (meeting.Status == MeetingStatus.MinutesPublished && (await SecretariatQueries.UnpublishedChangesAsync(Db, meeting, cancellationToken)).Count == 0)
                throw new DomainException($"The minutes of {meeting.Key} have no changes since their last version.", "Referatet er ikke ændret, siden det sidst blev offentliggjort; der er intet at offentliggøre.");
            var version = await workflow.PublishMinutesAsync(id, Access.DisplayName ?? "Sekretariatet", meeting.Revision, cancellationToken);
            Notice = $"{MeetingVersion.Describe(await workflow.VersionsAsync(id, cancellationToken), version)} er offentliggjort.";
            // The departments hear of their decisions at once; what fails now, the reminder job sends later.
            var digest = await digests.SendPendingAsync(Db.Clock.GetUtcNow().UtcDateTime, id, cancellationToken);
            if (digest.Failed.Count > 0)
                Notice += $" Beslutningerne kunne ikke sendes til {string.Join(", ", digest.Failed.Select(f => f.Address))} nu; de sendes automatisk, så snart det lykkes.";
            else if (digest.Sent > 0)
                Notice += digest.Sent == 1 ? " Beslutningerne er sendt til 1 afdeling." : $" Beslutningerne er sendt til {digest.Sent} afdelinger.";
            return BackTo(PathOf(id));
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, () => LoadAsync(id, cancellationToken));
        }
    }

    /// <summary>What a decision form shows: the refused input for that item, else the stored decision.</summary>
    public DecisionForm FormFor(AgendaItem item) =>
        RefusedDecision is { } refused && refused.Number == item.Number
            ? refused
            : new DecisionForm(
                item.Number,
                item.Decision is { } decision ? OutcomeValue(decision.Outcome) : "",
                item.Decision is { } stored ? string.Join('\n', RichTextFormat.Render(stored.Text)) : "");

    private static List<Participant> ParseExtraParticipants(string? text)
    {
        var participants = new List<Participant>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var name = (comma < 0 ? line : line[..comma]).Trim();
            var role = comma < 0 ? null : line[(comma + 1)..].Trim();
            if (name.Length == 0)
                throw new DomainException($"The participant line '{line}' has no name.", $"Linjen »{Shorten(line)}« under andre deltagere mangler et navn før kommaet.");
            if (name.Length > Limits.Name || role?.Length > Limits.Name)
                throw new DomainException(
                    $"The participant line '{Shorten(line)}' is too long.",
                    $"Navn og rolle for »{Shorten(name)}« må højst være {Limits.Name} tegn hver.");
            participants.Add(new Participant(name, string.IsNullOrEmpty(role) ? null : role, false));
        }

        return participants;
    }

    private async Task<IReadOnlyList<ForumMember>> MembersAsync(int forumId, CancellationToken cancellationToken)
    {
        var rows = await (from membership in Db.ForumMemberships.AsNoTracking()
                          join user in Db.Users.AsNoTracking() on membership.UserId equals user.Id
                          where membership.ForumId == forumId
                          select new { user.Id, user.DisplayName, user.Email, membership.Role })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new ForumMember(r.Id, string.IsNullOrWhiteSpace(r.DisplayName) ? r.Email ?? r.Id : r.DisplayName, r.Role.Danish()))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Db.ChangeTracker.Clear();
        var workflow = new MeetingWorkflow(Db);
        Meeting = await workflow.LoadAsync(id, cancellationToken);
        var members = await MembersAsync(Meeting.ForumId, cancellationToken);

        // Recorded participants are matched to members by name: a member not yet recorded counts as present.
        var recorded = Meeting.Participants;
        Members = members
            .Select(m => new MemberAttendance(m.UserId, m.Name, m.Role, recorded.FirstOrDefault(p => p.Name == m.Name)?.IsAbsent ?? false))
            .ToList();
        ExtraParticipants = string.Join('\n', recorded
            .Where(p => members.All(m => m.Name != p.Name))
            .Select(p => p.Role is null ? p.Name : p.Name + ", " + p.Role));

        var approval = Meeting.Items.FirstOrDefault(StandardItems.IsApproval);
        ApprovalOutcome = approval?.MinutesApproval?.Outcome ?? MinutesApprovalOutcome.Pending;
        MinutesToApprove = ApprovalOutcome == MinutesApprovalOutcome.Approved
            ? await Db.Meetings.AsNoTracking()
                .Where(m => m.ForumId == Meeting.ForumId && m.MinutesApprovedOn == Meeting.Date)
                .OrderBy(m => m.Date).Select(m => m.Date)
                .ToListAsync(cancellationToken)
            : await workflow.UnapprovedMinutesAsync(Meeting.ForumId, Meeting.Date, cancellationToken);
        UnpublishedChanges = await SecretariatQueries.UnpublishedChangesAsync(Db, Meeting, cancellationToken);
    }

    private sealed record ForumMember(string UserId, string Name, string Role);
}

public sealed record MemberAttendance(string UserId, string Name, string Role, bool IsAbsent);

public sealed record DecisionForm(int Number, string Outcome, string Text);
