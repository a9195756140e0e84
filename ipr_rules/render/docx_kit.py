"""The 公文 layout of the Word draft (GB/T 9704-2012) and its reproducible packaging.

A4; margins that give the standard type area (156 mm × 225 mm: top 37 mm, inner 28 mm);
the title in 2号方正小标宋, first-level headings in 3号黑体, second-level in 3号楷体, body text in
3号仿宋, 22 lines a page; page numbers in 4号宋体 as `— 1 —`, outer side (odd pages right,
even pages left). The GB fonts are named with fallbacks a machine without them has (宋体, 楷体,
仿宋, 黑体), recorded in the font table where Word and LibreOffice look for substitutes.

A .docx is a zip: every entry gets the same fixed time, and the core properties the check time,
so the same result gives the same bytes (SOURCE_DATE_EPOCH fixes the check time).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from typing import Any

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
BODY_FONT = "仿宋_GB2312"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"
# What a machine without the GB fonts uses instead (Windows names; LibreOffice maps them on).
FALLBACKS = {
    TITLE_FONT: "宋体",
    SUBHEADING_FONT: "楷体",
    BODY_FONT: "仿宋",
    HEADING_FONT: "SimHei",
    PAGE_NUMBER_FONT: "SimSun",
}
SIZE_2 = 22.0  # 二号, points
SIZE_3 = 16.0  # 三号
SIZE_4 = 14.0  # 四号
SIZE_SMALL_4 = 12.0  # 小四
LINE = 28.9  # 225 mm / 22 lines, in points
EPOCH_FLOOR = datetime(1980, 1, 1, tzinfo=timezone.utc)  # the earliest time a zip entry can hold


def page_setup(document: Any) -> None:
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(28)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], "right")
    _page_number(section.even_page_footer.paragraphs[0], "left")


def set_font(target: Any, name: str, size: float, *, bold: bool = False) -> None:
    """A style's or a run's font: the Chinese face for East Asian text, Times New Roman for
    Latin letters and digits, black, no theme fonts."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = target.font
    font.name = LATIN_FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    properties = target.element.get_or_add_rPr()
    fonts = properties.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:hint"), "eastAsia")


def paragraph_format(style: Any, *, line: float = LINE, indent: bool = True, center: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    layout = style.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = Pt(line)
    layout.space_before = layout.space_after = Pt(0)
    layout.first_line_indent = Pt(SIZE_3 * 2) if indent else Pt(0)
    layout.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.JUSTIFY


def _page_number(paragraph: Any, side: str) -> None:
    """`— PAGE —` on the outer side, one character in from the edge of the type area."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if side == "right" else WD_ALIGN_PARAGRAPH.LEFT
    if side == "right":
        paragraph.paragraph_format.right_indent = Pt(SIZE_4)
    else:
        paragraph.paragraph_format.left_indent = Pt(SIZE_4)

    def run(text: str = "") -> Any:
        made = paragraph.add_run(text)
        set_font(made, PAGE_NUMBER_FONT, SIZE_4)
        return made

    run("— ")
    for kind, instruction in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        part = run()
        if kind is not None:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            part._r.append(field)
        elif instruction == " PAGE ":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = instruction
            part._r.append(code)
        else:
            part.text = instruction
    run(" —")


def column_widths(table: Any, widths_mm: tuple[float, ...]) -> None:
    """Fixed column widths, in the grid (which LibreOffice reads) and in every cell (Word)."""
    from docx.oxml.ns import qn
    from docx.shared import Mm

    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        column.set(qn("w:w"), str(round(width * 1440 / 25.4)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def record_fallbacks(document: Any) -> None:
    """Each GB font in the font table with its substitute (`w:altName`)."""
    from lxml import etree  # type: ignore[import-untyped]  # installed with python-docx

    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    part = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    root = etree.fromstring(part.blob)
    for name, substitute in FALLBACKS.items():
        font = etree.SubElement(root, f"{{{namespace}}}font")
        font.set(f"{{{namespace}}}name", name)
        etree.SubElement(font, f"{{{namespace}}}altName").set(f"{{{namespace}}}val", substitute)
        etree.SubElement(font, f"{{{namespace}}}charset").set(f"{{{namespace}}}val", "86")
        etree.SubElement(font, f"{{{namespace}}}family").set(f"{{{namespace}}}val", "auto")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def set_properties(document: Any, title: str, moment: datetime) -> None:
    properties = document.core_properties
    naive = moment.astimezone(timezone.utc).replace(tzinfo=None)
    properties.title = title
    properties.author = properties.last_modified_by = "ipr-check"
    properties.created = properties.modified = properties.last_printed = naive
    properties.revision = 1
    properties.comments = properties.subject = properties.keywords = properties.category = ""


def packaged(document: Any, moment: datetime) -> bytes:
    """The document's bytes with every zip entry at one fixed time and mode."""
    raw = io.BytesIO()
    document.save(raw)
    stamp = max(moment.astimezone(timezone.utc), EPOCH_FLOOR).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            target.writestr(fixed, source.read(entry.filename))
    return out.getvalue()
