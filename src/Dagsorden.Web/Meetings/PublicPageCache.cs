using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Dagsorden.Web.Meetings;

/// <summary>
/// Keeps the anonymous answer of a published meeting page for a few seconds: under load, rendering
/// the whole meeting per request costs far more than serving it. Only the public's view is ever
/// kept — the default output-cache rules skip signed-in users, requests with an Authorization
/// header, and answers that set a cookie — so a member's view with closed items is never stored or
/// handed to anyone else. Any change a signed-in user makes through the site (a POST: publishing,
/// correcting, closing an item) empties the cache at once; an import from the command line shows
/// within the lifetime. The setting PublicPageCacheSeconds sets it (0 turns the cache off); it is
/// 10 in Production and off elsewhere, so tests and development see every change at once.
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-page";
    public const string Setting = "PublicPageCacheSeconds";
    private const string Tag = "public-pages";

    public static WebApplicationBuilder AddPublicPageCache(this WebApplicationBuilder builder)
    {
        var seconds = builder.Configuration[Setting] is { } value
            ? int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)
            : builder.Environment.IsProduction() ? 10 : 0;
        if (seconds > 0)
            builder.Services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy.Expire(TimeSpan.FromSeconds(seconds)).Tag(Tag)));
        return builder;
    }

    /// <summary>After authentication, so the cache can tell the public from signed-in users.</summary>
    public static WebApplication UsePublicPageCache(this WebApplication app)
    {
        if (app.Services.GetService<IOutputCacheStore>() is null)
            return app;
        app.UseOutputCache();
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.User.Identity?.IsAuthenticated == true && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
                await context.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(Tag, CancellationToken.None);
        });
        return app;
    }
}
