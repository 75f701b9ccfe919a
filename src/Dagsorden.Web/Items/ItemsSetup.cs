using System.Globalization;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dagsorden.Web.Items;

/// <summary>The item editor's services: the attachment store and the upload limit.</summary>
public static class ItemsSetup
{
    /// <summary>The attachment store's folder; relative to the working directory, like the CLI's --attachments.</summary>
    public const string AttachmentsSetting = "Attachments";

    /// <summary>The largest file an editor may attach, in MB (25 unless set).</summary>
    public const string UploadLimitSetting = "AttachmentLimitMegabytes";

    public static WebApplicationBuilder AddItems(this WebApplicationBuilder builder)
    {
        var megabytes = builder.Configuration[UploadLimitSetting] is { } setting
            ? int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 2000
                ? value
                : throw new InvalidOperationException($"The setting {UploadLimitSetting} must be a whole number of megabytes from 1 to 2000; it is '{setting}'.")
            : (int)(UploadPolicy.DefaultMaxFileSize / (1024 * 1024));
        var policy = new UploadPolicy(megabytes * 1024L * 1024);
        builder.Services.AddSingleton(policy);
        builder.Services.TryAddSingleton(services =>
            new AttachmentStore(AttachmentRoot(builder.Configuration[AttachmentsSetting], services.GetRequiredService<StorageOptions>()), policy.MaxFileSize));
        return builder;
    }

    /// <summary>As the CLI finds it: the setting, else "attachments" beside the SQLite file, else data/attachments under the working directory.</summary>
    public static string AttachmentRoot(string? setting, StorageOptions storage)
    {
        if (!string.IsNullOrWhiteSpace(setting))
            return Path.Combine(Environment.CurrentDirectory, setting);
        if (storage.Provider == StorageProvider.Sqlite)
            return AttachmentStore.DefaultRootBeside(new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource);
        return Path.Combine(Environment.CurrentDirectory, "data", "attachments");
    }
}
