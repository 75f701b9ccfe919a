using System.Security.Cryptography;
using System.Text;
using Dagsorden.Core.Documents.Html;
using Microsoft.Net.Http.Headers;

namespace Dagsorden.Web.Documents;

/// <summary>
/// /css/dokument.css: the document's look on the meeting, item and version pages. The CSP allows
/// no &lt;style&gt; element, so the pages link to it; it is served from <see cref="DocumentCss.Document"/>,
/// the same text the PDF prints with, so the page and the print cannot drift apart.
/// </summary>
public static class DocumentStylesheet
{
    public const string Path = "/css/dokument.css";

    private static readonly byte[] Content = Encoding.UTF8.GetBytes(DocumentCss.Document);

    private static readonly string Version = Convert.ToHexStringLower(SHA256.HashData(Content))[..16];

    /// <summary>The address the pages link to; it changes with the CSS, so a browser may keep it for a year.</summary>
    public static string Href { get; } = Path + "?v=" + Version;

    public static IEndpointConventionBuilder MapDocumentStylesheet(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = context.Request.Query["v"] == Version
                ? "public, max-age=31536000, immutable"
                : "public, no-cache";
            return Results.Bytes(Content, "text/css; charset=utf-8", entityTag: new EntityTagHeaderValue("\"" + Version + "\""));
        });
}
