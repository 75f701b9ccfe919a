using Dagsorden.Core.Attachments;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Dagsorden.Web.Items;

/// <summary>
/// Lets an editor page receive an attachment a little above the upload limit, so the page itself can
/// say in Danish that the file is too large, and answers anything larger, or a form that cannot be
/// read, with a redirect back to the page and the same message instead of an error.
/// </summary>
/// <remarks>
/// It is an authorization filter ordered first because the antiforgery check, the next filter to run,
/// reads the whole form; the limits must be set before that.
/// </remarks>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string TooLargeNotice = "for-stort";

    /// <summary>Room for the form's text fields and multipart framing beyond the file itself.</summary>
    public const long FormAllowance = 2L * 1024 * 1024;

    public int Order => int.MinValue;

    public static long RequestLimit(UploadPolicy policy) => policy.MaxFileSize + FormAllowance;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType)
            return;

        var limit = RequestLimit(http.RequestServices.GetRequiredService<UploadPolicy>());
        if (http.Request.ContentLength > limit)
        {
            context.Result = TooLarge(http);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = limit;
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
        {
            MultipartBodyLengthLimit = limit,
            ValueLengthLimit = (int)Math.Min(int.MaxValue, limit),
        }));
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            // A body without a declared length that outgrew the limit, or a form over one of its limits.
            context.Result = TooLarge(http);
        }
        catch (IOException)
        {
            // A broken or cut-off multipart body.
            context.Result = new BadRequestResult();
        }
    }

    private static RedirectResult TooLarge(HttpContext http) =>
        new(http.Request.PathBase + http.Request.Path + "?besked=" + TooLargeNotice);
}
