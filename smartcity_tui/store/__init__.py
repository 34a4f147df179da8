"""The plan file: durable TinyDB storage, lock, backups, schema and migrations, revision
metadata on every write, undo journal. Never imports the UI."""

from .errors import (
    PlanChangedOnDisk,
    PlanExists,
    PlanLocked,
    PlanLockFailed,
    PlanMissingRecovered,
    PlanNotFound,
    PlanReadOnly,
    PlanTooNew,
    PlanUnreadable,
    PlanWriteFailed,
    StoreError,
)
from .plan_store import PlanStore

__all__ = [
    "PlanChangedOnDisk",
    "PlanExists",
    "PlanLockFailed",
    "PlanLocked",
    "PlanMissingRecovered",
    "PlanNotFound",
    "PlanReadOnly",
    "PlanStore",
    "PlanTooNew",
    "PlanUnreadable",
    "PlanWriteFailed",
    "StoreError",
]
