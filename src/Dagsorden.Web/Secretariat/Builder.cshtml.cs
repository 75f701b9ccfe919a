using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Notifications;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Dagsorden.Web.Feeds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Secretariat;

/// <summary>
/// /sekretariat/moeder/{id}: the agenda builder. Every change is a plain POST carrying the meeting's
/// revision, so it works without JavaScript and a change made on an outdated page is refused, not applied
/// to an agenda the secretary has not seen.
/// </summary>
public sealed class BuilderModel(CurrentUser currentUser, DagsordenDbContext db, AgendaNotice agendaNotice, ILogger<BuilderModel> log)
    : SecretariatPageModel(currentUser, db)
{
    public Meeting Meeting { get; private set; } = null!;

    public IReadOnlyList<QueuedDraft> Queue { get; private set; } = [];

    public IReadOnlyList<VersionView> Versions { get; private set; } = [];

    /// <summary>The open follow-ups due at or before this meeting.</summary>
    public IReadOnlyList<FollowUpRow> FollowUps { get; private set; } = [];

    /// <summary>Changes since the newest published version: what a supplement would publish.</summary>
    public IReadOnlyList<string> UnpublishedChanges { get; private set; } = [];

    /// <summary>Items may be added, moved and removed while the minutes are not yet published.</summary>
    public bool AgendaIsOpen => Meeting.Status is MeetingStatus.Planned or MeetingStatus.AgendaPublished;

    public static string PathOf(int meetingId) => "/sekretariat/moeder/" + meetingId.ToString(CultureInfo.InvariantCulture);

    public static string EditorPath(int meetingId, int number) =>
        PathOf(meetingId) + "/punkt/" + number.ToString(CultureInfo.InvariantCulture) + "/rediger";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
            return refused;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>"Flyt op", "Flyt ned" and "Flyt til": item <paramref name="nummer"/> to place <paramref name="til"/>.</summary>
    public Task<IActionResult> OnPostMoveAsync(int id, string? nummer, string? til, string? revision, CancellationToken cancellationToken) =>
        ChangeAsync(id, revision, async (workflow, meeting, expected) =>
        {
            var number = ParseNumber(nummer, "punktets nummer");
            var to = ParseNumber(til, "det nye nummer");
            await workflow.MoveItemAsync(id, number, to, expected, cancellationToken);
            return "punkt-" + to.ToString(CultureInfo.InvariantCulture);
        }, cancellationToken);

    public Task<IActionResult> OnPostToFollowAsync(int id, string? nummer, string? eftersendes, string? revision, CancellationToken cancellationToken) =>
        ChangeAsync(id, revision, async (workflow, meeting, expected) =>
        {
            var number = ParseNumber(nummer, "punktets nummer");
            var toFollow = eftersendes switch
            {
                "true" => true,
                "false" => false,
                _ => throw new DomainException($"'{eftersendes}' is not true or false.", "Vælg, om punktet eftersendes."),
            };
            await workflow.MarkToFollowAsync(id, number, toFollow, expected, cancellationToken);
            return "punkt-" + number.ToString(CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <summary>"Fjern": an item placed from the queue goes back to the queue.</summary>
    public Task<IActionResult> OnPostRemoveAsync(int id, string? nummer, string? revision, CancellationToken cancellationToken) =>
        ChangeAsync(id, revision, async (workflow, meeting, expected) =>
        {
            var number = ParseNumber(nummer, "punktets nummer");
            await workflow.RemoveItemAsync(id, number, expected, cancellationToken);
            Notice = $"Punkt {number} er fjernet fra dagsordenen.";
            return "punkter";
        }, cancellationToken);

    /// <summary>"Sæt på dagsordenen": a submitted draft from the forum's queue becomes an item before "Evt.".</summary>
    public Task<IActionResult> OnPostPlaceAsync(int id, string? kladde, string? revision, CancellationToken cancellationToken) =>
        ChangeAsync(id, revision, async (workflow, meeting, expected) =>
        {
            if (!int.TryParse(kladde?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var draftId))
                throw new DomainException($"'{kladde}' is not a draft id.", "Punktet findes ikke i køen.");
            await workflow.PlaceDraftAsync(id, draftId, expected, cancellationToken);
            return "punkter";
        }, cancellationToken);

    /// <summary>Publishes the agenda (version 1) or, once published, a supplement; then e-mails the forum's members.</summary>
    public Task<IActionResult> OnPostPublishAsync(int id, string? revision, CancellationToken cancellationToken) =>
        ChangeAsync(id, revision, async (workflow, meeting, expected) =>
        {
            if (meeting.Status == MeetingStatus.AgendaPublished && (await SecretariatQueries.UnpublishedChangesAsync(Db, meeting, cancellationToken)).Count == 0)
                throw new DomainException($"Meeting {meeting.Key} has no changes since its last version.", "Dagsordenen er ikke ændret, siden den sidst blev offentliggjort; der er intet at offentliggøre.");

            var version = await workflow.PublishAgendaAsync(id, Access.DisplayName ?? "Sekretariatet", expected, cancellationToken);
            var description = MeetingVersion.Describe(await workflow.VersionsAsync(id, cancellationToken), version);
            MailReport mail;
            try
            {
                mail = await agendaNotice.SendAsync(version, PublicUrls.For(Request).MeetingPage(meeting.Key), cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The version is committed; nothing about the mail may turn that into an error page.
                log.LogError(e, "Could not e-mail the members about {Meeting} version {Version}", meeting.Key, version.Number);
                mail = new MailReport(MailOutcome.Failed, 0, []);
            }

            Notice = $"{description} er offentliggjort. {mail.Danish()}";
            NoticeIsWarning = mail.IsFailure;
            return null;
        }, cancellationToken);

    /// <summary>
    /// "Sæt i køen som punkt": a follow-up due at this meeting becomes a draft item in the forum's queue,
    /// from where it is placed like any other; deciding that item closes the follow-up.
    /// </summary>
    public async Task<IActionResult> OnPostFollowUpAsync(int id, string? opfoelgning, string? version, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
            return refused;
        try
        {
            var due = await new FollowUpService(Db).DueAtMeetingAsync(id, cancellationToken);
            var followUp = int.TryParse(opfoelgning?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var followUpId)
                ? due.FirstOrDefault(f => f.Id == followUpId)
                : null;
            if (followUp is null)
                throw new DomainException($"'{opfoelgning}' is not an open follow-up due at meeting {id}.", "Opfølgningen er ikke (længere) åben til dette møde. Siden viser nu mødets opfølgninger.");
            var forumId = await Db.Meetings.Where(m => m.Id == id).Select(m => m.ForumId).SingleAsync(cancellationToken);
            await new FollowUpService(Db).QueueAsDraftAsync(followUp.Id, forumId, Access.UserId!, Access.DisplayName ?? "Sekretariatet", ParseRevision(version), cancellationToken);
            Notice = "Opfølgningen er sat i køen som et punkt. Sæt det på dagsordenen under »Indsendte punkter«, eller ret teksten først under »Mine punkter«.";
            return BackTo(PathOf(id), "koe");
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, () => LoadAsync(id, cancellationToken));
        }
    }

    private async Task<IActionResult> ChangeAsync(int id, string? revision, Func<MeetingWorkflow, Meeting, int, Task<string?>> change, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
            return refused;
        var workflow = new MeetingWorkflow(Db);
        try
        {
            var expected = ParseRevision(revision);
            var meeting = await workflow.LoadAsync(id, cancellationToken);
            // Checked before the change too, so checks that read the meeting see the version the secretary saw.
            meeting.EnsureRevision(expected);
            var anchor = await change(workflow, meeting, expected);
            return BackTo(PathOf(id), anchor);
        }
        catch (DomainException e)
        {
            Notice = null;
            return await RefusedAsync(e, () => LoadAsync(id, cancellationToken));
        }
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Db.ChangeTracker.Clear();
        Meeting = await new MeetingWorkflow(Db).LoadAsync(id, cancellationToken);
        Queue = await SecretariatQueries.QueueAsync(Db, Meeting.ForumId, cancellationToken);
        Versions = await SecretariatQueries.VersionsAsync(Db, id, cancellationToken);
        UnpublishedChanges = await SecretariatQueries.UnpublishedChangesAsync(Db, Meeting, cancellationToken);
        FollowUps = await new FollowUpService(Db).DueAtMeetingAsync(id, cancellationToken);
    }
}
