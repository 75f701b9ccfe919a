using System.Text.RegularExpressions;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Accounts;

/// <summary>Which input an account rule concerns, so that a form can show the message beside that field.</summary>
public enum AccountField
{
    Email,
    DisplayName,
    Password,
    Roles,
    Forum,
    User,
}

/// <summary>An account rule was broken. Identity's own messages come in the language of the error describer in use.</summary>
public sealed class AccountException(AccountField field, string message, string danishMessage) : DomainException(message, danishMessage)
{
    public AccountField Field { get; } = field;
}

/// <summary>A user to create: system roles by name (Administrator, Forfatter) and forum memberships by forum code.</summary>
public sealed record NewUser(string Email, string DisplayName, IReadOnlyCollection<string> SystemRoles, string Password)
{
    public IReadOnlyList<(string ForumCode, ForumRole Role)> Forums { get; init; } = [];
}

public sealed record UserSummary(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> SystemRoles,
    IReadOnlyList<ForumPlace> Forums,
    DateTimeOffset? LockedOutUntil)
{
    public bool IsLockedOut => LockedOutUntil is not null;
}

public sealed record ForumPlace(string ForumCode, string ForumName, ForumRole Role);

public sealed record ForumMember(string UserId, string Email, string DisplayName, ForumRole Role);

/// <summary>
/// Creating users, their system roles and their forum memberships, for the administration pages and
/// the command line alike. Passwords go through <see cref="UserManager{TUser}"/>, so they are hashed
/// and checked exactly as at sign-in; each change is one transaction.
/// </summary>
public sealed partial class UserAdministration(DagsordenDbContext db, UserManager<UserAccount> users, RoleManager<IdentityRole> roles)
{
    /// <summary>Identity's column size for e-mail addresses and user names.</summary>
    public const int MaxEmailLength = 256;

    public static string ValidateEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new AccountException(AccountField.Email, "An e-mail address is needed.", "Skriv brugerens e-mailadresse.");
        if (trimmed.Length > MaxEmailLength)
            throw new AccountException(AccountField.Email, $"The e-mail address is {trimmed.Length} characters long; at most {MaxEmailLength} are allowed.", $"E-mailadressen må højst være {MaxEmailLength} tegn.");
        if (!EmailPattern().IsMatch(trimmed))
            throw new AccountException(AccountField.Email, $"'{trimmed}' is not an e-mail address.", $"»{trimmed}« er ikke en gyldig e-mailadresse.");
        return trimmed;
    }

    /// <summary>The trimmed name; empty is allowed here (pages then show the e-mail address).</summary>
    public static string ValidateDisplayName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Contains('\n', StringComparison.Ordinal) || trimmed.Contains('\r', StringComparison.Ordinal))
            throw new AccountException(AccountField.DisplayName, "A name is one line.", "Navnet skal stå på én linje.");
        if (trimmed.Length > Limits.Name)
            throw new AccountException(AccountField.DisplayName, $"The name is {trimmed.Length} characters long; at most {Limits.Name} are allowed.", $"Navnet må højst være {Limits.Name} tegn.");
        return trimmed;
    }

    /// <summary>The stored name of a system role, read in any case; "Author" is accepted for Forfatter.</summary>
    public static string ValidateSystemRole(string? role) => role?.Trim().ToLowerInvariant() switch
    {
        "administrator" => SystemRoles.Administrator,
        "forfatter" or "author" => SystemRoles.Author,
        _ => throw new AccountException(AccountField.Roles, $"'{role}' is not a system role: use {string.Join(" or ", SystemRoles.All)}.", $"Ukendt rolle: »{role}«."),
    };

    public async Task<UserAccount> CreateAsync(NewUser user, CancellationToken cancellationToken = default)
    {
        var email = ValidateEmail(user.Email);
        var name = ValidateDisplayName(user.DisplayName);
        var systemRoles = user.SystemRoles.Select(ValidateSystemRole).Distinct().ToList();
        if (string.IsNullOrEmpty(user.Password))
            throw new AccountException(AccountField.Password, "A password is needed.", "Skriv en adgangskode.");

        return await InTransactionAsync(async () =>
        {
            var memberships = new List<(Forum Forum, ForumRole Role)>();
            foreach (var (code, role) in user.Forums)
                memberships.Add((await FindForumAsync(code, cancellationToken), role));
            if (await users.FindByEmailAsync(email) is not null)
                throw new AccountException(AccountField.Email, $"A user with the e-mail address {email} already exists.", $"Der findes allerede en bruger med e-mailadressen {email}.");

            var account = new UserAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Check(await users.CreateAsync(account, user.Password), AccountField.Password);
            if (systemRoles.Count > 0)
            {
                foreach (var role in systemRoles)
                    await EnsureRoleAsync(role);
                Check(await users.AddToRolesAsync(account, systemRoles), AccountField.Roles);
            }

            foreach (var (forum, role) in memberships)
                db.ForumMemberships.Add(new ForumMembership(forum, account.Id, role));
            await db.SaveChangesAsync(cancellationToken);
            return account;
        }, cancellationToken);
    }

    /// <summary>Gives the user exactly these system roles. The last administrator keeps the role, so someone can always administer.</summary>
    public async Task SetSystemRolesAsync(string userId, IReadOnlyCollection<string> wanted, CancellationToken cancellationToken = default)
    {
        var target = wanted.Select(ValidateSystemRole).ToHashSet(StringComparer.Ordinal);
        await InTransactionAsync(async () =>
        {
            var user = await FindUserAsync(userId);
            var current = await users.GetRolesAsync(user);
            if (current.Contains(SystemRoles.Administrator) && !target.Contains(SystemRoles.Administrator)
                && (await users.GetUsersInRoleAsync(SystemRoles.Administrator)).Count <= 1)
            {
                throw new AccountException(
                    AccountField.Roles,
                    $"{user.Email} is the last administrator; make someone else administrator first.",
                    $"{user.Email} er den eneste administrator. Giv en anden bruger rollen Administrator, før du fjerner den her.");
            }

            var added = target.Except(current).ToList();
            var removed = current.Where(SystemRoles.All.Contains).Except(target).ToList();
            foreach (var role in added)
                await EnsureRoleAsync(role);
            if (added.Count > 0)
                Check(await users.AddToRolesAsync(user, added), AccountField.Roles);
            if (removed.Count > 0)
                Check(await users.RemoveFromRolesAsync(user, removed), AccountField.Roles);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Gives the user a new password, e.g. when they have forgotten theirs, and lifts a lockout. A
    /// password the policy refuses changes nothing: the old one still works. The user's other
    /// sessions end at their next page (Identity's security stamp changes).
    /// </summary>
    public async Task SetPasswordAsync(string userId, string? password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(password))
            throw new AccountException(AccountField.Password, "A password is needed.", "Skriv en adgangskode.");
        await InTransactionAsync(async () =>
        {
            // A refused password fails AddPasswordAsync, and the transaction puts the old one back.
            var user = await FindUserAsync(userId);
            if (await users.HasPasswordAsync(user))
                Check(await users.RemovePasswordAsync(user), AccountField.Password);
            Check(await users.AddPasswordAsync(user, password), AccountField.Password);
            Check(await users.SetLockoutEndDateAsync(user, null), AccountField.User);
            Check(await users.ResetAccessFailedCountAsync(user), AccountField.User);
            return true;
        }, cancellationToken);
    }

    /// <summary>The id of the user with this e-mail address (case does not matter).</summary>
    public async Task<string> UserIdAsync(string email) =>
        (await users.FindByEmailAsync(email.Trim()))?.Id
        ?? throw new AccountException(AccountField.Email, $"There is no user with the e-mail address {email.Trim()}.", $"Der findes ingen bruger med e-mailadressen {email.Trim()}.");

    /// <summary>Lifts a lockout after too many wrong passwords and forgets the failed attempts.</summary>
    public async Task UnlockAsync(string userId, CancellationToken cancellationToken = default)
    {
        await InTransactionAsync(async () =>
        {
            var user = await FindUserAsync(userId);
            Check(await users.SetLockoutEndDateAsync(user, null), AccountField.User);
            Check(await users.ResetAccessFailedCountAsync(user), AccountField.User);
            return true;
        }, cancellationToken);
    }

    public async Task AddToForumAsync(int forumId, string? email, ForumRole role, CancellationToken cancellationToken = default)
    {
        var address = email?.Trim() ?? "";
        if (address.Length == 0)
            throw new AccountException(AccountField.Email, "An e-mail address is needed.", "Skriv e-mailadressen på den bruger, der skal med i forummet.");
        var forum = await db.Forums.FirstOrDefaultAsync(f => f.Id == forumId, cancellationToken)
            ?? throw new AccountException(AccountField.Forum, $"There is no forum with id {forumId}.", "Forummet findes ikke.");
        var user = await users.FindByEmailAsync(address)
            ?? throw new AccountException(AccountField.Email, $"There is no user with the e-mail address {address}.", $"Der findes ingen bruger med e-mailadressen {address}. Opret brugeren under Brugere først.");
        var existing = await db.ForumMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.ForumId == forumId && m.UserId == user.Id, cancellationToken);
        if (existing is not null)
            throw new AccountException(AccountField.Email, $"{address} is already a {existing.Role} of {forum.Code}.", $"{address} er allerede med i forummet som {existing.Role.Danish()}. Skift rollen i listen over medlemmer.");
        db.ForumMemberships.Add(new ForumMembership(forum, user.Id, role));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ChangeForumRoleAsync(int forumId, string userId, ForumRole role, CancellationToken cancellationToken = default)
    {
        var membership = await MembershipAsync(forumId, userId, cancellationToken);
        membership.ChangeRole(role);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveFromForumAsync(int forumId, string userId, CancellationToken cancellationToken = default)
    {
        db.ForumMemberships.Remove(await MembershipAsync(forumId, userId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ForumMember>> ForumMembersAsync(int forumId, CancellationToken cancellationToken = default)
    {
        var members = await (from membership in db.ForumMemberships.AsNoTracking()
                             join user in db.Users.AsNoTracking() on membership.UserId equals user.Id
                             where membership.ForumId == forumId
                             select new ForumMember(user.Id, user.Email ?? "", user.DisplayName, membership.Role))
            .ToListAsync(cancellationToken);
        return members.OrderBy(m => m.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Every user with roles, forum memberships and lockout, ordered by e-mail address.</summary>
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var accounts = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var roleRows = await (from userRole in db.UserRoles
                              join role in db.Roles on userRole.RoleId equals role.Id
                              select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var memberships = await db.ForumMemberships.AsNoTracking().Include(m => m.Forum).ToListAsync(cancellationToken);
        var now = db.Clock.GetUtcNow();
        return accounts
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .Select(u => new UserSummary(
                u.Id,
                u.Email ?? u.UserName ?? "",
                u.DisplayName,
                roleRows.Where(r => r.UserId == u.Id && r.Name is not null).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
                memberships.Where(m => m.UserId == u.Id)
                    .Select(m => new ForumPlace(m.Forum.Code, m.Forum.Name, m.Role))
                    .OrderBy(p => p.ForumCode, StringComparer.Ordinal).ToList(),
                u.LockoutEnd is { } end && end > now ? end : null))
            .ToList();
    }

    private async Task<Forum> FindForumAsync(string code, CancellationToken cancellationToken)
    {
        var wanted = code.Trim().ToUpperInvariant();
        return await db.Forums.FirstOrDefaultAsync(f => f.Code == wanted, cancellationToken)
            ?? throw new AccountException(AccountField.Forum, $"There is no forum with the code '{code}'.", $"Der findes intet forum med koden »{code}«.");
    }

    private async Task<UserAccount> FindUserAsync(string userId) =>
        await users.FindByIdAsync(userId)
        ?? throw new AccountException(AccountField.User, $"There is no user with id '{userId}'.", "Brugeren findes ikke.");

    private async Task<ForumMembership> MembershipAsync(int forumId, string userId, CancellationToken cancellationToken) =>
        await db.ForumMemberships.FirstOrDefaultAsync(m => m.ForumId == forumId && m.UserId == userId, cancellationToken)
        ?? throw new AccountException(AccountField.User, $"User '{userId}' is not in forum {forumId}.", "Brugeren er ikke med i forummet.");

    private async Task EnsureRoleAsync(string role)
    {
        if (!await roles.RoleExistsAsync(role))
            Check(await roles.CreateAsync(new IdentityRole(role)), AccountField.Roles);
    }

    // Identity saves after each call; the transaction makes the calls one change, and a failure
    // leaves no half-made user behind, in the database or in the context's tracked entities.
    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work();
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private static void Check(IdentityResult result, AccountField field)
    {
        if (result.Succeeded)
            return;
        var first = result.Errors.First().Code;
        var errorField = first.StartsWith("Password", StringComparison.Ordinal) ? AccountField.Password
            : first.Contains("Email", StringComparison.Ordinal) || first.Contains("UserName", StringComparison.Ordinal) ? AccountField.Email
            : field;
        var text = string.Join(" ", result.Errors.Select(e => e.Description).Distinct(StringComparer.Ordinal));
        throw new AccountException(errorField, text, text);
    }

    // Deliberately simple: one @, no spaces, a dot in the domain. Identity's own check accepts "a@b".
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex EmailPattern();
}
