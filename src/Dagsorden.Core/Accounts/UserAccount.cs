using Microsoft.AspNetCore.Identity;

namespace Dagsorden.Core.Accounts;

/// <summary>A person who signs in. Every signed-in user is at least an employee (Medarbejder).</summary>
public sealed class UserAccount : IdentityUser
{
    /// <summary>The name shown on pages and in notifications, e.g. "Mette Hansen".</summary>
    public string DisplayName { get; set; } = "";
}

/// <summary>The roles that hold across forums, stored as ASP.NET Core Identity roles.</summary>
public static class SystemRoles
{
    /// <summary>Manages forums and users.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Drafts items and submits them to a forum.</summary>
    public const string Author = "Forfatter";

    public static IReadOnlyList<string> All { get; } = [Administrator, Author];
}
