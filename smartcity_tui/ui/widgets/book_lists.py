"""The lists of the document screen: the book's narrative sections (each with its chapter, its
word count, or "not written"), the regulations of the dasar hukum, and the members of the
three Smart City institutions. They show and they ask; the document screen opens the forms
and posts the writes, so undo and the save state stay in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...i18n import get_language, t
from ...model.narrative import SectionSlot
from ...model.records import InstitutionMember, Regulation
from ...model.vocab import INSTITUTION_BODIES, PENTAHELIX_ROLES
from .. import keys

if TYPE_CHECKING:
    from ..screens.document import DocumentScreen

# The chapter of the book each section is printed in (docs/document.md, "The book").
CHAPTERS = {"background": "I", "purpose": "I", "scope": "I", "methodology": "I", "regional_profile": "II",
            "dimension": "IV", "financing": "VI", "institutions": "VII", "closing": "VIII"}


def chapter_of(slot: SectionSlot) -> str:
    return t("book.chapter", n=CHAPTERS.get(slot.section, "?"))


def document_screen_of(widget: Widget) -> DocumentScreen:
    from ..screens.document import DocumentScreen

    screen = widget.screen
    assert isinstance(screen, DocumentScreen)
    return screen


class SectionList(OptionList):
    """The 14 sections in book order; enter writes the highlighted one."""

    BINDINGS = keys.prefixed("book_sections.")

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.slots: list[SectionSlot] = []

    def show(self, slots: list[SectionSlot], conflicts: frozenset[str] | set[str] = frozenset()) -> None:
        keep = self.highlighted
        self.slots = slots
        width = max((len(chapter_of(s)) for s in slots), default=0)
        options = []
        for s in slots:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(chapter_of(s).ljust(width + 1), style="dim")
            # (the spaces end a span rather than start the next: an SVG snapshot drops leading ones)
            line.append(s.title(get_language()) + "  ", style="bold" if not s.empty else "")
            if s.empty:
                line.append("! " + t("book.empty"), style="yellow")
            else:
                line.append(t("book.words", n=s.words), style="dim")
            if s.record_id in conflicts:  # two groups wrote it: settled on the conflicts screen (k)
                line.append("  ")
                line.append(t("book.conflict"), style="bold red")
            options.append(Option(line))
        self.set_options(options)
        filled = sum(1 for s in slots if not s.empty)
        self.border_title = t("book.sections_title", filled=filled, n=len(slots))
        self.border_subtitle = t("book.sections_hint")
        if slots:
            self.highlighted = min(keep or 0, len(slots) - 1)

    @property
    def current(self) -> SectionSlot | None:
        if self.highlighted is None or not self.slots:
            return None
        return self.slots[min(self.highlighted, len(self.slots) - 1)]

    def action_edit_section(self) -> None:
        if self.current is not None:
            document_screen_of(self).write_section(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_section()


class EntryList(OptionList):
    """A list of records kept in an order of their own (regulations, members): n adds,
    enter edits, delete removes (undoable), shift+up / shift+down move the entry."""

    BINDINGS = keys.prefixed("book_list.")

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.rows: list[str | None] = []  # the record id of each line; None for a heading

    @property
    def current_id(self) -> str | None:
        if self.highlighted is None or self.highlighted >= len(self.rows):
            return None
        return self.rows[self.highlighted]

    def select_id(self, record_id: str | None) -> None:
        if record_id is not None and record_id in self.rows:
            self.highlighted = self.rows.index(record_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_entry()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_entry", "delete_entry", "move_entry"):
            return True if self.current_id is not None else None  # shown dimmed
        return True

    def action_new_entry(self) -> None:
        document_screen_of(self).new_entry(self)

    def action_edit_entry(self) -> None:
        if self.current_id is not None:
            document_screen_of(self).edit_entry(self, self.current_id)

    def action_delete_entry(self) -> None:
        if self.current_id is not None:
            document_screen_of(self).delete_entry(self, self.current_id)

    def action_move_entry(self, step: int) -> None:
        if self.current_id is not None:
            document_screen_of(self).move_entry(self, self.current_id, step)


class RegulationList(EntryList):
    def show(self, regulations: list[Regulation], select: str | None = None) -> None:
        keep = select or self.current_id
        self.rows = [r.id for r in regulations]
        options = []
        for i, r in enumerate(regulations, 1):
            line = Text()
            line.append(f"{i}. ", style="bold")
            line.append(" ".join(r.text.split()) or t("book.empty"), style="" if r.text.strip() else "dim")
            options.append(Option(line))
        self.set_options(options)
        self.border_title = t("book.regulations_title", n=len(regulations))
        self.border_subtitle = "" if regulations else t("book.regulations_empty")
        if regulations:
            self.highlighted = self.rows.index(keep) if keep in self.rows else min(self.highlighted or 0,
                                                                                len(self.rows) - 1)


class MemberList(EntryList):
    """Members under a heading per body; n on a heading or a member adds to that body."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.body_of_row: list[str] = []

    def show(self, members: list[InstitutionMember], select: str | None = None) -> None:
        keep = select or self.current_id
        keep_body = self.current_body
        lang = get_language()
        self.rows, self.body_of_row = [], []
        options: list[Option] = []
        known = set(INSTITUTION_BODIES.keys)
        bodies = [*INSTITUTION_BODIES.keys, *sorted({m.body for m in members} - known)]
        for body in bodies:
            seated = [m for m in members if m.body == body]
            name = INSTITUTION_BODIES.label(body, lang) if body in known else body
            options.append(Option(Text(t("book.body_line", body=name, n=len(seated)), style="bold underline")))
            self.rows.append(None)
            self.body_of_row.append(body)
            if not seated:
                options.append(Option(Text(t("book.body_empty"), style="dim")))
                self.rows.append(None)
                self.body_of_row.append(body)
            for m in seated:
                options.append(Option(member_line(m, lang)))
                self.rows.append(m.id)
                self.body_of_row.append(body)
        self.set_options(options)
        self.border_title = t("book.members_title", n=len(members))
        self.border_subtitle = t("book.members_hint")
        if keep in self.rows:
            self.highlighted = self.rows.index(keep)
        elif keep_body in self.body_of_row:
            self.highlighted = self.body_of_row.index(keep_body)
        else:
            self.highlighted = 0

    @property
    def current_body(self) -> str:
        if self.highlighted is None or self.highlighted >= len(self.body_of_row):
            return INSTITUTION_BODIES.keys[0]
        return self.body_of_row[self.highlighted]


class Hanging:
    """A member's line: its parts (role, name, office, pentahelix) one after another, a part
    moved whole to the next line when it does not fit, and the next lines indented under the
    first word, not at the list's left edge (at 80 columns a member takes two lines, and a
    second line at the edge read as a line of its own)."""

    def __init__(self, parts: list[Text], indent: int = 2, hang: int = 4) -> None:
        self.parts, self.indent, self.hang = parts, indent, hang

    def __str__(self) -> str:
        return "".join(part.plain for part in self.parts)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = max(options.max_width - self.hang, 1)
        lines = [Text()]
        for part in self.parts:
            free = (room + self.hang - self.indent if len(lines) == 1 else room) - lines[-1].cell_len
            if len(part.plain.rstrip()) > free and lines[-1].plain:
                lines.append(Text())
                free = room
            if len(part.plain.rstrip()) <= free:
                lines[-1].append_text(part)
            else:  # longer than a whole line: wrapped in itself
                wrapped = part.wrap(console, room, overflow="fold")
                lines[-1].append_text(wrapped[0])
                lines.extend(wrapped[1:])
        for line in lines:
            line.rstrip()  # a separator's space at the end of a line might not fit
        yield Text("\n").join(Text(" " * (self.indent if i == 0 else self.hang)) + line
                               for i, line in enumerate(lines))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((len(p.plain) for p in self.parts), default=0)
        whole = sum(len(p.plain) for p in self.parts)
        return Measurement(widest + self.hang, whole + self.indent).clamp(max_width=options.max_width)


def member_line(m: InstitutionMember, lang: str) -> Hanging:
    """"Ketua · Dr. Sri Wahyuningsih · Kepala Bappeda · Pemerintah"; a seat that goes with an
    office has no name, and none is missed."""
    parts = [(m.role, "bold"), (m.name, ""), (m.agency, "")]
    if m.pentahelix:
        parts.append((PENTAHELIX_ROLES.label(m.pentahelix, lang), "dim"))
    shown = [(text, style) for text, style in parts if text]
    if not (m.role or m.name or m.agency):
        shown.insert(0, (t("book.member_no_name"), "dim"))
    # (a separator ends a part: an SVG snapshot drops the spaces a span starts with)
    return Hanging([Text(text + (" · " if i < len(shown) - 1 else ""), style=style)
                    for i, (text, style) in enumerate(shown)])
