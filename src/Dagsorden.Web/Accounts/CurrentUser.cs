using System.Security.Claims;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Accounts;

/// <summary>
/// The signed-in user's roles and forum memberships, read from the database once per request so a
/// changed membership or a removed role takes effect on the next request, not at the next sign-in.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, DagsordenDbContext db)
{
    private UserAccess? _access;

    public async Task<UserAccess> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_access is not null)
            return _access;
        var principal = http.HttpContext?.User;
        var userId = principal?.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (userId is null)
            return _access = UserAccess.Anonymous;

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
            return _access = UserAccess.Anonymous;
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == userId
                           select role.Name).ToListAsync(cancellationToken);
        var forums = await db.ForumMemberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .ToDictionaryAsync(m => m.ForumId, m => m.Role, cancellationToken);
        return _access = new UserAccess(
            userId,
            string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName,
            roles.Contains(SystemRoles.Administrator),
            roles.Contains(SystemRoles.Author),
            forums);
    }
}
