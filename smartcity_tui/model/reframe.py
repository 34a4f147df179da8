"""Moving a plan to another framework (`smartcity-tui reframe`): a map file says where the
records of each old dimension or element go; this module reads the map and works out the
moves, without writing anything (commands/reframe.py shows them, then saves them as one
ordinary write, so the groups' copies merge with the moved plan). docs/frameworks.md has the
map's form and an example.

Where a record goes, first rule that applies:
1. its element is in `[elements]`: that dimension (and element, when the map names one);
2. its dimension is in `[dimensions]`: that dimension; its element is kept when the new
   dimension has an element of that key, else cleared, its old name written into the empty
   sub-topic so nothing typed is lost;
3. its dimension is one of the new framework's already (kept by the new framework, or a second
   run of a map): it stays; an element the dimension lacks there is cleared as in rule 2;
4. otherwise it is not placed: listed, left as it is (its old key, which validation names as
   outside the framework), never dropped.
Indicators and milestones go with their programme (they carry no dimension of their own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..i18n import t
from .framework import Framework, valid_id
from .framework_file import toml_document
from .narrative import DIMENSION
from .plan import Plan
from .records import NarrativeSection, Programme, Record, Strategy, SwotItem


class MapError(Exception):
    """A map file that cannot be used: the file, the line (0: the file as a whole), and what."""

    def __init__(self, file: str, line: int, what: str, **params: object) -> None:
        super().__init__(f"{file}:{line}: {what}")
        self.file, self.line, self.what, self.params = file, line, what, params

    def text(self, lang: str | None = None) -> str:
        what = t(f"reframe.map.{self.what}", lang, **self.params)
        if self.line:
            return t("reframe.map.bad_line", lang, file=self.file, line=self.line, what=what)
        return t("reframe.map.bad", lang, file=self.file, what=what)


@dataclass(frozen=True)
class Place:
    dimension: str
    element: str = ""  # "" with a whole-dimension entry: see rule 2


@dataclass
class FrameMap:
    source: str  # the framework id the map is from ("" when it does not say)
    target: str
    dimensions: dict[str, str] = field(default_factory=dict)  # old dimension -> new dimension
    elements: dict[str, Place] = field(default_factory=dict)  # old element -> new place


@dataclass(frozen=True)
class Move:
    record: Record
    before: tuple[str, str]  # (dimension, element)
    after: tuple[str, str]
    moved: Record  # the record as it will be saved


@dataclass
class Reframe:
    source: Framework
    target: Framework
    moves: list[Move] = field(default_factory=list)
    unplaced: list[Record] = field(default_factory=list)  # left where they are, listed

    def records(self) -> list[Record]:
        return [m.moved for m in self.moves]


def _line_of(text: str, table: str, key: str) -> int:
    """The line of `key = ...` in `[table]` (or of the top-level key when table is "")."""
    current = ""
    pattern = re.compile(rf'\s*"?{re.escape(key)}"?\s*=')
    for n, line in enumerate(text.splitlines(), 1):
        head = re.match(r"\s*\[\s*([A-Za-z0-9_.-]+)\s*\]", line)
        if head:
            current = head.group(1)
        elif current == table and pattern.match(line):
            return n
    return 0


def read_map(data: bytes, file: str, target: Framework) -> FrameMap:
    """The map of a file; MapError when it is not one, or names a dimension or element the
    target framework lacks (checked here, so that no move is half-made)."""

    def fail(line: int, what: str, **params: object) -> MapError:
        return MapError(file, line, what, **params)

    text, doc = toml_document(data, fail)
    extra = sorted(set(doc) - {"from", "to", "dimensions", "elements"})
    if extra:
        raise fail(_line_of(text, "", extra[0]), "unknown_field", field=extra[0])
    to = doc.get("to", target.id)
    if to != target.id:
        raise fail(_line_of(text, "", "to"), "other_target", found=str(to), expected=target.id)
    source = doc.get("from", "")
    if not isinstance(source, str) or (source and not valid_id(source)):
        raise fail(_line_of(text, "", "from"), "bad_from")
    out = FrameMap(source, target.id)
    for table in ("dimensions", "elements"):
        entries = doc.get(table, {})
        if not isinstance(entries, dict):
            raise fail(0, "not_a_table", table=table)
        for old, where in entries.items():
            line = _line_of(text, table, old)
            if not isinstance(where, str):
                raise fail(line, "not_text", old=old)
            dim, _, element = where.partition(".")
            dimension = target.get(dim)
            if dimension is None:
                raise fail(line, "no_dimension", old=old, value=dim, framework=target.id,
                           choices=", ".join(target.keys))
            if element and dimension.element(element) is None:
                raise fail(line, "no_element", old=old, value=element, dimension=dim,
                           choices=", ".join(e.key for e in dimension.elements) or "-")
            if table == "dimensions":
                if element:
                    raise fail(line, "dimension_to_element", old=old)
                out.dimensions[old] = dim
            else:
                out.elements[old] = Place(dim, element)
    if not out.dimensions and not out.elements:
        raise fail(0, "empty")
    return out


def _subtopic_note(record: Record, source: Framework, element: str) -> dict[str, str]:
    """An element cleared by the move, kept in words in the empty sub-topic."""
    subtopic: object = getattr(record, "subtopic", "x")  # (a record without one: nothing to keep)
    if not element or subtopic:
        return {}
    found = source.find_element(element)
    return {"subtopic": found[1].label("id") if found else element}


def plan_moves(plan: Plan, target: Framework, fmap: FrameMap) -> Reframe:
    """What the map would do to the plan: the records it moves (and how) and those it does
    not place. Pure; the plan is not touched."""
    source = plan.framework
    out = Reframe(source, target)
    for record in (*plan.swot, *plan.strategies, *plan.programmes):
        assert isinstance(record, (SwotItem, Strategy, Programme))
        pillar = record.pillar
        element = getattr(record, "element", "")
        place: Place | None = fmap.elements.get(element) if element else None
        changes: dict[str, str] = {}
        if place is not None:
            changes = {"pillar": place.dimension, "element": place.element}
            if not place.element:
                changes.update(_subtopic_note(record, source, element))
        elif pillar in fmap.dimensions:
            new_dim = target.dimension(fmap.dimensions[pillar])
            changes = {"pillar": new_dim.key}
            if element and new_dim.element(element) is None:
                changes["element"] = ""
                changes.update(_subtopic_note(record, source, element))
        elif pillar in target.keys:
            # it stays (a dimension both frameworks have, or a map run a second time); an
            # element its dimension lacks there is cleared as in rule 2, kept in words
            if not element or target.dimension(pillar).element(element) is not None:
                continue
            changes = {"element": "", **_subtopic_note(record, source, element)}
        else:
            out.unplaced.append(record)
            continue
        if not isinstance(record, (SwotItem, Programme)):
            changes.pop("element", None)
            changes.pop("subtopic", None)
        moved = record.replace(**changes)
        after = (moved.pillar, getattr(moved, "element", ""))
        if after != (pillar, element) or moved != record:
            out.moves.append(Move(record, (pillar, element), after, moved))
    _narratives(plan, target, fmap, out)
    return out


def _narratives(plan: Plan, target: Framework, fmap: FrameMap, out: Reframe) -> None:
    """A dimension's narrative goes with its dimension. Where two would land on one new
    dimension (or on one that has its own already), the first goes and the others are listed:
    their text is for a person to join, not for the move to overwrite."""
    taken = {r.pillar for r in plan._kind(NarrativeSection)
             if r.section == DIMENSION and r.pillar in target.keys}
    for r in sorted(plan._kind(NarrativeSection), key=lambda r: r.id):
        if r.section != DIMENSION or r.pillar in target.keys:
            continue
        new = fmap.dimensions.get(r.pillar)
        if new is None or new in taken:
            out.unplaced.append(r)
            continue
        taken.add(new)
        out.moves.append(Move(r, (r.pillar, ""), (new, ""), r.replace(pillar=new)))
