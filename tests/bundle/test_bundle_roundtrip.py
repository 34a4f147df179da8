"""Export then read back gives exactly the plan's records and metadata, for any text."""

from __future__ import annotations

import math
import tomllib

from hypothesis import HealthCheck, given, settings, strategies as st
from tiers import examples

from bundle_helpers import export, make_plan, states_dicts
from smartcity_tui import __version__
from smartcity_tui.bundle import read_bundle
from smartcity_tui.bundle.layout import FORMAT_VERSION
from smartcity_tui.bundle.toml_out import record

# Text an officer might paste: quotes, TOML's own triple quotes, backslashes, every kind of
# line end, control characters, emoji, a BOM and Unicode line separators, plus anything else.
TRICKY = st.sampled_from(['"', "'", '"""', "'''", "\\", "\\u0041", "\n", "\r\n", "\r", "\t", "\x00",
                          "\x1b", "\x7f", "\x85", "\u2028", "\ufeff", "😀", "👩🏽‍💻", "#", "[[x]]", "=", "ñ"])
TEXT = st.lists(st.text(max_size=12) | TRICKY, max_size=8).map("".join)


def test_sample_style_plan_round_trips_folder_and_zip(tmp_path):
    store = make_plan(tmp_path / "plan.json")
    try:
        for zip_ in (False, True):
            result = export(store, tmp_path / ("zip" if zip_ else "dir"), zip=zip_)
            bundle = read_bundle(result.path)
            assert states_dicts(bundle.states) == states_dicts(store.states())
            assert (bundle.plan_id, bundle.replica_id, bundle.team) == (store.plan_id, store.replica_id, store.team)
            assert (bundle.format_version, bundle.app_version) == (FORMAT_VERSION, __version__)
            assert bundle.exported_at == "2026-11-22T14:30:00+07:00"
            assert bundle.counts == result.counts
            assert result.counts["deleted"] == 1 and result.counts["conflicts"] == 1
    finally:
        store.close()


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, name=TEXT, team=TEXT, zip_=st.booleans())
def test_any_unicode_text_round_trips(tmp_path_factory, text, name, team, zip_):
    tmp = tmp_path_factory.mktemp("rt")
    store = make_plan(tmp / "plan.json", text=text, name=name, team=team or "Pokja")
    try:
        bundle = read_bundle(export(store, tmp / "out", zip=zip_).path)
        assert states_dicts(bundle.states) == states_dicts(store.states())
        assert bundle.team == store.team
    finally:
        store.close()


# Values a record field may hold (what RecordState.to_dict gives): JSON-like, None-free.
SCALARS = (TEXT | st.integers(-(2**63), 2**63 - 1) | st.booleans()
           | st.floats(allow_nan=False, allow_infinity=False))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(TEXT, inner, max_size=3), max_leaves=12)
NAMES = st.text(min_size=1, max_size=10) | TRICKY


@settings(max_examples=examples(300), deadline=None)
@given(array=NAMES, fields=st.dictionaries(NAMES, st.lists(VALUES, min_size=1, max_size=2), max_size=5),
       vv=st.dictionaries(NAMES, st.integers(1, 2**40), max_size=3))
def test_toml_writer_reads_back_exactly(array, fields, vv):
    """The one-line-per-field TOML writer: tomllib gives back exactly what went in."""
    rec = {"id": "x", "kind": array, "vv": vv,
           "f": {n: [{"d": ["r", i + 1], "v": v} for i, v in enumerate(vals)] for n, vals in fields.items()}}
    back = tomllib.loads(record(array, rec))
    assert _same(back[array], [rec])


def _same(a, b) -> bool:
    """Equality that also tells -0.0 from 0.0 and 1 from 1.0, as a careless writer might not."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return a == b
