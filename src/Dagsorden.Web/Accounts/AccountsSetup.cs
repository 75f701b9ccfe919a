using System.Security.Claims;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Dagsorden.Web.Accounts;

/// <summary>
/// Sign-in with ASP.NET Core Identity: hashed passwords, lockout after failed attempts, a cookie that
/// is HttpOnly and SameSite=Lax, and the antiforgery tokens Razor Pages adds to every form.
/// </summary>
public static class AccountsSetup
{
    public const string SignInPath = "/konto/log-ind";
    public const string SignOutPath = "/konto/log-ud";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<UserAccount, IdentityRole>(AccountPolicy.Configure)
            .AddEntityFrameworkStores<DagsordenDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DanishIdentityErrors>();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = SignInPath;
            options.LogoutPath = SignOutPath;
            options.Cookie.Name = "dagsorden";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.ReturnUrlParameter = "tilbage";
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnValidatePrincipal = RejectAnOutdatedSecurityStamp;
            // A signed-in user without the right role gets 403 and the Danish error page, not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // The municipality's own identity provider, when configured (see docs/accounts.md).
        OpenIdConnectSignIn.AddWhenConfigured(builder);

        builder.Services.AddAuthorization();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<UserAdministration>();
        return builder;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(RecordChangesAsTheUser);
        app.UseAuthorization();
        return app;
    }

    // Every change a signed-in user's request saves is recorded in the audit trail under their name.
    private static Task RecordChangesAsTheUser(HttpContext context, RequestDelegate next)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            context.RequestServices.GetRequiredService<DagsordenDbContext>().Actor = new AuditActor(userId, user.Identity.Name ?? userId);
        return next(context);
    }

    /// <summary>
    /// A new password changes the user's security stamp; a cookie with another stamp (or of a user who
    /// no longer exists) is refused, so the user's other sessions end at their next page. Identity's
    /// own validator checks only every 30 minutes and renews the cookie each time it does, which on
    /// every request would send a new cookie and a no-cache header with every page. One lookup by key.
    /// </summary>
    private static async Task RejectAnOutdatedSecurityStamp(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<UserAccount>>();
        var stamp = context.Principal?.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        var user = context.Principal is { } principal ? await users.GetUserAsync(principal) : null;
        if (user is not null && stamp == await users.GetSecurityStampAsync(user))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    // Pages redirect to the sign-in page; API clients get the plain status code instead.
    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/oparl") || context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
