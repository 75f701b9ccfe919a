using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Feeds;
using Microsoft.Extensions.Options;

namespace Dagsorden.Web.OParl;

/// <summary>Settings of the OParl API, section "OParl" (e.g. OParl:BodyName).</summary>
public sealed class OParlOptions
{
    /// <summary>The municipality's name, the one body of this system.</summary>
    public string BodyName { get; set; } = "Kommunen";

    public string? BodyShortName { get; set; }

    public string? BodyWebsite { get; set; }
}

/// <summary>The OParl 1.1 read API at /oparl/v1, described by OpenAPI at /oparl/openapi.json.</summary>
public static class OParlEndpoints
{
    public const string OpenApiPath = "/oparl/openapi.json";

    private const string GroupName = "oparl";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Danish letters stay readable; JSON is never embedded in HTML here.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static WebApplicationBuilder AddOParl(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OParlOptions>(builder.Configuration.GetSection("OParl"));
        builder.Services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.GroupName == GroupName;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Dagsorden OParl 1.1";
                document.Info.Description = "Read-only OParl 1.1 API: the municipality's forums, meetings, agenda items, cases and documents. Closed items are public: false and carry no closed text.";
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapOParl(this WebApplication app)
    {
        app.MapOpenApi(OpenApiPath);
        var api = app.MapGroup(OParlUrls.Prefix).WithGroupName(GroupName).WithTags("OParl");

        api.MapGet("/system", (HttpRequest request, DagsordenDbContext db, IOptions<OParlOptions> options) =>
            Ok(Reader(request, db, options).System())).Produces<OParlSystem>();
        api.MapGet("/bodies", async (HttpRequest request, DagsordenDbContext db, IOptions<OParlOptions> options, CancellationToken ct) =>
        {
            var reader = Reader(request, db, options);
            return await ListAsync(request, async query =>
            {
                var first = query.Link(reader.Urls.Bodies, 1);
                IReadOnlyList<OParlBody> bodies = query.Page == 1 ? [await reader.BodyAsync(ct)] : [];
                return new OParlList<OParlBody>(bodies, new OParlPagination(1, query.Limit, query.Page, 1), new OParlLinks(first, null, null, first));
            });
        }).Produces<OParlList<OParlBody>>().ProducesValidationProblem();
        api.MapGet("/body/{id:int}", async (int id, HttpRequest request, DagsordenDbContext db, IOptions<OParlOptions> options, CancellationToken ct) =>
            id == OParlUrls.BodyId ? Ok(await Reader(request, db, options).BodyAsync(ct)) : NotFound("Body", id))
            .Produces<OParlBody>().ProducesProblem(StatusCodes.Status404NotFound);

        var body = api.MapGroup("/body/{bodyId:int}");
        MapBodyList(body, "organizations", (reader, query, ct) => reader.OrganizationsAsync(query, ct));
        MapBodyList(body, "meetings", (reader, query, ct) => reader.MeetingsAsync(query, null, ct));
        MapBodyList(body, "agendaitems", (reader, query, ct) => reader.AgendaItemsAsync(query, ct));
        MapBodyList(body, "papers", (reader, query, ct) => reader.PapersAsync(query, ct));
        MapBodyList(body, "consultations", (reader, query, ct) => reader.ConsultationsAsync(query, ct));
        MapBodyList(body, "files", (reader, query, ct) => reader.FilesAsync(query, ct));
        MapBodyList(body, "locations", (reader, query, ct) => reader.LocationsAsync(query, ct));
        MapBodyList(body, "legislativeterms", (reader, query, ct) => reader.LegislativeTermListAsync(query, ct));
        MapBodyList(body, "people", (reader, query, _) => Task.FromResult(OParlReader.Empty<OParlPerson>(query, reader.Urls.BodyList("people"))));
        MapBodyList(body, "memberships", (reader, query, _) => Task.FromResult(OParlReader.Empty<OParlMembership>(query, reader.Urls.BodyList("memberships"))));

        MapObject(api, "/organization/{id:int}", "Organization", (reader, id, ct) => reader.OrganizationAsync(id, ct));
        api.MapGet("/organization/{id:int}/meetings", async (int id, HttpRequest request, DagsordenDbContext db, IOptions<OParlOptions> options, CancellationToken ct) =>
        {
            var reader = Reader(request, db, options);
            if (await reader.OrganizationAsync(id, ct) is not { Deleted: null })
                return NotFound("Organization", id);
            return await ListAsync(request, query => reader.MeetingsAsync(query, id, ct));
        }).Produces<OParlList<OParlMeeting>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        MapObject(api, "/meeting/{id:int}", "Meeting", (reader, id, ct) => reader.MeetingAsync(id, ct));
        MapObject(api, "/agendaitem/{id:int}", "AgendaItem", (reader, id, ct) => reader.AgendaItemAsync(id, ct));
        MapObject(api, "/consultation/{id:int}", "Consultation", (reader, id, ct) => reader.ConsultationAsync(id, ct));
        MapObject(api, "/file/document/{id:int}", "File", (reader, id, ct) => reader.DocumentFileAsync(id, ct));
        MapObject(api, "/file/attachment/{id:int}", "File", (reader, id, ct) => reader.AttachmentFileAsync(id, ct));
        MapObject(api, "/legislativeterm/{id:int}", "LegislativeTerm", (reader, id, ct) => reader.LegislativeTermAsync(id, ct));
        MapObject(api, "/location/{id:int}", "Location", (reader, id, ct) => reader.LocationAsync(id, ct));
        api.MapGet("/paper/{**reference}", async (string reference, HttpRequest request, DagsordenDbContext db, IOptions<OParlOptions> options, CancellationToken ct) =>
            await Reader(request, db, options).PaperAsync(reference, ct) is { } paper
                ? Ok(paper)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no Paper (case) with the case number '{reference}'."))
            .Produces<OParlPaper>().ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static void MapBodyList<T>(RouteGroupBuilder body, string name, Func<OParlReader, ListQuery, CancellationToken, Task<OParlList<T>>> list)
        where T : OParlObject =>
        body.MapGet("/" + name, async (int bodyId, HttpRequest request, DagsordenDbContext db, IOptions<OParlOptions> options, CancellationToken ct) =>
                bodyId == OParlUrls.BodyId
                    ? await ListAsync(request, query => list(Reader(request, db, options), query, ct))
                    : NotFound("Body", bodyId))
            .Produces<OParlList<T>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    private static void MapObject<T>(IEndpointRouteBuilder api, string pattern, string type, Func<OParlReader, int, CancellationToken, Task<T?>> find)
        where T : OParlObject =>
        api.MapGet(pattern, async (int id, HttpRequest request, DagsordenDbContext db, IOptions<OParlOptions> options, CancellationToken ct) =>
                await find(Reader(request, db, options), id, ct) is { } found ? Ok(found) : NotFound(type, id))
            .Produces<T>().ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> ListAsync<T>(HttpRequest request, Func<ListQuery, Task<OParlList<T>>> list)
        where T : OParlObject
    {
        var (query, errors) = ListQuery.Parse(request.Query);
        if (query is null)
            return Results.ValidationProblem(errors, title: "Invalid list parameters");
        return Ok(await list(query));
    }

    private static OParlReader Reader(HttpRequest request, DagsordenDbContext db, IOptions<OParlOptions> options) =>
        new(db, new OParlUrls(PublicUrls.For(request)), options.Value);

    private static IResult Ok<T>(T value) => Results.Json(value, Json);

    private static IResult NotFound(string type, int id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no {type} with the id {id}.");
}
