using Dagsorden.Core.Audit;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Dagsorden.Web.Admin;
using Microsoft.AspNetCore.Mvc;

namespace Dagsorden.Web.Audit;

/// <summary>Sign-ins, failed sign-ins and lockouts, and changes to users, roles, forums and memberships: administrators only.</summary>
public sealed class AdminLogModel(CurrentUser currentUser, DagsordenDbContext db) : AdminPageModel(currentUser)
{
    public IReadOnlyList<AuditEntry> SignIns { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Administration { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await RefuseUnlessAdministratorAsync() is { } refused)
            return refused;
        SignIns = await AuditLog.SignInsAsync(db, cancellationToken);
        Administration = await AuditLog.AdministrationAsync(db, cancellationToken);
        return Page();
    }
}
