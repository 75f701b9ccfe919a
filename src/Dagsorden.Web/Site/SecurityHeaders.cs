using System.Net;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Net.Http.Headers;

namespace Dagsorden.Web.Site;

/// <summary>
/// The headers every response carries (pages, downloads, feeds, the OParl API, error pages and
/// static files): a strict Content-Security-Policy, HSTS over TLS, nosniff, a referrer policy and
/// a ban on framing. See docs/security.md, "Security headers".
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Only the app's own scripts, styles and images: no inline script or style, so an injected
    /// &lt;script&gt; or style attribute does nothing even if it ever got past the encoder.
    /// img-src allows data: for images a browser or an extension draws from CSS; the app itself has none.
    /// </summary>
    public const string BasePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>A year, the value the HSTS preload list asks for; subdomains are left alone, as the municipality runs other sites on them.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public const string ReferrerPolicy = "same-origin";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Behind a TLS-terminating proxy the request reaches us as http; X-Forwarded-Proto tells
            // us it was https (for HSTS and secure cookies). Only a proxy on this machine (loopback,
            // the default) or one named in "TrustedProxies" is believed; anyone else could forge it.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("TrustedProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return builder;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var policy = Policy(app.Configuration);
        app.Use((context, next) =>
        {
            // Set when the response starts, not now: the exception handler and the status-code
            // pages clear the headers before writing the error page, and the error page needs them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = ReferrerPolicy;
                // Not UseHsts: it skips localhost and sets the header before the error page clears it.
                // Over plain http the header would be ignored by browsers anyway, so it is not sent.
                if (context.Request.IsHttps)
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// The policy with form-action: our own address, and the identity provider's when one is
    /// configured, because browsers also check the redirect a form post answers with, and the
    /// »Log ind med kommunens login« form is answered with a redirect to the provider.
    /// </summary>
    public static string Policy(IConfiguration configuration)
    {
        var formAction = "form-action 'self'";
        if (OpenIdConnectSignIn.IsConfigured(configuration)
            && Uri.TryCreate(configuration["OpenIdConnect:Authority"], UriKind.Absolute, out var authority))
            formAction += " " + authority.GetLeftPart(UriPartial.Authority);
        return BasePolicy + "; " + formAction;
    }
}
