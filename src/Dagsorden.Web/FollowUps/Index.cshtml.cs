using System.Globalization;
using Dagsorden.Core;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.FollowUps;

/// <summary>
/// /sekretariat/{code}/opfoelgning: the forum's follow-ups and "Ny opfølgning". Opened with
/// ?punkt={itemId} from a decided item on the meeting page, the new follow-up comes from that decision.
/// </summary>
public sealed class IndexModel(CurrentUser currentUser, DagsordenDbContext db) : FollowUpPageModel(currentUser, db)
{
    public IReadOnlyList<FollowUpRow> FollowUps { get; private set; } = [];

    /// <summary>The decided item the new follow-up comes from, when opened from one.</summary>
    public OriginItem? Origin { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? punkt, CancellationToken cancellationToken)
    {
        if (await AuthorizeForumAsync(code, cancellationToken) is { } refused)
            return refused;
        if (punkt is not null && await FindOriginAsync(punkt, cancellationToken) is null)
            return NotFound();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(
        string code, string? punkt, string? tekst, string? ansvarlig, string? email, string? frist, string? forum, string? moede, CancellationToken cancellationToken)
    {
        if (await AuthorizeForumAsync(code, cancellationToken) is { } refused)
            return refused;

        // An item of another forum, or none at all, is not this page's to follow up.
        if (!string.IsNullOrWhiteSpace(punkt) && await FindOriginAsync(punkt, cancellationToken) is null)
            return NotFound();

        Form = FormFrom(tekst, ansvarlig, email, frist, forum, moede);
        var terms = await ParseAsync(Form, cancellationToken);
        if (terms is not null)
        {
            try
            {
                var service = new FollowUpService(Db);
                var saved = Origin is { } origin
                    ? await service.CreateFromItemAsync(origin.ItemId, terms, cancellationToken)
                    : await service.CreateStandaloneAsync(Forum.Id, terms, cancellationToken);
                Notice = "Opfølgningen er oprettet." + (saved.Warning is { } warning ? " " + warning : "");
                NoticeIsWarning = saved.Warning is not null;
                return BackTo(PathOf(Forum.Code), "opf-" + saved.Id.ToString(CultureInfo.InvariantCulture));
            }
            catch (DomainException e)
            {
                FieldErrors[""] = e.DanishMessage;
            }
        }

        await LoadAsync(cancellationToken);
        return Refused();
    }

    private async Task<OriginItem?> FindOriginAsync(string punkt, CancellationToken cancellationToken)
    {
        if (!int.TryParse(punkt.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var itemId))
            return null;
        var row = await Db.Items.AsNoTracking()
            .Where(i => i.Id == itemId && i.DecisionText != null)
            .Join(Db.Meetings.Where(m => m.ForumId == Forum.Id), i => i.MeetingId, m => m.Id, (i, m) => new { Item = i, m.Date, MeetingId = m.Id })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        Origin = new OriginItem(itemId, row.MeetingId, FollowUpService.OriginText(Forum.Code, row.Date, row.Item.Number, row.Item));
        return Origin;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        FollowUps = await new FollowUpService(Db).ForForumAsync(Forum.Id, includeClosed: true, cancellationToken);
        await LoadOptionsAsync(cancellationToken);
    }
}

public sealed record OriginItem(int ItemId, int MeetingId, string Text);
