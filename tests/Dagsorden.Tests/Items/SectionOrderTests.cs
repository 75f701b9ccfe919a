using System.Net;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Items;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Dagsorden.Web.Items;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Dagsorden.Tests.Items;

/// <summary>»Flyt afsnittet op/ned« in the item editor: text sections change places, their text goes with them, and the decision stays put.</summary>
public sealed class SectionOrderTests
{
    private const string Author = "forfatter@example.test";

    [Fact]
    public async Task ATextSectionMovesDownAndUpWithItsTextAndThePageReturnsToIt()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Titel");
        var url = $"/punkter/{id}";

        var down = await EditorPages.EditAsync(client, url, new() { ["Form.Sections[2].Body"] = "Kontrakten udløber." }, "flyt-afsnit-ned-2");
        var moved = await EditorPages.DraftAsync(database, id);
        var up = await EditorPages.EditAsync(client, url, [], "flyt-afsnit-op-3");
        var back = await EditorPages.DraftAsync(database, id);

        Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);
        Assert.Equal(url + "?besked=gemt#afsnit-3", down.Headers.Location!.OriginalString);
        Assert.Equal(["Anledning", "Indstilling", "Økonomi", "Sagsfremstilling", "Kommunikation"], moved.Content.Sections.Select(s => s.Heading));
        Assert.Equal("Kontrakten udløber.", moved.Content.Sections[3].Body.ToPlainText());
        Assert.Equal(url + "?besked=gemt#afsnit-2", up.Headers.Location!.OriginalString);
        Assert.Equal(["Anledning", "Indstilling", "Sagsfremstilling", "Økonomi", "Kommunikation"], back.Content.Sections.Select(s => s.Heading));
        Assert.Equal("Kontrakten udløber.", back.Content.Sections[2].Body.ToPlainText());
    }

    [Theory]
    [InlineData("flyt-afsnit-op-0")] // the first section has nothing above it
    [InlineData("flyt-afsnit-ned-4")] // the last has nothing below it
    [InlineData("flyt-afsnit-op-1")] // the recommendation is not a text section
    [InlineData("flyt-afsnit-ned-99")]
    [InlineData("flyt-afsnit-ned--1")]
    [InlineData("flyt-afsnit-op-x")]
    [InlineData("flyt-afsnit-op-")]
    public async Task AMoveThatCannotBeMadeIsRefusedWithoutLosingText(string handling)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var forumId = await EditorPages.SeedForumAsync(database);
        await using var app = new TestApp(database);
        using var client = await app.SignInAsNewUserAsync(Author, SystemRoles.Author);
        var id = await EditorPages.CreateDraftAsync(client, forumId, "Titel");
        var before = await EditorPages.DraftAsync(database, id);

        var response = await EditorPages.EditAsync(client, $"/punkter/{id}", new() { ["Form.Sections[0].Body"] = "Tekst i anledning" }, handling);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Afsnittet kan ikke flyttes den vej.", html, StringComparison.Ordinal);
        Assert.Contains("Tekst i anledning</textarea>", html, StringComparison.Ordinal);
        var after = await EditorPages.DraftAsync(database, id);
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(EditorPages.Json(before.Content), EditorPages.Json(after.Content));
    }

    [Fact]
    public void TheDecisionStaysWhereTheTemplatePutsIt()
    {
        var form = new ItemForm
        {
            Sections =
            [
                new SectionField { Kind = nameof(SectionKind.Text), Heading = "Sagsfremstilling" },
                new SectionField { Kind = nameof(SectionKind.Decision), Heading = "Beslutning" },
                new SectionField { Kind = nameof(SectionKind.Attachments), Heading = "Bilag" },
            ],
        };
        var errors = new ModelStateDictionary();

        Assert.False(form.CanMoveSection(0, +1));
        Assert.False(form.CanMoveSection(1, -1));
        Assert.False(form.CanMoveSection(2, -1));
        Assert.Null(form.MoveSection(0, +1, errors));
        Assert.False(errors.IsValid);
        Assert.Equal("Sagsfremstilling", form.Sections[0].Heading);
    }
}
