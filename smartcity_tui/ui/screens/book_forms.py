"""The document screen's forms: one narrative section in a TextArea (with its word count as it
is typed), one regulation of the dasar hukum, one member of an institution. They return what
was typed and write nothing; the document screen saves it (docs/design-notes.md, "UI data
flow"). Enter in the section's text starts a new line; ctrl+s or F2 saves."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Select, Static, TextArea

from ...i18n import get_language, t
from ...model.narrative import SectionSlot, word_count
from ...model.records import InstitutionMember, Regulation
from ...model.vocab import INSTITUTION_BODIES, PENTAHELIX_ROLES
from ..widgets.book_lists import chapter_of
from .form import FormScreen, text_input

NOT_SAID = "-"


class SectionForm(FormScreen[str]):
    """Returns the section's text as typed (empty takes the section back)."""

    # its rules: book_forms.tcss, loaded with the app's (ui/styles.py)

    def __init__(self, slot: SectionSlot) -> None:
        super().__init__()
        self.slot = slot

    def compose(self) -> ComposeResult:
        with Vertical(id="section-form", classes="form") as box:
            box.border_title = t("book.form.section_title", title=self.slot.title(get_language()),
                                 chapter=chapter_of(self.slot))
            box.border_subtitle = t("book.form.keys_hint")  # (enter is a new line here)
            yield Static(t("book.form.hint"), classes="hint", markup=False)
            area = TextArea(self.slot.text, id="text", soft_wrap=True, show_line_numbers=False,
                            tab_behavior="focus")
            yield from self.field(t("book.form.text"), area)
            yield Static(t("book.form.words", n=self.slot.words), id="words", markup=False)
            yield from self.buttons()

    def on_mount(self) -> None:
        area = self.query_one("#text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)  # go on writing where the text ends

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.query_one("#words", Static).update(t("book.form.words", n=word_count(event.text_area.text)))

    def collect(self) -> dict[str, Any]:
        return {"text": self.query_one("#text", TextArea).text}

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        return {}  # any text, empty too: emptying a section is how it is taken back

    def build(self, values: dict[str, Any]) -> str:
        text: str = values["text"]
        return text


class RegulationForm(FormScreen[Regulation]):
    def __init__(self, regulation: Regulation, *, is_new: bool) -> None:
        super().__init__()
        self.regulation = regulation
        self.is_new = is_new

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="regulation-form", classes="form", can_focus=False) as box:
            box.border_title = t("book.form.regulation_new" if self.is_new else "book.form.regulation_edit")
            box.border_subtitle = t("ui.form.keys_hint")
            yield from self.field(t("book.form.regulation"), text_input(
                self.regulation.text, placeholder=t("book.form.regulation_ph"), id="regulation"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#regulation", Input).focus()

    def collect(self) -> dict[str, Any]:
        return {"text": " ".join(self.query_one("#regulation", Input).value.split())}

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        return {} if values["text"] else {"regulation": t("book.form.need_regulation")}

    def build(self, values: dict[str, Any]) -> Regulation:
        return self.regulation.replace(text=values["text"])


class MemberForm(FormScreen[InstitutionMember]):
    def __init__(self, member: InstitutionMember, *, is_new: bool) -> None:
        super().__init__()
        self.member = member
        self.is_new = is_new

    def compose(self) -> ComposeResult:
        lang = get_language()
        m = self.member
        body = INSTITUTION_BODIES.label(m.body, lang)
        with VerticalScroll(id="member-form", classes="form", can_focus=False) as box:
            box.border_title = t("book.form.member_new" if self.is_new else "book.form.member_edit", body=body)
            box.border_subtitle = t("ui.form.keys_hint")
            bodies = [(c.label(lang), c.key) for c in INSTITUTION_BODIES]
            if m.body not in INSTITUTION_BODIES:  # a newer app's body: kept, shown as it is
                bodies.append((m.body, m.body))
            yield from self.field(t("book.form.body"), Select(
                bodies, value=m.body, allow_blank=False, id="body", compact=True))
            yield from self.field(t("book.form.role"), text_input(
                m.role, placeholder=t("book.form.role_ph"), id="role"))
            yield from self.field(t("book.form.name"), text_input(
                m.name, placeholder=t("book.form.name_ph"), id="name"))
            yield from self.field(t("book.form.agency"), text_input(m.agency, id="agency"))
            roles = [(t("book.form.pentahelix_none"), NOT_SAID), *((c.label(lang), c.key) for c in PENTAHELIX_ROLES)]
            if m.pentahelix and m.pentahelix not in PENTAHELIX_ROLES:
                roles.append((m.pentahelix, m.pentahelix))
            yield from self.field(t("book.form.pentahelix"), Select(
                roles, value=m.pentahelix or NOT_SAID, allow_blank=False, id="pentahelix", compact=True))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#role", Input).focus()

    def collect(self) -> dict[str, Any]:
        def text(widget_id: str) -> str:
            return " ".join(self.query_one(f"#{widget_id}", Input).value.split())

        pentahelix = str(self.query_one("#pentahelix", Select).value)
        return {"body": str(self.query_one("#body", Select).value), "role": text("role"), "name": text("name"),
                "agency": text("agency"), "pentahelix": "" if pentahelix == NOT_SAID else pentahelix}

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        if values["role"] or values["name"] or values["agency"]:
            return {}
        return {"role": t("book.form.need_member")}

    def build(self, values: dict[str, Any]) -> InstitutionMember:
        return self.member.replace(**values)
