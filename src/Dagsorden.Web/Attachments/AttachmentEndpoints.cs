using System.Globalization;
using System.Text;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Microsoft.Net.Http.Headers;

namespace Dagsorden.Web.Attachments;

/// <summary>GET /bilag/{id}: an attachment's stored file, to those who may read it.</summary>
public static class AttachmentEndpoints
{
    public const string RoutePrefix = "/bilag/";

    public static string PathOf(int attachmentId) => RoutePrefix + attachmentId.ToString(CultureInfo.InvariantCulture);

    public static WebApplication MapAttachments(this WebApplication app)
    {
        // The id is taken as text and parsed here, so "abc" or "-1" gets the same 404 as an id nobody may read.
        app.MapGet(RoutePrefix + "{id}", async (string id, HttpContext context, DagsordenDbContext db, CurrentUser currentUser, AttachmentStore store, CancellationToken cancellationToken) =>
        {
            var response = context.Response;
            response.Headers[HeaderNames.Vary] = "Cookie";
            response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var attachmentId))
                return NotFound();

            // 404, never 403: a guessed id must not tell whether the attachment exists.
            var access = await currentUser.GetAsync(cancellationToken);
            var readable = await db.FindReadableAsync(attachmentId, access, cancellationToken);
            if (readable is null)
                return NotFound();
            var path = store.PathOf(readable.File.StorageKey);
            if (!File.Exists(path))
                return NotFound();

            response.Headers[HeaderNames.CacheControl] = readable.IsPublic ? "public, max-age=300" : "private, no-store";
            return Results.File(path, readable.File.ContentType, SafeFileName(readable.File.FileName, attachmentId));
        });
        return app;
    }

    /// <summary>
    /// The name offered for saving: the delivered name without any folder, with control and path
    /// characters replaced; the framework writes it as both filename and RFC 6266 filename*.
    /// </summary>
    public static string SafeFileName(string fileName, int attachmentId)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var safe = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
            safe.Append(char.IsControl(c) || c is '"' or ':' or '*' or '?' or '<' or '>' or '|' || char.IsSurrogate(c) ? '_' : c);
        var result = safe.ToString().Trim().Trim('.');
        return result.Length == 0 ? "bilag-" + attachmentId.ToString(CultureInfo.InvariantCulture) : result;
    }

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Bilaget findes ikke", detail: "Der er intet bilag, du kan hente, på denne adresse.");
}
