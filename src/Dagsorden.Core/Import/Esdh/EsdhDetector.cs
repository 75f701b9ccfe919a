using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Dagsorden.Core.Import.Esdh;

/// <summary>
/// Finds the export in a package and reads it with the right reader, recognising each case system by
/// the content of its XML (root element, namespace, structure), never by file names.
/// </summary>
public static partial class EsdhDetector
{
    private const int MaxXmlFilesScanned = 200;

    private enum Kind
    {
        AcadreManifest,
        AcadreAgenda,
        EDoc,
        EDocFujitsu,
        Sbsys,
    }

    public static EsdhExport Read(ExportPackage package)
    {
        var warnings = new List<string>();
        var candidates = package.Primary is not null
            ? [package.Primary]
            : package.Entries.Where(e => e.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).Take(MaxXmlFilesScanned).ToList();

        var found = new List<(string Path, Kind Kind, XElement Root)>();
        var unrecognised = new List<string>();
        foreach (var path in candidates)
        {
            var file = Describe(package, path);
            var bytes = package.Read(path);
            XDocument document;
            try
            {
                document = SafeXml.Load(bytes, file, warnings);
            }
            catch (ImportException) when (package.Primary is null && !LooksLikeAnExport(bytes) && !HasDoctype(bytes))
            {
                // Some other XML in the folder (a style sheet, a settings file): not ours to judge.
                unrecognised.Add($"{path} (not well-formed)");
                continue;
            }

            var root = document.Root!;
            var kind = Classify(root, file);
            if (kind is null)
                unrecognised.Add($"{path} (root <{root.Name.LocalName}>{(root.Name.NamespaceName.Length > 0 ? $" in {root.Name.NamespaceName}" : "")})");
            else
                found.Add((path, kind.Value, root));
        }

        // An Acadre manifest brings its agenda XML; that XML is then not an export of its own.
        var exports = new List<(string Path, Kind Kind, XElement Root, string? FilesFolder)>();
        var consumed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var manifest in found.Where(f => f.Kind == Kind.AcadreManifest))
        {
            var (agendaPath, filesFolder) = AcadreReader.ResolveManifest(manifest.Root, package, Describe(package, manifest.Path));
            consumed.Add(agendaPath);
            var agendaFile = Describe(package, agendaPath);
            var agendaRoot = found.FirstOrDefault(f => f.Path.Equals(agendaPath, StringComparison.OrdinalIgnoreCase)).Root
                ?? SafeXml.Load(package.Read(agendaPath), agendaFile, warnings).Root!;
            if (!AcadreReader.IsAgenda(agendaRoot))
                throw new ImportException(agendaFile, null, "the Acadre manifest points at this file, but it is not an Acadre agenda XML.");
            exports.Add((agendaPath, Kind.AcadreAgenda, agendaRoot, filesFolder));
        }

        exports.AddRange(found.Where(f => f.Kind != Kind.AcadreManifest && !consumed.Contains(f.Path)).Select(f => (f.Path, f.Kind, f.Root, (string?)null)));

        if (exports.Count == 0)
        {
            var what = package.Primary is not null ? "this XML is not" : "found no";
            throw new ImportException(package.Name, null,
                $"{what} case-system export this import knows (Acadre, eDoc, eDoc Fujitsu or SBSYS){(unrecognised.Count > 0 ? "; looked at: " + string.Join(", ", unrecognised.Take(5)) : "")}.");
        }

        if (exports.Count > 1)
            throw new ImportException(package.Name, null, $"holds {exports.Count} exports ({string.Join(", ", exports.Select(e => e.Path))}); import them one at a time.");

        var (mainPath, mainKind, mainRoot, folder) = exports[0];
        var mainFile = Describe(package, mainPath);
        folder ??= DirectoryOf(mainPath);
        return mainKind switch
        {
            Kind.AcadreAgenda => AcadreReader.Read(mainRoot, package, mainFile, folder ?? DirectoryOf(mainPath), warnings),
            Kind.EDoc => EDocReader.Read(mainRoot, package, mainFile, folder, warnings),
            Kind.EDocFujitsu => EDocFujitsuReader.Read(mainRoot, package, mainFile, folder, warnings),
            Kind.Sbsys => SbsysReader.Read(mainRoot, package, mainFile, folder, warnings),
            _ => throw new InvalidOperationException(mainKind.ToString()),
        };
    }

    private static Kind? Classify(XElement root, string file)
    {
        if (EDocFujitsuReader.Is(root))
            return Kind.EDocFujitsu;
        if (EDocFujitsuReader.ForeignNamespace(root) is { } foreign)
            throw new ImportException(file, root.Line(), $"this looks like an eDoc Fujitsu export, but its namespace is '{foreign}', not '{EDocFujitsuReader.Namespace.NamespaceName}'; refusing to guess at another schema version.");

        var known = root.Name.LocalName is "root" or "Meeting" or "Publication";
        if (known && root.Name.Namespace != XNamespace.None)
            throw new ImportException(file, root.Line(), $"the root element <{root.Name.LocalName}> is in the namespace '{root.Name.NamespaceName}'; the Acadre, eDoc and SBSYS exports this import knows use none.");
        if (AcadreReader.IsManifest(root))
            return Kind.AcadreManifest;
        if (AcadreReader.IsAgenda(root))
            return Kind.AcadreAgenda;
        if (EDocReader.Is(root))
            return Kind.EDoc;
        if (SbsysReader.Is(root))
            return Kind.Sbsys;
        return null;
    }

    private static string Describe(ExportPackage package, string path) =>
        package.Primary is not null ? package.Name : $"{package.Name.TrimEnd('/', '\\')}/{path}";

    private static string? DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? null : path[..slash];
    }

    private static bool LooksLikeAnExport(byte[] bytes)
    {
        var head = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        return KnownRootPattern().IsMatch(head) || head.Contains(EDocFujitsuReader.Namespace.NamespaceName, StringComparison.Ordinal);
    }

    private static bool HasDoctype(byte[] bytes) =>
        System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"<(?:root|Meeting|Publication)[\s>]")]
    private static partial Regex KnownRootPattern();
}
