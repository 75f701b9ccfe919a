using System.Text.Json;
using System.Text.Json.Serialization;
using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Text;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dagsorden.Core.Storage;

/// <summary>Rich text and recommendations are stored as JSON text, compared by their serialised form.</summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new CaseNumberJsonConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is null.");

    public static ValueConverter<RichText, string> RichTextConverter { get; } =
        new(v => Serialize(v), v => Deserialize<RichText>(v));

    public static ValueComparer<RichText> RichTextComparer { get; } = Comparer<RichText>();

    public static ValueConverter<Recommendation, string> RecommendationConverter { get; } =
        new(v => Serialize(v), v => Deserialize<Recommendation>(v));

    public static ValueComparer<Recommendation> RecommendationComparer { get; } = Comparer<Recommendation>();

    public static ValueConverter<IReadOnlyList<Participant>, string> ParticipantsConverter { get; } =
        new(v => Serialize(v), v => string.IsNullOrWhiteSpace(v) ? new List<Participant>() : Deserialize<List<Participant>>(v));

    public static ValueComparer<IReadOnlyList<Participant>> ParticipantsComparer { get; } = new(
        (a, b) => Serialize(a) == Serialize(b),
        v => Serialize(v).GetHashCode(StringComparison.Ordinal),
        v => Deserialize<List<Participant>>(Serialize(v)));

    public static ValueConverter<IReadOnlyList<string>, string> TextListConverter { get; } =
        new(v => Serialize(v), v => string.IsNullOrWhiteSpace(v) ? new List<string>() : Deserialize<List<string>>(v));

    public static ValueComparer<IReadOnlyList<string>> TextListComparer { get; } = new(
        (a, b) => Serialize(a) == Serialize(b),
        v => Serialize(v).GetHashCode(StringComparison.Ordinal),
        v => Deserialize<List<string>>(Serialize(v)));

    public static ValueConverter<ItemContent, string> ItemContentConverter { get; } =
        new(v => Serialize(v), v => Deserialize<ItemContent>(v));

    public static ValueComparer<ItemContent> ItemContentComparer { get; } = Comparer<ItemContent>();

    public static ValueConverter<MeetingSnapshot, string> SnapshotConverter { get; } =
        new(v => Serialize(v), v => Deserialize<MeetingSnapshot>(v));

    public static ValueComparer<MeetingSnapshot> SnapshotComparer { get; } = Comparer<MeetingSnapshot>();

    private static ValueComparer<T> Comparer<T>() => new(
        (a, b) => Serialize(a) == Serialize(b),
        v => Serialize(v).GetHashCode(StringComparison.Ordinal),
        v => Deserialize<T>(Serialize(v)));
}

/// <summary>A case number is stored as the text it was written as, and parsed again on reading.</summary>
internal sealed class CaseNumberJsonConverter : JsonConverter<CaseNumber>
{
    public override CaseNumber? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { Length: > 0 } text ? CaseNumber.Parse(text) : null;

    public override void Write(Utf8JsonWriter writer, CaseNumber value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
