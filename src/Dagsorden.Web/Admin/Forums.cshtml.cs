using Dagsorden.Core;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Admin;

public sealed record ForumRow(string Code, string Name, DocumentTemplate Template, string? DefaultPlace, TimeOnly? DefaultStartTime, int Members, int Meetings);

/// <summary>/admin/forummer: the forums, and the form that creates one.</summary>
public sealed class ForumsModel(CurrentUser currentUser, DagsordenDbContext db) : AdminPageModel(currentUser), IForumSettings
{
    public IReadOnlyList<ForumRow> Forums { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Template { get; set; } = nameof(DocumentTemplate.Standard2016);

    [BindProperty]
    public string? DefaultPlace { get; set; }

    [BindProperty]
    public string? DefaultTime { get; set; }

    public IEnumerable<string> Errors(string field) => ModelStateMessages.For(ModelState, field);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;

        var code = AdminInput.ForumCode(ModelState, nameof(Code), Code);
        var name = AdminInput.Text(ModelState, nameof(Name), Name, Limits.Name, "Skriv forummets navn, fx Chefforum.", "Navnet");
        var template = AdminInput.Template(ModelState, nameof(Template), Template);
        var place = AdminInput.Text(ModelState, nameof(DefaultPlace), DefaultPlace, Limits.Place, null, "Mødestedet");
        var time = AdminInput.Time(ModelState, nameof(DefaultTime), DefaultTime);
        if (code is not null && await db.Forums.AnyAsync(f => f.Code == code))
            ModelState.AddModelError(nameof(Code), $"Der findes allerede et forum med koden {code}.");
        // The importer recognises a forum by its name too, so two forums may not share one.
        if (name is not null && (await db.Forums.Select(f => f.Name).ToListAsync()).Contains(name, StringComparer.OrdinalIgnoreCase))
            ModelState.AddModelError(nameof(Name), $"Der findes allerede et forum med navnet {name}.");
        if (!ModelState.IsValid || code is null || name is null || template is null || place is null)
        {
            await LoadAsync();
            return Page();
        }

        var forum = new Forum(code, name, template.Value);
        forum.Update(name, template.Value, place, time);
        db.Forums.Add(forum);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Someone created the same code in the meantime; the unique index refused ours.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(Code), $"Der findes allerede et forum med koden {code}.");
            await LoadAsync();
            return Page();
        }

        Message = $"Forummet {name} ({code}) er oprettet. Tilføj medlemmer, og læg møderne ind fra årshjulet.";
        return LocalRedirect(ForumPath(code));
    }

    private async Task LoadAsync()
    {
        var forums = await db.Forums.AsNoTracking().ToListAsync();
        var members = await db.ForumMemberships.GroupBy(m => m.ForumId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var meetings = await db.Meetings.GroupBy(m => m.ForumId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Forums = forums
            .OrderBy(f => f.Code, StringComparer.Ordinal)
            .Select(f => new ForumRow(f.Code, f.Name, f.Template, f.DefaultPlace, f.DefaultStartTime, members.GetValueOrDefault(f.Id), meetings.GetValueOrDefault(f.Id)))
            .ToList();
    }
}
