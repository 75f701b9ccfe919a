using System.Text.Encodings.Web;
using System.Text.Unicode;
using Dagsorden.Core;
using Microsoft.Extensions.WebEncoders;

namespace Dagsorden.Web.Site;

/// <summary>The shell every page shares: Razor Pages in feature folders, the layout, error pages and web assets.</summary>
public static class SiteSetup
{
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        // Pages live in their feature's folder (Meetings/, …), not in one Pages/ folder.
        builder.Services.AddRazorPages(options => options.RootDirectory = "/");
        builder.Services.AddHttpContextAccessor();

        // Danish letters stay readable in the HTML source; markup characters are still encoded.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // The content root is the app's own folder, so after a plain build the assets are found through the build's manifest.
        builder.WebHost.UseStaticWebAssets();
        builder.AddSecurityHeaders();
        return builder;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        // First, so the proxy's scheme is known and every response below, errors included, gets the headers.
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // A broken domain rule is the request's fault (400), anything else ours (500).
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = ErrorModel.Path,
                StatusCodeSelector = exception => exception is DomainException ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError,
            });
        }

        app.UseStatusCodePagesWithReExecute(ErrorModel.Path);
        return app;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
