using System.Globalization;
using Dagsorden.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dagsorden.Core.Documents.Docx;

/// <summary>
/// Real Word lists: one abstract definition for dashes and one for numbers, three levels deep, and a
/// numbering instance per list so each numbered list starts at its own first number.
/// </summary>
internal sealed class DocxNumbering
{
    public const int Levels = 3;
    private const int BulletAbstract = 1;
    private const int NumberAbstract = 2;

    private readonly Numbering _numbering;
    private int _nextId = 1;

    public DocxNumbering(NumberingDefinitionsPart part)
    {
        _numbering = new Numbering(Abstract(BulletAbstract, bullet: true), Abstract(NumberAbstract, bullet: false));
        part.Numbering = _numbering;
    }

    public int NewList(ListBlock list)
    {
        var id = _nextId++;
        var instance = new NumberingInstance(new AbstractNumId { Val = list.Kind == ListKind.Numbered ? NumberAbstract : BulletAbstract }) { NumberID = id };
        if (list.Kind == ListKind.Numbered)
            instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = list.Start }) { LevelIndex = 0 });
        _numbering.Append(instance);
        return id;
    }

    private static AbstractNum Abstract(int id, bool bullet)
    {
        var abstractNum = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var level = 0; level < Levels; level++)
        {
            var indent = (360 * (level + 1)).ToString(CultureInfo.InvariantCulture);
            abstractNum.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = bullet ? NumberFormatValues.Bullet : NumberFormatValues.Decimal },
                new LevelText { Val = bullet ? "–" : $"%{level + 1}." },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = indent, Hanging = "360" }))
            { LevelIndex = level });
        }

        return abstractNum;
    }
}
