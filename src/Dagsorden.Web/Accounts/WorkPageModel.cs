using Dagsorden.Core.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dagsorden.Web.Accounts;

/// <summary>
/// A page for signed-in work (authors, secretaries, administrators). <see cref="Require"/> answers an
/// anonymous visitor with a redirect to the sign-in page and a signed-in user without the right with 403.
/// </summary>
public abstract class WorkPageModel(CurrentUser currentUser) : PageModel
{
    protected Task<UserAccess> AccessAsync(CancellationToken cancellationToken = default) => currentUser.GetAsync(cancellationToken);

    /// <summary>Null when <paramref name="allowed"/> holds; otherwise the result that refuses the request.</summary>
    protected IActionResult? Require(UserAccess access, bool allowed)
    {
        if (!access.IsSignedIn)
            return Challenge();
        return allowed ? null : Forbid();
    }

    /// <summary>Shows a domain rule's Danish message on the page instead of an error page.</summary>
    protected void AddError(Core.DomainException e, string field = "") => ModelState.AddModelError(field, e.DanishMessage);
}
