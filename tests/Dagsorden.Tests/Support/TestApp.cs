using Dagsorden.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dagsorden.Tests.Support;

/// <summary>The real web app, hosted in-process on a given test database.</summary>
public sealed class TestApp(TestDatabase database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (database.Options.Provider == StorageProvider.Sqlite)
            builder.UseSetting("Db", Path.Combine(database.Directory, "data", "dagsorden.db"));
        else
            builder.UseSetting("Connection", database.Options.ConnectionString);
    }
}
