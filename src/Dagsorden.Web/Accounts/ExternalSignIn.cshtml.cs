using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dagsorden.Web.Accounts;

/// <summary>
/// Starts sign-in at the municipality's identity provider. A POST with an antiforgery token, so no
/// other site can send a visitor through the provider. Without the OpenIdConnect section the address
/// does not exist.
/// </summary>
public sealed class ExternalSignInModel(IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "tilbage")]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => OpenIdConnectSignIn.IsConfigured(configuration) ? Page() : NotFound();

    public IActionResult OnPost()
    {
        if (!OpenIdConnectSignIn.IsConfigured(configuration))
            return NotFound();
        var callback = ExternalCallbackModel.Path + (Url.IsLocalUrl(ReturnUrl) ? "?tilbage=" + Uri.EscapeDataString(ReturnUrl!) : "");
        return Challenge(new AuthenticationProperties { RedirectUri = callback }, OpenIdConnectSignIn.Scheme);
    }
}
