"""Refuse a bundle whose merge would erase a field: one of its records says (by its `vv`) that
it has seen a value of a field, yet holds no value for that field that the merge keeps.

Why this can only be another program's doing: a field, once written, always travels with at
least one sibling (a clear is a sibling without `v`, with a dot of its own), and a copy that
has seen a write holds either it or the later write that replaced it knowingly. So in every
real history a merge keeps at least one value of every field either side holds (the property
tests of tests/merge/ check it). A bundle whose line `f.name = ...` was deleted, its checksums
recomputed, breaks this: `merge_states` would read "their vv covers our dot and they no longer
hold it" as an overwrite and drop the plan's value, with no conflict and no trace.

The bundle format gives an absent field no other meaning: "absent = its default" is how a
record that never had the field reads (docs/bundle-format.md, section 6), and such a record
has not seen any write to it. Keeping the plan's value instead would make the merge depend on
which side is the plan, breaking commutativity; refusing says what happened and loses
nothing. The check runs on the merged records before anything is written, so a refused merge
leaves the plan file as it was."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..i18n import CATALOGS
from ..model.revision import RecordState, covers, merge_states
from .errors import BundleError
from .merge import BundleLike, MergeError
from .record_file import line_of_record
from .stream import normalized


# both bases keep `params`, typed a little differently (str values in MergeError); the
# BundleError's (set by its __init__, the only one run) is the one used
class BundleRefused(BundleError, MergeError):  # type: ignore[misc]
    """A bundle refused while merging, not while reading: a BundleError for what it says
    (bundle, file, line; `--json` gives them) and a MergeError for whoever handles a merge's
    refusals (the command, the merge screen)."""


def erased(before: RecordState, after: RecordState) -> str | None:
    """The first field `before` holds a value for and `after` holds none for."""
    return next((name for name in sorted(before.fields) if name not in after.fields), None)


def check_nothing_erased(bundles: Sequence[BundleLike], current: Mapping[str, RecordState],
                         incoming: Mapping[str, RecordState], changed: Mapping[str, RecordState]) -> None:
    """Raise BundleRefused when merging erases a field of the plan (`current` -> `changed`) or
    of one bundle (its states -> `incoming`, the bundles merged together)."""
    # (the common case costs one comparison of field names per record)
    for rid, new in changed.items():
        cur = current.get(rid)
        if cur is not None and not cur.fields.keys() <= new.fields.keys():
            _refuse(bundles, rid, cur, erased(cur, new) or "")
    for b in bundles:
        for s in b.states:
            if not s.fields.keys() <= incoming[s.id].fields.keys():
                _refuse(bundles, s.id, current.get(s.id), erased(s, incoming[s.id]) or "")


def _refuse(bundles: Sequence[BundleLike], rid: str, plan_copy: RecordState | None, name: str) -> None:
    """Find the bundle to blame for field `name` of record `rid` vanishing: one whose copy of
    the record, merged into another copy (the plan's or another bundle's), empties a field
    that copy holds."""
    theirs = [(b, s) for b in bundles for s in b.states if s.id == rid]
    others: list[RecordState] = ([plan_copy] if plan_copy is not None else []) + [s for _, s in theirs]
    for b, mine in theirs:
        for other in others:
            if other is not mine and (gone := erased(other, merge_states(other, mine))) is not None:
                raise _error(b, mine, other, gone)
    # A forgery that only a third copy completes (no pair alone empties the field): the
    # bundle that has seen a value of the field it does not hold.
    for b, mine in theirs:
        held = {s.dot for s in mine.fields.get(name, [])}
        for other in others:
            if any(covers(mine.vv, s.dot) and s.dot not in held for s in other.fields.get(name, [])):
                raise _error(b, mine, other, name)
    b, mine = theirs[0]
    raise _error(b, mine, plan_copy or mine, name)


def _error(bundle: BundleLike, mine: RecordState, other: RecordState, name: str) -> BundleRefused:
    from .merge_conflicts import title_of  # it imports merge, as this module's importer does

    file, line = where(bundle, mine.id)
    kind_key = f"bundle.md.kind.{mine.kind}"
    kind: dict[str, Any] = {"kind_msg": kind_key} if kind_key in CATALOGS.get("id", {}) else {"kind": mine.kind}
    key = "erases_value" if name in mine.fields else "erases_field"
    # the title from the copy that still holds every field (the bundle's may lack the name)
    return BundleRefused(key, file, line, bundle=str(bundle.path), title=title_of(other), id=mine.id,
                         field=name, **kind)


def where(bundle: BundleLike, rid: str) -> tuple[str, int | None]:
    """The record file and line of a record in a bundle, read again from the bundle (a
    refusal is rare; keeping every record's place while reading would cost memory on
    every merge). ("", None) when the bundle cannot be read again or is a stand-in."""
    from .source import open_source

    try:
        source = open_source(Path(str(bundle.path)))
    except (BundleError, OSError):
        return "", None
    try:
        for rel in getattr(bundle, "files", ()):
            text = normalized(source.read(rel, count=False)).decode("utf-8", errors="replace")
            line = line_of_record(text, rid)
            if line is not None:
                return rel, line
    except (BundleError, OSError):
        pass
    finally:
        source.close()
    return "", None
