"""The pure domain: vocabulary, records, revision metadata, the plan view and validation.
No I/O and no UI here; every other layer builds on this one."""

from .plan import Plan
from .records import (
    RECORD_TYPES,
    Indicator,
    Milestone,
    PlanInfo,
    Programme,
    Readiness,
    Record,
    Stakeholder,
    Strategy,
    SwotItem,
    new_id,
    record_type,
)
from .revision import DELETED, RecordState, Sibling, covers, merge_states, vv_merge
from .validation import ERROR, WARNING, Finding, errors, validate

__all__ = [
    "DELETED", "ERROR", "RECORD_TYPES", "WARNING", "Finding", "Indicator", "Milestone", "Plan",
    "PlanInfo", "Programme", "Readiness", "Record", "RecordState", "Sibling", "Stakeholder",
    "Strategy", "SwotItem", "covers", "errors", "merge_states", "new_id", "record_type",
    "validate", "vv_merge",
]
