using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static Dagsorden.Tests.Esdh.EsdhTestSupport;

namespace Dagsorden.Tests.Esdh;

public sealed class UpgradeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MeetingStoredBeforeTheEsdhMigrationStillLoadsAndTakesAnExport(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var old = DagsordenDatabase.CreateContext(database.Options))
        {
            if (provider == StorageProvider.Sqlite)
                Directory.CreateDirectory(Path.Combine(database.Directory, "data"));
            await old.GetService<IMigrator>().MigrateAsync("20261122184200_InitialSchema");
            await old.Database.ExecuteSqlRawAsync("""INSERT INTO "Forums" ("Code", "Name", "Template") VALUES ('KMBITU', 'KMB IT-udvalget', 'Standard2016')""");
            await old.Database.ExecuteSqlRawAsync(
                """INSERT INTO "Meetings" ("ForumId", "Date", "Place", "Kind", "Status", "Template") VALUES (1, '2013-05-15', 'Gammelt sted', 'Agenda', 'AgendaPublished', 'Standard2016')""");
        }

        var result = await ImportAsync(database, Sample("sbsys", "Publication32.zip"));
        var meeting = await LoadAsync(database, result.Key);

        Assert.False(result.Created); // the existing meeting of the existing forum, found by the committee's name
        Assert.Equal("KMBITU:2013-05-15", result.Key.ToString());
        Assert.Equal(11, meeting.Participants.Count);
        Assert.Equal(5, meeting.Items.Count);
    }
}
