using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Meetings;

namespace Dagsorden.Tests.Support;

/// <summary>Meetings read straight from a document, for rendering tests that need no database.</summary>
public static class Documents
{
    public static Meeting FromText(string text, string name = "document.txt") => FromImported(MinutesTextParser.Parse(text, name));

    public static Meeting FromFile(string path) => FromText(File.ReadAllText(path), Path.GetFileName(path));

    public static Meeting FromImported(ImportedMeeting imported)
    {
        var meeting = new Meeting(new Forum(imported.ForumCode, imported.ForumName, imported.Details.Template), imported.Date, imported.Details);
        meeting.ReplaceItems(imported.Items);
        return meeting;
    }
}
