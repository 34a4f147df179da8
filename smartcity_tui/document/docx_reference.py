"""The reference document pandoc styles the Word file by, built when needed: pandoc's own
default reference.docx (`pandoc --print-default-data-file reference.docx`) with the styles of
docx_styles.xml put in, A4 pages with a government document's margins, and a footer with the
page number (none on the title page). Built from what pandoc ships plus a small text file in
this package, so no binary is kept in the repository and any pandoc gives a matching one.

Only text substitutions on the parts' XML, no XML library: pandoc's parts use the usual
prefixes (w:, r:), and rewriting them with ElementTree would rename the prefixes."""

from __future__ import annotations

import io
import re
import zipfile

from ..resources import read_beside
from .docx_layout import WIDE_CELL_STYLE_XML

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FOOTER_REL_ID = "rIdSmartcityFooter"
FOOTER_PART = "word/footer1.xml"
FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
FOOTER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"

# A4 in twentieths of a point; margins 2.5 cm top, 2 cm right, 2.2 cm bottom, 3 cm left (binding)
SECTION = (
    "<w:sectPr>"
    f'<w:footerReference w:type="default" r:id="{FOOTER_REL_ID}" />'
    '<w:footnotePr><w:numRestart w:val="eachSect" /></w:footnotePr>'
    '<w:pgSz w:w="11906" w:h="16838" />'
    '<w:pgMar w:top="1418" w:right="1134" w:bottom="1247" w:left="1701" w:header="709" w:footer="709" w:gutter="0" />'
    "<w:titlePg />"
    "</w:sectPr>"
)

FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
    '<w:p><w:pPr><w:jc w:val="right" /></w:pPr>'
    '<w:r><w:fldChar w:fldCharType="begin" /></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate" /></w:r>'
    "<w:r><w:t>1</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end" /></w:r>'
    "</w:p></w:ftr>"
)

_STYLE = re.compile(r'<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>.*?</w:style>', re.S)
_DOC_DEFAULTS = re.compile(r"<w:docDefaults>.*?</w:docDefaults>", re.S)
_SECTION = re.compile(r"<w:sectPr\b.*?</w:sectPr>", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LANGS = {"id": "id-ID", "en": "en-GB"}


def our_styles(lang: str) -> str:
    text = read_beside(globals(), "docx_styles.xml").decode("utf-8")
    return _COMMENT.sub("", text).replace("{LANG}", _LANGS.get(lang, "id-ID"))


def styled_styles(styles_xml: str, ours: str) -> str:
    """pandoc's styles.xml with our document defaults and our version of each style."""
    defaults = _DOC_DEFAULTS.search(ours)
    if defaults:
        styles_xml = _DOC_DEFAULTS.sub(lambda _: defaults.group(0), styles_xml, count=1)
    replaced = {m.group(1): m.group(0) for m in _STYLE.finditer(ours)}
    styles_xml = _STYLE.sub(lambda m: "" if m.group(1) in replaced else m.group(0), styles_xml)
    return styles_xml.replace("</w:styles>", "".join(replaced.values()) + "</w:styles>")


def reference_docx(default_reference: bytes, lang: str) -> bytes:
    """A reference .docx for pandoc, from pandoc's default one."""
    src = zipfile.ZipFile(io.BytesIO(default_reference))
    parts = {name: src.read(name) for name in src.namelist()}
    parts["word/styles.xml"] = styled_styles(parts["word/styles.xml"].decode("utf-8"),
                                            our_styles(lang) + WIDE_CELL_STYLE_XML).encode("utf-8")
    document = parts["word/document.xml"].decode("utf-8")
    if _SECTION.search(document):
        document = _SECTION.sub(lambda _: SECTION, document, count=1)
    else:
        document = document.replace("</w:body>", SECTION + "</w:body>")
    if "xmlns:r=" not in document[:2000]:
        document = document.replace("<w:document ", f'<w:document xmlns:r="{R_NS}" ', 1)
    parts["word/document.xml"] = document.encode("utf-8")
    parts[FOOTER_PART] = FOOTER.encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    if FOOTER_REL_ID not in rels:
        rels = rels.replace("</Relationships>", f'<Relationship Type="{FOOTER_REL}" Id="{FOOTER_REL_ID}" '
                            'Target="footer1.xml" /></Relationships>')
    parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    if "/word/footer1.xml" not in types:
        override = f'<Override PartName="/word/footer1.xml" ContentType="{FOOTER_TYPE}" />'
        types = types.replace("</Types>", override + "</Types>")
    parts["[Content_Types].xml"] = types.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in src.namelist() + ([FOOTER_PART] if FOOTER_PART not in src.namelist() else []):
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name])
    return out.getvalue()
