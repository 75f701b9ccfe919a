using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dagsorden.Tests.Search;

/// <summary>Items and meetings for the search tests, stored through the real importer.</summary>
internal static class SearchFixtures
{
    /// <summary>A PostgreSQL setting as the context's connection (and its transaction, if any) sees it; the connection is open.</summary>
    public static async Task<string> PostgresSettingAsync(DagsordenDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SHOW " + name;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static ItemContent Item(
        string title,
        string body = "Et afsnit.",
        string? caseNumber = null,
        DecisionOutcome? outcome = null,
        string? decision = null,
        bool closed = false) => new(
        title,
        null,
        null,
        caseNumber is null ? null : CaseNumber.Parse(caseNumber),
        IsClosed: closed,
        IsToFollow: false,
        [
            new SectionContent(SectionKind.Text, "Sagsfremstilling", RichText.FromParagraphs(body)),
            .. outcome is null ? Array.Empty<SectionContent>() : [new SectionContent(SectionKind.Decision, "Beslutning", RichText.Empty)],
        ],
        null,
        outcome is { } o ? new Decision(RichText.FromParagraphs(decision ?? "Godkendt."), o) : null,
        [],
        null);

    public static ImportedMeeting Meeting(string code, DateOnly date, params ItemContent[] items) => new(
        code == "TF" ? "Testforum" : "Forum " + code,
        code,
        date,
        new MeetingDetails(new TimeOnly(9, 0), "Mødelokale 1", DocumentKind.Minutes, DocumentTemplate.Standard2016),
        items.Select((content, index) => (index + 1, content)).ToList());

    public static async Task StoreAsync(DagsordenDbContext db, params ImportedMeeting[] meetings)
    {
        var importer = new MeetingImporter(db);
        foreach (var meeting in meetings)
            await importer.StoreAsync(meeting);
    }

    public static Task<SearchResults> SearchAsync(DagsordenDbContext db, string text, SearchAccess? access = null, SearchRequest? request = null) =>
        SearchIndexes.For(db).SearchAsync((request ?? new SearchRequest()) with { Text = text }, access ?? SearchAccess.Administrator);

    public static IReadOnlyList<string> Keys(SearchResults results) =>
        results.Hits.Select(h => $"{h.Meeting} {h.Number}").ToList();
}
