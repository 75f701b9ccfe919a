using Dagsorden.Core;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Admin;

/// <summary>/admin/forummer/{code}: a forum's settings and its members with their roles.</summary>
public sealed class ForumModel(CurrentUser currentUser, DagsordenDbContext db, UserAdministration administration) : AdminPageModel(currentUser), IForumSettings
{
    /// <summary>The ModelState key of errors from the member list's own forms.</summary>
    public const string MembersField = "Members";

    public Forum Forum { get; private set; } = null!;

    public IReadOnlyList<ForumMember> Members { get; private set; } = [];

    public int MeetingCount { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Template { get; set; }

    [BindProperty]
    public string? DefaultPlace { get; set; }

    [BindProperty]
    public string? DefaultTime { get; set; }

    [BindProperty]
    public string? MemberEmail { get; set; }

    [BindProperty]
    public string? MemberRole { get; set; }

    public IEnumerable<string> Errors(string field) => ModelStateMessages.For(ModelState, field);

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        if (!await LoadAsync(code))
            return NotFound();
        ShowSettings();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string code)
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        if (!await LoadAsync(code))
            return NotFound();

        var name = AdminInput.Text(ModelState, nameof(Name), Name, Limits.Name, "Skriv forummets navn.", "Navnet");
        var template = AdminInput.Template(ModelState, nameof(Template), Template);
        var place = AdminInput.Text(ModelState, nameof(DefaultPlace), DefaultPlace, Limits.Place, null, "Mødestedet");
        var time = AdminInput.Time(ModelState, nameof(DefaultTime), DefaultTime);
        var forumId = Forum.Id;
        if (name is not null && (await db.Forums.Where(f => f.Id != forumId).Select(f => f.Name).ToListAsync()).Contains(name, StringComparer.OrdinalIgnoreCase))
            ModelState.AddModelError(nameof(Name), $"Der findes allerede et andet forum med navnet {name}.");
        if (!ModelState.IsValid || name is null || template is null || place is null)
            return Page();

        var forum = await db.Forums.SingleAsync(f => f.Id == forumId);
        forum.Update(name, template.Value, place, time);
        await db.SaveChangesAsync();
        Message = "Forummets indstillinger er gemt.";
        return LocalRedirect(ForumPath(forum.Code));
    }

    public async Task<IActionResult> OnPostAddMemberAsync(string code)
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        if (!await LoadAsync(code))
            return NotFound();

        var role = ForumRoles.Parse(MemberRole);
        if (role is null)
            ModelState.AddModelError(nameof(MemberRole), "Vælg rollen Medlem eller Sekretær.");
        else
            await TryAsync(nameof(MemberEmail), () => administration.AddToForumAsync(Forum.Id, MemberEmail, role.Value));
        if (!ModelState.IsValid)
            return await ShowAgainAsync(code);

        Message = $"{MemberEmail!.Trim()} er nu {role!.Value.Danish().ToLowerInvariant()} i {Forum.Name}.";
        return LocalRedirect(ForumPath(Forum.Code) + "#medlemmer");
    }

    public async Task<IActionResult> OnPostChangeRoleAsync(string code, string? userId, string? role)
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        if (!await LoadAsync(code))
            return NotFound();

        var forumRole = ForumRoles.Parse(role);
        if (forumRole is null)
            ModelState.AddModelError(MembersField, "Vælg rollen Medlem eller Sekretær.");
        else
            await TryAsync(MembersField, () => administration.ChangeForumRoleAsync(Forum.Id, userId ?? "", forumRole.Value));
        if (!ModelState.IsValid)
            return await ShowAgainAsync(code);

        var member = Members.First(m => m.UserId == userId);
        Message = $"{member.Email} er nu {forumRole!.Value.Danish().ToLowerInvariant()} i {Forum.Name}.";
        return LocalRedirect(ForumPath(Forum.Code) + "#medlemmer");
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(string code, string? userId)
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        if (!await LoadAsync(code))
            return NotFound();

        await TryAsync(MembersField, () => administration.RemoveFromForumAsync(Forum.Id, userId ?? ""));
        if (!ModelState.IsValid)
            return await ShowAgainAsync(code);

        var member = Members.First(m => m.UserId == userId);
        Message = $"{member.Email} er ikke længere med i {Forum.Name}.";
        return LocalRedirect(ForumPath(Forum.Code) + "#medlemmer");
    }

    private async Task TryAsync(string field, Func<Task> change)
    {
        try
        {
            await change();
        }
        catch (DomainException e)
        {
            AddError(e, field);
        }
    }

    private async Task<IActionResult> ShowAgainAsync(string code)
    {
        await LoadAsync(code);
        ShowSettings();
        return Page();
    }

    // The settings form shows the stored values, except after a failed save, where it shows what was typed.
    private void ShowSettings()
    {
        Name = Forum.Name;
        Template = Forum.Template.ToString();
        DefaultPlace = Forum.DefaultPlace;
        DefaultTime = Forum.DefaultStartTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        MemberRole ??= nameof(ForumRole.Member);
    }

    private async Task<bool> LoadAsync(string code)
    {
        var wanted = code.Trim().ToUpperInvariant();
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Code == wanted);
        if (forum is null)
            return false;
        Forum = forum;
        Members = await administration.ForumMembersAsync(forum.Id);
        MeetingCount = await db.Meetings.CountAsync(m => m.ForumId == forum.Id);
        return true;
    }
}
