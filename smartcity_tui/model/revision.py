"""Revision metadata that makes merging exact (DESIGN.md, "Identity and revision metadata").

A record's state is:
- `vv`, its version vector {replica id: counter}: every write to this record that this copy
  has seen. Counters come from one counter per replica (per plan file), so a dot is unique.
- `fields`, for each field a list of *siblings* (value, dot). Normally one; more than one
  when two replicas wrote the field concurrently: a conflict kept until a person settles it.
- the field `_deleted` is an ordinary register: `False` (alive) or a tombstone, which holds
  the version vector the deleter had seen. An edit whose dot that vector does not cover was
  made without knowing of the delete: delete versus edit, a conflict, never a silent loss.

Merging two states of one record keeps, per field, each sibling that the other side also
has or has not seen; a sibling the other side has seen but no longer holds was overwritten
there and is dropped. This is the classic multi-value register with causal context: merge is
commutative, associative and idempotent, and a local write (whose context is the whole `vv`)
supersedes every sibling, which is how a resolution covers both conflicting values.

Agreement is not a conflict: siblings that *mean* the same (two groups typing the same value,
two deletes of one record) are kept as the merge keeps them, so the laws above stay exactly as
they are, but a field counts as in conflict only when its siblings disagree. Whether a record
is in conflict is read off its state, never stored, so every laptop sees the same answer.

Timestamps never take part: clocks on workshop laptops are not to be trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DELETED = "_deleted"

Dot = tuple[str, int]
VersionVector = dict[str, int]


def covers(vv: VersionVector, dot: Dot) -> bool:
    return vv.get(dot[0], 0) >= dot[1]


def vv_merge(a: VersionVector, b: VersionVector) -> VersionVector:
    out = dict(a)
    for r, c in b.items():
        if c > out.get(r, 0):
            out[r] = c
    return dict(sorted(out.items()))


# slots: a plan or bundle holds one Sibling per field of every record (85,000 at 10,000
# records); without a __dict__ each takes half the memory.
@dataclass(frozen=True, slots=True)
class Sibling:
    """One value of a field and the dot of the write that set it. `value` None = cleared."""

    dot: Dot
    value: Any = None

    def sort_key(self) -> tuple[int, str]:
        return (self.dot[1], self.dot[0])


def _sorted(sibs: list[Sibling]) -> list[Sibling]:
    return sorted(sibs, key=Sibling.sort_key)


def meaning(name: str, value: Any) -> Any:
    """What a value says, for telling agreement from conflict: any tombstone means "deleted"
    (two deletes carry different version vectors but agree), anything else means itself."""
    if name == DELETED:
        return "deleted" if isinstance(value, dict) else "alive"
    return value


def disagree(name: str, sibs: list[Sibling]) -> bool:
    """The siblings of a field hold at least two different meanings: a real conflict."""
    if len(sibs) < 2:
        return False
    first = meaning(name, sibs[0].value)
    return any(meaning(name, s.value) != first for s in sibs[1:])


@dataclass(slots=True)
class RecordState:
    id: str
    kind: str
    vv: VersionVector = field(default_factory=dict)
    fields: dict[str, list[Sibling]] = field(default_factory=dict)

    # --- reading ---------------------------------------------------------------------------

    def value(self, name: str, default: Any = None) -> Any:
        """The value shown for a field: with a conflict, the sibling with the highest dot
        (counter, then replica id), the same choice on every laptop."""
        sibs = self.fields.get(name)
        if not sibs:
            return default
        v = sibs[-1].value
        return default if v is None else v

    def values(self) -> dict[str, Any]:
        """Shown value of every (non-internal) field, None-valued ones left out."""
        out = {}
        for name, sibs in self.fields.items():
            if name == DELETED or not sibs or sibs[-1].value is None:
                continue
            out[name] = sibs[-1].value
        return out

    def field_conflicts(self) -> dict[str, list[Sibling]]:
        """Fields whose values disagree (the deletion register included: deleted on one side,
        restored on another). Equal values written concurrently are agreement, not listed."""
        return {n: list(s) for n, s in self.fields.items() if disagree(n, s)}

    def tombstones(self) -> list[Sibling]:
        return [s for s in self.fields.get(DELETED, []) if isinstance(s.value, dict)]

    def unseen_by_deleters(self, sib: Sibling) -> bool:
        """No delete of this record had seen this write: it was made while the record was
        being deleted elsewhere. (One deleter that had seen it and deleted anyway settles it:
        two groups deleting, one of them after the edit, is a knowing delete.)"""
        return not any(covers(t.value, sib.dot) for t in self.tombstones())

    def delete_conflict(self) -> bool:
        """A tombstone exists and some field holds a write no deleter had seen."""
        stones = self.tombstones()
        if not stones:
            return False
        for name, sibs in self.fields.items():
            if name == DELETED:
                continue
            for s in sibs:
                if not any(covers(t.value, s.dot) for t in stones):
                    return True
        return False

    @property
    def deleted(self) -> bool:
        """Hidden from the plan: the shown deletion value is a tombstone and no edit races it.
        A record in a delete-versus-edit conflict stays visible, so nobody's work vanishes."""
        return isinstance(self.value(DELETED), dict) and not self.delete_conflict()

    def has_conflict(self) -> bool:
        # (field_conflicts() without building its dict: the store asks this of every record)
        return any(disagree(n, s) for n, s in self.fields.items() if len(s) > 1) or self.delete_conflict()

    # --- writing ---------------------------------------------------------------------------

    def write(self, name: str, value: Any, dot: Dot) -> None:
        """A local write: its context is this whole state, so it supersedes every sibling."""
        if covers(self.vv, dot):
            raise ValueError(f"dot {dot} is not new for record {self.id}")
        self.vv = vv_merge(self.vv, {dot[0]: dot[1]})
        self.fields[name] = [Sibling(dot, value)]

    def tombstone_value(self, dot: Dot) -> dict[str, int]:
        """What a delete at `dot` writes: everything this copy has seen, and the delete."""
        return vv_merge(self.vv, {dot[0]: dot[1]})

    # --- wire form (plan file and bundles) -------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        fields = {}
        for name in sorted(self.fields):
            sibs = []
            for s in self.fields[name]:
                d: dict[str, Any] = {"d": [s.dot[0], s.dot[1]]}
                if s.value is not None:
                    d["v"] = s.value
                sibs.append(d)
            fields[name] = sibs
        return {"id": self.id, "kind": self.kind, "vv": dict(sorted(self.vv.items())), "f": fields}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> RecordState:
        """Build from the wire form. Raises ValueError with a plain reason when malformed;
        bundle readers check more strictly before calling this."""
        if not isinstance(raw, dict):
            raise ValueError("a record must be a table")
        rid, kind, vv, fields = raw.get("id"), raw.get("kind"), raw.get("vv", {}), raw.get("f", {})
        if not isinstance(rid, str) or not rid:
            raise ValueError("record without an id")
        if not isinstance(kind, str) or not kind:
            raise ValueError(f"record {rid} has no kind")
        if not isinstance(vv, dict) or not all(
            isinstance(r, str) and isinstance(c, int) and not isinstance(c, bool) and c > 0
            for r, c in vv.items()
        ):
            raise ValueError(f"record {rid} has a malformed version vector")
        if not isinstance(fields, dict):
            raise ValueError(f"record {rid} has malformed fields")
        out: dict[str, list[Sibling]] = {}
        # Opening a plan runs this for every record (85,000 values at 10,000 records), so:
        # one tuple per distinct dot (a record's fields mostly share the dot of the write
        # that created it), and the repeat check and sort only for fields with several values.
        dots: dict[tuple[str, int], Dot] = {}
        for name, sibs in fields.items():
            if not isinstance(sibs, list) or not sibs:
                raise ValueError(f"record {rid} field {name!r} has no values")
            parsed = []
            for s in sibs:
                d = s.get("d") if isinstance(s, dict) else None
                if (
                    type(d) is not list or len(d) != 2 or type(d[0]) is not str
                    or type(d[1]) is not int or d[1] <= 0  # type(...) is int: no bools
                ):
                    raise ValueError(f"record {rid} field {name!r} has a malformed dot")
                key = (d[0], d[1])
                dot = dots.get(key)
                if dot is None:
                    if not covers(vv, key):
                        raise ValueError(f"record {rid} field {name!r} has a dot its version vector does not cover")
                    dot = dots[key] = key
                parsed.append(Sibling(dot, s.get("v")))
            if len(parsed) > 1:
                if len({p.dot for p in parsed}) != len(parsed):
                    raise ValueError(f"record {rid} field {name!r} repeats a dot")
                parsed = _sorted(parsed)
            out[name] = parsed
        return cls(rid, kind, dict(sorted(vv.items())), out)

    def copy(self) -> RecordState:
        return RecordState(self.id, self.kind, dict(self.vv), {k: list(v) for k, v in self.fields.items()})


def merge_states(a: RecordState, b: RecordState) -> RecordState:
    """Merge two copies of one record, field by field. Pure; commutative, associative,
    idempotent."""
    if a.id != b.id:
        raise ValueError(f"cannot merge records {a.id} and {b.id}")
    fields: dict[str, list[Sibling]] = {}
    avv, bvv, af, bf = a.vv, b.vv, a.fields, b.fields
    for name in sorted(af.keys() | bf.keys()):
        sa = af.get(name, [])
        sb = bf.get(name, [])
        if len(sa) == 1 and len(sb) == 1:
            # The common case, one value on each side, without building sets (a merge of six
            # bundles of thousands of records does this hundreds of thousands of times). The
            # same rule as below: keep a value unless the other side has seen its dot and
            # holds it no longer.
            x, y = sa[0], sb[0]
            if x.dot == y.dot:
                fields[name] = [x]
                continue
            keep_x = bvv.get(x.dot[0], 0) < x.dot[1]
            keep_y = avv.get(y.dot[0], 0) < y.dot[1]
            if keep_x and keep_y:
                fields[name] = [x, y] if x.sort_key() < y.sort_key() else [y, x]
            elif keep_x:
                fields[name] = [x]
            elif keep_y:
                fields[name] = [y]
            continue
        dots_a = {s.dot for s in sa}
        dots_b = {s.dot for s in sb}
        keep = [s for s in sa if s.dot in dots_b or not covers(b.vv, s.dot)]
        keep += [s for s in sb if s.dot not in dots_a and not covers(a.vv, s.dot)]
        if keep:
            fields[name] = _sorted(keep)
    # Kind is fixed at creation; should two copies ever disagree, pick one the same way
    # everywhere rather than fail a whole merge.
    kind = min(a.kind, b.kind)
    return RecordState(a.id, kind, vv_merge(a.vv, b.vv), fields)
