using System.Text.Json;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Text;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dagsorden.Core.Storage;

/// <summary>Rich text and recommendations are stored as JSON text, compared by their serialised form.</summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

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

    private static ValueComparer<T> Comparer<T>() => new(
        (a, b) => Serialize(a) == Serialize(b),
        v => Serialize(v).GetHashCode(StringComparison.Ordinal),
        v => Deserialize<T>(Serialize(v)));
}
