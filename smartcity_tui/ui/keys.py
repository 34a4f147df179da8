"""The key map as data: every binding of the app has a stable id, its default keys, the action
it runs and the catalog key of its label.

Screens and widgets build their BINDINGS from here, so one table documents every key
(docs/keys.md is checked against it), the command palette lists the same actions, and a
user remaps a key by its id in settings.toml (`[keys] "swot.new" = "a"`), posting style.

Keys terminals swallow are avoided: no ctrl+shift+letter, ctrl+tab or ctrl+enter. Where a
key is less than universal (Delete on small keyboards, F1 under some window managers) a
plain-letter fallback is bound beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from textual.binding import ActiveBinding, Binding, BindingType

from ..i18n import CATALOGS, LANGUAGES, get_language, next_language, t
from ..model.framework import Dimension
from ..model.vocab import DEFAULT_FRAMEWORK

if TYPE_CHECKING:
    from textual.command import Provider  # (imported with the palette: it costs start-up time)


@dataclass(frozen=True)
class KeySpec:
    id: str
    keys: str  # comma-separated; the first one is shown in the footer
    action: str
    label: str  # i18n key of the description
    show: bool = True  # in the footer (the help screen lists every key regardless)
    priority: bool = False
    group: str = ""  # i18n key of a footer group ("1-6 Dimensi")
    help: str = ""  # i18n key of a longer description (help screen, palette); default: label


# Keys 1-9 open the dimensions of the plan's framework by their place (model/framework.py):
# nine bindings, of which those past the framework's last dimension do nothing and are not
# listed (`localised`); each is labelled with its dimension's name in the plan's framework.
DIMENSION_SLOTS = 9
DIMENSION_LABEL = "ui.key.open_dimension"
# the ids the six pillars' keys had before frameworks were data: a remap in settings.toml
# under one of them still applies (app.py's keymap)
LEGACY_IDS = {f"app.pillar.{key}": f"app.pillar.{n}" for n, key in enumerate(
    ("governance", "branding", "economy", "living", "society", "environment"), 1)}


def _pillar_keys() -> tuple[KeySpec, ...]:
    return tuple(
        # not in the footer (at 80 columns the view's own keys need the room): the cards and
        # the top bar show each pillar's number, and help lists the keys
        KeySpec(f"app.pillar.{n}", str(n), f"open_dimension({n})", DIMENSION_LABEL,
                group="ui.key.pillars", show=False)
        for n in range(1, DIMENSION_SLOTS + 1)
    )


SPECS: tuple[KeySpec, ...] = (
    # --- everywhere ---
    KeySpec("app.help", "f1,question_mark", "help", "ui.key.help"),
    *_pillar_keys(),
    KeySpec("app.dashboard", "0", "open_dashboard", "ui.key.dashboard", show=False),
    KeySpec("app.undo", "ctrl+z", "undo", "ui.key.undo"),
    KeySpec("app.redo", "ctrl+y", "redo", "ui.key.redo", show=False),
    KeySpec("app.quit", "q", "quit", "ui.key.quit", show=False),
    KeySpec("app.palette", "ctrl+p", "command_palette", "ui.key.palette", show=False, priority=True,
            help="ui.help.palette"),
    KeySpec("app.roadmap", "r", "open_roadmap", "roadmap.key.open_roadmap", show=False,
            help="roadmap.key.open_roadmap_help"),
    KeySpec("app.search", "slash", "search", "search.key.open", show=False, help="search.key.open_help"),
    KeySpec("app.plan_info", "i", "open_plan_info", "planscreen.key.open", show=False,
            help="planscreen.key.open_help"),
    KeySpec("app.export", "x", "export", "exchange.key.export", show=False, help="exchange.key.export_help"),
    KeySpec("app.merge", "m", "merge", "exchange.key.merge", show=False, help="exchange.key.merge_help"),
    KeySpec("app.conflicts", "k", "conflicts", "exchange.key.conflicts", show=False,
            help="exchange.key.conflicts_help"),
    KeySpec("app.document", "b", "open_document", "book.key.open", show=False, help="book.key.open_help"),
    KeySpec("app.import_sheet", "ctrl+o", "import_sheet", "sheetui.key.import", show=False,
            help="sheetui.key.import_help"),
    # No letter beside these: a stray letter must not turn the room's screen over. F4 and F5
    # need Fn on most laptops (where they are mute or brightness keys), so a Ctrl key too:
    # ^B (bahasa) and ^T (tema), which Windows Terminal, conhost and Textual's widgets leave
    # alone (docs/keys.md)
    KeySpec("app.language", "f4,ctrl+b", "switch_language", "lang.key.switch", help="lang.key.switch_help"),
    KeySpec("app.contrast", "f5,ctrl+t", "toggle_contrast", "theme.key.contrast", show=False,
            help="theme.key.contrast_help"),
    # --- dashboard ---
    # The session starts here, and the app's own keys are found here: the dashboard's footer
    # shows them, most used first (at 80 columns the tail is cut: x m r / always fit). Other
    # screens keep their footer's room for their own keys; help and the palette list all.
    KeySpec("dashboard.export", "x", "app.export", "exchange.key.export", help="exchange.key.export_help"),
    KeySpec("dashboard.merge", "m", "app.merge", "exchange.key.merge", help="exchange.key.merge_help"),
    KeySpec("dashboard.roadmap", "r", "app.open_roadmap", "roadmap.key.open_roadmap",
            help="roadmap.key.open_roadmap_help"),
    KeySpec("dashboard.search", "slash", "app.search", "search.key.open", help="search.key.open_help"),
    KeySpec("dashboard.conflicts", "k", "app.conflicts", "exchange.key.conflicts",
            help="exchange.key.conflicts_help"),
    KeySpec("dashboard.document", "b", "app.open_document", "book.key.open", help="book.key.open_help"),
    KeySpec("dashboard.plan_info", "i", "app.open_plan_info", "planscreen.key.open", help="planscreen.key.open_help"),
    KeySpec("dashboard.open", "enter", "open_card", "ui.key.open_pillar"),
    # what `validate` finds, listed: the focused card's pillar, or the whole plan (screens/findings.py)
    KeySpec("dashboard.findings", "v,exclamation_mark", "findings", "findings.key.open", show=False,
            help="findings.key.open_help"),
    KeySpec("dashboard.left", "left", "move_card(-1, 0)", "ui.key.card_left", show=False),
    KeySpec("dashboard.right", "right", "move_card(1, 0)", "ui.key.card_right", show=False),
    KeySpec("dashboard.up", "up", "move_card(0, -1)", "ui.key.card_up", show=False),
    KeySpec("dashboard.down", "down", "move_card(0, 1)", "ui.key.card_down", show=False),
    # --- pillar screen ---
    KeySpec("pillar.swot", "s", "view('swot')", "ui.key.view_swot", show=False),
    KeySpec("pillar.strategies", "t", "view('strategies')", "ui.key.view_strategies", show=False),
    KeySpec("pillar.programmes", "p", "view('programmes')", "ui.key.view_programmes", show=False),
    KeySpec("pillar.timeline", "l", "view('timeline')", "timeline.key.view", show=False),
    KeySpec("pillar.next_view", "right_square_bracket", "next_view(1)", "ui.key.next_view",
            help="ui.key.next_view_help", show=False),
    KeySpec("pillar.prev_view", "left_square_bracket", "next_view(-1)", "ui.key.prev_view", show=False),
    KeySpec("pillar.back", "escape", "back", "ui.key.back"),
    # the record under the cursor, in any view: who changed it last (o: oleh), copy it as text
    KeySpec("pillar.who", "o", "who", "ui.authors.key", help="ui.authors.key_help", show=False),
    KeySpec("pillar.copy", "c", "copy", "ui.copy.key", help="ui.copy.key_help", show=False),
    KeySpec("pillar.findings", "v,exclamation_mark", "findings", "findings.key.open", show=False,
            help="findings.key.open_pillar_help"),
    # m moves a SWOT item (swot.move, on the quadrant); in the other views, and on an empty
    # quadrant, the app's m would have opened the merge screen: here it says what m does
    KeySpec("pillar.move", "m", "move_elsewhere", "pillar.key.move_elsewhere", show=False,
            help="pillar.key.move_elsewhere_help"),
    # --- SWOT quadrants ---
    KeySpec("swot.new", "n,insert", "new_item", "ui.key.new"),
    KeySpec("swot.edit", "enter,e", "edit_item", "ui.key.edit"),
    KeySpec("swot.delete", "delete,x", "delete_item", "ui.key.delete"),
    KeySpec("swot.move", "m", "move_item", "ui.key.move", help="ui.key.move_help"),
    KeySpec("swot.filter", "f", "filter", "ui.key.filter", help="ui.key.filter_help"),
    KeySpec("swot.clear_filter", "escape", "clear_filter", "ui.key.clear_filter", show=False),
    KeySpec("quadrant.left", "left", "quadrant(-1, 0)", "ui.key.quadrant_left", show=False),
    KeySpec("quadrant.right", "right", "quadrant(1, 0)", "ui.key.quadrant_right", show=False),
    # --- strategies ---
    KeySpec("strategy.new", "n,insert", "new_strategy", "ui.key.new"),
    KeySpec("strategy.edit", "enter,e", "edit_strategy", "ui.key.edit"),
    KeySpec("strategy.delete", "delete,x", "delete_strategy", "ui.key.delete"),
    # --- timeline (l): milestones of the pillar's programmes ---
    KeySpec("timeline.new", "n,insert", "new_milestone", "ui.key.new", help="timeline.key.new_help"),
    KeySpec("timeline.edit", "enter,e", "edit_milestone", "ui.key.edit", help="timeline.key.edit_help"),
    KeySpec("timeline.done", "d,space", "toggle_done", "timeline.key.done", help="timeline.key.done_help"),
    KeySpec("timeline.earlier", "less_than_sign,shift+left", "shift_year(-1)", "timeline.key.earlier",
            help="timeline.key.earlier_help", group="timeline.key.shift"),
    KeySpec("timeline.later", "greater_than_sign,shift+right", "shift_year(1)", "timeline.key.later",
            help="timeline.key.later_help", group="timeline.key.shift"),
    KeySpec("timeline.delete", "delete,x", "delete_milestone", "ui.key.delete", help="timeline.key.delete_help",
            show=False),
    KeySpec("timeline.up", "up", "cursor(-1)", "timeline.key.up", show=False),
    KeySpec("timeline.down", "down", "cursor(1)", "timeline.key.down", show=False),
    KeySpec("timeline.page_up", "pageup", "page(-1)", "timeline.key.page_up", show=False),
    KeySpec("timeline.page_down", "pagedown", "page(1)", "timeline.key.page_down", show=False),
    KeySpec("timeline.first", "home", "edge(-1)", "timeline.key.first", show=False),
    KeySpec("timeline.last", "end", "edge(1)", "timeline.key.last", show=False),
    # --- roadmap (r) ---
    KeySpec("roadmap.pillar", "d", "filter_pillar", "roadmap.key.pillar", show=False,
            help="roadmap.key.pillar_help"),
    KeySpec("roadmap.horizon", "j", "cycle_horizon", "roadmap.key.horizon", show=False,
            help="roadmap.key.horizon_help"),
    KeySpec("roadmap.agency", "o", "filter_agency", "roadmap.key.agency", show=False,
            help="roadmap.key.agency_help"),
    KeySpec("roadmap.quick_win", "p", "toggle_quick_win", "roadmap.key.quick_win", show=False,
            help="roadmap.key.quick_win_help"),
    KeySpec("roadmap.clear", "escape", "clear_filters", "roadmap.key.clear", show=False),
    KeySpec("roadmap.back", "escape", "back", "ui.key.back"),
    KeySpec("roadmap_chart.open", "enter", "open", "roadmap.key.open", help="roadmap.key.open_help"),
    KeySpec("roadmap_chart.up", "up", "cursor(-1)", "roadmap.key.up", show=False),
    KeySpec("roadmap_chart.down", "down", "cursor(1)", "roadmap.key.down", show=False),
    KeySpec("roadmap_chart.page_up", "pageup", "page(-1)", "roadmap.key.page_up", show=False),
    KeySpec("roadmap_chart.page_down", "pagedown", "page(1)", "roadmap.key.page_down", show=False),
    KeySpec("roadmap_chart.first", "home", "edge(-1)", "roadmap.key.first", show=False),
    KeySpec("roadmap_chart.last", "end", "edge(1)", "roadmap.key.last", show=False),
    # --- search (/) ---
    KeySpec("search.to_results", "down", "to_results", "search.key.to_results", show=False),
    KeySpec("search.close", "escape", "close", "search.key.close"),
    # --- findings (v): what validate finds, for a pillar or the whole plan ---
    KeySpec("findings.scope", "a", "scope", "findings.key.scope", help="findings.key.scope_help"),
    KeySpec("findings.close", "escape", "close", "ui.key.close"),
    # --- plan screen (i): facts, missions and targets, readiness analysis ---
    KeySpec("planscreen.back", "escape", "back", "ui.key.back"),
    KeySpec("plan_facts.edit", "enter,e", "edit_facts", "ui.key.edit"),
    KeySpec("plan_lines.new", "n,insert", "new_line", "ui.key.new"),
    KeySpec("plan_lines.edit", "enter,e", "edit_line", "ui.key.edit"),
    KeySpec("plan_lines.delete", "delete,x", "delete_line", "ui.key.delete"),
    KeySpec("readiness.new", "n,insert", "new_readiness", "ui.key.new"),
    KeySpec("readiness.edit", "enter,e", "edit_readiness", "ui.key.edit"),
    KeySpec("readiness.delete", "delete,x", "delete_readiness", "ui.key.delete"),
    KeySpec("period.confirm", "ctrl+s,f2", "confirm", "period.key.confirm"),
    KeySpec("period.cancel", "escape", "cancel", "ui.key.cancel"),
    # --- forms and pickers ---
    KeySpec("form.save", "ctrl+s,f2", "save", "ui.key.save"),
    KeySpec("form.cancel", "escape", "cancel", "ui.key.cancel"),
    KeySpec("picker.cancel", "escape", "cancel", "ui.key.cancel"),
    # a form is modal, which hides the app's F1 and F4 from it: its own, to the same actions
    # (the help lists the form's keys; a language switch rebuilds the form with what was typed)
    KeySpec("form.help", "f1", "app.help", "ui.key.help", show=False),
    KeySpec("form.language", "f4,ctrl+b", "app.switch_language", "lang.key.switch", show=False,
            help="lang.key.switch_help"),
    # escape on a form with changes asks: save, discard, or back to the form (the default)
    KeySpec("leave_form.save", "ctrl+s,f2", "answer('save')", "ui.key.save"),
    KeySpec("leave_form.discard", "b", "answer('discard')", "ui.key.discard"),
    KeySpec("leave_form.continue", "escape", "answer('continue')", "ui.key.keep_editing"),
    # q with edits ctrl+z could still undo: quitting loses that history, so it asks
    KeySpec("quit_confirm.quit", "q", "answer('quit')", "ui.key.quit"),
    KeySpec("quit_confirm.stay", "escape", "answer('stay')", "ui.key.stay"),
    KeySpec("help.close", "escape,f1,question_mark,q", "close", "ui.key.close"),
    KeySpec("help.language", "f4,ctrl+b", "app.switch_language", "lang.key.switch", help="lang.key.switch_help"),
    KeySpec("problem.quit", "escape,q", "app.quit", "ui.key.quit"),
    # a missing plan of which a whole copy survived: put the copy back and open it
    KeySpec("problem.put_back", "enter", "put_back", "ui.key.put_back"),
    KeySpec("first_run.quit", "escape", "cancel", "ui.key.quit"),
    # the first-run form is modal, which hides the app's own F4 from it
    KeySpec("first_run.language", "f4,ctrl+b", "switch_language", "lang.key.switch",
            help="lang.key.switch_help"),
    # --- the masterplan book (b): narrative sections, dasar hukum, institutions ---
    KeySpec("document.next_view", "right_square_bracket", "next_view(1)", "book.key.next_view", show=False),
    KeySpec("document.prev_view", "left_square_bracket", "next_view(-1)", "book.key.prev_view", show=False),
    KeySpec("document.back", "escape", "back", "ui.key.back"),
    KeySpec("book_sections.edit", "enter,e", "edit_section", "book.key.edit", help="book.key.edit_help"),
    KeySpec("book_list.new", "n,insert", "new_entry", "book.key.new"),
    KeySpec("book_list.edit", "enter,e", "edit_entry", "book.key.edit_entry"),
    KeySpec("book_list.delete", "delete,x", "delete_entry", "book.key.delete"),
    # one group, "< > Pindah", as the timeline's "< > Geser tahun": "shift+↑ Naik shift+↓ Turun"
    # pushed esc and F4 off an 80-column footer
    KeySpec("book_list.up", "less_than_sign,shift+up", "move_entry(-1)", "book.key.up", help="book.key.up_help",
            group="book.key.move"),
    KeySpec("book_list.down", "greater_than_sign,shift+down", "move_entry(1)", "book.key.down",
            help="book.key.down_help", group="book.key.move"),
    # --- import a sheet (ctrl+o) ---
    KeySpec("import.read", "ctrl+s,f2", "read", "sheetui.key.read", help="sheetui.key.read_help"),
    KeySpec("import.apply", "ctrl+s,f2", "apply", "sheetui.key.apply", help="sheetui.key.apply_help"),
    KeySpec("import.back", "escape", "back", "ui.key.back"),
    KeySpec("import_mapping.change", "enter,e", "change", "sheetui.key.change", help="sheetui.key.change_help"),
    # --- export (x), merge (m), conflicts (k) ---
    KeySpec("export.run", "ctrl+s,f2", "run", "exchange.key.run", help="exchange.key.run_help"),
    KeySpec("export.back", "escape", "back", "ui.key.back"),
    KeySpec("merge.add", "a", "add", "exchange.key.add", help="exchange.key.add_help"),
    KeySpec("merge.remove", "delete", "remove", "exchange.key.remove", help="exchange.key.remove_help"),
    KeySpec("merge.preview", "ctrl+s,f2", "preview", "exchange.key.preview", help="exchange.key.preview_help"),
    KeySpec("merge.apply", "ctrl+s,f2", "apply", "exchange.key.apply", help="exchange.key.apply_help"),
    KeySpec("merge.adopt", "a", "adopt", "exchange.key.adopt", help="exchange.key.adopt_help"),
    KeySpec("merge.back", "escape", "back", "ui.key.back"),
    KeySpec("conflicts.use", "enter", "use", "exchange.key.use", help="exchange.key.use_help"),
    KeySpec("conflicts.keep", "k", "keep", "exchange.key.keep", help="exchange.key.keep_help"),
    KeySpec("conflicts.keep_record", "k", "keep_record", "exchange.key.keep_record",
            help="exchange.key.keep_record_help"),
    KeySpec("conflicts.theirs", "t", "theirs", "exchange.key.theirs", help="exchange.key.theirs_help"),
    KeySpec("conflicts.both", "b", "both", "exchange.key.both", help="exchange.key.both_help"),
    KeySpec("conflicts.edit", "e", "edit", "exchange.key.edit", help="exchange.key.edit_help"),
    KeySpec("conflicts.delete", "d,delete", "delete", "exchange.key.delete", help="exchange.key.delete_help"),
    KeySpec("conflicts.next", "n", "next", "exchange.key.next", help="exchange.key.next_help", show=False),
    KeySpec("conflicts.previous", "p", "previous", "exchange.key.previous", help="exchange.key.previous_help",
            show=False),
    KeySpec("conflicts.back", "escape", "back", "ui.key.back"),
)

BY_ID: dict[str, KeySpec] = {s.id: s for s in SPECS}
_ORDER = {s.id: i for i, s in enumerate(SPECS)}
OUR_IDS = frozenset(BY_ID)


def bindings(*ids: str) -> list[BindingType]:
    """Textual bindings for these key ids. Their texts are catalog keys: `localised` puts
    them in the language of the moment wherever keys are shown (footer, help, palette)."""
    out: list[BindingType] = []
    for key_id in ids:
        spec = BY_ID[key_id]
        out.append(Binding(
            spec.keys, spec.action, spec.label, show=spec.show, priority=spec.priority,
            tooltip=spec.help, id=spec.id,
            group=Binding.Group(spec.group, compact=True) if spec.group else None,
        ))
    return out


@lru_cache(maxsize=2048)
def _localised(binding: Binding, lang: str) -> Binding:
    def say(text: str) -> str:
        # {next}: the language F4 switches to, in its own name ("Ganti bahasa: English")
        return t(text, lang, next=LANGUAGES[next_language(lang)].name) if text in CATALOGS["id"] else text

    group = binding.group
    if group is not None:
        group = Binding.Group(say(group.description), compact=group.compact)
    return replace(binding, description=say(binding.description), tooltip=say(binding.tooltip), group=group)


def localised(active: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """A screen's active bindings with their labels, help texts and groups in the current
    language. Bindings carry catalog keys (ours) or plain words (Textual's own, left as they
    are), so switching the language needs no binding rewritten: the next footer redraw reads
    the new words. Every key display goes through a screen's `active_bindings`, where our
    screens call this."""
    lang = get_language()
    out = {}
    for key, a in active.items():
        if a.binding.description == DIMENSION_LABEL:
            dim = _dimension_of(a.node, a.binding.action)
            if dim is None:
                continue  # past the framework's last dimension: no key to tell of
            label = t(DIMENSION_LABEL, lang, name=dim.label(lang))
            b = replace(_localised(a.binding, lang), description=label, tooltip=label)
        else:
            b = _localised(a.binding, lang)
        out[key] = ActiveBinding(a.node, b, a.enabled, b.tooltip)
    return out


def _dimension_of(node: object, action: str) -> Dimension | None:
    """The dimension an `open_dimension(n)` binding opens in the plan on screen; with no plan
    open (the first-run form), those of the default framework."""
    number = int(action.partition("(")[2].rstrip(")") or 0)
    app: Any = getattr(node, "app", node)
    framework = DEFAULT_FRAMEWORK
    if getattr(app, "store", None) is not None:
        framework = app.plan.framework
    return framework.dimensions[number - 1] if 0 < number <= len(framework.dimensions) else None


# The footer shows keys in this order: help first (it explains the rest), then what the
# focused part of the screen does, then undo and the way back; at 80 columns the tail is what
# gets cut, and everything is in the help screen anyway.
_FIRST = ("app.help",)
_LAST = ("app.undo", "pillar.back", "pillar.next_view", "app.redo", "app.quit", "roadmap.back",
         "planscreen.back", "app.search", "export.back", "merge.back", "conflicts.back", "document.back",
         "import.back", "app.language")


def footer_rank(binding_id: str | None) -> tuple[int, int]:
    """Where a key goes in the footer; within what the screen does, in this table's order
    (add before edit before delete: a Textual list's own enter would otherwise come first)."""
    if binding_id in _FIRST:
        return 0, 0
    if binding_id in _LAST:
        return 2 + _LAST.index(binding_id), 0
    if binding_id is not None and binding_id.startswith("app.pillar."):
        return 2 + len(_LAST), 0
    return 1, _ORDER.get(binding_id or "", len(_ORDER))


def prefixed(prefix: str) -> list[BindingType]:
    return bindings(*(s.id for s in SPECS if s.id.startswith(prefix)))


# How a few keys read in the footer and help; Textual's own names are English words.
DISPLAY = {
    "question_mark": "?", "right_square_bracket": "]", "left_square_bracket": "[",
    "escape": "esc", "delete": "del", "insert": "ins", "enter": "enter",
    "left": "←", "right": "→", "up": "↑", "down": "↓", "slash": "/",
    "pageup": "PgUp", "pagedown": "PgDn", "home": "Home", "end": "End",
    "less_than_sign": "<", "greater_than_sign": ">", "shift+left": "shift+←", "shift+right": "shift+→",
    "exclamation_mark": "!",
}


def display(key: str, *, spelled: bool = False) -> str:
    """A key as the interface shows it. The footer is short of room and shows Textual's
    `^s`; the help and the palette have room and spell it `Ctrl+S`, as every message does
    (officers on Windows do not read caret notation, the planners' review 1.3)."""
    if spelled:
        for prefix, word in (("ctrl+", "Ctrl+"), ("shift+", "Shift+")):
            if key.startswith(prefix):
                rest = display(key[len(prefix):], spelled=True)
                return word + (rest.upper() if len(rest) == 1 else rest)
        if len(key) in (2, 3) and key[0] == "f" and key[1:].isdigit():
            return key.upper()
    if key in DISPLAY:
        return DISPLAY[key]
    if key == "space":  # a word on the key cap: in the interface's language
        return t("timeline.key.space")
    if key.startswith("ctrl+"):
        return "^" + key[5:]
    return key


def key_commands() -> type[Provider]:
    """The palette's provider of every keyed action, imported when the palette first opens
    (textual.command costs a noticeable part of the start-up)."""
    from .palette import KeyCommands

    return KeyCommands
