using System.Security.Claims;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Storage;
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
            // A signed-in user without the right role gets 403 and the Danish error page, not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // A new password changes the user's security stamp; checking it on every request (one lookup
        // by key, beside CurrentUser's) ends the user's other sessions at their next page, instead of
        // up to 30 minutes later. Role and membership changes leave the stamp as it is.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

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
