using System.ComponentModel.DataAnnotations;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dagsorden.Web.Accounts;

public sealed class SignInModel(SignInManager<UserAccount> signIn, DagsordenDbContext db, IConfiguration configuration, ILogger<SignInModel> log) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Skriv din e-mailadresse.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Skriv din adgangskode.")]
    [DataType(DataType.Password)]
    [Display(Name = "Adgangskode")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "tilbage")]
    public string? ReturnUrl { get; set; }

    public bool ExternalSignIn { get; private set; }

    public void OnGet() => ExternalSignIn = OpenIdConnectSignIn.IsConfigured(configuration);

    public async Task<IActionResult> OnPostAsync()
    {
        ExternalSignIn = OpenIdConnectSignIn.IsConfigured(configuration);
        if (!ModelState.IsValid)
            return Page();

        // The failed-attempt count a wrong password changes is recorded as changed by whoever tried.
        db.Actor = new AuditActor(null, Email.Trim());
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        var userId = (await signIn.UserManager.FindByNameAsync(Email.Trim()))?.Id;
        var action = result.Succeeded ? AuditActions.SignIn : result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed;
        await AuditLog.RecordSignInAsync(db, action, Email, userId);
        if (result.Succeeded)
        {
            log.LogInformation("Sign-in of {Email} succeeded", Email.Trim());
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            log.LogWarning("Sign-in of {Email} refused: the account is locked out", Email.Trim());
            ModelState.AddModelError("", "Kontoen er midlertidigt låst efter for mange forkerte forsøg. Prøv igen om et kvarter.");
        }
        else
        {
            log.LogWarning("Sign-in of {Email} failed", Email.Trim());
            ModelState.AddModelError("", "Forkert e-mail eller adgangskode.");
        }

        return Page();
    }
}
