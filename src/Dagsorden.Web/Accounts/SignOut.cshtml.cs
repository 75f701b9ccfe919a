using System.Security.Claims;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dagsorden.Web.Accounts;

/// <summary>Signing out is a POST with an antiforgery token, so no link on another site can sign a user out.</summary>
public sealed class SignOutModel(SignInManager<UserAccount> signIn, DagsordenDbContext db) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
            await AuditLog.RecordSignInAsync(db, AuditActions.SignOut, User.Identity.Name ?? "", User.FindFirstValue(ClaimTypes.NameIdentifier));
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
