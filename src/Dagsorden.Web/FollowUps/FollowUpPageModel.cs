using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Notifications;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Web.Accounts;
using Dagsorden.Web.Secretariat;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.FollowUps;

/// <summary>What the follow-up form holds, as typed, so a refused form comes back with nothing lost.</summary>
public sealed record FollowUpForm(string Text, string Responsible, string Email, string DueDate, string TargetForum, string TargetMeeting)
{
    public static FollowUpForm Empty { get; } = new("", "", "", "", "", "");

    public static FollowUpForm Of(FollowUpRow row) => new(
        row.Text,
        row.Responsible,
        row.ResponsibleEmail ?? "",
        row.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        row.TargetForumId?.ToString(CultureInfo.InvariantCulture) ?? "",
        row.TargetMeetingId?.ToString(CultureInfo.InvariantCulture) ?? "");
}

/// <summary>Follow-ups as a table; <paramref name="Editable"/> links each to its edit page (secretaries only).</summary>
public sealed record FollowUpTable(IReadOnlyList<FollowUpRow> Rows, bool Editable);

/// <summary>A forum or coming meeting the form offers as where the matter must come back.</summary>
public sealed record TargetOption(string Value, string Label);

/// <summary>
/// A page of one forum's follow-ups (/sekretariat/{code}/opfoelgning…): open to the forum's
/// secretaries and to administrators. Anonymous visitors are sent to sign in, others get 403, and an
/// unknown forum or a follow-up of another forum is 404.
/// </summary>
public abstract class FollowUpPageModel(CurrentUser currentUser, DagsordenDbContext db) : SecretariatPageModel(currentUser, db)
{
    public Forum Forum { get; private set; } = null!;

    /// <summary>The form's Danish messages by field ("tekst", "ansvarlig", "email", "frist", "forum", "moede").</summary>
    public Dictionary<string, string> FieldErrors { get; } = [];

    /// <summary>What the form shows: the refused input, else the stored follow-up, else empty.</summary>
    public FollowUpForm Form { get; protected set; } = FollowUpForm.Empty;

    public IReadOnlyList<TargetOption> ForumOptions { get; private set; } = [];

    public IReadOnlyList<TargetOption> MeetingOptions { get; private set; } = [];

    public static string PathOf(string forumCode) => "/sekretariat/" + Uri.EscapeDataString(forumCode.ToLowerInvariant()) + "/opfoelgning";

    public static string PathOf(string forumCode, int id) => PathOf(forumCode) + "/" + id.ToString(CultureInfo.InvariantCulture);

    public static string DashboardPath(string forumCode) => "/forum/" + Uri.EscapeDataString(forumCode.ToLowerInvariant()) + "/overblik";

    public string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);

    protected async Task<IActionResult?> AuthorizeForumAsync(string code, CancellationToken cancellationToken)
    {
        Access = await AccessAsync(cancellationToken);
        if (!Access.IsSignedIn)
            return Challenge();
        var upper = (code ?? "").ToUpperInvariant();
        var forum = await Db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Code == upper, cancellationToken);
        if (forum is null)
            return NotFound();
        Forum = forum;
        return Require(Access, Access.IsSecretaryOf(forum.Id) || Access.IsAdministrator);
    }

    /// <summary>The forums and the coming meetings (of any forum) a follow-up may be sent back to.</summary>
    protected async Task LoadOptionsAsync(CancellationToken cancellationToken, int? storedMeetingId = null)
    {
        var today = FollowUpService.Today(Db);
        var forums = await Db.Forums.AsNoTracking().OrderBy(f => f.Name).Select(f => new { f.Id, f.Code, f.Name }).ToListAsync(cancellationToken);
        ForumOptions = forums.Select(f => new TargetOption(f.Id.ToString(CultureInfo.InvariantCulture), $"{f.Name} ({f.Code})")).ToList();
        var meetings = await Db.Meetings.AsNoTracking()
            .Where(m => m.Date >= today || m.Id == storedMeetingId)
            .OrderBy(m => m.Date).ThenBy(m => m.Forum.Code)
            .Take(100)
            .Select(m => new { m.Id, m.Date, m.Forum.Code })
            .ToListAsync(cancellationToken);
        MeetingOptions = meetings.Select(m => new TargetOption(m.Id.ToString(CultureInfo.InvariantCulture), $"{m.Code} {DanishDates.LongDate(m.Date).ToLowerInvariant()}")).ToList();
    }

    /// <summary>
    /// Reads the form into terms, naming each bad field in <see cref="FieldErrors"/>; null when any is bad.
    /// A meeting chosen without a forum is sent back to that meeting's forum.
    /// </summary>
    protected async Task<FollowUpTerms?> ParseAsync(FollowUpForm form, CancellationToken cancellationToken)
    {
        var text = form.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
            FieldErrors["tekst"] = "Skriv, hvad der skal følges op på.";
        else if (text.Length > FollowUp.MaxTextLength)
            FieldErrors["tekst"] = $"Teksten er {text.Length} tegn; højst {FollowUp.MaxTextLength} tegn er tilladt.";

        var responsible = form.Responsible.Trim();
        if (responsible.Length == 0)
            FieldErrors["ansvarlig"] = "Skriv, hvem der er ansvarlig: en person eller en afdeling.";
        else if (responsible.Length > Limits.Name)
            FieldErrors["ansvarlig"] = $"Den ansvarlige er {responsible.Length} tegn; højst {Limits.Name} tegn er tilladt.";

        var email = form.Email.Trim();
        if (email.Length > 0 && !MailAddresses.IsBare(email))
            FieldErrors["email"] = $"»{Shorten(email)}« er ikke en e-mailadresse. Skriv fx navn@kommune.dk, eller lad feltet stå tomt.";

        DateOnly? due = null;
        var dueText = form.DueDate.Trim();
        if (dueText.Length > 0)
        {
            if (DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is >= 2000 and <= 2100)
                due = parsed;
            else
                FieldErrors["frist"] = $"»{Shorten(dueText)}« er ikke en dato. Skriv fristen som år-måned-dag, fx 2026-10-22.";
        }

        int? targetForum = null;
        if (form.TargetForum.Trim().Length > 0)
        {
            if (int.TryParse(form.TargetForum.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var forumId) && await Db.Forums.AnyAsync(f => f.Id == forumId, cancellationToken))
                targetForum = forumId;
            else
                FieldErrors["forum"] = "Vælg forummet på listen.";
        }

        int? targetMeeting = null;
        if (form.TargetMeeting.Trim().Length > 0)
        {
            var meetingForum = int.TryParse(form.TargetMeeting.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var meetingId)
                ? await Db.Meetings.Where(m => m.Id == meetingId).Select(m => (int?)m.ForumId).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (meetingForum is null)
                FieldErrors["moede"] = "Vælg mødet på listen.";
            else if (targetForum is not null && targetForum != meetingForum)
                FieldErrors["moede"] = "Det valgte møde hører ikke til det valgte forum. Vælg et møde i forummet, eller lad forummet stå tomt.";
            else if (!FieldErrors.ContainsKey("forum"))
                (targetMeeting, targetForum) = (meetingId, meetingForum);
        }

        if (due is null && targetForum is null && !FieldErrors.ContainsKey("frist") && !FieldErrors.ContainsKey("forum") && !FieldErrors.ContainsKey("moede"))
            FieldErrors["frist"] = "Angiv en frist, eller vælg det forum eller møde, sagen skal tilbage til.";

        return FieldErrors.Count == 0 ? new FollowUpTerms(text, responsible, email.Length == 0 ? null : email, due, targetForum, targetMeeting) : null;
    }

    /// <summary>Shows the page again with the refused form (400), or 409 when someone else saved first.</summary>
    protected IActionResult Refused(bool conflict = false)
    {
        var page = Page();
        page.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }

    protected static FollowUpForm FormFrom(string? tekst, string? ansvarlig, string? email, string? frist, string? forum, string? moede) =>
        new(tekst ?? "", ansvarlig ?? "", email ?? "", frist ?? "", forum ?? "", moede ?? "");
}
