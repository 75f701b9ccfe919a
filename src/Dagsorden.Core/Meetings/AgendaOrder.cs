
namespace Dagsorden.Core.Meetings;

/// <summary>
/// Keeps the agenda's frame when items move: "Godkendelse af dagsorden og referat" stays item 1 and
/// "Evt." stays last, as every agenda of the forums has them.
/// </summary>
public static class AgendaOrder
{
    public static void CheckMove(Meeting meeting, int number, int to)
    {
        var items = meeting.Items;
        var item = meeting.Item(number);
        if (to < 1 || to > items.Count)
            throw new DomainException(
                $"Item {number} cannot move to {to}; the agenda has {items.Count} items.",
                $"Punkt {number} kan ikke flyttes til nummer {to}. Vælg et nummer fra {First(meeting)} til {Last(meeting)}.");
        if (StandardItems.IsApproval(item))
            throw new DomainException("Item 1 approves the agenda and minutes and stays first.", "Punkt 1, godkendelse af dagsorden og referat, står altid først.");
        if (IsAnyOtherBusinessLast(meeting) && number == items.Count)
            throw new DomainException("\"Evt.\" stays the last item.", "»Evt.« står altid sidst på dagsordenen.");
        if (to < First(meeting) || to > Last(meeting))
            throw new DomainException(
                $"Item {number} cannot move to {to}: item 1 stays first and \"Evt.\" last.",
                $"Punkt {number} kan ikke flyttes til nummer {to}. Vælg et nummer fra {First(meeting)} til {Last(meeting)}: godkendelsen står først og »Evt.« sidst.");
    }

    /// <summary>Whether the item has places to move to; item 1 and a final "Evt." have none.</summary>
    public static bool IsMovable(Meeting meeting, int number) =>
        number >= First(meeting) && number <= Last(meeting);

    /// <summary>The first place an ordinary item may take.</summary>
    public static int First(Meeting meeting) => meeting.Items is [var first, ..] && StandardItems.IsApproval(first) ? 2 : 1;

    /// <summary>The last place an ordinary item may take.</summary>
    public static int Last(Meeting meeting) => IsAnyOtherBusinessLast(meeting) ? meeting.Items.Count - 1 : meeting.Items.Count;

    private static bool IsAnyOtherBusinessLast(Meeting meeting) => meeting.Items is [.., var last] && StandardItems.IsAnyOtherBusiness(last);
}
