"""A bundle writer built from docs/bundle-format.md alone, as a stranger would build one: it
imports nothing of the app's writer, only the standard library. Its input is what any writer
has: the plan's records in the wire form of section 5 (JSON-like dicts) and the exporting
copy's facts (plan id, replica id, team, the teams it knows). test_bundle_spec.py compares
its bytes with the app's export."""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal
from pathlib import Path

# Section 1: the framework's files are published beside the app (docs/frameworks.md); a writer
# reads the dimension keys of the plan's framework from its file.
FRAMEWORK_FILES = Path(__file__).resolve().parents[2] / "smartcity_tui" / "model" / "frameworks"
DEFAULT_FRAMEWORK = ("gerakan-100-smart-city", "2017")  # section 3: a plan record naming none
KIND_ORDER = ("plan", "readiness", "target", "narrative", "regulation", "member", "swot", "strategy",
              "programme", "indicator", "milestone")  # section 4 (format 2)
BARE = re.compile(r"[A-Za-z0-9_-]+")
SHORT = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


# --- section 2: values ------------------------------------------------------------------

def string(s: str) -> str:
    out = []
    for c in s:
        if c in SHORT:
            out.append(SHORT[c])
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def key(k: str) -> str:
    return k if BARE.fullmatch(k) else string(k)


def number(x: float) -> str:
    # the shortest round-trip digits, positional for 1e-4 <= |x| < 1e16, else d.ddde+XX
    assert math.isfinite(x)
    if x == 0:
        return "-0.0" if math.copysign(1, x) < 0 else "0.0"
    digits, exp = _shortest(abs(x))
    sign = "-" if x < 0 else ""
    point = exp + 1  # position of the decimal point after the first digit
    if 1e-4 <= abs(x) < 1e16:
        if point <= 0:
            return f"{sign}0.{'0' * -point}{digits}"
        if point >= len(digits):
            return f"{sign}{digits}{'0' * (point - len(digits))}.0"
        return f"{sign}{digits[:point]}.{digits[point:]}"
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{sign}{mantissa}e{'-' if exp < 0 else '+'}{abs(exp):02d}"


def _shortest(x: float) -> tuple[str, int]:
    """(significant digits, decimal exponent of the first) of the decimal with the fewest
    significant digits that reads back as x; of two such, the nearer to x's exact value, on a
    tie the one ending in an even digit."""
    exact = Decimal(x)
    for n in range(1, 18):
        fits = []
        for rounding in (ROUND_FLOOR, ROUND_CEILING):
            d = Context(prec=n, rounding=rounding).plus(exact)
            if float(d) == x:
                fits.append(d)
        if fits:
            best = min(fits, key=lambda d: (abs(d - exact), d.as_tuple().digits[-1] % 2))
            _sign, digits, exp = best.as_tuple()
            text = "".join(map(str, digits)).rstrip("0") or "0"
            return text, exp + len(digits) - 1
    raise AssertionError(x)


def value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return number(v)
    if isinstance(v, str):
        return string(v)
    if isinstance(v, list):
        return "[" + ", ".join(value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{key(k)} = {value(x)}" for k, x in v.items()) + " }" if v else "{}"
    raise TypeError(v)


# --- section 5: shown values, deletion, conflicts ---------------------------------------

def _siblings(rec: dict, name: str) -> list[dict]:
    return sorted(rec["f"].get(name, []), key=lambda s: (s["d"][1], s["d"][0]))


def shown(rec: dict, name: str):
    sibs = _siblings(rec, name)
    return sibs[-1].get("v") if sibs else None


def _delete_conflict(rec: dict) -> bool:
    stones = [s["v"] for s in rec["f"].get("_deleted", []) if isinstance(s.get("v"), dict)]
    if not stones:
        return False
    return any(all(stone.get(s["d"][0], 0) < s["d"][1] for stone in stones)
               for name, sibs in rec["f"].items() if name != "_deleted" for s in sibs)


def _meaning(name: str, v):
    if name == "_deleted":
        return "deleted" if isinstance(v, dict) else "alive"
    return v


def _disagree(name: str, sibs: list[dict]) -> bool:
    first = _meaning(name, sibs[0].get("v"))
    return any(_meaning(name, s.get("v")) != first for s in sibs[1:])


def is_deleted(rec: dict) -> bool:
    return isinstance(shown(rec, "_deleted"), dict) and not _delete_conflict(rec)


def has_conflict(rec: dict) -> bool:
    return any(_disagree(n, s) for n, s in rec["f"].items() if len(s) > 1) or _delete_conflict(rec)


# --- section 4: files -------------------------------------------------------------------

def kind_rank(kind: str):
    return (KIND_ORDER.index(kind), "") if kind in KIND_ORDER else (len(KIND_ORDER), kind)


def plan_framework(records: list[dict], plan_id: str) -> tuple[str, str]:
    """Section 3: the framework (id, version) the plan record's `framework` fields name."""
    plan = next(r for r in records if r["id"] == plan_id)
    fid, version = shown(plan, "framework") or "", shown(plan, "framework_version") or ""
    if not fid or (fid == DEFAULT_FRAMEWORK[0] and not version):
        return DEFAULT_FRAMEWORK
    return fid, version


def dimension_keys(framework: tuple[str, str]) -> tuple[str, ...]:
    doc = tomllib.loads((FRAMEWORK_FILES / f"{framework[0]}.toml").read_text(encoding="utf-8"))
    return tuple(d["key"] for d in doc["dimensions"])


def file_of(rec: dict, by_id: dict[str, dict], pillars: tuple[str, ...]) -> str:
    kind = rec["kind"]
    if kind in ("swot", "strategy", "programme"):
        pillar = shown(rec, "pillar")
    elif kind in ("indicator", "milestone"):
        target = by_id.get(shown(rec, "programme_id"))
        pillar = shown(target, "pillar") if target and target["kind"] == "programme" else None
    else:
        pillar = None
    return f"pillars/{pillar}.toml" if pillar in pillars else "plan.toml"


def record(rec: dict) -> str:
    lines = [f"[[{rec['kind']}]]", f"id = {string(rec['id'])}", f"kind = {string(rec['kind'])}",
             "vv = " + value(dict(sorted(rec["vv"].items())))]
    if not rec["f"]:
        lines.append("f = {}")
    for name in sorted(rec["f"]):
        sibs = []
        for s in _siblings(rec, name):
            dot = f"d = [{string(s['d'][0])}, {s['d'][1]}]"
            sibs.append("{ " + dot + (f", v = {value(s['v'])}" if "v" in s else "") + " }")
        lines.append(f"f.{key(name)} = [" + ", ".join(sibs) + "]")
    return "\n".join(lines) + "\n"


def record_files(plan_id: str, records: list[dict], framework: tuple[str, str],
                 framework_named: bool = True) -> dict[str, bytes]:
    by_id = {r["id"]: r for r in records}
    pillars = dimension_keys(framework)
    names = ["plan.toml"] + [f"pillars/{p}.toml" for p in pillars]
    groups: dict[str, list[dict]] = {n: [] for n in names}
    for r in records:
        groups[file_of(r, by_id, pillars)].append(r)
    out = {}
    for name in names:
        text = f"plan_id = {string(plan_id)}\n"
        if name == "plan.toml" and framework_named:
            text += f"framework = {string(framework[0])}\nframework_version = {string(framework[1])}\n"
        else:
            text += f"pillar = {string(name[len('pillars/'):-len('.toml')])}\n"
        for r in sorted(groups[name], key=lambda r: (kind_rank(r["kind"]), r["id"])):
            text += "\n" + record(r)
        out[name] = text.encode("utf-8")
    return out


# --- section 3: the manifest --------------------------------------------------------------

def counts(records: list[dict]) -> dict[str, int]:
    kinds: dict[str, int] = {}
    for r in records:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    return {"records": len(records), **{k: kinds[k] for k in sorted(kinds, key=kind_rank)},
            "deleted": sum(map(is_deleted, records)), "conflicts": sum(map(has_conflict, records))}


def manifest(facts: dict, records: list[dict], files: dict[str, bytes], framework: tuple[str, str]) -> bytes:
    facts = {**facts, "framework": framework[0], "framework_version": framework[1]}
    keys = ["format", "format_version", "app_version", "plan_id", "framework", "framework_version", "replica_id",
            "team", "exported_at", "language"]
    if facts["format_version"] < 2:  # format 1 named no framework: it was the six pillars
        keys = [k for k in keys if not k.startswith("framework")]
    lines = [f"{k} = {value(facts[k])}" for k in keys]
    lines += ["", "[counts]"] + [f"{k} = {n}" for k, n in counts(records).items()]
    teams = {r: name[:200] for r, name in facts["teams"].items()}
    if teams:
        lines += ["", "[teams]"] + [f"{key(r)} = {string(teams[r])}" for r in sorted(teams)]
    for name, data in files.items():
        lines += ["", f"[files.{key(name)}]", f'sha256 = "{hashlib.sha256(data).hexdigest()}"', f"size = {len(data)}"]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_bundle(facts: dict, records: list[dict], masterplan: bytes | None,
                 html: bytes | None = None) -> dict[str, bytes]:
    """The files of a bundle, manifest last. `facts`: format, format_version, app_version,
    plan_id, replica_id, team, exported_at, language, teams."""
    framework = plan_framework(records, facts["plan_id"])
    files = record_files(facts["plan_id"], records, framework, facts["format_version"] >= 2)
    if masterplan is not None:
        files["masterplan.md"] = masterplan
    if html is not None:
        files["masterplan.html"] = html
    files["manifest.toml"] = manifest(facts, records, files, framework)
    return files
