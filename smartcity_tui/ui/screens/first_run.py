"""The first-run form: the facts a new plan needs (region, kind, province, period, framework,
team), then
the plan file is created and opened. Without a file name given on the command line it also
asks where to keep the plan, suggesting the user's Documents folder (settings.default_plan:
visible in Explorer, backed up by OneDrive), and says where that is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Select, Static

from ...i18n import get_language, os_reason, t
from ...model import framework as frameworks
from ...model.plain_text import one_line
from ...model.records import PlanInfo
from ...model.vocab import REGION_KINDS
from ...settings import default_plan, shown_path, store_python
from ...store import PlanStore, StoreError
from ...store.file_names import bad_name_message
from .. import keys
from ..app import app_of
from .form import FormScreen, parse_year, text_input


class FirstRunScreen(FormScreen[PlanStore]):
    BINDINGS = keys.bindings("form.save", "first_run.quit", "first_run.language")

    def __init__(self, plan_path: Path | None, note: str = "") -> None:
        super().__init__()
        self.plan_path = plan_path
        self.note = note
        # the frameworks a new plan may take (the package's, the region's), and why a region's
        # file was not taken; read once, when the form opens
        self.frameworks, self.framework_problems = frameworks.known()

    def compose(self) -> ComposeResult:
        lang = get_language()
        this_year = app_of(self).clock().year
        with VerticalScroll(id="first-run", classes="form") as box:
            box.border_title = t("ui.first.title")
            box.border_subtitle = t("ui.first.keys_hint")  # no footer here: F4 is told of
            if self.note:
                yield Static(self.note, classes="field-error", markup=False)
            if self.plan_path is not None:
                yield Static(t("ui.first.intro_path", path=shown_path(self.plan_path)), classes="hint",
                             markup=False)
            else:
                yield Static(t("ui.first.intro"), classes="hint", markup=False)
            if store_python():
                yield Static(t("win.store_python"), classes="field-error", markup=False)
            # first, above the facts (the focus starts on the region's name, so typing the facts
            # goes on as before; most plans keep the default)
            yield from self.field(t("ui.first.framework"), Select(
                [(f.label(lang), f.id) for f in self.frameworks], value=frameworks.DEFAULT_ID,
                allow_blank=False, id="framework", compact=True))
            for problem in self.framework_problems:  # a region's file with a mistake: where and what
                yield Static(Text(problem.text(lang), style="red"), classes="hint framework-problem")
            yield from self.field(t("ui.first.region"), text_input(
                placeholder=t("ui.first.region_ph"), id="region"))
            yield from self.field(t("ui.first.kind"), Select(
                [(c.label(lang), c.key) for c in REGION_KINDS], value="kabupaten", allow_blank=False,
                id="kind", compact=True))
            yield from self.field(t("ui.first.province"), text_input(
                placeholder=t("ui.first.province_ph"), id="province"))
            # a year is typed over, not added to: these two select what is there on focus
            yield from self.field(t("ui.first.start"), text_input(
                str(this_year), id="start", max_length=4, select_on_focus=True))
            yield from self.field(t("ui.first.end"), text_input(
                str(this_year + 4), id="end", max_length=4, select_on_focus=True))
            yield from self.field(t("ui.first.team"), text_input(
                placeholder=t("ui.first.team_ph"), id="team"))
            if self.plan_path is None:
                yield from self.field(t("ui.first.file"), text_input(str(default_plan()), id="file"),
                                      hint=t("win.plan_in_documents"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#region", Input).focus()

    async def action_switch_language(self) -> None:
        await app_of(self).action_switch_language()

    async def relanguage(self) -> None:
        """F4 on the form: built again in the other language, keeping what was typed, the
        field being typed in, and the messages under the fields (said again in the new one)."""
        typed = {i.id: (i.value, i.cursor_position) for i in self.query(Input)}
        kind = self.query_one("#kind", Select).value
        framework = self.query_one("#framework", Select).value
        focused = self.focused.id if self.focused is not None else None
        errors_shown = bool(self.query(".field-error.-shown"))
        await self.recompose()
        for field_id, (value, cursor) in typed.items():
            field = self.query_one(f"#{field_id}", Input)
            field.value = value
            field.cursor_position = cursor
        self.query_one("#kind", Select).value = kind
        self.query_one("#framework", Select).value = framework
        if errors_shown:
            self.show_errors(self.check(self.collect()))
        if focused:
            self.query_one(f"#{focused}").focus()

    def collect(self) -> dict[str, Any]:
        # one line each: a tab, a line break or an ESC pasted with a name is dropped here
        values: dict[str, Any] = {name: one_line(self.query_one(f"#{name}", Input).value)
                                  for name in ("region", "province", "start", "end", "team")}
        values["kind"] = self.query_one("#kind", Select).value
        values["framework"] = self.query_one("#framework", Select).value
        values["file"] = (Path(self.query_one("#file", Input).value.strip()).expanduser()
                          if self.plan_path is None else self.plan_path)
        return values

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not values["region"]:
            errors["region"] = t("ui.first.need_region")
        if not values["province"]:
            errors["province"] = t("ui.first.need_province")
        start, end = parse_year(values["start"]), parse_year(values["end"])
        if start is None:
            errors["start"] = t("ui.form.need_year", value=values["start"])
        if end is None:
            errors["end"] = t("ui.form.need_year", value=values["end"])
        elif start is not None and end < start:
            errors["end"] = t("ui.first.end_before_start", start=start, end=end)
        if not values["team"]:
            errors["team"] = t("ui.first.need_team")
        path: Path = values["file"]
        bad_name = bad_name_message(path.name) if path.name else None  # before exists(): CON "exists"
        if self.plan_path is None:
            if not str(path).strip() or path.name == "":
                errors["file"] = t("ui.first.need_file")
            elif bad_name is not None:
                errors["file"] = bad_name
            elif path.exists():
                errors["file"] = t("ui.first.file_exists", path=path)
            elif path.suffix.lower() != ".json":
                errors["file"] = t("ui.first.need_json")
        elif bad_name is not None:  # the plan named on the command line, where the form says it
            errors.setdefault("region", bad_name)
        return errors

    def build(self, values: dict[str, Any]) -> PlanStore | None:
        path: Path = values["file"]
        chosen = next((f for f in self.frameworks if f.id == values.get("framework")), frameworks.default())
        info = PlanInfo(region=values["region"], region_kind=str(values["kind"]), province=values["province"],
                        start_year=int(values["start"]), end_year=int(values["end"]))
        info.framework, info.framework_version = frameworks.stored_ref(chosen)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return PlanStore.create(path, info, values["team"])
        except StoreError as e:
            self.show_errors({"file" if self.plan_path is None else "region": e.message()})
        except OSError as e:
            self.show_errors({"file" if self.plan_path is None else "region":
                              t("ui.first.cannot_create", path=path, reason=os_reason(e))})
        return None
