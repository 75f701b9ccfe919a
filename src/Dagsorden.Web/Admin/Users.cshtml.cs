using Dagsorden.Core;
using Dagsorden.Core.Accounts;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Dagsorden.Web.Admin;

/// <summary>/admin/brugere: every user with roles and lockout; create a user, change system roles, set a new password, unlock.</summary>
public sealed class UsersModel(CurrentUser currentUser, UserAdministration administration, SignInManager<UserAccount> signIn) : AdminPageModel(currentUser)
{
    /// <summary>The ModelState key of errors from the user list's own forms.</summary>
    public const string ListField = "List";

    public static IReadOnlyList<(string Role, string Description)> RoleChoices { get; } =
    [
        (SystemRoles.Administrator, "administrerer forummer og brugere"),
        (SystemRoles.Author, "skriver punkter og sender dem til et forum"),
    ];

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? Password { get; set; }

    public IEnumerable<string> Errors(string field) => ModelStateMessages.For(ModelState, field);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        Users = await administration.ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;

        var name = AdminInput.Text(ModelState, nameof(DisplayName), DisplayName, Limits.Name, "Skriv brugerens navn, fx Mette Hansen.", "Navnet");
        if (string.IsNullOrEmpty(Password))
            ModelState.AddModelError(nameof(Password), "Skriv en første adgangskode til brugeren.");
        if (ModelState.IsValid)
        {
            try
            {
                var user = await administration.CreateAsync(new NewUser(Email ?? "", name!, Roles, Password!));
                Message = $"Brugeren {user.Email} er oprettet. Giv brugeren adgangskoden ad en sikker vej.";
                return LocalRedirect("/admin/brugere");
            }
            catch (AccountException e)
            {
                AddError(e, e.Field switch
                {
                    AccountField.Email => nameof(Email),
                    AccountField.DisplayName => nameof(DisplayName),
                    AccountField.Password => nameof(Password),
                    AccountField.Roles => nameof(Roles),
                    _ => "",
                });
            }
        }

        Users = await administration.ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string? userId, List<string>? roles)
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        return await ChangeAsync(userId, () => administration.SetSystemRolesAsync(userId ?? "", roles ?? []), email => $"Rollerne for {email} er gemt.");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string? userId)
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        return await ChangeAsync(userId, () => administration.UnlockAsync(userId ?? ""), email => $"Kontoen for {email} er låst op.");
    }

    /// <summary>A new password for a user who forgot theirs; it also lifts a lockout.</summary>
    public async Task<IActionResult> OnPostPasswordAsync(string? userId, string? newPassword)
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        return await ChangeAsync(
            userId,
            async () =>
            {
                await administration.SetPasswordAsync(userId ?? "", newPassword);

                // The administrator's own new password would otherwise end this session too.
                if (signIn.UserManager.GetUserId(User) == userId && await signIn.UserManager.FindByIdAsync(userId!) is { } self)
                    await signIn.RefreshSignInAsync(self);
            },
            email => $"{email} har fået en ny adgangskode, og en eventuel spærring er ophævet. Giv brugeren adgangskoden ad en sikker vej.");
    }

    private async Task<IActionResult> ChangeAsync(string? userId, Func<Task> change, Func<string, string> done)
    {
        try
        {
            await change();
            var email = (await administration.ListAsync()).First(u => u.Id == userId).Email;
            Message = done(email);
            return LocalRedirect("/admin/brugere");
        }
        catch (DomainException e)
        {
            AddError(e, ListField);
            Users = await administration.ListAsync();
            return Page();
        }
    }
}
