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

    /// <summary>Who the changes saved are recorded as made by in the audit trail; <see cref="AuditActor.System"/> when unset.</summary>
    public AuditActor? Actor { get; set; }

    /// <summary>The actor with the user's display name, looked up once per context.</summary>
    internal AuditActor? ResolvedActor { get; set; }

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
        var recorder = AuditRecorder.Capture(ChangeTracker);
        if (recorder is null)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        if (!acceptAllChangesOnSuccess)
        {
            AddAuditEntries(recorder.EntriesAsync(this, async: false, default).GetAwaiter().GetResult());
            return base.SaveChanges(false);
        }

        using var transaction = OwnTransaction() ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(true);
        var entries = recorder.EntriesAsync(this, async: false, default).GetAwaiter().GetResult();
        AddAuditEntries(entries);
        base.SaveChanges(true);
        ForgetAuditEntries(entries);
        transaction?.Commit();
        return saved;
    }

    /// <summary>
    /// Saves, and records every audited change in the same transaction (one is opened when none is
    /// ambient): the change and its record commit together or not at all. The record is written by a
    /// second save so that inserted rows are recorded under their real ids.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracking.Stamp(ChangeTracker, this, Clock.GetUtcNow().UtcDateTime);
        var recorder = AuditRecorder.Capture(ChangeTracker);
        if (recorder is null)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (!acceptAllChangesOnSuccess)
        {
            // The caller accepts the changes itself, so a second save would repeat them: record
            // before the save, with the temporary ids of rows not yet inserted.
            AddAuditEntries(await recorder.EntriesAsync(this, async: true, cancellationToken));
            return await base.SaveChangesAsync(false, cancellationToken);
        }

        await using var transaction = OwnTransaction() ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(true, cancellationToken);
        var entries = await recorder.EntriesAsync(this, async: true, cancellationToken);
        AddAuditEntries(entries);
        await base.SaveChangesAsync(true, cancellationToken);
        ForgetAuditEntries(entries);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    private bool OwnTransaction() => Database.CurrentTransaction is null && System.Transactions.Transaction.Current is null;

    private void AddAuditEntries(IReadOnlyList<AuditEntry> entries) => AuditEntries.AddRange(entries);

    // Written once and never read back through this context: a long import or a busy request
    // should not keep thousands of them tracked.
    private void ForgetAuditEntries(IReadOnlyList<AuditEntry> entries)
    {
        foreach (var entry in entries)
            Entry(entry).State = EntityState.Detached;
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
