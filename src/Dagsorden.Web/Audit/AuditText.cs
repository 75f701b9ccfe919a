using System.Globalization;
using System.Text.RegularExpressions;
using Dagsorden.Core.Audit;
using NodaTime;

namespace Dagsorden.Web.Audit;

/// <summary>The audit trail in Danish words: what happened, to what, and which field.</summary>
public static partial class AuditText
{
    /// <summary>Longer values are shown shortened, with the whole text one click away.</summary>
    public const int ShortLength = 120;

    private static readonly DateTimeZone Copenhagen = DateTimeZoneProviders.Tzdb["Europe/Copenhagen"];

    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        [AuditActions.Added] = "Oprettet",
        [AuditActions.Modified] = "Ændret",
        [AuditActions.Deleted] = "Slettet",
        [AuditActions.SignIn] = "Logget ind",
        [AuditActions.SignInFailed] = "Forkert e-mail eller adgangskode",
        [AuditActions.LockedOut] = "Konto låst",
        [AuditActions.SignOut] = "Logget ud",
    };

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["Forum"] = "forum",
        ["Meeting"] = "møde",
        ["AgendaItem"] = "punkt",
        ["Attachment"] = "bilag",
        ["FollowUp"] = "opfølgning",
        ["FollowUpSuggestion"] = "forslag til opfølgning",
        ["ForumMembership"] = "medlemskab",
        ["UserRole"] = "rolle",
        ["UserAccount"] = "bruger",
        ["Department"] = "afdeling",
        ["ItemAudience"] = "modtagende afdeling",
        ["MeetingVersion"] = "offentliggjort udgave",
        ["ItemDraft"] = "indsendt punkt",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["Title"] = "Titel",
        ["TocTitle"] = "Titel i indholdsfortegnelsen",
        ["ForumPrefix"] = "Forummets forkortelse",
        ["CaseNumber"] = "Sagsnummer",
        ["IsClosed"] = "Lukket punkt",
        ["IsToFollow"] = "Eftersendes",
        ["Recommendation"] = "Indstilling",
        ["DecisionText"] = "Beslutning",
        ["DecisionOutcome"] = "Beslutningens udfald",
        ["ApprovesMinutesOf"] = "Godkender referatet fra",
        ["MinutesApprovalOutcome"] = "Godkendelse af referatet",
        ["PublicRedactions"] = "Skjult i den offentlige udgave",
        ["Number"] = "Nummer",
        ["MeetingId"] = "Møde",
        ["ItemId"] = "Punkt",
        ["ForumId"] = "Forum",
        ["Date"] = "Dato",
        ["StartTime"] = "Starttid",
        ["Place"] = "Sted",
        ["Participants"] = "Fremmøde",
        ["HeaderNotes"] = "Noter i hovedet",
        ["Kind"] = "Art",
        ["Status"] = "Status",
        ["Template"] = "Skabelon",
        ["MinutesApprovedOn"] = "Referatet godkendt",
        ["Published"] = "Offentliggjort",
        ["PublishedBy"] = "Offentliggjort af",
        ["CorrectionReason"] = "Begrundelse for rettelsen",
        ["Position"] = "Placering",
        ["IsPublic"] = "Offentligt",
        ["FileName"] = "Filnavn",
        ["ContentType"] = "Filtype",
        ["Size"] = "Størrelse",
        ["Role"] = "Rolle",
        ["UserId"] = "Bruger",
        ["Email"] = "E-mail",
        ["UserName"] = "Brugernavn",
        ["DisplayName"] = "Navn",
        ["PasswordHash"] = "Adgangskode",
        ["LockoutEnd"] = "Låst til",
        ["AccessFailedCount"] = "Forkerte forsøg",
        ["Name"] = "Navn",
        ["Text"] = "Tekst",
        ["Responsible"] = "Ansvarlig",
        ["DueDate"] = "Frist",
        ["Content"] = "Indhold",
        ["AuthorName"] = "Forfatter",
        ["Submitted"] = "Indsendt",
    };

    public static string Action(string action) => Actions.GetValueOrDefault(action, action);

    /// <summary>E.g. "Ændret punkt 17" or "Logget ind".</summary>
    public static string What(AuditEntry entry) =>
        entry.EntityType == AuditActions.SignInEntity
            ? Action(entry.Action)
            : $"{Action(entry.Action)} {Types.GetValueOrDefault(entry.EntityType, entry.EntityType)} {entry.EntityId}".TrimEnd();

    public static string Field(string? field)
    {
        if (field is null)
            return "";
        if (SectionField().Match(field) is { Success: true } section)
            return "Afsnit " + (int.Parse(section.Groups[1].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        return Fields.GetValueOrDefault(field, field);
    }

    /// <summary>"12-03-2026 kl. 14:05:09", Danish local time.</summary>
    public static string Time(DateTime utc)
    {
        var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Copenhagen).LocalDateTime;
        return local.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) + " kl. " + local.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
    }

    public static bool IsLong(string? value) => value is not null && (value.Length > ShortLength || value.Contains('\n', StringComparison.Ordinal));

    public static string Short(string value)
    {
        var firstLine = value.Split('\n')[0];
        return firstLine.Length > ShortLength ? firstLine[..ShortLength] + "…" : firstLine + " …";
    }

    [GeneratedRegex(@"^Sections\[(\d+)\]$")]
    private static partial Regex SectionField();
}
