#!/usr/bin/env python3
"""Convert the KLE-Emneplan XML into the TSV that Dagsorden.Core embeds.

Usage:
    scripts/kle_to_tsv.py /path/to/KLE-Emneplan_Version2-0_2015-08-01.xml [output.tsv]

The output defaults to src/Dagsorden.Core/CaseNumbers/kle-emneplan.tsv (relative to the
repository root). The product ships the TSV, so it never reads the XML at run time.

Format: a first comment line "# KLE-Emneplan version X.Y, YYYY-MM-DD", then one line per
Hovedgruppe, Gruppe and Emne, in the plan's own order: "number<TAB>title".
Expired subjects are kept (their titles carry "[udgået]"), because old case numbers still
refer to them.
"""

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

LEVELS = ("Hovedgruppe", "Gruppe", "Emne")
NUMBER_PATTERN = re.compile(r"\d\d(\.\d\d){0,2}")
DEFAULT_OUTPUT = (
    Path(__file__).resolve().parent.parent
    / "src" / "Dagsorden.Core" / "CaseNumbers" / "kle-emneplan.tsv"
)


def single_line(text: str | None) -> str:
    # Titles in the source carry stray trailing spaces; a TSV field must be one clean line.
    return " ".join((text or "").split())


def version_from_file_name(path: Path) -> str:
    # The XML has no version element; the published file name carries it ("Version2-0").
    match = re.search(r"Version(\d+)-(\d+)", path.name)
    return f"{match.group(1)}.{match.group(2)}" if match else "2.0"


def rows(root: ET.Element):
    for main_group in root.findall("Hovedgruppe"):
        yield entry(main_group, "Hovedgruppe")
        for group in main_group.findall("Gruppe"):
            yield entry(group, "Gruppe")
            for subject in group.findall("Emne"):
                yield entry(subject, "Emne")


def entry(element: ET.Element, level: str) -> tuple[str, str, str]:
    number = single_line(element.findtext(level + "Nr"))
    title = single_line(element.findtext(level + "Titel"))
    if not NUMBER_PATTERN.fullmatch(number):
        raise ValueError(f"{level} has an unexpected number: {number!r}")
    if not title:
        raise ValueError(f"{level} {number} has no title")
    return level, number, title


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    source = Path(argv[1])
    target = Path(argv[2]) if len(argv) == 3 else DEFAULT_OUTPUT

    root = ET.parse(source).getroot()
    release_date = single_line(root.findtext("UdgivelsesDato"))
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", release_date):
        raise ValueError(f"UdgivelsesDato is missing or malformed: {release_date!r}")

    lines = [f"# KLE-Emneplan version {version_from_file_name(source)}, {release_date}"]
    seen: set[str] = set()
    counts = dict.fromkeys(LEVELS, 0)
    for level, number, title in rows(root):
        if number in seen:
            raise ValueError(f"duplicate number {number}")
        seen.add(number)
        counts[level] += 1
        lines.append(f"{number}\t{title}")

    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(lines) + "\n")

    summary = ", ".join(f"{counts[level]} {level}" for level in LEVELS)
    print(f"wrote {target}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
