using Dagsorden.Core.Documents.Pdf;

namespace Dagsorden.Tests.Support;

/// <summary>One Chromium for all PDF tests in a collection, as the app keeps one for all renders.</summary>
public sealed class SharedBrowser : IAsyncLifetime
{
    public ChromiumPdfEngine Engine { get; } = new();

    public PdfDocumentWriter Writer => new(Engine);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Engine.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<SharedBrowser>
{
    public const string Name = "browser";
}
