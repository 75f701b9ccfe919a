using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dagsorden.Web.Site;

/// <summary>The Danish page shown for an error status or an unhandled exception.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public const string Path = "/fejl";

    public string Heading { get; private set; } = "";

    public string Message { get; private set; } = "";

    public IActionResult OnGet()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (!reExecuted)
            return NotFound();

        (Heading, Message) = Response.StatusCode switch
        {
            StatusCodes.Status403Forbidden => ("Ingen adgang", "Du har ikke adgang til denne side. Kontakt forummets sekretær eller en administrator, hvis du mener, at du burde have adgang."),
            StatusCodes.Status404NotFound => ("Siden findes ikke", "Vi kan ikke finde den side, du leder efter. Måske er adressen skrevet forkert."),
            StatusCodes.Status405MethodNotAllowed => ("Handlingen er ikke tilladt", "Siden kan ikke bruges på den måde."),
            >= 500 => ("Der opstod en fejl", "Noget gik galt hos os. Prøv igen om lidt."),
            _ => ("Forespørgslen kunne ikke behandles", "Siden kunne ikke vises. Kontrollér adressen og prøv igen."),
        };
        return Page();
    }

    // An exception in a POST is re-executed as a POST.
    public IActionResult OnPost() => OnGet();
}
