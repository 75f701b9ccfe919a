using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Secretariat;

/// <summary>
/// A page of one meeting's work, open only to the secretaries of the meeting's forum. Every POST
/// redirects back on success; a refused change shows the page again, freshly read, with the Danish
/// reason (400 for bad input, 409 when someone else changed the meeting first).
/// </summary>
public abstract class SecretariatPageModel(CurrentUser currentUser, DagsordenDbContext db) : WorkPageModel(currentUser)
{
    /// <summary>Shown once after a redirect, e.g. what became of the e-mail to the members.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Set when <see cref="Notice"/> reports something that went wrong, such as a failed e-mail.</summary>
    [TempData]
    public bool NoticeIsWarning { get; set; }

    protected DagsordenDbContext Db => db;

    protected UserAccess Access { get; set; } = UserAccess.Anonymous;

    /// <summary>Null when the user is a secretary of the meeting's forum; else a sign-in redirect, 404 or 403.</summary>
    protected async Task<IActionResult?> AuthorizeAsync(int meetingId, CancellationToken cancellationToken)
    {
        Access = await AccessAsync(cancellationToken);
        if (!Access.IsSignedIn)
            return Challenge();
        var forumId = await db.Meetings.Where(m => m.Id == meetingId).Select(m => (int?)m.ForumId).FirstOrDefaultAsync(cancellationToken);
        if (forumId is null)
            return NotFound();
        return Require(Access, Access.IsSecretaryOf(forumId.Value));
    }

    /// <summary>Shows the page again with the reason for a refused change.</summary>
    protected async Task<IActionResult> RefusedAsync(DomainException refusal, Func<Task> reload)
    {
        AddError(refusal);
        await reload();
        var page = Page();
        page.StatusCode = refusal is EditConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page;
    }

    protected static int ParseNumber(string? text, string danishWhat)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new DomainException($"The {danishWhat} is missing.", $"Skriv {danishWhat}.");
        if (!int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            throw new DomainException($"'{trimmed}' is not a number ({danishWhat}).", $"»{Shorten(trimmed)}« er ikke et tal. Skriv {danishWhat} med cifre.");
        return number;
    }

    /// <summary>The revision the form was read at; a form without one is from an older page.</summary>
    protected static int ParseRevision(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw new EditConflictException(
                $"The form carried no usable revision ('{text}').",
                "Formularen manglede oplysning om, hvilken udgave af mødet du så. Siden viser nu den gemte udgave; gentag din ændring.");

    protected static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    protected IActionResult BackTo(string path, string? anchor = null) => Redirect(path + (anchor is null ? "" : "#" + anchor));
}
