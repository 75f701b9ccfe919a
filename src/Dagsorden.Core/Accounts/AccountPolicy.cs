using Microsoft.AspNetCore.Identity;

namespace Dagsorden.Core.Accounts;

/// <summary>
/// The password and lockout rules. The web app and the command line both configure Identity with
/// them, so a password set on either side passes the same checks and is hashed the same way.
/// </summary>
public static class AccountPolicy
{
    public const int MinimumPasswordLength = 10;

    public static void Configure(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }
}
