"""Who deleted a programme, for what its indicators and milestones left in conflict say (the
conflicts screen, `conflicts`, the book's appendix): one answer for all of them, so the
printed draft names the group the screen names."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .revision import RecordState, Sibling, covers

Find = Callable[[str], RecordState | None]
ChildrenOf = Callable[[str], Iterable[str]]


def programme_deletes(parent: RecordState, find: Find, children_of: ChildrenOf) -> list[Sibling]:
    """The deletes that took a deleted programme, for its children's conflicts to name: its
    tombstones, except that one written knowing of an earlier delete (the officer's d on a
    delete-versus-edit conflict covers every value) gives way to that earlier delete, whose
    tombstone the programme no longer holds (QA round #9 named the secretariat). Its children
    still carry it: a programme's delete takes them in the same write, so with the dot the
    programme's version vector ends at for that replica, and which none of its values holds."""
    stones = parent.tombstones()
    kept = {s.dot for sibs in parent.fields.values() for s in sibs}
    earlier: dict[tuple[str, int], Sibling] = {}
    for cid in sorted(children_of(parent.id)):
        child = find(cid)
        for s in child.tombstones() if child is not None else ():
            if (s.dot not in kept and parent.vv.get(s.dot[0]) == s.dot[1]
                    and any(covers(st.value, s.dot) for st in stones)):
                earlier.setdefault(s.dot, s)
    if not earlier:
        return stones
    later = [st for st in stones if not any(covers(st.value, dot) for dot in earlier)]
    return sorted([*later, *earlier.values()], key=Sibling.sort_key)


@dataclass(frozen=True)
class DeletedProgramme:
    """A deleted programme that an indicator or milestone in conflict still names: its state
    (its name, its code) and the deletes that took it (`programme_deletes`)."""

    state: RecordState
    deletes: list[Sibling]
