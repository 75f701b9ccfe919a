using Dagsorden.Core.Accounts;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Browser.Pages;
using Dagsorden.Tests.Support;
using Microsoft.Playwright;

namespace Dagsorden.Tests.Browser;

/// <summary>
/// The secretary's forms in their second Danish state: sent with a mistake and shown again with the
/// message that names it. Each is checked with axe (the page objects do so on arrival), and the
/// mistake changed nothing. Sign-in, search, the draft editor and a stale builder are covered in
/// <see cref="AccessibilityCheckTests"/> and <see cref="RemainingPagesAccessibilityTests"/>, the
/// administration's forms in <see cref="AdminJourneyTests"/>.
/// </summary>
public sealed class ErrorStatePagesTests
{
    private const string Secretary = "sekretaer@example.test";

    [Fact]
    public async Task TheBuilderAndTheItemEditorShowTheirMistakesAccessibly()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        int meetingId;
        await using (var db = await database.OpenAsync())
            meetingId = await AgendaData.SeedAsync(db);
        await using var app = new TestApp(database);
        var address = app.StartOnLoopback();
        await app.AddUserAsync(Secretary, null, ("CF", ForumRole.Secretary));
        await using var browser = await BrowserSession.OpenAsync(address);
        var page = browser.Page;

        await browser.RecordAsync(nameof(TheBuilderAndTheItemEditorShowTheirMistakesAccessibly), async () =>
        {
            await browser.SignInAsync(Secretary, TestApp.Password);
            var builder = await BuilderPage.OpenAsync(page, meetingId);
            var before = await builder.TitlesAsync();

            // »Flyt til« with the number left out.
            await builder.MoveToRefusedAsync(3, "", "Skriv det nye nummer.");
            Assert.Equal(before, await builder.TitlesAsync());

            var editor = await builder.EditAsync(2);
            await editor.Title.FillAsync("");
            await editor.SaveRefusedAsync("Skriv en titel.");
            await Assertions.Expect(editor.Title).ToHaveAttributeAsync("aria-invalid", "true");

            builder = await BuilderPage.OpenAsync(page, meetingId);
            Assert.Equal(before, await builder.TitlesAsync());
        });
    }
}
