using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Dagsorden.Web.Admin;

/// <summary>
/// A page of the administration: administrators only (others get 403, anonymous visitors the sign-in
/// page). After a change the page redirects and shows <see cref="Message"/> once.
/// </summary>
public abstract class AdminPageModel(CurrentUser currentUser) : WorkPageModel(currentUser)
{
    [TempData]
    public string? Message { get; set; }

    /// <summary>Null for an administrator; otherwise the result that refuses the request.</summary>
    protected async Task<IActionResult?> RefuseUnlessAdministratorAsync()
    {
        var access = await AccessAsync(HttpContext.RequestAborted);
        return Require(access, access.IsAdministrator);
    }

    protected static string ForumPath(string code) => "/admin/forummer/" + Uri.EscapeDataString(code.ToLowerInvariant());
}
