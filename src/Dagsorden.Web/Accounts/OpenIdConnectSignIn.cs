using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Dagsorden.Web.Accounts;

/// <summary>
/// Optional sign-in through the municipality's identity provider. Configured by the section
/// "OpenIdConnect" (Authority, ClientId, ClientSecret); without it only local accounts exist.
/// </summary>
public static class OpenIdConnectSignIn
{
    public const string Scheme = "kommune";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OpenIdConnect:Authority"]) && !string.IsNullOrWhiteSpace(configuration["OpenIdConnect:ClientId"]);

    public static void AddWhenConfigured(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("OpenIdConnect");
        if (!IsConfigured(builder.Configuration))
            return;
        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, section["DisplayName"] ?? "Kommunens login", options =>
        {
            options.Authority = section["Authority"];
            options.ClientId = section["ClientId"];
            options.ClientSecret = section["ClientSecret"];
            options.ResponseType = "code";
            options.UsePkce = true;
            options.SaveTokens = false;
            options.Scope.Add("email");
            options.GetClaimsFromUserInfoEndpoint = true;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            if (section["CallbackPath"] is { Length: > 0 } callbackPath)
                options.CallbackPath = callbackPath;
            // A cancelled or failed sign-in at the provider ends on our Danish page, not in an exception.
            options.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect(ExternalCallbackModel.Path);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
