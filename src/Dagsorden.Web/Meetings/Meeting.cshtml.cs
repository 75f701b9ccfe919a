using System.Globalization;
using Dagsorden.Core.Accounts;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Web.Accounts;
using Dagsorden.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Meetings;

/// <summary>
/// The agenda or minutes of one meeting as published, e.g. /cf/2016-08-18, with its published
/// versions and what changed between them. Members of the forum read the closed items too.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class MeetingModel(DagsordenDbContext db, CurrentUser currentUser) : PortalPageModel
{
    public PublishedMeeting? Published { get; private set; }

    public MeetingDocument? Meeting { get; private set; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<VersionEntry> Versions { get; private set; } = [];

    public bool IsMember { get; private set; }

    /// <summary>Set for a secretary of the forum when the meeting is still planned: where to build it.</summary>
    public string? BuilderPath { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string date, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, MeetingText.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return NotFoundPage($"»{date}« er ikke en dato. Skriv datoen som år-måned-dag, fx /cf/2016-08-18.");

        var key = new MeetingKey(code.ToUpperInvariant(), day);
        var access = await currentUser.GetAsync(cancellationToken);
        Published = await db.FindPublishedAsync(key, cancellationToken);
        if (Published is null)
        {
            (var message, BuilderPath) = await NotFoundAsync(db, access, key, code, cancellationToken);
            return NotFoundPage(message);
        }

        IsMember = access.IsMemberOf(Published.ForumId);
        var audience = IsMember ? DocumentAudience.Internal : DocumentAudience.Public;
        MemberContent.KeepPrivate(Response, audience);
        Meeting = MeetingDocument.From(Published.Meeting, audience);
        Versions = await VersionEntriesAsync(db, Published, IsMember, cancellationToken);
        return Page();
    }

    /// <summary>
    /// Why a meeting cannot be read: it is unknown, or planned. A planned meeting is told apart only to
    /// the forum's members, and its secretaries get the way to the agenda builder.
    /// </summary>
    internal static async Task<(string Message, string? BuilderPath)> NotFoundAsync(DagsordenDbContext db, UserAccess access, MeetingKey key, string code, CancellationToken cancellationToken)
    {
        var forum = await db.Forums.AsNoTracking().FirstOrDefaultAsync(f => f.Code == key.ForumCode, cancellationToken);
        if (forum is null)
            return ($"Der findes intet forum med koden »{code}«.", null);
        var when = DanishDates.LongDate(key.Date).ToLowerInvariant();
        if (access.IsMemberOf(forum.Id)
            && await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.ForumId == forum.Id && m.Date == key.Date, cancellationToken) is { } planned)
        {
            return (
                $"Mødet i {forum.Name} {when} er under forberedelse. Dagsordenen er ikke offentliggjort endnu.",
                access.IsSecretaryOf(forum.Id) ? MeetingText.BuilderPath(planned.Id) : null);
        }

        return ($"Der er intet møde i {key.ForumCode} {when}.", null);
    }

    /// <summary>The meeting's versions, newest first, each with what changed since the one before.</summary>
    internal static async Task<IReadOnlyList<VersionEntry>> VersionEntriesAsync(DagsordenDbContext db, PublishedMeeting meeting, bool showClosed, CancellationToken cancellationToken)
    {
        if (meeting.Latest is null)
            return [];
        var versions = await db.MeetingVersions.AsNoTracking()
            .Where(v => v.MeetingId == meeting.Id)
            .OrderBy(v => v.Number)
            .ToListAsync(cancellationToken);
        return versions
            .Select((version, index) => new VersionEntry(
                version.Number,
                MeetingVersion.Describe(versions, version),
                MemberContent.Published(version.Published),
                version.CorrectionReason,
                index == 0 ? [] : VersionChanges.Between(versions[index - 1].Snapshot, version.Snapshot, showClosed)))
            .Reverse()
            .ToList();
    }
}

/// <summary>One published version as the meeting page lists it.</summary>
public sealed record VersionEntry(int Number, string Name, string Published, string? CorrectionReason, IReadOnlyList<string> Changes)
{
    public string Path(MeetingKey key) =>
        $"/{key.ForumCode.ToLowerInvariant()}/{key.Date.ToString(MeetingText.DateFormat, CultureInfo.InvariantCulture)}/udgave/{Number.ToString(CultureInfo.InvariantCulture)}";
}
