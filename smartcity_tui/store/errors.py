"""What can go wrong with a plan file, each with a message for a person: what happened and
what to do. Raised by the store; the CLI and the app print `message()` and change nothing."""

from __future__ import annotations

from collections.abc import Mapping
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
    readable backups, newest first, for the user to restore. Restoring is offered only for
    damaged content: a file the disk or OneDrive would not hand over (`io_error`) may well
    be intact, and a backup put over it would lose every edit since."""

    key = "store.unreadable"

    def __init__(self, path: Path | str, reason: str | Reason, backups: list[Path] | None = None, *,
                 hint_key: str | None = None, hint_params: Mapping[str, str] | None = None) -> None:
        if not isinstance(reason, Reason):  # a parser's or check's own words: a detail
            reason = Reason("reason.damaged", reason)
        self.backups = backups or []
        self.io_error = reason.key not in CONTENT_REASONS
        # not a plan at all (a bundle, a sheet, a folder): no backup helps, and none may be
        # put in its place (restore refuses it as it refuses a file the disk held back)
        self.not_a_plan = hint_key is not None
        if hint_key is not None:
            self.io_error = False
            self.backups = []
        elif self.io_error:
            hint_key = "store.unreadable_io"
        else:
            hint_key = "store.unreadable_has_backup" if self.backups else "store.unreadable_no_backup"
        self.hint_key: str = hint_key
        self.recovered: list[Path] = []
        super().__init__(path, reason=reason, backup=str(self.backups[0]) if self.backups else "",
                         **(hint_params or {}))

    def offer(self, copies: list[Path]) -> None:
        """A whole copy of the plan's last save survives beside it (a temp file a cut-short
        save left, or a copy kept from one, `copies[0]` the newest): offered before any
        backup, which is older. `restore PLAN` puts the newest of them all back."""
        if not copies or self.io_error or self.not_a_plan:
            return
        self.recovered = copies
        self.hint_key = "store.unreadable_recovered"
        self.params["copy"] = str(copies[0])

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params) + " " + t(self.hint_key, lang, **self.params)


# Reasons that are about what the file holds, not about getting it off the disk.
CONTENT_REASONS = ("reason.damaged", "reason.not_plan", "reason.not_utf8", "reason.too_deep", "reason.schema_missing",
                   "reason.record_twice", "reason.plan_record_missing")


class PlanTooNew(StoreError):
    key = "store.too_new"


class PlanLocked(StoreError):
    """Another session holds the plan. `live`: the operating system says its holder is
    running, so --break-lock cannot help (and the message does not offer it)."""

    key = "store.locked"

    def __init__(self, path: Path | str, holder: str = "?", live: bool = False) -> None:
        self.live = live
        if live:
            self.key = "store.locked_live"
        super().__init__(path, holder=holder)


class PlanReadOnly(StoreError):
    """A write to a store that is open to read only. `reason` (an i18n Reason) says why, when
    the plan was opened read-only because it cannot be written where it is (a write-protected
    drive, a read-only folder or file); None when read-only was asked for."""

    key = "store.read_only"

    def __init__(self, path: Path | str, reason: Reason | None = None) -> None:
        self.reason = reason
        if reason is not None:
            self.key = "store.read_only_because"
        super().__init__(path, reason=reason or "")


class PlanWriteFailed(StoreError):
    key = "store.write_failed"


class PlanChangedOnDisk(StoreError):
    """The file was replaced by another program since this store read or wrote it (a `git
    checkout` or `pull`, a sync client, a copy dragged over it): writing now would throw that
    content away. Nothing was written; the edit is still in the form."""

    key = "store.changed_on_disk"


class PlanLockFailed(StoreError):
    """The lock could not be taken for a reason of the disk (a path too long, a file held by
    another program): the plan is not opened for writing, nothing was changed."""

    key = "store.lock_failed"


class PlanMissingRecovered(StoreError):
    """The plan file is gone, but a complete copy of it survives: a save cut short (a pulled
    flash drive, a power cut) left it as a temp file, now kept as `recovered`."""

    key = "store.missing_recovered"

    def __init__(self, path: Path | str, recovered: list[Path]) -> None:
        self.recovered = recovered
        super().__init__(path, copy=str(recovered[0]))

