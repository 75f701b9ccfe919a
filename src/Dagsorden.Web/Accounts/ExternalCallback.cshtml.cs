using System.Security.Claims;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dagsorden.Web.Accounts;

/// <summary>
/// Where the identity provider's sign-in lands (after the OpenID Connect handler has checked it at
/// /signin-oidc). Signs in the local user with the provider's e-mail address. Users are never created
/// here: an administrator decides who has an account and which roles it has.
/// </summary>
public sealed class ExternalCallbackModel(
    SignInManager<UserAccount> signIn,
    UserManager<UserAccount> users,
    DagsordenDbContext db,
    IConfiguration configuration,
    ILogger<ExternalCallbackModel> log) : PageModel
{
    public const string Path = "/konto/ekstern/retur";

    [BindProperty(SupportsGet = true, Name = "tilbage")]
    public string? ReturnUrl { get; set; }

    public string Problem { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!OpenIdConnectSignIn.IsConfigured(configuration))
            return NotFound();

        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        // The external cookie has done its job either way; it must not linger.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is null)
            return Refuse("Login hos kommunen blev ikke gennemført, eller det tog for lang tid. Prøv igen.", "no external sign-in");

        var principal = external.Principal;
        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("email");
        if (string.IsNullOrWhiteSpace(email))
            return Refuse("Kommunens login oplyste ikke din e-mailadresse, så vi kan ikke finde din bruger. Kontakt en administrator.", "no e-mail claim");
        if (string.Equals(principal.FindFirstValue("email_verified"), "false", StringComparison.OrdinalIgnoreCase))
            return Refuse($"Kommunens login har ikke bekræftet e-mailadressen {email}. Kontakt en administrator.", "e-mail not verified");

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
            return Refuse($"Der findes ingen bruger i Dagsorden med e-mailadressen {email}. Bed en administrator om at oprette dig.", "no local user");
        if (await users.IsLockedOutAsync(user))
            return Refuse("Kontoen er midlertidigt låst efter for mange forkerte forsøg. Prøv igen om et kvarter.", "locked out");
        if (!await signIn.CanSignInAsync(user))
            return Refuse("Kontoen kan ikke logge ind endnu. Kontakt en administrator.", "not allowed");

        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: OpenIdConnectSignIn.Scheme);
        await AuditLog.RecordSignInAsync(db, AuditActions.SignIn, email, user.Id);
        log.LogInformation("Sign-in of {Email} through the identity provider succeeded", email);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private PageResult Refuse(string message, string reason)
    {
        log.LogWarning("Sign-in through the identity provider refused: {Reason}", reason);
        Problem = message;
        return Page();
    }
}
