"""What a bundle holds and where (docs/bundle-format.md is the full specification).

Kept in one place so the writer, the reader and the spec cannot drift apart."""

from __future__ import annotations

from ..model.vocab import PILLAR_KEYS

FORMAT_NAME = "smartcity-tui-bundle"
# 2: budgets per funding source and year (one field per cell), targets as records, the
# verifier's new fields, the plan's framework (its dimensions name the pillar files); a
# format-1 bundle is read through model/legacy.py, on the six pillars (docs/bundle-format.md)
FORMAT_VERSION = 2

MANIFEST = "manifest.toml"
PLAN_FILE = "plan.toml"
MARKDOWN = "masterplan.md"
HTML = "masterplan.html"  # the same book as one self-contained HTML file (print to PDF, open in Word)
PILLAR_DIR = "pillars"


def pillar_file(key: str) -> str:
    return f"{PILLAR_DIR}/{key}.toml"


def pillar_files(keys: tuple[str, ...]) -> dict[str, str]:
    """A pillar file per dimension of a framework, in its order."""
    return {key: pillar_file(key) for key in keys}


def key_of_file(rel: str) -> str | None:
    """The dimension key a `pillars/<key>.toml` path stands for, else None."""
    if rel.startswith(f"{PILLAR_DIR}/") and rel.endswith(".toml") and rel.count("/") == 1:
        return rel[len(PILLAR_DIR) + 1:-len(".toml")]
    return None


# The six pillars' files: every format-1 bundle has exactly these.
PILLAR_FILES: dict[str, str] = pillar_files(PILLAR_KEYS)
# The record files of a format-1 bundle, in the order they are written and checked.
DATA_FILES: tuple[str, ...] = (PLAN_FILE, *PILLAR_FILES.values())


def data_files(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The record files of a bundle of a framework with these dimension keys."""
    return (PLAN_FILE, *pillar_files(keys).values())


# Keys of a record file that are not arrays of records: plan.toml names the framework (format
# 2), a pillar file its dimension.
HEADER_KEYS = ("plan_id", "framework", "framework_version", "pillar")
# Arrays of records in a file, in the order they are written; a kind not listed here (from a
# newer app) follows, sorted by name.
KIND_ORDER = ("plan", "readiness", "target", "narrative", "regulation", "member", "swot", "strategy", "programme",
              "indicator", "milestone")
PLAN_KINDS = ("plan", "readiness", "target", "narrative", "regulation", "member")
PILLAR_KINDS = ("swot", "strategy", "programme")  # carry their own pillar
PROGRAMME_CHILD_KINDS = ("indicator", "milestone")  # go with their programme's pillar

# Limits for untrusted bundles. A real plan of 10,000 records is ~8 MB of TOML in all; these
# leave room for far bigger plans while keeping a crafted bundle from exhausting memory.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_ZIP_MEMBERS = 1000
MAX_STRING_CHARS = 1_000_000  # ~300 pages of text in one field
MAX_NESTING = 16  # tables and arrays inside a record value
# The manifest's `teams`: every replica the plan knows. Each writing session of a plan file
# may take a fresh replica id, so a plan met often has heard of thousands.
MAX_TEAMS = 100_000
MAX_TEAM_CHARS = 200  # a team's name there
