namespace Dagsorden.Core.Documents.Docx;

public static class DocxDocumentWriter
{
    public static byte[] Write(MeetingDocument document) => throw new NotImplementedException(document.Key.ToString());
}
