using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Storage;

/// <summary>
/// The database. Each provider has a subclass so that each keeps its own committed migrations;
/// everything else uses this type.
/// </summary>
public abstract class DagsordenDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Forum> Forums => Set<Forum>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AgendaItem> Items => Set<AgendaItem>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<ImportRecord> ImportRecords => Set<ImportRecord>();

    public abstract StorageProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DagsordenDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

public sealed class SqliteDagsordenDbContext(DbContextOptions<SqliteDagsordenDbContext> options) : DagsordenDbContext(options)
{
    public override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresDagsordenDbContext(DbContextOptions<PostgresDagsordenDbContext> options) : DagsordenDbContext(options)
{
    public override StorageProvider Provider => StorageProvider.PostgreSql;
}

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
