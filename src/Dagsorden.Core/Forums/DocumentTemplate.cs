namespace Dagsorden.Core.Forums;

/// <summary>The layouts of agenda and minutes documents in use.</summary>
public enum DocumentTemplate
{
    /// <summary>Anledning, Indstilling, Sagsfremstilling, Økonomi, Kommunikation, Beslutning, Bilag last.</summary>
    Standard2016,

    /// <summary>Bilag first, the title repeated, Baggrund, INDSTILLING, BESLUTNING I CHEFFORUM DEN dd-mm-yyyy.</summary>
    Classic2014,
}
