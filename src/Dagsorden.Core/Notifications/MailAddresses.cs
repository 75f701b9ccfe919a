using System.Net.Mail;

namespace Dagsorden.Core.Notifications;

public static class MailAddresses
{
    public const int MaxLength = 256;

    /// <summary>
    /// One bare address such as "navn@kommune.dk". <see cref="MailAddress"/> alone also accepts
    /// "Navn &lt;a@b.dk&gt;" and lists, which a reminder or digest would not reach as meant.
    /// </summary>
    public static bool IsBare(string address) =>
        address.Length <= MaxLength
        && MailAddress.TryCreate(address, out var parsed)
        && parsed.Address == address
        && string.IsNullOrEmpty(parsed.DisplayName);
}
