using System.Globalization;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Dagsorden.Core.Notifications;

/// <summary>
/// The configuration section "Smtp": Host, Port, From, optional UserName/Password and UseStartTls.
/// Without a Host no mail is sent; a section that cannot be used is reported, not thrown, so a typo in
/// the mail settings never stops the secretariat from publishing.
/// </summary>
public sealed record SmtpSettings(string? Host, int Port, string? From, string? UserName, string? Password, bool UseStartTls, string? Problem)
{
    public const string Section = "Smtp";

    public static SmtpSettings NotConfigured { get; } = new(null, 25, null, null, null, false, null);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public static SmtpSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var host = Blank(section["Host"]);
        if (host is null)
            return NotConfigured;

        var problems = new List<string>();
        var useStartTls = false;
        if (Blank(section["UseStartTls"]) is { } startTls && !bool.TryParse(startTls, out useStartTls))
            problems.Add($"Smtp:UseStartTls is '{startTls}', not true or false");

        var port = useStartTls ? 587 : 25;
        if (Blank(section["Port"]) is { } portText
            && !(int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535))
        {
            problems.Add($"Smtp:Port is '{portText}', not a port number");
        }

        var from = Blank(section["From"]);
        if (from is null)
            problems.Add("Smtp:From, the sender's address, is missing");
        else if (!MailboxAddress.TryParse(from, out _))
            problems.Add($"Smtp:From is '{from}', not an e-mail address");

        return new SmtpSettings(
            host, port, from, Blank(section["UserName"]), section["Password"], useStartTls,
            problems.Count == 0 ? null : string.Join("; ", problems) + ".");
    }

    // Never print the password in a log line.
    public override string ToString() => $"SMTP {Host}:{Port} from {From}{(UseStartTls ? " with STARTTLS" : "")}{(UserName is null ? "" : " as " + UserName)}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
