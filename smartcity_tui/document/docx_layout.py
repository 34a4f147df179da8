"""The page layout pandoc's .docx lacks, put into its word/document.xml afterwards: what the
HTML's print stylesheet does for a browser, done for Word readers.

- The sections the HTML prints on landscape pages (`<section class="landscape">`: the
  indicator tables, the roadmap, the financing chapter) get landscape Word sections, a
  section break before and after them. pandoc keeps each HTML section's id as a bookmark
  around the section's content, so the bookmark tells where a section starts and ends.
- The wide tables' columns are laid out on the landscape page's full width, their cells in
  the "Table Wide" style (8 pt, as the HTML's wide tables): a rupiah amount then fits its
  column and never breaks mid-number (non-breaking characters would make it fit too, but
  then the copied amount is no longer a number).
- The cells the HTML right-aligns or centres (class "r" / "c": amounts, years) are aligned
  so in Word, cell by cell: pandoc's HTML reader ignores a class.
- No table row is split across two pages (w:cantSplit), as the HTML keeps rows whole.

Only text substitutions on pandoc's XML, no XML library (as docx_reference.py: rewriting with
ElementTree would rename the prefixes). pandoc writes each body element (w:p, w:tbl, w:sdt,
w:bookmarkStart, w:bookmarkEnd) at the top level and never nests a table in a table here:
the book's cells hold only text. The same input always gives the same bytes."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from .docx_widths import fitted, least_width

WIDE_CELL_STYLE = "TableWide"
# put into the reference document by docx_reference.py, so Word lists it among the styles
WIDE_CELL_STYLE_XML = (
    f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{WIDE_CELL_STYLE}">'
    '<w:name w:val="Table Wide" /><w:basedOn w:val="Compact" /><w:qFormat />'
    '<w:rPr><w:sz w:val="16" /><w:szCs w:val="16" /></w:rPr></w:style>'
)
_JC = {"r": "right", "c": "center"}
CELL_PT, WIDE_CELL_PT = 9.5, 8.0  # docx_styles.xml's Compact, and Table Wide above


@dataclass
class _Table:
    wide: bool
    rows: list[list[tuple[str, bool]]] = field(default_factory=list)  # per cell: "r"/"c"/"", never wraps


@dataclass
class HtmlLayout:
    """What the book's HTML says about layout that pandoc does not carry into Word."""

    landscape: list[str] = field(default_factory=list)  # ids of the sections on landscape pages
    tables: list[_Table] = field(default_factory=list)  # in the book's order


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.layout = HtmlLayout()
        self._wide = False
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "section" and "landscape" in classes and a.get("id"):
            self.layout.landscape.append(a["id"] or "")
        elif tag == "div" and "table" in classes:
            self._wide = "wide" in classes  # html.py wraps each table in <div class="table ...">
        elif tag == "table":
            self.layout.tables.append(_Table(self._wide))
        elif tag == "tr" and self.layout.tables:
            self.layout.tables[-1].rows.append([])
        elif tag in ("td", "th") and self.layout.tables and self.layout.tables[-1].rows:
            align = next((c for c in classes if c in _JC), "")
            # the HTML never wraps an aligned cell nor one marked nw; a header cell may wrap in
            # Word at its spaces, which keeps the columns as narrow as the HTML's
            nowrap = bool(align or "nw" in classes) and not self._in_head
            self.layout.tables[-1].rows[-1].append((align, nowrap))
        elif tag == "thead":
            self._in_head = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self._in_head = False


def read_html(html: str) -> HtmlLayout:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.layout


_ELEMENT = re.compile(r"<w:(\w+)\b[^>]*?(/?)>")
_BOOKMARK = re.compile(r'<w:bookmark(Start|End)\b[^>]*?w:id="([^"]*)"(?:[^>]*?w:name="([^"]*)")?')
_FINAL_SECTION = re.compile(r"\s*<w:sectPr\b.*?</w:sectPr>\s*(?=</w:body>)", re.S)
_PG_SZ = re.compile(r"<w:pgSz\b[^>]*/>")
_PG_MAR = re.compile(r"<w:pgMar\b[^>]*/>")
_ROW = re.compile(r"<w:tr\b[^>]*>.*?</w:tr>", re.S)
_CELL = re.compile(r"<w:tc\b[^>]*>.*?</w:tc>", re.S)
_PARA = re.compile(r"<w:p\b[^>]*>.*?</w:p>|<w:p\b[^>]*/>", re.S)
_GRID_COL = re.compile(r'<w:gridCol w:w="(\d+)" />')
_TEXT = re.compile(r"<w:t\b[^>]*>([^<]*)</w:t>")
_LINE_BREAK = re.compile(r"<w:br\b[^>]*/>|<w:cr\b[^>]*/>")


def _attr(tag: str, name: str, default: int) -> int:
    m = re.search(rf'\bw:{name}="(\d+)"', tag)
    return int(m.group(1)) if m else default


def _body_elements(body: str) -> list[str]:
    """The body's top-level elements, each with the white space before it."""
    out: list[str] = []
    pos = 0
    while True:
        m = _ELEMENT.search(body, pos)
        if m is None:
            break
        close = f"</w:{m.group(1)}>"
        end = m.end() if m.group(2) else body.index(close, m.end()) + len(close)
        out.append(body[pos:end])
        pos = end
    if body[pos:]:
        out.append(body[pos:])  # the white space at the end
    return out


def _kind(element: str) -> str:
    m = _ELEMENT.search(element)
    return m.group(1) if m else ""


def _add_to_ppr(p: str, xml: str, before: tuple[str, ...]) -> str:
    """A paragraph with `xml` in its properties, placed before the first of `before` (the
    schema fixes the order of a paragraph's properties), else last."""
    if "<w:pPr>" not in p:
        if "<w:pPr />" in p:
            return p.replace("<w:pPr />", f"<w:pPr>{xml}</w:pPr>", 1)
        head = re.match(r"<w:p\b[^>]*?(/?)>", p.lstrip())
        assert head is not None
        lead = p[: len(p) - len(p.lstrip())]
        if head.group(1):  # <w:p />
            return f"{lead}<w:p><w:pPr>{xml}</w:pPr></w:p>"
        return lead + head.group(0) + f"<w:pPr>{xml}</w:pPr>" + p.lstrip()[head.end():]
    start = p.index("<w:pPr>") + len("<w:pPr>")
    end = p.index("</w:pPr>", start)
    spots = [i for i in (p.find(tag, start, end) for tag in before) if i >= 0]
    at = min(spots) if spots else end
    return p[:at] + xml + p[at:]


def _aligned(p: str, jc: str) -> str:
    p = re.sub(r"<w:jc\b[^>]*/>", "", p)
    return _add_to_ppr(p, f'<w:jc w:val="{jc}" />', ("<w:textDirection", "<w:textAlignment", "<w:textboxTightWrap",
                                                      "<w:outlineLvl", "<w:divId", "<w:cnfStyle", "<w:rPr",
                                                      "<w:sectPr", "<w:pPrChange"))


def _with_section(p: str, sect_pr: str) -> str:
    return _add_to_ppr(p, sect_pr, ("<w:pPrChange",))


def _table(tbl: str, html: _Table | None, line: int) -> str:
    """One table: rows kept whole; cells aligned as in the HTML; columns as wide as their
    words need, over the whole line (a wide table's: the landscape page's, in 8 pt)."""
    cells_of = html.rows if html is not None and len(html.rows) == len(_ROW.findall(tbl)) else None
    wide = html is not None and html.wide
    columns = len(_GRID_COL.findall(tbl))
    texts: list[tuple[int, str, bool, bool]] = []  # column, text, never wraps, bold
    out = []
    pos = 0
    for i, m in enumerate(_ROW.finditer(tbl)):
        row = m.group(0)
        if "<w:cantSplit" not in row:
            if "<w:trPr>" in row:
                row = row.replace("<w:trPr>", "<w:trPr><w:cantSplit />", 1)
            else:
                head = re.match(r"<w:tr\b[^>]*>", row)
                assert head is not None
                row = head.group(0) + "<w:trPr><w:cantSplit /></w:trPr>" + row[head.end():]
        cells = _CELL.findall(row)
        if cells_of is not None and len(cells) == len(cells_of[i]) == columns and "w:gridSpan" not in row:
            bold = "<w:tblHeader" in row
            texts += [(col, _text(tc), nowrap, bold or "<w:b />" in tc)
                      for col, (tc, (_, nowrap)) in enumerate(zip(cells, cells_of[i], strict=True))]
            row = _aligned_row(row, [align for align, _ in cells_of[i]])
        out.append(tbl[pos:m.start()] + row)
        pos = m.end()
    tbl = "".join(out) + tbl[pos:]
    keep = [any(nowrap for c, _, nowrap, _ in texts if c == col) for col in range(columns)]
    least = _least(texts, columns, WIDE_CELL_PT if wide else CELL_PT)
    if not wide and sum(least) > line:
        # more words than a portrait line holds at the usual size (a browser would widen the
        # table): the wide tables' smaller type, so that fewer words break
        wide, least = True, _least(texts, columns, WIDE_CELL_PT)
    if wide:
        tbl = tbl.replace('<w:pStyle w:val="Compact" />', f'<w:pStyle w:val="{WIDE_CELL_STYLE}" />')
    widths = fitted([int(w) for w in _GRID_COL.findall(tbl)], least, keep, line)
    if len(widths) == columns:
        it = iter(widths)
        tbl = _GRID_COL.sub(lambda _: f'<w:gridCol w:w="{next(it)}" />', tbl)
    return tbl


def _least(texts: list[tuple[int, str, bool, bool]], columns: int, size: float) -> list[int]:
    least = [0] * columns
    for col, text, nowrap, bold in texts:
        least[col] = max(least[col], least_width(text, nowrap, size, bold))
    return least


def _text(tc: str) -> str:
    """A cell's text, a line break or a new paragraph as a new line."""
    marked = _LINE_BREAK.sub("<w:t>\n</w:t>", tc.replace("</w:p>", "<w:t>\n</w:t></w:p>"))
    return unescape("".join(_TEXT.findall(marked)))


def _aligned_row(row: str, aligns: list[str]) -> str:
    it = iter(aligns)
    return _CELL.sub(lambda c: _cell(c.group(0), next(it)), row)


def _cell(tc: str, align: str) -> str:
    jc = _JC.get(align)
    if not jc:
        return tc
    return _PARA.sub(lambda p: _aligned(p.group(0), jc), tc)


def _landscape(sect_pr: str) -> tuple[str, int]:
    """The section properties turned to landscape, and the landscape text width. The margins
    turn with the page: the binding margin (the portrait page's left) is at the top."""
    size = _PG_SZ.search(sect_pr)
    mar = _PG_MAR.search(sect_pr)
    w = _attr(size.group(0), "w", 11906) if size else 11906
    h = _attr(size.group(0), "h", 16838) if size else 16838
    top, right, bottom, left = 1418, 1134, 1247, 1701
    header = footer = 709
    if mar:
        m = mar.group(0)
        top, right, bottom, left = (_attr(m, k, d) for k, d in
                                    (("top", top), ("right", right), ("bottom", bottom), ("left", left)))
        header, footer = _attr(m, "header", header), _attr(m, "footer", footer)
    sect_pr = _PG_SZ.sub(f'<w:pgSz w:w="{max(w, h)}" w:h="{min(w, h)}" w:orient="landscape" />', sect_pr)
    new_mar = (f'<w:pgMar w:top="{left}" w:right="{bottom}" w:bottom="{right}" w:left="{top}" '
               f'w:header="{header}" w:footer="{footer}" w:gutter="0" />')
    sect_pr = _PG_MAR.sub(new_mar, sect_pr) if mar else sect_pr.replace("</w:sectPr>", new_mar + "</w:sectPr>")
    return sect_pr, max(w, h) - top - bottom


def _spans(elements: list[str], ids: list[str]) -> list[tuple[int, int]]:
    """The element ranges (first, last) of the landscape sections: from the bookmark pandoc
    starts with the section's id to the bookmark's end; nested ones and ones only bookmarks
    apart (5.2 Peta Jalan, then BAB VI) taken together."""
    wanted = set(ids)
    starts: dict[str, int] = {}
    found: list[tuple[int, int]] = []
    for i, e in enumerate(elements):
        m = _BOOKMARK.search(e) if e.lstrip().startswith("<w:bookmark") else None
        if m is None:
            continue
        if m.group(1) == "Start" and m.group(3) in wanted:
            starts[m.group(2)] = i
        elif m.group(1) == "End" and m.group(2) in starts:
            found.append((starts.pop(m.group(2)), i))
    merged: list[tuple[int, int]] = []
    for first, last in sorted(found):
        if merged and (first <= merged[-1][1] or all(
                _kind(e).startswith("bookmark") for e in elements[merged[-1][1] + 1:first])):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def lay_out_xml(document_xml: str, layout: HtmlLayout) -> str:
    """pandoc's word/document.xml with the landscape sections, aligned cells and whole rows."""
    open_at = document_xml.index("<w:body>") + len("<w:body>")
    final = _FINAL_SECTION.search(document_xml, open_at)
    if final is None:
        return document_xml  # not a body pandoc writes: leave it as it is
    portrait = re.sub(r">\s+<", "><", final.group(0).strip())
    later = portrait.replace("<w:titlePg />", "")  # only the title page's section has a first page apart
    landscape, wide_line = _landscape(later)
    size, mar = _PG_SZ.search(portrait), _PG_MAR.search(portrait)
    line = ((_attr(size.group(0), "w", 11906) if size else 11906)
            - (_attr(mar.group(0), "left", 1701) + _attr(mar.group(0), "right", 1134) if mar else 2835))
    elements = _body_elements(document_xml[open_at:final.start()])
    spans = _spans(elements, layout.landscape)

    turned = {i for first, last in spans for i in range(first, last + 1)}
    tables = iter(layout.tables)
    for i, e in enumerate(elements):
        if _kind(e) == "tbl":
            html = next(tables, None)
            # a wide table on a portrait page (were the HTML to print it so) keeps the portrait line
            elements[i] = _table(e, html if html is None or i in turned else _Table(False, html.rows),
                                 wide_line if i in turned else line)

    ends: dict[int, str] = {}  # element index -> the section properties of the section it ends
    content = [i for i, e in enumerate(elements) if _kind(e) in ("p", "tbl", "sdt")]
    last_section = later
    for first, last in spans:
        before = [i for i in content if i < first]
        if before:
            ends[before[-1]] = later if ends else portrait
        inside = [i for i in content if first <= i <= last]
        if inside and inside[-1] == content[-1]:
            last_section = landscape  # the book ends on landscape pages: the body's own section
        elif inside:
            ends[inside[-1]] = landscape
    for i, sect_pr in ends.items():
        if _kind(elements[i]) == "p" and "<w:sectPr" not in elements[i]:
            elements[i] = _with_section(elements[i], sect_pr)
        else:  # a table (or a paragraph already ending a section): an empty paragraph after it
            elements[i] += f"\n    <w:p><w:pPr>{sect_pr}</w:pPr></w:p>"
    final_xml = final.group(0)
    if ends or last_section is landscape:  # else the one section keeps its title page as it is
        final_xml = final_xml.replace(final_xml.strip(), last_section)
    return document_xml[:open_at] + "".join(elements) + final_xml + document_xml[final.end():]


def lay_out_docx(docx: bytes, html: str) -> bytes:
    """pandoc's .docx with word/document.xml laid out after the book's HTML; every other part
    and every entry's name, order, date and compression as pandoc wrote them."""
    layout = read_html(html)
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = lay_out_xml(data.decode("utf-8"), layout).encode("utf-8")
            z.writestr(info, data)
    return out.getvalue()
