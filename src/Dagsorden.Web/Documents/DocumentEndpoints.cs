using System.Globalization;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Documents.Docx;
using Dagsorden.Core.Documents.Pdf;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Dagsorden.Web.Meetings;

namespace Dagsorden.Web.Documents;

/// <summary>The PDF and DOCX of a meeting as published, e.g. /cf/2016-08-18.pdf.</summary>
public static class DocumentEndpoints
{
    public const string PdfContentType = "application/pdf";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder)
    {
        // One browser for the app's lifetime: starting Chromium per request would cost seconds.
        builder.Services.AddSingleton<IPdfEngine>(_ => new ChromiumPdfEngine(builder.Configuration["Browser"]));
        builder.Services.AddSingleton<PdfDocumentWriter>();
        builder.Services.AddSingleton<PublicPdfCache>();
        return builder;
    }

    public static WebApplication MapDocuments(this WebApplication app)
    {
        app.MapGet("/{code}/{date}.pdf", async (string code, string date, HttpResponse response, DagsordenDbContext db, CurrentUser user, PublicPdfCache pdfs, CancellationToken cancellationToken) =>
            await DocumentAsync(db, user, response, code, date, cancellationToken) is { } document
                ? Results.File(await pdfs.GetAsync(document, cancellationToken), PdfContentType, FileName(document, "pdf"))
                : Results.NotFound());
        app.MapGet("/{code}/{date}.docx", async (string code, string date, HttpResponse response, DagsordenDbContext db, CurrentUser user, CancellationToken cancellationToken) =>
            await DocumentAsync(db, user, response, code, date, cancellationToken) is { } document
                ? Results.File(DocxDocumentWriter.Write(document), DocxContentType, FileName(document, "docx"))
                : Results.NotFound());
        app.MapDocumentStylesheet();
        return app;
    }

    public static (string Pdf, string Docx) DownloadPaths(MeetingKey key)
    {
        var stem = $"/{key.ForumCode.ToLowerInvariant()}/{key.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return (stem + ".pdf", stem + ".docx");
    }

    /// <summary>
    /// The meeting as published: the public version for anyone, the internal one (closed items in
    /// full) for a member of the meeting's forum. A planned meeting has no document yet.
    /// </summary>
    private static async Task<MeetingDocument?> DocumentAsync(DagsordenDbContext db, CurrentUser user, HttpResponse response, string code, string date, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return null;
        var meeting = await db.FindPublishedAsync(new MeetingKey(code.ToUpperInvariant(), day), cancellationToken);
        if (meeting is null)
            return null;

        var access = await user.GetAsync(cancellationToken);
        var audience = access.IsMemberOf(meeting.ForumId) ? DocumentAudience.Internal : DocumentAudience.Public;
        MemberContent.KeepPrivate(response, audience);
        return MeetingDocument.From(meeting.Meeting, audience);
    }

    // "referat-cf-2016-08-18.pdf"
    private static string FileName(MeetingDocument document, string extension) =>
        $"{(document.Kind == DocumentKind.Minutes ? "referat" : "dagsorden")}-{document.Key.ForumCode.ToLowerInvariant()}-{document.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";
}
