using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dagsorden.Cli.Accounts;

/// <summary>
/// ASP.NET Core Identity over an open context, configured with the web app's <see cref="AccountPolicy"/>,
/// so that a user made here signs in there with the same password. Identity's messages stay English.
/// </summary>
internal static class AccountServices
{
    public static ServiceProvider Create(DagsordenDbContext db)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        // Registered as an instance: the caller owns and disposes the context.
        services.AddSingleton(db);
        services.AddIdentityCore<UserAccount>(AccountPolicy.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DagsordenDbContext>();
        services.AddScoped<UserAdministration>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
