"""The region's code list, searched (ctrl+o in the programme form's code field): type the start
of a code ("2.16") or words of its name ("aplikasi informatika"), enter takes the highlighted
code, escape leaves the field as it was. Only a list the plan holds is searched
(`model.codes.search_codes`); no list is shipped."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import t
from ...model.codes import CodeMatch, code_list, search_codes
from ...model.plan import Plan
from .. import keys
from .base import AppModal

# Matches shown at once: the list narrows as the officer types, so more would only scroll.
SHOWN = 100


def match_line(match: CodeMatch) -> Text:
    line = Text()
    line.append(match.code + "  ", style="bold")
    line.append(match.name)
    extra = " · ".join(x for x in (match.output, match.unit) if x)
    if extra:
        line.append(" · " + extra, style="dim")
    return line


class QueryInput(Input):
    """The search line; down goes to the matches."""

    def key_down(self, event: events.Key) -> None:
        event.stop()
        self.screen.query_one("#code-matches", OptionList).focus()


class CodePicker(AppModal[str | None]):
    # its rules: code_picker.tcss, loaded with the app's (ui/styles.py)
    BINDINGS = keys.bindings("picker.cancel")

    def __init__(self, plan: Plan, current: str = "") -> None:
        super().__init__()
        self.plan = plan
        self.current = current.strip()
        self.matches: list[CodeMatch] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="code-picker") as box:
            box.border_title = t("codepick.title", n=len(code_list(self.plan)))
            yield QueryInput(self.current, id="code-query", compact=True, select_on_focus=False,
                             placeholder=t("codepick.query"))
            yield OptionList(id="code-matches")
            yield Static(t("codepick.hint"), classes="hint", markup=False)

    def on_mount(self) -> None:
        self.show_matches(self.current)
        self.query_one("#code-query", Input).focus()

    def show_matches(self, query: str) -> None:
        self.matches = search_codes(self.plan, query, limit=SHOWN)
        ol = self.query_one("#code-matches", OptionList)
        if self.matches:
            ol.set_options([Option(match_line(m), id=f"m{i}") for i, m in enumerate(self.matches)])
            exact = next((i for i, m in enumerate(self.matches) if m.code == query.strip()), 0)
            ol.highlighted = exact
        else:
            ol.set_options([Option(Text(t("codepick.none", query=query.strip()), style="dim"), disabled=True)])

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_matches(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        ol = self.query_one("#code-matches", OptionList)
        if self.matches and ol.highlighted is not None:
            self.dismiss(self.matches[ol.highlighted].code)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(self.matches[int(event.option.id[1:])].code)

    def action_cancel(self) -> None:
        self.dismiss(None)
