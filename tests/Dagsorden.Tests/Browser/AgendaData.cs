using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Browser;

/// <summary>A planned Chefforum meeting with three placed items between the standard ones, for the builder's keyboard and error tests.</summary>
public static class AgendaData
{
    public static readonly string[] Titles = ["Budgetopfølgning", "Ny model for mødebooking", "Sygefravær i første kvartal"];

    /// <summary>Seeds the forum and the meeting: 1 approval, 2-4 <see cref="Titles"/>, 5 Evt.; returns the meeting's id.</summary>
    public static async Task<int> SeedAsync(DagsordenDbContext db)
    {
        var forum = new Forum("CF", "Chefforum");
        forum.Update("Chefforum", DocumentTemplate.Standard2016, "Rådhuset, mødelokale 2", new TimeOnly(9, 0));
        db.Forums.Add(forum);
        await db.SaveChangesAsync();
        var workflow = new MeetingWorkflow(db);
        var meeting = await workflow.PlanAsync(forum.Id, new DateOnly(2030, 3, 7), null, null);
        foreach (var title in Titles)
        {
            var content = new ItemContent(
                title, null, null, null, false, false,
                [new SectionContent(SectionKind.Text, "Sagsfremstilling", RichText.FromParagraphs("Forvaltningen orienterer."))],
                null, null, [], null);
            // Planning leaves the context without the forum it read; the draft needs it tracked again.
            var draft = new ItemDraft(await db.Forums.SingleAsync(f => f.Id == forum.Id), "author", "Sagsbehandleren", content);
            db.ItemDrafts.Add(draft);
            await db.SaveChangesAsync();
            draft.Submit(new DateTime(2030, 2, 20, 9, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
            await workflow.PlaceDraftAsync(meeting.Id, draft.Id, (await workflow.LoadAsync(meeting.Id)).Revision);
        }

        return meeting.Id;
    }
}
