"""The end of the book: BAB VII Kelembagaan (the Dewan Smart City, the Tim Pelaksana and the
Forum with their members), BAB VIII Penutup, and, while merge conflicts are open, an
appendix listing them with every value, so nobody mistakes an unsettled draft for a final one."""

from __future__ import annotations

from typing import Any

from ..i18n import t
from ..model import narrative as model_narrative
from ..model.labels import field_label
from ..model.revision import DELETED, RecordState, Sibling, covers, meaning
from ..model.vocab import INSTITUTION_BODIES, PENTAHELIX_ROLES
from .common import Context, number, table
from .tree import Chapter, Inline, Paragraph, Section, Span, lines, plain, strong, text_of

_NAME_FIELDS = ("name", "text", "title", "topic", "region", "role")
_PLACE_FIELDS = ("order", "programme_id")  # where a record sits, not what anyone wrote in it


def institutions(ctx: Context) -> Chapter:
    sections = []
    for body in INSTITUTION_BODIES:
        members = model_narrative.members(ctx.plan, body.key)
        title = plain(body.label(ctx.lang))
        if not members:
            sections.append(Section(title, [ctx.note("no_members")]))
            continue
        rows = [[plain(str(n)), plain(m.role or "-"), plain(m.name or "-"), plain(m.agency or "-"),
                 plain(PENTAHELIX_ROLES.label(m.pentahelix, ctx.lang) if m.pentahelix else "-")]
                for n, m in enumerate(members, 1)]
        header = [ctx.L(f"col.{k}") for k in ("no", "role", "name", "agency", "pentahelix")]
        sections.append(Section(title, [table(
            ctx.L("table.members", body=body.label(ctx.lang)), header, rows, source=ctx.source("secretariat"),
            align="cllll", widths=(1, 4, 4, 5, 2), kind="members")]))
    unknown = [m for m in model_narrative.members(ctx.plan) if m.body not in INSTITUTION_BODIES]
    if unknown:
        rows = [[plain(m.body), plain(m.role or "-"), plain(m.name or "-"), plain(m.agency or "-")] for m in unknown]
        header = [ctx.L(f"col.{k}") for k in ("body", "role", "name", "agency")]
        sections.append(Section(plain(ctx.L("sec.other_bodies")), [table(
            ctx.L("table.other_members"), header, rows, source=ctx.source("secretariat"), kind="members")]))
    return Chapter(ctx.L("ch.institutions"), ctx.narrative("institutions"), sections)


def closing(ctx: Context) -> Chapter:
    return Chapter(ctx.L("ch.closing"), ctx.narrative("closing"))


def conflicts_appendix(ctx: Context) -> list[Chapter]:
    if not ctx.conflicts:
        return []
    rows: list[list[Inline]] = []
    for state in sorted(ctx.conflicts, key=lambda s: (s.kind, s.id)):
        rows += _conflict_rows(ctx, state)
    header = [ctx.L("col.record"), ctx.L("col.field"), ctx.L("col.values")]
    return [Chapter(ctx.L("ch.conflicts"), [Paragraph(plain(ctx.L("conflicts_intro"))), table(
        ctx.L("table.conflicts"), header, rows, source=ctx.source("merge"), widths=(5, 3, 6), kind="conflicts")],
        numbered=False)]


def _conflict_rows(ctx: Context, state: RecordState) -> list[list[Inline]]:
    """What `smartcity-tui conflicts` says of one record, as rows: every value with the
    team that wrote it and the one this book prints marked; for a delete versus an edit, who
    deleted, and each field edited meanwhile with its value and who edited it."""
    title = plain(_record_title(ctx, state))
    rows: list[list[Inline]] = []
    orphan = _programme_deleted(ctx, state, title)
    if orphan:
        rows.append(orphan)
    elif state.delete_conflict():
        deleters = list(dict.fromkeys(_who(ctx, s) for s in state.tombstones()))
        found = [plain(ctx.L("conflict.deleted_by", who=", ".join(deleters)))]
        for name, sibs in sorted(state.fields.items()):
            if name == DELETED:
                continue
            for s in sibs:
                if state.unseen_by_deleters(s):  # an edit made without knowing of the delete
                    text = ctx.L("conflict.edited_by", who=_who(ctx, s), field=_field_label(name, ctx.lang),
                                 value=text_of(_value(ctx, s.value)))
                    found.append(_marked(ctx, plain(text), s is sibs[-1]))
        rows.append([title, plain(ctx.L("conflict.deleted_vs_edit")), lines(*found)])
    for name, sibs in sorted(state.field_conflicts().items()):
        if name == DELETED:
            if not state.delete_conflict():  # deleted in one draft, restored in another
                rows.append([title, plain(ctx.L("conflict.deleted_vs_edit")), _values(ctx, name, sibs)])
            continue
        rows.append([title, plain(_field_label(name, ctx.lang)), _values(ctx, name, sibs)])
    return rows


def _programme_deleted(ctx: Context, state: RecordState, title: Inline) -> list[Inline]:
    """An indicator or milestone added or edited by one group while another deleted its
    programme: who deleted which programme, and each value written without knowing of it
    (what the conflict screen offers to keep, bringing the programme back)."""
    if state.kind not in ("indicator", "milestone"):
        return []
    deleted = ctx.parents.get(str(state.value("programme_id") or ""))
    if deleted is None:
        return []
    # the deletes the conflicts screen names: the group's, also once the secretariat has
    # chosen to delete the programme after all (model/deletes.py)
    stones = deleted.deletes + state.tombstones()
    deleters = ", ".join(dict.fromkeys(_who(ctx, s) for s in deleted.deletes))
    found = [plain(ctx.L("conflict.programme_deleted_by", programme=_record_title(ctx, deleted.state), who=deleters))]
    fields = {name: sibs for name, sibs in sorted(state.fields.items()) if name != DELETED}
    unseen = {name: [s for s in sibs if not any(covers(st.value, s.dot) for st in stones)]
              for name, sibs in fields.items()}
    if all(len(unseen[name]) == len(sibs) for name, sibs in fields.items()):
        # none of it was known to the deleters: added meanwhile, its fields are the record itself
        adders = dict.fromkeys(_who(ctx, s) for sibs in fields.values() for s in sibs)
        found.append(plain(ctx.L("conflict.added_by", who=", ".join(adders))))
    else:
        for name, sibs in unseen.items():
            for s in sibs if name not in _PLACE_FIELDS else ():
                found.append(plain(ctx.L("conflict.edited_by", who=_who(ctx, s), field=_field_label(name, ctx.lang),
                                         value=text_of(_value(ctx, s.value)))))
    return [title, plain(ctx.L("conflict.programme_deleted")), lines(*found)]


def _values(ctx: Context, name: str, sibs: list[Sibling]) -> Inline:
    """One line per different value, each naming every team that wrote it, in the order the
    store keeps them, so the last is the one printed (RecordState.value), as the CLI shows."""
    groups: dict[Any, list[Sibling]] = {}
    for s in sibs:
        groups.setdefault(_meaning_key(name, s.value), []).append(s)
    ordered = sorted(groups.values(), key=lambda g: g[-1].sort_key())
    out = []
    for n, members in enumerate(ordered, 1):
        value = members[-1].value
        if name == DELETED:
            text = ctx.L("conflict.deleted" if isinstance(value, dict) else "conflict.kept")
        else:
            text = text_of(_value(ctx, value))
        who = ", ".join(dict.fromkeys(_who(ctx, s) for s in members))
        out.append(_marked(ctx, plain(ctx.L("conflict.value_by", value=text, who=who)), n == len(ordered)))
    return lines(*out)


def _meaning_key(name: str, value: Any) -> Any:
    """What a value says, hashable: teams that wrote the same value agree on it."""
    return repr(meaning(name, value))


def _who(ctx: Context, sib: Sibling) -> str:
    replica = sib.dot[0]
    return ctx.teams.get(replica) or replica


def _marked(ctx: Context, line: Inline, printed: bool) -> Inline:
    return (*line, Span(" "), *strong(ctx.L("conflict.printed"))) if printed and line else line


def _record_title(ctx: Context, state: RecordState) -> str:
    kind_key = f"merge.kind.{state.kind}"
    kind = t(kind_key, ctx.lang)
    kind = state.kind if kind == kind_key else kind
    texts = (state.value(f) for f in _NAME_FIELDS)
    name = next((v for v in texts if isinstance(v, str) and v.strip()), "")
    name = " ".join(name.split())
    code = state.value("code") if isinstance(state.value("code"), str) else ""
    label = " ".join(x for x in (code, name[:80] + ("..." if len(name) > 80 else "")) if x)
    return f"{kind}: {label}" if label else kind


def _field_label(name: str, lang: str) -> str:
    """The field's name for people (the merge catalog names them, a budget cell its source
    and year), else its key."""
    return field_label(name, lang)


def _value(ctx: Context, v: Any) -> Inline:
    if v is None:
        return plain(ctx.L("conflict.empty"))
    if isinstance(v, bool):
        return plain(ctx.yes_no(v))
    if isinstance(v, (int, float)):
        return plain(number(v))
    if isinstance(v, str):
        return plain(" ".join(v.split())) if v.strip() else plain(ctx.L("conflict.empty"))
    if isinstance(v, list):
        texts = [_text(x.get("name", x) if isinstance(x, dict) else x) for x in v]
        return plain(", ".join(texts) if texts else ctx.L("conflict.empty"))
    if isinstance(v, dict):
        return plain("; ".join(f"{k}: {_text(x)}" for k, x in v.items()) or ctx.L("conflict.empty"))
    return plain(str(v))


def _text(v: Any) -> str:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return number(v)
    return " ".join(str(v).split())
