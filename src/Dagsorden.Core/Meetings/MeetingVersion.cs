using System.Text.Json.Serialization;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;

namespace Dagsorden.Core.Meetings;

/// <summary>
/// One published version of a meeting's agenda or minutes, frozen as it was published, so that any
/// version can be shown again and the changes between versions can be listed.
/// </summary>
public sealed class MeetingVersion
{
    private MeetingVersion()
    {
        PublishedBy = "";
        Snapshot = null!;
    }

    public MeetingVersion(int meetingId, int number, DateTime published, string publishedBy, MeetingSnapshot snapshot, string? correctionReason = null)
    {
        MeetingId = meetingId;
        Number = number;
        Kind = snapshot.Kind;
        Published = published;
        PublishedBy = publishedBy;
        Snapshot = snapshot;
        CorrectionReason = string.IsNullOrWhiteSpace(correctionReason) ? null : correctionReason.Trim();
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    /// <summary>1, 2, … across the meeting's agenda and minutes versions.</summary>
    public int Number { get; private set; }

    public DocumentKind Kind { get; private set; }

    public DateTime Published { get; private set; }

    /// <summary>The display name of the secretary who published it.</summary>
    public string PublishedBy { get; private set; }

    /// <summary>Set when this version corrects approved minutes: why they were changed.</summary>
    public string? CorrectionReason { get; private set; }

    public MeetingSnapshot Snapshot { get; private set; }

    /// <summary>"Dagsorden", "Tillægsdagsorden 1", "Referat", "Rettet referat".</summary>
    public static string Describe(IReadOnlyList<MeetingVersion> versions, MeetingVersion version)
    {
        var earlierOfKind = versions.Count(v => v.Kind == version.Kind && v.Number < version.Number);
        if (version.CorrectionReason is not null)
            return "Rettet referat";
        return (version.Kind, earlierOfKind) switch
        {
            (DocumentKind.Agenda, 0) => "Dagsorden",
            (DocumentKind.Agenda, var n) => $"Tillægsdagsorden {n}",
            (DocumentKind.Minutes, 0) => "Referat",
            (_, var n) => $"Referat, udgave {n + 1}",
        };
    }
}

/// <summary>A meeting's content as published: what the renderers need to print it again.</summary>
public sealed record MeetingSnapshot(
    DocumentKind Kind,
    TimeOnly? StartTime,
    string? Place,
    string? HeaderNotes,
    DocumentTemplate Template,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<SnapshotItem> Items)
{
    public static MeetingSnapshot Of(Meeting meeting) => new(
        meeting.Kind,
        meeting.StartTime,
        meeting.Place,
        meeting.HeaderNotes,
        meeting.Template,
        meeting.Participants,
        meeting.Items.Select(i => new SnapshotItem(i.Id, i.Number, i.Content, i.PublicRedactions.Count == 0 ? null : i.PublicRedactions)).ToList());

    /// <summary>A detached meeting holding this version, for the renderers; it is never saved.</summary>
    public Meeting ToMeeting(Forum forum, DateOnly date)
    {
        var meeting = new Meeting(forum, date, new MeetingDetails(StartTime, Place, Kind, Template, HeaderNotes, Participants));
        meeting.ReplaceItems(Items.Select(i => (i.Number, i.Content)));
        foreach (var item in Items.Where(i => i.PublicRedactions is { Count: > 0 }))
            meeting.Item(item.Number).SetPublicRedactions(item.PublicRedactions!);
        return meeting;
    }
}

/// <summary>
/// An item as published; <see cref="ItemId"/> follows the item across renumbering.
/// <see cref="PublicRedactions"/> is frozen with the version, so a version is shown to the public
/// as it was published; versions stored before redactions existed simply have none.
/// </summary>
public sealed record SnapshotItem(
    int ItemId,
    int Number,
    ItemContent Content,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? PublicRedactions = null);
