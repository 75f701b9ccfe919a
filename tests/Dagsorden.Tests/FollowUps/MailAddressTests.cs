using Dagsorden.Core;
using Dagsorden.Core.Communication;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Notifications;

namespace Dagsorden.Tests.FollowUps;

/// <summary>Reminders and digests go to one bare address; the entities refuse what the pages refuse.</summary>
public sealed class MailAddressTests
{
    [Theory]
    [InlineData("Mette Holm <mette@example.test>")]
    [InlineData("mette@example.test, ole@example.test")]
    [InlineData("ikke en adresse")]
    [InlineData("mette@")]
    public void DepartmentsAndFollowUpsRefuseAnythingButOneBareAddress(string address)
    {
        Assert.False(MailAddresses.IsBare(address));
        Assert.Throws<DomainException>(() => new Department("Økonomi", address));
        Assert.Throws<DomainException>(() => new FollowUp(1, null, "CF 03-09-2026, punkt 4", new FollowUpTerms("Sagen fremlægges igen", "Økonomi", address, new DateOnly(2026, 10, 1), null, null), DateTime.UtcNow));
    }

    [Fact]
    public void ABareAddressIsTakenTrimmedAndOneOverTheLimitIsNot()
    {
        Assert.True(MailAddresses.IsBare("mette@example.test"));
        Assert.Equal("mette@example.test", new Department("Økonomi", " mette@example.test ").Email);
        Assert.False(MailAddresses.IsBare(new string('a', 64) + "@" + new string('b', MailAddresses.MaxLength) + ".dk"));
    }
}
