using System.Text.Json;

namespace Dagsorden.Tests.Web;

/// <summary>
/// The programs an installation runs share two cores with the database server, so their thread-pool
/// workers sleep at once instead of spinning for work (ADR 0010). The setting travels in each
/// program's runtimeconfig.json, which the build writes from Directory.Build.props.
/// </summary>
public sealed class RuntimeSettingsTests
{
    private const string SpinLimit = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    [Theory]
    [InlineData("Dagsorden.Web")]
    [InlineData("dagsorden")]
    public void TheProgramsThreadPoolWorkersDoNotSpin(string program)
    {
        var path = Path.Combine(AppContext.BaseDirectory, program + ".runtimeconfig.json");
        Assert.True(File.Exists(path), $"{path} is missing: the test project no longer references {program}");

        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.TryGetProperty(SpinLimit, out var value), $"{program}'s runtimeconfig.json does not set {SpinLimit}");
        Assert.Equal(0, value.GetInt32());
    }
}
