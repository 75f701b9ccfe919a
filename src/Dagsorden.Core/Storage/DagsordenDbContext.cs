using Dagsorden.Core.Accounts;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Communication;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Search;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Storage;

/// <summary>
/// The database. Each provider has a subclass so that each keeps its own committed migrations;
/// everything else uses this type.
/// </summary>
public abstract class DagsordenDbContext(DbContextOptions options) : IdentityDbContext<UserAccount>(options)
{
    public DbSet<Forum> Forums => Set<Forum>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AgendaItem> Items => Set<AgendaItem>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<ImportRecord> ImportRecords => Set<ImportRecord>();

    public DbSet<DeletedRecord> DeletedRecords => Set<DeletedRecord>();

    public DbSet<ForumMembership> ForumMemberships => Set<ForumMembership>();

    public DbSet<ItemDraft> ItemDrafts => Set<ItemDraft>();

    public DbSet<ItemNote> ItemNotes => Set<ItemNote>();

    public DbSet<MeetingVersion> MeetingVersions => Set<MeetingVersion>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<FollowUpSuggestion> FollowUpSuggestions => Set<FollowUpSuggestion>();

    public DbSet<FollowUpReminder> FollowUpReminders => Set<FollowUpReminder>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<ItemAudience> ItemAudiences => Set<ItemAudience>();

    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The clock used to stamp changes; tests may set it.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public abstract StorageProvider Provider { get; }

    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DagsordenDbContext).Assembly);
        if (Provider == StorageProvider.PostgreSql)
            SearchDocumentConfiguration.ConfigurePostgres(modelBuilder.Entity<SearchDocument>());
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracking.Stamp(ChangeTracker, this, Clock.GetUtcNow().UtcDateTime);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracking.Stamp(ChangeTracker, this, Clock.GetUtcNow().UtcDateTime);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

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
