// Scaffolds a migration for every storage provider, because the dotnet-ef tool is not available
// from our package mirror. Usage: dotnet run --project tools/Dagsorden.Migrations -- NAME
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run --project tools/Dagsorden.Migrations -- MIGRATION_NAME");
    return 2;
}

var projectDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Dagsorden.Core"));
var providers = new (StorageOptions Options, IDesignTimeServices Services, string Folder)[]
{
    (StorageOptions.Sqlite("design-time.db"), new SqliteDesignTimeServices(), "Sqlite"),
    (StorageOptions.PostgreSql("Host=localhost;Database=design_time"), new NpgsqlDesignTimeServices(), "Postgres"),
};

foreach (var (options, designTimeServices, folder) in providers)
{
    using var context = DagsordenDatabase.CreateContext(options);
    var services = new ServiceCollection();
    services.AddEntityFrameworkDesignTimeServices();
    services.AddDbContextDesignTimeServices(context);
    designTimeServices.ConfigureDesignTimeServices(services);
    using var provider = services.BuildServiceProvider();
    var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(args[0], "Dagsorden.Core", $"Storage.Migrations.{folder}", "C#");
    var files = scaffolder.Save(projectDirectory, migration, Path.Combine(projectDirectory, "Storage", "Migrations", folder));
    Console.WriteLine($"{folder}: {files.MigrationFile}");
}

return 0;
