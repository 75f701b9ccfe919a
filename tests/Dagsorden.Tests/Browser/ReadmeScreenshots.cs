namespace Dagsorden.Tests.Browser;

/// <summary>Where the test run writes the pictures the README shows: docs/screenshots in the repository.</summary>
public static class ReadmeScreenshots
{
    public static string Folder => Path.Combine(Support.Repository.Root, "docs", "screenshots");

    public static string PathOf(string fileName) => Path.Combine(Folder, fileName);
}
