using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dagsorden.Web.Site;

/// <summary>A public page that answers an unknown address with a 404 and a Danish message saying what was not found.</summary>
public abstract class PortalPageModel : PageModel
{
    public string NotFoundMessage { get; private set; } = "";

    protected PageResult NotFoundPage(string message)
    {
        NotFoundMessage = message;
        var page = Page();
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }
}
