"""What the language walks share (the screens' in test_language.py, the commands' in
test_language_outputs.py): the messages and tell-tale words of each language, and `foreign`,
which finds the other language's words in texts a person reads, leaving out what the officers
typed (their plan's own texts stay in whatever language they wrote them)."""

from __future__ import annotations

import functools
import re

from smartcity_tui.i18n import CATALOGS
from smartcity_tui.model import vocab

# words an interface says most, which must never show on a screen in the other language
ENGLISH = r"Save|Cancel|Delete|Edit|Add|Help|Back|Undo|Redo|Quit|Saved|Search|Strengths?|Weakness(?:es)?|" \
          r"Opportunit(?:y|ies)|Threats?|Strateg(?:y|ies)|Programmes?|Timeline|Milestones?|Done|Language|" \
          r"Dashboard|Quick wins?|Province|Vision|Regency|Element|Horizon|Priority|Budget|Code|Name|Years"
INDONESIAN = r"Simpan|Batal|Hapus|Ubah|Tambah|Bantuan|Kembali|Urungkan|Keluar|Tersimpan|Cari|Kekuatan|" \
             r"Kelemahan|Peluang|Ancaman|Tampilan|Linimasa|Tonggak|Selesai|Bahasa|Dasbor|Percepatan|" \
             r"Provinsi|Visi|Kabupaten|Elemen|Jangka|Prioritas|Anggaran|Kode|Nama|Tahun|Strategi \("
WORDS = {"id": re.compile(rf"\b(?:{ENGLISH})\b", re.I), "en": re.compile(rf"\b(?:{INDONESIAN})\b", re.I)}
# the names of the languages, which the switch names in the other language's own words
OWN_NAMES = ("Bahasa Indonesia", "English")


def _pattern(template: str) -> str | None:
    """A catalog message as a pattern a whole text must match; None when it is too short or
    generic to tell the languages apart (SWOT, ★, a bare field)."""
    text = re.sub(r"\{[^}]*\}", "\x00", template)
    if len(text.replace("\x00", "").strip()) < 4:
        return None
    return ".*?".join(re.escape(part) for part in text.split("\x00"))


def _vocabulary() -> dict[str, set[str]]:
    """Every label of the fixed vocabulary (pillars, elements, quadrants, horizons...) by language."""
    choices = [c for v in vars(vocab).values() if isinstance(v, vocab.Vocabulary) for c in v]
    choices += [e for p in vocab.PILLARS for e in p.elements]
    return {"id": {c.id for c in choices}, "en": {c.en for c in choices}}


@functools.cache
def _other_language(lang: str) -> tuple[frozenset[str], re.Pattern]:
    """The other language's own messages and labels: those without a {value} as exact texts,
    those with one as a single pattern. Built on first use, once per process: ~2,900 patterns
    compiled one by one cost each test process half a second before its first test, and
    matching each text against them one by one was most of the language walks' time."""
    vocabulary = _vocabulary()
    other = {"id": "en", "en": "id"}[lang]
    messages = (set(CATALOGS[other].values()) | vocabulary[other]) - set(CATALOGS[lang].values()) - vocabulary[lang]
    messages -= set(OWN_NAMES)  # "Bahasa Indonesia" on an English screen is the language's own name
    patterns = {m: p for m in messages if (p := _pattern(m)) is not None}
    exact = frozenset(m for m, p in patterns.items() if p == re.escape(m))
    templates = sorted(p for m, p in patterns.items() if m not in exact)
    return exact, re.compile("(?:" + "|".join(f"(?:{p})" for p in templates) + r")\Z" if templates else r"(?!)", re.S)


def _is_other_message(piece: str, lang: str) -> bool:
    exact, templates = _other_language(lang)
    return piece in exact or templates.match(piece) is not None


def plan_texts(plan) -> list[str]:
    """What the officers typed: it stays as typed, in whatever language they wrote it."""
    out = set()
    for record in [plan.info, *plan.records.values()]:
        for value in vars(record).values():
            values = list(value) if isinstance(value, list) else [value]
            # a list of small records (stakeholders: name and role) holds typed names too
            values += [v for item in values if hasattr(item, "__dict__") for v in vars(item).values()]
            out |= {v for v in values if isinstance(v, str) and len(v) > 2}
    return sorted(out, key=len, reverse=True)


def foreign(texts: list[str], lang: str, own: list[str]) -> list[str]:
    """The texts, or parts of texts, that are in the other language."""
    found = []
    for text in texts:
        pieces = [p.strip() for p in re.split(r"\n| · |  +|: ", text) if p.strip()]
        for piece in [text.strip(), *pieces]:
            if _is_other_message(piece, lang):
                found.append(piece)
        bare = ACCEPTED[lang].sub("", text)  # "Program percepatan (quick win)"
        for words in [*own, *OWN_NAMES]:
            bare = bare.replace(words, "")
        found += [f"{m.group(0)!r} in {text!r}" for m in WORDS[lang].finditer(bare)]
    return sorted(set(found))




# docs/sheets.md: a CSV is written for Excel on an Indonesian Windows (`;`, a decimal comma)
# whatever the language of its headings, so its numbers do not tell the language
_DECIMAL_COMMA = r"|\b\d+,\d{1,2}\b(?!,)"


# A document or a command's output says more than a screen: these words tell its language too
# (a quarter "Q1" in an Indonesian draft, "Kondisi awal" in an English one, a decimal comma).
OUTPUT_WORDS = {
    "id": re.compile(r"\b(?:Q[1-4]|QW|Baseline|Targets|Indicators?|Milestones?|Not yet|Yes|Source|Agency|"
                     r"errors?|warnings?|conflicts?|records?|Chapter|Table)\b"),
    "en": re.compile(r"\b(?:TW ?(?:I{1,3}|IV|[1-4])|Kondisi awal|Sasaran|Indikator|Tonggak|Belum|Ya|Tidak|Jumlah|"
                     r"Sumber|kesalahan|peringatan|[Kk]onflik|entri|BAB|Tabel|pukul)\b" + _DECIMAL_COMMA),
}
# The anglicisms Indonesian planners write themselves, in the form the book pairs them with
# an Indonesian word (language-and-domain review, 1.6): "Program percepatan (*quick win*)".
ACCEPTED = {"id": re.compile(r"\(\s*quick win\s*\)", re.I), "en": re.compile(r"$^")}
_MARKUP = re.compile(r"\\(.)|\*\*|(?<!\w)\*|\*(?!\w)|<br>|</?[a-z][^>]*>|^\s*(?:\d+\.|[-*])\s+")


def plain_text(text: str) -> str:
    """A line as a reader sees it: no Markdown or HTML marks, no list marker, single spaces."""
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or " ", text).split())


def own_lines(own: list[str]) -> list[str]:
    """The officers' texts line by line, as a reader sees them, longest first."""
    return sorted({p for o in own for line in o.splitlines() if len(p := plain_text(line)) > 2}, key=len, reverse=True)


def own_words(own: list[str]) -> re.Pattern:
    """The officers' texts, line by line, as whole words (a short one, "unit", must not be cut
    out of "Community"), longest first."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, own_lines(own))) + r")(?!\w)")


def foreign_in_output(text: str, lang: str, own: re.Pattern, *, csv: bool = False) -> list[str]:
    """The lines of a command's output (a draft, a table of counts, CSV cells) that hold
    words of the other language, once the officers' own texts are taken out of each line."""
    words = re.compile(OUTPUT_WORDS[lang].pattern.replace(_DECIMAL_COMMA, "")) if csv else OUTPUT_WORDS[lang]
    found = []
    for raw in text.splitlines():
        line = ACCEPTED[lang].sub(" ", own.sub(" ", plain_text(raw)))
        cells = [c.strip() for c in re.split(r"\s*\|\s*|;|\t", line) if c.strip()]
        found += foreign(cells, lang, [])
        found += [f"{m.group(0)!r} in {raw.strip()[:120]!r}" for c in cells for m in words.finditer(c)]
    return sorted(set(found))
