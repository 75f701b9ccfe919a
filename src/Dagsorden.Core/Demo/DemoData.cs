using Dagsorden.Core.Accounts;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Demo;

/// <summary>A demo account: one per role, all with <see cref="DemoData.Password"/>.</summary>
public sealed record DemoUser(string Email, string DisplayName, string RoleName, string? SystemRole, ForumRole? ForumRole);

/// <summary>What one run found or did; <see cref="Imported"/> is null for a sample imported before.</summary>
public sealed record DemoReport(
    IReadOnlyList<(string File, ImportResult? Imported)> Samples,
    IReadOnlyList<(DemoUser User, bool Created)> Users,
    MeetingKey PlannedMeeting,
    bool MeetingCreated,
    string DraftTitle,
    bool DraftCreated);

/// <summary>
/// Fills a database with something to look at and try: the sample minutes, one account per role,
/// a planned meeting of Chefforum and an item waiting in its queue. Every step first looks for what
/// it would make, so running it again changes nothing, and never overwrites what users did since.
/// All people and texts are made up.
/// </summary>
public sealed class DemoData(DagsordenDbContext db, UserManager<UserAccount> users, UserAdministration administration, AttachmentStore? attachments = null)
{
    public const string ForumCode = "CF";
    public const string ForumName = "Chefforum";

    /// <summary>The demo password; printed by the demo command. Never use demo accounts outside a demo.</summary>
    public const string Password = "demo-dagsorden-2025";

    /// <summary>The reserved .example domain, so that no notification can ever reach a real mailbox.</summary>
    public const string Domain = "demo.dagsorden.example";

    public const string DraftTitle = "Forsøg med fælles mødekalender for chefgruppen";

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("admin@" + Domain, "Ada Administrator", "Administrator", SystemRoles.Administrator, null),
        new("forfatter@" + Domain, "Frida Forfatter", "Forfatter", SystemRoles.Author, null),
        new("medarbejder@" + Domain, "Mads Medarbejder", "Medarbejder", null, null),
        new("medlem@" + Domain, "Mette Medlem", "Medlem af CF", null, ForumRole.Member),
        new("sekretaer@" + Domain, "Søren Sekretær", "Sekretær i CF", null, ForumRole.Secretary),
    ];

    /// <summary>Brings the database to the demo state; <paramref name="samplesFolder"/> holds the sample minutes (*.txt, one folder deep).</summary>
    public async Task<DemoReport> EnsureAsync(string? samplesFolder, CancellationToken cancellationToken = default)
    {
        var samples = await ImportSamplesAsync(samplesFolder, cancellationToken);
        var forum = await EnsureForumAsync(cancellationToken);
        var accounts = new List<(DemoUser, bool)>();
        foreach (var user in Users)
            accounts.Add((user, await EnsureUserAsync(user, cancellationToken)));
        var (meeting, meetingCreated) = await EnsurePlannedMeetingAsync(forum, cancellationToken);
        var draftCreated = await EnsureSubmittedDraftAsync(forum, cancellationToken);
        return new DemoReport(samples, accounts, meeting, meetingCreated, DraftTitle, draftCreated);
    }

    private async Task<IReadOnlyList<(string, ImportResult?)>> ImportSamplesAsync(string? folder, CancellationToken cancellationToken)
    {
        if (folder is null)
            return [];
        var importer = new MeetingImporter(db, attachments);
        var results = new List<(string, ImportResult?)>();
        var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(Path.GetRelativePath(folder, f)) is { Length: > 0 })
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            // By content: a sample imported before is left alone, even if someone has since edited the meeting.
            var fingerprint = Fingerprints.Of(file);
            var imported = await importer.FindRecordAsync(fingerprint, cancellationToken) is null
                ? await importer.ImportFileAsync(file, cancellationToken, fingerprint)
                : null;
            results.Add((file, imported));
        }

        return results;
    }

    private async Task<Forum> EnsureForumAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var forum = await db.Forums.FirstOrDefaultAsync(f => f.Code == ForumCode, cancellationToken);
        if (forum is null)
        {
            forum = new Forum(ForumCode, ForumName);
            db.Forums.Add(forum);
        }

        // The samples include a 2014 meeting, which made the forum use the old template; new demo
        // meetings use today's. Once set, the administrator's choices are kept.
        if (forum.DefaultStartTime is null)
            forum.Update(forum.Name, DocumentTemplate.Standard2016, forum.DefaultPlace ?? "Rådhuset, mødelokale 3", new TimeOnly(9, 0));
        await db.SaveChangesAsync(cancellationToken);
        return forum;
    }

    /// <summary>Creates the account, or puts an existing one back to its demo role and password; true when created.</summary>
    private async Task<bool> EnsureUserAsync(DemoUser demo, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var user = await users.FindByEmailAsync(demo.Email);
        if (user is null)
        {
            await administration.CreateAsync(
                new NewUser(demo.Email, demo.DisplayName, demo.SystemRole is null ? [] : [demo.SystemRole], Password)
                {
                    Forums = demo.ForumRole is { } role ? [(ForumCode, role)] : [],
                },
                cancellationToken);
            return true;
        }

        if (!await users.CheckPasswordAsync(user, Password))
        {
            await users.RemovePasswordAsync(user);
            Check(await users.AddPasswordAsync(user, Password));
        }

        if (await users.IsLockedOutAsync(user))
            await administration.UnlockAsync(user.Id, cancellationToken);
        if (demo.SystemRole is { } systemRole && !await users.IsInRoleAsync(user, systemRole))
            await administration.SetSystemRolesAsync(user.Id, [.. (await users.GetRolesAsync(user)).Where(SystemRoles.All.Contains), systemRole], cancellationToken);
        if (demo.ForumRole is { } forumRole)
        {
            var forum = await db.Forums.SingleAsync(f => f.Code == ForumCode, cancellationToken);
            var membership = await db.ForumMemberships.FirstOrDefaultAsync(m => m.ForumId == forum.Id && m.UserId == user.Id, cancellationToken);
            if (membership is null)
                await administration.AddToForumAsync(forum.Id, demo.Email, forumRole, cancellationToken);
            else if (membership.Role != forumRole)
                await administration.ChangeForumRoleAsync(forum.Id, user.Id, forumRole, cancellationToken);
        }

        return false;
    }

    /// <summary>A meeting in the future to build an agenda for: the Thursday at least two weeks ahead, unless one is planned already.</summary>
    private async Task<(MeetingKey, bool)> EnsurePlannedMeetingAsync(Forum forum, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var planned = await db.Meetings.AsNoTracking()
            .Where(m => m.ForumId == forum.Id && m.Date > today && m.Status == MeetingStatus.Planned)
            .OrderBy(m => m.Date)
            .Select(m => (DateOnly?)m.Date)
            .FirstOrDefaultAsync(cancellationToken);
        if (planned is { } existing)
            return (new MeetingKey(forum.Code, existing), false);

        var date = today.AddDays(14);
        while (date.DayOfWeek != DayOfWeek.Thursday)
            date = date.AddDays(1);
        var taken = await db.Meetings.AsNoTracking().Where(m => m.ForumId == forum.Id && m.Date >= date).Select(m => m.Date).ToListAsync(cancellationToken);
        while (taken.Contains(date))
            date = date.AddDays(7);
        var meeting = await new MeetingWorkflow(db).PlanAsync(forum.Id, date, null, null, cancellationToken);
        return (meeting.Key, true);
    }

    /// <summary>The author's item, submitted to Chefforum and waiting for the secretary; true when created.</summary>
    private async Task<bool> EnsureSubmittedDraftAsync(Forum forum, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var author = Users.Single(u => u.SystemRole == SystemRoles.Author);
        var account = await users.FindByEmailAsync(author.Email)
            ?? throw new DomainException($"The demo author {author.Email} is missing.");
        var drafts = await db.ItemDrafts.Where(d => d.AuthorId == account.Id && d.ForumId == forum.Id).ToListAsync(cancellationToken);
        if (drafts.Any(d => d.Content.Title == DraftTitle))
            return false;

        var draft = new ItemDraft(await db.Forums.SingleAsync(f => f.Id == forum.Id, cancellationToken), account.Id, author.DisplayName, DraftContent());
        draft.Submit(db.Clock.GetUtcNow().UtcDateTime);
        db.ItemDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static ItemContent DraftContent()
    {
        var bodies = new Dictionary<string, RichText>(StringComparer.Ordinal)
        {
            ["Anledning"] = RichText.FromParagraphs(
                "Chefgruppen planlægger i dag fælles møder i hver sin kalender. Det giver dobbeltbookinger og lange mailtråde om, hvornår alle kan."),
            ["Sagsfremstilling"] = RichTextFormat.Parse(
                """
                Sekretariatet foreslår et forsøg i et halvt år, hvor chefgruppens fælles møder kun planlægges i én delt kalender.

                Forsøget omfatter:
                - chefforums møder og formøder
                - temadage og seminarer for chefgruppen
                - faste tider til sparring mellem cheferne

                Erfaringerne samles undervejs, så chefforum kan tage stilling til, om ordningen skal gøres permanent.
                """),
            ["Økonomi"] = RichText.FromParagraphs("Forsøget holdes inden for de eksisterende rammer og kræver ingen ekstra bevilling."),
            ["Kommunikation"] = RichText.FromParagraphs("Cheferne orienteres på næste chefforum, og forsøget beskrives på intranettet."),
        };
        var sections = StandardItems.EmptySections(DocumentTemplate.Standard2016)
            .Select(s => bodies.TryGetValue(s.Heading, out var body) ? s with { Body = body } : s)
            .ToList();
        var recommendation = Recommendation.FromBody(RichTextFormat.Parse(
            """
            Sekretariatet indstiller,

            1. at chefforum godkender et halvårligt forsøg med en fælles mødekalender for chefgruppen
            2. at forsøget evalueres på chefforums første møde efter forsøgsperioden
            """));
        return new ItemContent(DraftTitle, ForumCode, null, null, false, false, sections, recommendation, null, [], null);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainException("The demo password was refused: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
