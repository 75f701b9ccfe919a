using Dagsorden.Core;
using Dagsorden.Core.Communication;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Notifications;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Admin;

/// <summary>
/// /admin/afdelinger: the departments a secretary can mark on an item's decision ("Kommunikation"),
/// each with the address its digest of decisions goes to. Created and changed here; never deleted,
/// since the digests already owed and sent refer to them.
/// </summary>
public sealed class DepartmentsModel(CurrentUser currentUser, DagsordenDbContext db, ItemCommunication communication) : AdminPageModel(currentUser)
{
    public const string NameField = "navn";
    public const string EmailField = "email";

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    /// <summary>The department whose change was refused: its row shows what was typed and the messages.</summary>
    public int? RefusedId { get; private set; }

    [BindProperty(Name = NameField)]
    public string? Name { get; set; }

    [BindProperty(Name = EmailField)]
    public string? Email { get; set; }

    public IEnumerable<string> Errors(string field) => ModelStateMessages.For(ModelState, field);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        var (name, email) = await ReadAsync(null);
        if (name is null || email is null)
            return await ShowAgainAsync(null);

        db.Departments.Add(new Department(name, email));
        if (!await SaveAsync(name))
            return await ShowAgainAsync(null);
        Message = $"Afdelingen {name} er oprettet. Sekretærerne kan nu vælge den under »Kommunikation« på et punkt.";
        return LocalRedirect("/admin/afdelinger");
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id)
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        var department = id is null ? null : await db.Departments.FirstOrDefaultAsync(d => d.Id == id);
        if (department is null)
        {
            ModelState.AddModelError("", "Afdelingen findes ikke (længere). Siden viser nu de afdelinger, der findes.");
            return await ShowAgainAsync(null);
        }

        var (name, email) = await ReadAsync(department.Id);
        if (name is null || email is null)
            return await ShowAgainAsync(department.Id);

        department.Change(name, email);
        if (!await SaveAsync(name))
            return await ShowAgainAsync(department.Id);
        Message = $"Afdelingen {name} er gemt.";
        return LocalRedirect("/admin/afdelinger");
    }

    /// <summary>The posted name and address, checked; null (with the messages on the fields) when either cannot be used.</summary>
    private async Task<(string? Name, string? Email)> ReadAsync(int? id)
    {
        var name = AdminInput.Text(ModelState, NameField, Name, Limits.Name, "Skriv afdelingens navn, fx Økonomi og Analyse.", "Navnet");
        var email = AdminInput.Text(ModelState, EmailField, Email, FollowUp.MaxEmailLength, "Skriv den e-mailadresse, afdelingens beslutninger sendes til.", "E-mailadressen");
        if (email is not null && !MailAddresses.IsBare(email))
        {
            ModelState.AddModelError(EmailField, $"»{email}« er ikke en e-mailadresse. Skriv den som navn@kommune.dk.");
            email = null;
        }

        // Secretaries pick departments by name, so two may not share one (the unique index is case-sensitive; this is not).
        if (name is not null && (await db.Departments.AsNoTracking().Where(d => d.Id != id).Select(d => d.Name).ToListAsync()).Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(NameField, $"Der findes allerede en afdeling med navnet {name}.");
            name = null;
        }

        return (name, email);
    }

    private async Task<bool> SaveAsync(string name)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // Someone created the same name in the meantime; the unique index refused ours.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(NameField, $"Der findes allerede en afdeling med navnet {name}.");
            return false;
        }
    }

    private async Task<IActionResult> ShowAgainAsync(int? refusedId)
    {
        RefusedId = refusedId;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Departments = await communication.DepartmentsAsync();
}
