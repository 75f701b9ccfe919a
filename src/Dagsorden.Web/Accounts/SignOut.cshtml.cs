using Dagsorden.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dagsorden.Web.Accounts;

/// <summary>Signing out is a POST with an antiforgery token, so no link on another site can sign a user out.</summary>
public sealed class SignOutModel(SignInManager<UserAccount> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
