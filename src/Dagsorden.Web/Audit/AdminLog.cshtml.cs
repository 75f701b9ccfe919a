using Dagsorden.Core.Audit;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Dagsorden.Web.Admin;
using Microsoft.AspNetCore.Mvc;

namespace Dagsorden.Web.Audit;

/// <summary>Sign-ins, failed sign-ins and lockouts, and changes to users, roles, forums and memberships: administrators only.</summary>
public sealed class AdminLogModel(CurrentUser currentUser, DagsordenDbContext db) : AdminPageModel(currentUser)
{
    public const string Path = "/admin/log";
    public const string SignInsParameter = "logins-foer";
    public const string ChangesParameter = "aendringer-foer";

    public AuditPage SignIns { get; private set; } = new([], null);

    public AuditPage Administration { get; private set; } = new([], null);

    /// <summary>The sign-in entry the shown page of sign-ins continues after, if not the newest.</summary>
    public long? SignInsBefore { get; private set; }

    /// <summary>The change the shown page of changes continues after, if not the newest.</summary>
    public long? ChangesBefore { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = SignInsParameter)] string? signInsBefore,
        [FromQuery(Name = ChangesParameter)] string? changesBefore,
        CancellationToken cancellationToken)
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        if (!AuditPaging.TryRead(signInsBefore, out var signIns) || !AuditPaging.TryRead(changesBefore, out var changes))
            return BadRequest();
        if (await AuditLog.SignInsAsync(db, signIns, cancellationToken) is not { } signInPage
            || await AuditLog.AdministrationAsync(db, changes, cancellationToken) is not { } changePage)
        {
            return NotFound();
        }

        (SignIns, Administration, SignInsBefore, ChangesBefore) = (signInPage, changePage, signIns, changes);
        return Page();
    }

    /// <summary>This page with the given page of each table.</summary>
    public static string Href(long? signInsBefore, long? changesBefore) =>
        AuditPaging.Href(Path, (SignInsParameter, signInsBefore), (ChangesParameter, changesBefore));
}
