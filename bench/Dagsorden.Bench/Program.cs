// Document rendering benchmark: the PDF of one meeting with a warm browser, and, in the same run,
// LibreOffice converting the DOCX export of the same meeting. Prints a Markdown table.
// Usage: dotnet run -c Release --project bench/Dagsorden.Bench -- MINUTES.txt [PDF_RUNS] [LIBREOFFICE_RUNS]
using System.Diagnostics;
using System.Globalization;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Documents.Docx;
using Dagsorden.Core.Documents.Html;
using Dagsorden.Core.Documents.Pdf;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Meetings;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Dagsorden.Bench MINUTES.txt [PDF_RUNS] [LIBREOFFICE_RUNS]");
    return 2;
}

var pdfRuns = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var officeRuns = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 7;
var imported = MinutesTextParser.Parse(File.ReadAllText(args[0]), args[0]);
var meeting = new Meeting(new Forum(imported.ForumCode, imported.ForumName, imported.Details.Template), imported.Date, imported.Details);
meeting.ReplaceItems(imported.Items);
var document = MeetingDocument.From(meeting, DocumentAudience.Public);

await using var engine = new ChromiumPdfEngine();
var writer = new PdfDocumentWriter(engine);
await writer.WriteAsync(document); // starts the browser: the measurements are warm
await writer.WriteAsync(document);

var fullPdf = await MeasureAsync(pdfRuns, () => writer.WriteAsync(document));
var html = MeetingHtml.RenderPage(document);
var onePrint = await MeasureAsync(pdfRuns, () => engine.PrintAsync(html, new PdfPrintOptions()));

var directory = Directory.CreateTempSubdirectory("dagsorden-bench-").FullName;
var docx = Path.Combine(directory, "referat.docx");
await File.WriteAllBytesAsync(docx, DocxDocumentWriter.Write(document));
var office = await MeasureAsync(officeRuns, () => ConvertWithLibreOfficeAsync(docx, directory));
Directory.Delete(directory, recursive: true);

Console.WriteLine($"Meeting {document.Key}, {document.Items.Count} items, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine();
Console.WriteLine("| what | runs | median ms | p95 ms |");
Console.WriteLine("|---|---|---|---|");
Row("PDF with true TOC page numbers (PdfDocumentWriter, warm browser)", fullPdf);
Row("one Chromium print of the same HTML (warm browser)", onePrint);
Row("libreoffice --headless --convert-to pdf of the DOCX export", office);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ratio LibreOffice / PDF (medians): {Median(office) / Median(fullPdf):0.0}"));
return 0;

static void Row(string what, List<double> times) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {times.Count} | {Median(times):0} | {Percentile(times, 0.95):0} |"));

static double Median(List<double> times) => Percentile(times, 0.5);

static double Percentile(List<double> times, double p)
{
    var sorted = times.Order().ToList();
    var rank = p * (sorted.Count - 1);
    var low = (int)Math.Floor(rank);
    var high = (int)Math.Ceiling(rank);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

static async Task<List<double>> MeasureAsync<T>(int runs, Func<Task<T>> work)
{
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await work();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    return times;
}

static async Task<int> ConvertWithLibreOfficeAsync(string docx, string directory)
{
    var start = new ProcessStartInfo("libreoffice", ["--headless", $"-env:UserInstallation=file://{directory}/profile", "--convert-to", "pdf", "--outdir", directory, docx])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    using var process = Process.Start(start) ?? throw new InvalidOperationException("libreoffice did not start");
    await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    return process.ExitCode == 0 ? 0 : throw new InvalidOperationException("libreoffice failed");
}
