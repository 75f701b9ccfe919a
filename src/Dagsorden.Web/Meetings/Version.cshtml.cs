using System.Globalization;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Dagsorden.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Meetings;

/// <summary>One earlier published version of a meeting's agenda or minutes, e.g. /cf/2026-03-05/udgave/1, exactly as it was published.</summary>
public sealed class VersionModel(DagsordenDbContext db, CurrentUser currentUser) : PortalPageModel
{
    public MeetingDocument? Meeting { get; private set; }

    public string Name { get; private set; } = "";

    public string Published { get; private set; } = "";

    public string? CorrectionReason { get; private set; }

    public bool IsLatest { get; private set; }

    public bool IsMember { get; private set; }

    public string MeetingPath { get; private set; } = "/";

    public string? BuilderPath { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string date, int number, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, MeetingText.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return NotFoundPage($"»{date}« er ikke en dato. Skriv datoen som år-måned-dag, fx /cf/2016-08-18/udgave/1.");

        var key = new MeetingKey(code.ToUpperInvariant(), day);
        var access = await currentUser.GetAsync(cancellationToken);
        var published = await db.FindPublishedAsync(key, cancellationToken);
        if (published is null)
        {
            (var message, BuilderPath) = await MeetingModel.NotFoundAsync(db, access, key, code, cancellationToken);
            return NotFoundPage(message);
        }

        MeetingPath = "/" + string.Join('/', MeetingText.RouteValues(key).Values);
        var versions = await db.MeetingVersions.AsNoTracking().Where(v => v.MeetingId == published.Id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        if (versions.FirstOrDefault(v => v.Number == number) is not { } version)
        {
            return NotFoundPage(versions.Count == 0
                ? "Mødet er ikke udgivet i flere udgaver; se dokumentet på mødets side."
                : $"Mødet har ingen udgave {number.ToString(CultureInfo.InvariantCulture)}. Udgaverne er nummereret 1 til {versions[^1].Number.ToString(CultureInfo.InvariantCulture)}.");
        }

        IsMember = access.IsMemberOf(published.ForumId);
        var audience = IsMember ? DocumentAudience.Internal : DocumentAudience.Public;
        MemberContent.KeepPrivate(Response, audience);
        Meeting = MeetingDocument.From(version.Snapshot.ToMeeting(published.Meeting.Forum, day), audience);
        Name = MeetingVersion.Describe(versions, version);
        Published = MemberContent.Published(version.Published);
        CorrectionReason = version.CorrectionReason;
        IsLatest = version.Number == versions[^1].Number;
        return Page();
    }
}
