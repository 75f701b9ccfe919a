namespace Dagsorden.Web.OParl;

// The OParl 1.1 objects this API serves, as the draft-07 schemas in shared/oparl/schema name their
// fields. Serialized in camelCase and without null fields; a deleted object carries only its id,
// type, modified and deleted: true.

public static class OParlTypes
{
    public const string Version = "https://schema.oparl.org/1.1/";
    public const string System = Version + "System";
    public const string Body = Version + "Body";
    public const string Organization = Version + "Organization";
    public const string Meeting = Version + "Meeting";
    public const string AgendaItem = Version + "AgendaItem";
    public const string Paper = Version + "Paper";
    public const string Consultation = Version + "Consultation";
    public const string File = Version + "File";
    public const string LegislativeTerm = Version + "LegislativeTerm";
    public const string Location = Version + "Location";
    public const string Person = Version + "Person";
    public const string Membership = Version + "Membership";
}

public abstract record OParlObject
{
    public required string Id { get; init; }

    public abstract string Type { get; }

    public DateTime? Created { get; init; }

    public DateTime? Modified { get; init; }

    public string? Web { get; init; }

    public bool? Deleted { get; init; }
}

public sealed record OParlSystem : OParlObject
{
    public override string Type => OParlTypes.System;

    public string OparlVersion => OParlTypes.Version;

    public required string Body { get; init; }

    public required string Name { get; init; }

    public string? Website { get; init; }

    public string? Product { get; init; }
}

public sealed record OParlBody : OParlObject
{
    public override string Type => OParlTypes.Body;

    public required string System { get; init; }

    public required string Name { get; init; }

    public string? ShortName { get; init; }

    public string? Website { get; init; }

    public required string Organization { get; init; }

    public required string Person { get; init; }

    public required string Meeting { get; init; }

    public required string Paper { get; init; }

    public required string AgendaItem { get; init; }

    public required string Consultation { get; init; }

    public required string File { get; init; }

    public required string LocationList { get; init; }

    public required string LegislativeTermList { get; init; }

    public required string Membership { get; init; }

    public required IReadOnlyList<OParlLegislativeTerm> LegislativeTerm { get; init; }

    public string? Classification { get; init; }
}

public sealed record OParlOrganization : OParlObject
{
    public override string Type => OParlTypes.Organization;

    public string? Body { get; init; }

    public string? Name { get; init; }

    public string? ShortName { get; init; }

    public string? Meeting { get; init; }

    public string? OrganizationType { get; init; }

    public string? Classification { get; init; }

    public string? Website { get; init; }
}

public sealed record OParlMeeting : OParlObject
{
    public override string Type => OParlTypes.Meeting;

    public string? Name { get; init; }

    public string? MeetingState { get; init; }

    public bool? Cancelled { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public OParlLocation? Location { get; init; }

    public IReadOnlyList<string>? Organization { get; init; }

    public OParlFile? Invitation { get; init; }

    public OParlFile? ResultsProtocol { get; init; }

    public IReadOnlyList<OParlAgendaItem>? AgendaItem { get; init; }
}

public sealed record OParlAgendaItem : OParlObject
{
    public override string Type => OParlTypes.AgendaItem;

    public string? Meeting { get; init; }

    public string? Number { get; init; }

    public int? Order { get; init; }

    public string? Name { get; init; }

    public bool? Public { get; init; }

    public string? Consultation { get; init; }

    public string? Result { get; init; }

    public string? ResolutionText { get; init; }

    public IReadOnlyList<OParlFile>? AuxiliaryFile { get; init; }

    public IReadOnlyList<string>? Keyword { get; init; }
}

public sealed record OParlPaper : OParlObject
{
    public override string Type => OParlTypes.Paper;

    public string? Body { get; init; }

    public string? Name { get; init; }

    public string? Reference { get; init; }

    public DateOnly? Date { get; init; }

    public string? PaperType { get; init; }

    public IReadOnlyList<OParlConsultation>? Consultation { get; init; }

    public IReadOnlyList<string>? Keyword { get; init; }
}

public sealed record OParlConsultation : OParlObject
{
    public override string Type => OParlTypes.Consultation;

    public string? Paper { get; init; }

    public string? AgendaItem { get; init; }

    public string? Meeting { get; init; }

    public IReadOnlyList<string>? Organization { get; init; }

    public bool? Authoritative { get; init; }

    public string? Role { get; init; }
}

public sealed record OParlFile : OParlObject
{
    public override string Type => OParlTypes.File;

    public string? Name { get; init; }

    public string? FileName { get; init; }

    public string? MimeType { get; init; }

    public DateOnly? Date { get; init; }

    public long? Size { get; init; }

    public string? AccessUrl { get; init; }

    public string? DownloadUrl { get; init; }

    public IReadOnlyList<string>? Meeting { get; init; }

    public IReadOnlyList<string>? AgendaItem { get; init; }
}

public sealed record OParlLegislativeTerm : OParlObject
{
    public override string Type => OParlTypes.LegislativeTerm;

    public string? Body { get; init; }

    public string? Name { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }
}

public sealed record OParlLocation : OParlObject
{
    public override string Type => OParlTypes.Location;

    public string? Description { get; init; }

    public IReadOnlyList<string>? Bodies { get; init; }

    public IReadOnlyList<string>? Meetings { get; init; }
}

/// <summary>A page of a list: the objects, where the page stands, and the links to walk on.</summary>
public sealed record OParlList<T>(IReadOnlyList<T> Data, OParlPagination Pagination, OParlLinks Links)
    where T : OParlObject;

public sealed record OParlPagination(int TotalElements, int ElementsPerPage, int CurrentPage, int TotalPages);

public sealed record OParlLinks(string First, string? Prev, string? Next, string Last);

/// <summary>Listed by the body as OParl requires, always empty: the documents do not record people as members.</summary>
public sealed record OParlPerson : OParlObject
{
    public override string Type => OParlTypes.Person;
}

public sealed record OParlMembership : OParlObject
{
    public override string Type => OParlTypes.Membership;
}
