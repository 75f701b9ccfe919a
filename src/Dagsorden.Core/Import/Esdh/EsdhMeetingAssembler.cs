using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;

namespace Dagsorden.Core.Import.Esdh;

/// <summary>Turns the items a reader collected into the meeting to store, and checks the export as a whole.</summary>
internal static class EsdhMeetingAssembler
{
    public static EsdhExport Assemble(
        EsdhSource source,
        string file,
        string forumName,
        string forumCode,
        DateOnly date,
        MeetingDetails details,
        IReadOnlyList<EsdhItemBuilder> builders,
        List<string> warnings)
    {
        if (builders.Count == 0)
            throw new ImportException(file, null, "the export holds no agenda items; it looks truncated or empty.");
        var duplicate = builders.GroupBy(b => b.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ImportException(file, null, $"item number {duplicate.Key} occurs more than once in the export.");

        var items = new List<(int Number, ItemContent Content)>();
        var files = new List<PendingAttachmentFile>();
        foreach (var builder in builders.OrderBy(b => b.Number))
        {
            var (number, content, attachments) = builder.Build(date);
            try
            {
                content.Validate();
            }
            catch (DomainException e)
            {
                throw new ImportException(file, null, $"item {number}: {e.Message}");
            }

            for (var position = 0; position < attachments.Count; position++)
            {
                var attachment = attachments[position];
                if (attachment.PackagePath is not null)
                {
                    files.Add(new PendingAttachmentFile(number, position, attachment.PackagePath, attachment.FileName ?? attachment.PackagePath));
                }
                else if (attachment.FileName is not null)
                {
                    // A public attachment the export promises but does not hold means the export is incomplete;
                    // case systems often leave out the files of non-public ones, so those are only noted.
                    if (content.Attachments[position].IsPublic)
                        throw new ImportException(file, null, $"item {number}: the attachment file '{attachment.FileName}' ({attachment.Title}) is not in the export.");
                    warnings.Add($"{file}: item {number}: the non-public attachment file '{attachment.FileName}' is not in the export; only its title was imported.");
                }
            }

            items.Add((number, content));
        }

        var meeting = new ImportedMeeting(forumName, forumCode, date, details, items, ForumCodeIsSuggestion: true);
        return new EsdhExport(source, file, meeting, files, warnings);
    }
}
