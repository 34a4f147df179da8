"""render_markdown: the masterplan book as Markdown, for the bundle's masterplan.md and the
`render` command. The book itself is built and written by smartcity_tui/document; this name
stays for the callers that knew it here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..document import build_document, write_markdown
from ..model.deletes import DeletedProgramme
from ..model.plan import Plan
from ..model.revision import RecordState


def render_markdown(plan: Plan, *, lang: str = "id", conflicts: Iterable[RecordState] = (),
                    teams: Mapping[str, str] | None = None,
                    parents: Mapping[str, DeletedProgramme] | None = None) -> str:
    return write_markdown(build_document(plan, lang=lang, conflicts=conflicts, teams=teams, parents=parents))
