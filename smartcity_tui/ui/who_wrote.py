"""Who wrote this, in words: the working group that wrote a record ("Diubah oleh Pokja
Ekonomi"), and the fields other groups changed last ("OPD penanggung jawab: oleh Sekretariat").
The programme detail shows it; on the pillar screen `o` (oleh) tells it for the record under
the cursor."""

from __future__ import annotations

from ..bundle.authors import Author, record_authors
from ..bundle.merge_conflicts import title_of
from ..i18n import t
from ..model.labels import field_label
from .app import SmartCityApp


def group_name(author: Author, lang: str | None = None) -> str:
    """The team's name; a replica no bundle has named yet by the start of its id."""
    return author.team or t("ui.authors.unnamed", lang, replica=author.replica[:8])


def changed_by(authors: list[Author], lang: str | None = None) -> str:
    """One line: the group that set most of what the record shows, then which fields others set."""
    if not authors:
        return ""
    line = t("ui.authors.changed_by", lang, who=group_name(authors[0], lang))
    others = [t("ui.authors.fields_by", lang, who=group_name(a, lang),
                fields=", ".join(field_label(f, lang) for f in a.fields)) for a in authors[1:]]
    return "; ".join([line, *others])


def tell_who(app: SmartCityApp, record_id: str | None) -> None:
    """Notify who changed the record (the pillar screen's `o`)."""
    store = app.store
    state = store.state(record_id) if store is not None and record_id else None
    if store is None or state is None or record_id is None:
        app.notify(t("ui.authors.nothing_selected"), severity="warning")
        return
    app.notify(changed_by(record_authors(store, record_id)), title=title_of(state), timeout=10)
