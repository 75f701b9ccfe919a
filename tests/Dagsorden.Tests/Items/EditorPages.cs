using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Items;

/// <summary>
/// Drives the item editor as a browser does: reads the form's fields (hidden, text, checked boxes,
/// textareas, selected options) from the page, changes some, and posts the whole form as multipart
/// with the pressed button's "handling".
/// </summary>
public static partial class EditorPages
{
    public static async Task<int> SeedForumAsync(TestDatabase database, string code = "CF", string name = "Chefforum", DocumentTemplate template = DocumentTemplate.Standard2016)
    {
        await using var db = await database.OpenAsync();
        var forum = new Forum(code, name, template);
        db.Forums.Add(forum);
        await db.SaveChangesAsync();
        return forum.Id;
    }

    /// <summary>Creates a draft through /punkter/nyt and returns its id.</summary>
    public static async Task<int> CreateDraftAsync(HttpClient client, int forumId, string title)
    {
        var response = await TestApp.PostFormAsync(client, "/punkter/nyt", new() { ["ForumId"] = forumId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Title"] = title });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/punkter/[0-9]+$", location);
        return int.Parse(location["/punkter/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<ItemDraft> DraftAsync(TestDatabase database, int id)
    {
        await using var db = await database.OpenAsync();
        return await db.ItemDrafts.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    /// <summary>The fields the editor form on <paramref name="url"/> would post, by name, in page order.</summary>
    public static async Task<List<KeyValuePair<string, string>>> ReadFormAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {response.StatusCode}\n{html}");
        return FormFields(html);
    }

    public static List<KeyValuePair<string, string>> FormFields(string html)
    {
        // The layout's sign-out form comes first; the editor's own form is the item-editor one.
        var marker = html.IndexOf("class=\"form item-editor\"", StringComparison.Ordinal);
        Assert.True(marker >= 0, "The page has no editor form.");
        var start = html.LastIndexOf("<form", marker, StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = new List<(int Position, string Name, string Value)>();
        foreach (Match input in InputPattern().Matches(form))
        {
            var attributes = input.Groups[1].Value;
            var type = Attribute(attributes, "type") ?? "text";
            var name = Attribute(attributes, "name");
            if (name is null || type is "file" or "submit")
                continue;
            if (type == "checkbox" && !attributes.Contains("checked", StringComparison.Ordinal))
                continue;
            fields.Add((input.Index, name, Attribute(attributes, "value") ?? ""));
        }

        foreach (Match textarea in TextareaPattern().Matches(form))
            fields.Add((textarea.Index, Attribute(textarea.Groups[1].Value, "name")!, WebUtility.HtmlDecode(textarea.Groups[2].Value)));
        foreach (Match select in SelectPattern().Matches(form))
        {
            var selected = SelectedPattern().Match(select.Groups[2].Value);
            if (selected.Success)
                fields.Add((select.Index, Attribute(select.Groups[1].Value, "name")!, WebUtility.HtmlDecode(selected.Groups[1].Value)));
        }

        return fields.OrderBy(f => f.Position).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
    }

    /// <summary>Sets a field, replacing every earlier value of it (or adding it).</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var index = fields.FindIndex(f => f.Key == name);
        fields.RemoveAll(f => f.Key == name);
        fields.Insert(index < 0 ? fields.Count : index, new(name, value));
        return fields;
    }

    public static List<KeyValuePair<string, string>> Without(this List<KeyValuePair<string, string>> fields, string name)
    {
        fields.RemoveAll(f => f.Key == name);
        return fields;
    }

    public static string Value(this List<KeyValuePair<string, string>> fields, string name) => fields.Single(f => f.Key == name).Value;

    /// <summary>Posts the fields as the multipart form, pressing the button <paramref name="handling"/>, optionally with a file.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields, string handling = "gem", (string Name, byte[] Bytes)? file = null)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value), name);
        content.Add(new StringContent(handling), "handling");
        if (file is { } f)
        {
            var part = new ByteArrayContent(f.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "fil", f.Name);
        }

        return await client.PostAsync(url, content);
    }

    /// <summary>Reads the form on <paramref name="url"/>, changes the given fields and posts it.</summary>
    public static async Task<HttpResponseMessage> EditAsync(HttpClient client, string url, Dictionary<string, string> changes, string handling = "gem", (string Name, byte[] Bytes)? file = null)
    {
        var fields = await ReadFormAsync(client, url);
        foreach (var (name, value) in changes)
            fields.With(name, value);
        return await PostAsync(client, url, fields, handling, file);
    }

    /// <summary>A value's JSON, to compare records that hold lists (records compare lists by reference).</summary>
    public static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    /// <summary>The path of a redirect's target, whether the location is absolute or relative.</summary>
    public static string PathOf(Uri location) =>
        location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    /// <summary>The smallest file that reads as a PDF.</summary>
    public static byte[] Pdf(string text = "bilag") => System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% " + text + "\n%%EOF\n");

    private static string? Attribute(string attributes, string name)
    {
        var match = Regex.Match(attributes, "(?:^|\\s)" + name + "=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<input\\s([^>]*)>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<textarea\\s([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaPattern();

    [GeneratedRegex("<select\\s([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected=\"selected\"")]
    private static partial Regex SelectedPattern();
}
