"""What can go wrong with a plan file, each with a message for a person: what happened and
what to do. Raised by the store; the CLI and the app print `message()` and change nothing."""

from __future__ import annotations

from pathlib import Path

from ..i18n import Reason, t


class StoreError(Exception):
    key = "store.error"

    def __init__(self, path: Path | str, **params: object) -> None:
        self.path = Path(path)
        self.params = {"path": str(path), **params}
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)


class PlanNotFound(StoreError):
    key = "store.not_found"


class PlanExists(StoreError):
    key = "store.exists"


class PlanUnreadable(StoreError):
    """The file is not a plan we can read. It is never overwritten; `backups` lists the
    readable backups, newest first, for the user to restore."""

    key = "store.unreadable"

    def __init__(self, path: Path | str, reason: str | Reason, backups: list[Path] | None = None) -> None:
        if not isinstance(reason, Reason):  # a parser's or check's own words: a detail
            reason = Reason("reason.damaged", reason)
        self.backups = backups or []
        hint_key = "store.unreadable_has_backup" if self.backups else "store.unreadable_no_backup"
        self.hint_key = hint_key
        super().__init__(path, reason=reason, backup=str(self.backups[0]) if self.backups else "")

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params) + " " + t(self.hint_key, lang, **self.params)


class PlanTooNew(StoreError):
    key = "store.too_new"


class PlanLocked(StoreError):
    key = "store.locked"


class PlanReadOnly(StoreError):
    key = "store.read_only"


class PlanWriteFailed(StoreError):
    key = "store.write_failed"


class PlanChangedOnDisk(StoreError):
    """The file was replaced by another program since this store read or wrote it (a `git
    checkout` or `pull`, a sync client, a copy dragged over it): writing now would throw that
    content away. Nothing was written; the edit is still in the form."""

    key = "store.changed_on_disk"
