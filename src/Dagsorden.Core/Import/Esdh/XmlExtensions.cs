using System.Xml.Linq;

namespace Dagsorden.Core.Import.Esdh;

internal static class XmlExtensions
{
    /// <summary>The first child with this local name, in the element's own namespace.</summary>
    public static XElement? Child(this XElement element, string name) => element.Element(element.Name.Namespace + name);

    public static IEnumerable<XElement> Children(this XElement element, string name) => element.Elements(element.Name.Namespace + name);

    public static string? Text(this XElement element, string name) => element.Child(name)?.Value;

    /// <summary>The element at a path of local names, e.g. "Meeting/When".</summary>
    public static XElement? At(this XElement element, string path)
    {
        XElement? current = element;
        foreach (var name in path.Split('/'))
            current = current?.Child(name);
        return current;
    }

    public static int? Line(this XObject node) => node is System.Xml.IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;
}
