namespace Dagsorden.Tests.Support;

/// <summary>Paths in the checkout: our own samples and, beside the checkout, the shared real documents.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>../shared/minutes; present in CI and on developer machines.</summary>
    public static string SharedMinutes => Path.Combine(Root, "..", "shared", "minutes");

    public static IEnumerable<string> SampleDocuments() =>
        Directory.GetFiles(Samples, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dagsorden.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Cannot find Dagsorden.sln above " + AppContext.BaseDirectory);
    }
}
