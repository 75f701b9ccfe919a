namespace Dagsorden.Core.Import;

/// <summary>
/// A delivery that has been imported, by the SHA-256 of its content. It is written in the same
/// transaction as the meeting, so the drop-folder watcher can tell after a crash whether a file it
/// had not yet moved away was already imported, and never imports it twice.
/// </summary>
public sealed class ImportRecord
{
    private ImportRecord()
    {
        Fingerprint = "";
        Name = "";
        MeetingKey = "";
    }

    public ImportRecord(string fingerprint, string name, string meetingKey, DateTime importedAtUtc)
    {
        Fingerprint = fingerprint;
        Name = name.Length > Limits.Title ? name[..Limits.Title] : name;
        MeetingKey = meetingKey;
        ImportedAtUtc = importedAtUtc;
    }

    public int Id { get; private set; }

    /// <summary>Lower-case hex SHA-256 over the delivered file, or over a folder's paths and contents.</summary>
    public string Fingerprint { get; private set; }

    public string Name { get; private set; }

    public string MeetingKey { get; private set; }

    public DateTime ImportedAtUtc { get; private set; }
}
