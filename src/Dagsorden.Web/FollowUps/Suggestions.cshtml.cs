using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Web.Accounts;
using Dagsorden.Web.Secretariat;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.FollowUps;

/// <summary>
/// /sekretariat/moeder/{id}/forslag: the follow-ups the extractor read out of the meeting's decisions.
/// The secretary turns one into a follow-up (a form prefilled from the sentence, asking who is
/// responsible) or dismisses it; nothing becomes a follow-up without them.
/// </summary>
public sealed class SuggestionsModel(CurrentUser currentUser, DagsordenDbContext db) : SecretariatPageModel(currentUser, db)
{
    public Meeting Meeting { get; private set; } = null!;

    public IReadOnlyList<PendingSuggestion> Suggestions { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Forums { get; private set; } = [];

    /// <summary>The open acceptance form: prefilled from a suggestion, or what the secretary wrote when it was refused.</summary>
    public AcceptForm? Form { get; private set; }

    public static string PathOf(int meetingId) => BuilderModel.PathOf(meetingId) + "/forslag";

    public static string DateValue(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public async Task<IActionResult> OnGetAsync(int id, string? forslag, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
            return refused;
        await LoadAsync(id, cancellationToken);
        if (forslag is null)
            return Page();
        try
        {
            var suggestion = await new FollowUpSuggestions(Db).FindPendingAsync(id, ParseNumber(forslag, "forslagets nummer"), cancellationToken);
            Form = new AcceptForm(suggestion.Id, suggestion.Sentence, "", "", DateValue(suggestion.DueDate), suggestion.TargetForumId?.ToString(CultureInfo.InvariantCulture) ?? "");
            return Page();
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, () => Task.CompletedTask);
        }
    }

    /// <summary>Creates the follow-up from the filled-in form and marks the suggestion accepted.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(int id, string? forslag, string? tekst, string? ansvarlig, string? email, string? frist, string? forum, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
            return refused;
        var number = 0;
        try
        {
            number = ParseNumber(forslag, "forslagets nummer");
            var due = ParseDate(frist);
            var targetForum = ParseForum(forum);
            var terms = new FollowUpTerms(tekst ?? "", ansvarlig ?? "", email, due, targetForum, null);
            var followUp = await new FollowUpSuggestions(Db).AcceptAsync(id, number, terms, cancellationToken);
            var today = SecretariatQueries.Today(Db);
            if (followUp.DueDate is { } date && date < today)
            {
                Notice = $"Opfølgningen er oprettet. Bemærk: fristen {DanishDates.ShortDate(date)} er allerede overskredet; ret den, hvis sagen stadig skal følges.";
                NoticeIsWarning = true;
            }
            else
            {
                Notice = "Opfølgningen er oprettet.";
            }

            return BackTo(PathOf(id));
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, async () =>
            {
                await LoadAsync(id, cancellationToken);
                if (Suggestions.Any(s => s.Id == number))
                    Form = new AcceptForm(number, tekst ?? "", ansvarlig ?? "", email ?? "", frist ?? "", forum ?? "");
            });
        }
    }

    public async Task<IActionResult> OnPostDismissAsync(int id, string? forslag, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refused)
            return refused;
        try
        {
            await new FollowUpSuggestions(Db).DismissAsync(id, ParseNumber(forslag, "forslagets nummer"), cancellationToken);
            Notice = "Forslaget er afvist.";
            return BackTo(PathOf(id));
        }
        catch (DomainException e)
        {
            return await RefusedAsync(e, () => LoadAsync(id, cancellationToken));
        }
    }

    private static DateOnly? ParseDate(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (DateOnly.TryParseExact(trimmed, ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        throw new DomainException($"'{trimmed}' is not a date.", $"Fristen »{Shorten(trimmed)}« er ikke en dato. Skriv den som dd-mm-åååå, fx 31-12-2026.");
    }

    private int? ParseForum(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var forumId))
            return forumId;
        throw new DomainException($"'{trimmed}' is not a forum id.", "Vælg forummet, sagen skal tilbage til, på listen.");
    }

    private async Task LoadAsync(int id, CancellationToken cancellationToken)
    {
        Db.ChangeTracker.Clear();
        Meeting = await new MeetingWorkflow(Db).LoadAsync(id, cancellationToken);
        Suggestions = await new FollowUpSuggestions(Db).PendingAsync(id, cancellationToken);
        Forums = (await Db.Forums.AsNoTracking().OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken))
            .Select(f => (f.Id, f.Name))
            .ToList();
    }
}

/// <summary>The fields of the acceptance form, as text so that refused input is shown back unchanged.</summary>
public sealed record AcceptForm(int SuggestionId, string Text, string Responsible, string Email, string DueDate, string ForumId);
