using System.Collections.Concurrent;
using Dagsorden.Tests.Support;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.References;

namespace Dagsorden.Tests.OParl;

/// <summary>The OParl 1.1 draft-07 schemas from ../shared/oparl/schema, loaded once and checked with NJsonSchema.</summary>
public static class OParlSchemas
{
    public static string Folder => Path.Combine(Repository.Root, "..", "shared", "oparl", "schema");

    private static readonly ConcurrentDictionary<string, Task<JsonSchema>> Schemas = new(StringComparer.Ordinal);

    /// <summary>The schema of a type such as "https://schema.oparl.org/1.1/Meeting".</summary>
    public static Task<JsonSchema> ForTypeAsync(string type) =>
        Schemas.GetOrAdd(type[(type.LastIndexOf('/') + 1)..], name => LoadAsync(Path.Combine(Folder, name + ".json")));

    /// <summary>The schema's complaints about one object; empty when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string type, string json) =>
        (await ForTypeAsync(type)).Validate(json).Select(e => e.ToString()).ToList();

    // The schemas refer to each other by file name, sometimes without ".json" ("$ref": "Organization");
    // every reference is resolved in the local folder, never over the network.
    private static Task<JsonSchema> LoadAsync(string path) =>
        JsonSchema.FromFileAsync(path, schema => new LocalResolver(schema));

    private sealed class LocalResolver(JsonSchema root) : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            base.ResolveFileReferenceAsync(Local(filePath), cancellationToken);

        public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            base.ResolveFileReferenceAsync(Local(url), cancellationToken);

        private static string Local(string reference)
        {
            var name = reference.Split('#')[0].TrimEnd('/');
            name = name[(Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\')) + 1)..];
            return Path.GetFullPath(Path.Combine(Folder, name.EndsWith(".json", StringComparison.Ordinal) ? name : name + ".json"));
        }
    }
}
