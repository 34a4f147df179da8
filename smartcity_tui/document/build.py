"""build_document: a plan -> the masterplan book as a tree (tree.py), in Kominfo's chapter
order as regions' published books follow it (DOMAIN.md, "The masterplan book"):

    Data Pokok (key facts, the total indikasi anggaran)
    BAB I    Pendahuluan                      build_intro.py
    BAB II   Gambaran Umum dan Kesiapan Daerah build_intro.py
    BAB III  Analisis Strategis               build_strategy.py
    BAB IV   Rencana Pengembangan             build_programmes.py, links.py
    BAB V    Rencana Aksi dan Peta Jalan      build_action.py
    BAB VI   Pembiayaan                       build_finance.py
    BAB VII  Kelembagaan                      build_closing.py
    BAB VIII Penutup                          build_closing.py
    Lampiran: open merge conflicts, when there are any

Then `_number` gives chapters their BAB numbers, sections theirs (4.1, 4.1.2) and tables
theirs (Tabel 4.1, per chapter), and every heading a stable anchor. Deterministic: no clock,
so the same plan gives the same document in every bundle."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..model.deletes import DeletedProgramme
from ..model.plan import Plan
from ..model.revision import RecordState
from .build_action import action_plan_and_roadmap
from .build_closing import closing, conflicts_appendix, institutions
from .build_finance import financing
from .build_intro import introduction, region_and_readiness, region_name, summary
from .build_programmes import development_plan
from .build_strategy import strategic_analysis
from .common import BOOK_LANGUAGE, Context, period, roman
from .tree import Block, Document, ListBlock, Section, Table, collector_held

# The numbered chapters in order, by the key of their line in "Sistematika Penulisan".
OUTLINE = ("introduction", "region", "strategic", "development", "action", "financing", "institutions", "closing")


def build_document(plan: Plan, *, lang: str = "id", conflicts: Iterable[RecordState] = (),
                   teams: Mapping[str, str] | None = None,
                   parents: Mapping[str, DeletedProgramme] | None = None) -> Document:
    """`teams`: {replica id: team name} (store.teams.known_teams), so the appendix of open
    conflicts says which pokja wrote each value; without it a value names its replica id,
    as `smartcity-tui conflicts` does for a replica no bundle has named. `parents`: the
    deleted programmes of the conflicts' indicators and milestones (PlanStore.orphan_parents),
    so the appendix says which programme was deleted and by whom."""
    token = BOOK_LANGUAGE.set(lang)  # its numbers: 76,5 in Indonesian, 76.5 in English
    try:
        with collector_held():
            return _build(plan, lang, conflicts, teams or {}, parents or {})
    finally:
        BOOK_LANGUAGE.reset(token)


def _build(plan: Plan, lang: str, conflicts: Iterable[RecordState], teams: Mapping[str, str],
           parents: Mapping[str, DeletedProgramme]) -> Document:
    ctx = Context(plan, lang, list(conflicts), dict(teams), dict(parents))
    outline = [(key, f"{ctx.L('chapter')} {roman(n)}", ctx.L(f"ch.{key}")) for n, key in enumerate(OUTLINE, 1)]
    chapters = [
        summary(ctx),
        introduction(ctx, outline),
        region_and_readiness(ctx),
        strategic_analysis(ctx),
        development_plan(ctx),
        action_plan_and_roadmap(ctx),
        financing(ctx),
        institutions(ctx),
        closing(ctx),
        *conflicts_appendix(ctx),
    ]
    info = plan.info
    province = info.province.strip()
    doc = Document(
        lang=lang,
        title=" ".join(ctx.L("title", region_name=region_name(ctx), period=period(plan)).split()),
        region_line=region_name(ctx),
        province_line=ctx.L("province_line", province=province) if province else "",
        period=period(plan),
        draft_round=" ".join(info.draft_round.split()),
        chapters=chapters,
    )
    _number(doc, ctx)
    return doc


def _number(doc: Document, ctx: Context) -> None:
    n = 0
    appendix = 0
    for ch in doc.chapters:
        if ch.numbered:
            n += 1
            ch.number = n
            ch.label = f"{ctx.L('chapter')} {roman(n)}"
            ch.anchor = f"bab-{n}"
            prefix = str(n)
        else:
            appendix += 1
            ch.anchor = f"bagian-{appendix}"
            prefix = ctx.L("appendix_prefix") if appendix > 1 else ""
        counter = [0]
        _number_blocks(ch.blocks, prefix, counter)
        _number_sections(ch.sections, str(n) if ch.numbered else "", ch.anchor, prefix, counter)


def _number_sections(sections: list[Section], parent: str, anchor: str, table_prefix: str, counter: list[int]) -> None:
    k = 0
    for i, s in enumerate(sections, 1):
        if s.numbered and parent:
            k += 1
            s.number = f"{parent}.{k}"
            s.anchor = "s-" + s.number.replace(".", "-")
        else:
            s.anchor = f"{anchor}-{i}"
        _number_blocks(s.blocks, table_prefix, counter)
        _number_sections(s.sections, s.number if s.numbered and parent else "", s.anchor, table_prefix, counter)


def _number_blocks(blocks: list[Block], prefix: str, counter: list[int]) -> None:
    for b in blocks:
        if isinstance(b, Table):
            counter[0] += 1
            b.number = f"{prefix}.{counter[0]}" if prefix else str(counter[0])
        elif isinstance(b, ListBlock):
            for item in b.items:
                _number_blocks(item, prefix, counter)
