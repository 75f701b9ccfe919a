using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Dagsorden.Core.Notifications;

/// <summary>One e-mail to one person.</summary>
public sealed record OutgoingMail(string ToName, string ToAddress, string Subject, string Body);

/// <summary>
/// Sends e-mail over SMTP with MailKit. Sending is best effort: every failure is logged and reported
/// back in the <see cref="MailReport"/>, never thrown, because the publication the mail announces has
/// already happened and must stand.
/// </summary>
public sealed class Mailer(SmtpSettings settings, ILogger<Mailer> log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public bool IsConfigured => settings.IsConfigured;

    public async Task<MailReport> SendAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken = default)
    {
        if (!settings.IsConfigured)
            return MailReport.NotConfigured;
        if (mails.Count == 0)
            return MailReport.NoRecipients;
        var deliveries = await DeliverAsync(mails, cancellationToken);
        var sent = deliveries.Count(d => d.IsSent);
        var failed = deliveries.Where(d => !d.IsSent).Select(d => d.Mail.ToAddress).ToList();
        return new MailReport(failed.Count == 0 ? MailOutcome.Sent : sent == 0 ? MailOutcome.Failed : MailOutcome.PartlyFailed, sent, failed);
    }

    /// <summary>
    /// Sends each mail over one connection and says, per mail, whether it went and if not why, so a
    /// caller that owes the mails (reminders, digests) can mark each one and try the failed ones again.
    /// </summary>
    public async Task<IReadOnlyList<MailDelivery>> DeliverAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken = default)
    {
        if (settings.Host is not { } host)
            return mails.Select(m => new MailDelivery(m, "SMTP is not configured (Smtp:Host is empty).")).ToList();
        if (mails.Count == 0)
            return [];
        if (settings.Problem is not null || settings.From is null || !MailboxAddress.TryParse(settings.From, out var from))
        {
            log.LogError("No mail sent: the SMTP settings cannot be used: {Problem}", settings.Problem);
            return mails.Select(m => new MailDelivery(m, "The SMTP settings cannot be used: " + settings.Problem)).ToList();
        }

        var deliveries = new List<MailDelivery>();
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(host, settings.Port, settings.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (settings.UserName is not null)
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Refused, unresolvable, timed out, TLS or login failed: whatever it was, no mail goes out.
            log.LogError(e, "No mail sent: could not connect to {Smtp}", settings);
            return mails.Select(m => new MailDelivery(m, $"Could not connect to {settings}: {e.Message}")).ToList();
        }

        foreach (var mail in mails)
        {
            if (!client.IsConnected)
            {
                deliveries.Add(new MailDelivery(mail, $"The connection to {settings} was lost."));
                continue;
            }

            try
            {
                await client.SendAsync(Compose(from, mail), cancellationToken);
                deliveries.Add(new MailDelivery(mail, null));
            }
            catch (ParseException e)
            {
                log.LogWarning(e, "No mail sent to {Address}: not an e-mail address", mail.ToAddress);
                deliveries.Add(new MailDelivery(mail, $"'{mail.ToAddress}' is not an e-mail address."));
            }
            catch (SmtpCommandException e)
            {
                // The server refused this one message (e.g. an unknown recipient); the others may still go.
                log.LogWarning(e, "The SMTP server refused the mail to {Address}: {Status} {Message}", mail.ToAddress, e.StatusCode, e.Message);
                deliveries.Add(new MailDelivery(mail, $"The SMTP server refused the mail to {mail.ToAddress}: {(int)e.StatusCode} {e.Message}"));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                log.LogError(e, "The connection to {Smtp} broke while sending to {Address}", settings, mail.ToAddress);
                deliveries.Add(new MailDelivery(mail, $"The connection to {settings} broke: {e.Message}"));
            }
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Every message was already accepted; a failed goodbye changes nothing.
                log.LogDebug(e, "QUIT to {Smtp} failed", settings);
            }
        }

        log.LogInformation("Sent {Sent} of {Total} mails through {Smtp}", deliveries.Count(d => d.IsSent), mails.Count, settings);
        return deliveries;
    }

    private static MimeMessage Compose(MailboxAddress from, OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}

/// <summary>One mail's fate: sent, or the reason (in English, for the log) why not.</summary>
public sealed record MailDelivery(OutgoingMail Mail, string? Error)
{
    public bool IsSent => Error is null;
}

public enum MailOutcome
{
    /// <summary>Smtp:Host is not set: the installation sends no mail at all.</summary>
    NotConfigured,
    NoRecipients,
    Sent,
    PartlyFailed,
    Failed,
}

/// <summary>What became of a batch of mails, for the page that caused it.</summary>
public sealed record MailReport(MailOutcome Outcome, int SentCount, IReadOnlyList<string> FailedAddresses)
{
    public static MailReport NotConfigured { get; } = new(MailOutcome.NotConfigured, 0, []);

    public static MailReport NoRecipients { get; } = new(MailOutcome.NoRecipients, 0, []);

    public bool IsFailure => Outcome is MailOutcome.Failed or MailOutcome.PartlyFailed;

    public string Danish() => Outcome switch
    {
        MailOutcome.NotConfigured => "Der er ikke sendt e-mail: SMTP er ikke sat op.",
        MailOutcome.NoRecipients => "Der er ikke sendt e-mail: forummet har ingen medlemmer med en e-mailadresse.",
        MailOutcome.Sent => SentCount == 1 ? "Der er sendt e-mail til 1 modtager." : $"Der er sendt e-mail til {SentCount} modtagere.",
        MailOutcome.PartlyFailed => $"Der er sendt e-mail til {SentCount}, men e-mailen kunne ikke sendes til {string.Join(", ", FailedAddresses)}. Giv dem besked på anden vis.",
        _ => "E-mailen kunne ikke sendes. Offentliggørelsen gælder, men giv medlemmerne besked på anden vis, og bed IT om at se på mailopsætningen.",
    };
}
