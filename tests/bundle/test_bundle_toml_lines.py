"""toml_lines reads what it takes exactly as tomllib does, and declines everything else:
checked on the writer's own output (which it must take) and on text mutated at random and
built from TOML tokens (where it may decline, but never differ)."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings, strategies as st
from tiers import examples

from smartcity_tui.bundle.toml_lines import _Declined, parse_slice, value
from smartcity_tui.bundle.toml_out import record


def canon(v):
    """A value with its types spelled out: 1, 1.0 and True differ, and so do 0.0 and -0.0."""
    if isinstance(v, bool):
        return ("bool", v)
    if isinstance(v, int):
        return ("int", v)
    if isinstance(v, float):
        return ("float", repr(v))
    if isinstance(v, str):
        return ("str", v)
    if isinstance(v, list):
        return ("list", [canon(x) for x in v])
    if isinstance(v, dict):
        return ("dict", [(k, canon(x)) for k, x in v.items()])
    raise TypeError(v)


def _tomllib(text: str):
    try:
        return canon(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return "refused"


SCALARS = (st.text(max_size=8) | st.integers(-2**63, 2**63 - 1) | st.booleans()
           | st.floats(allow_nan=False, allow_infinity=False))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)
NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}", fullmatch=True)
REPLICAS = st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True)
SIBLINGS = st.lists(st.tuples(REPLICAS, st.integers(1, 2**63 - 1), st.none() | VALUES), min_size=1, max_size=3)


@st.composite
def records(draw):
    fields = draw(st.dictionaries(NAMES, SIBLINGS, max_size=5))
    f = {name: [{"d": [r, c], **({} if v is None else {"v": v})} for r, c, v in sibs]
         for name, sibs in fields.items()}
    vv = draw(st.dictionaries(REPLICAS, st.integers(1, 2**63 - 1), max_size=3))
    rid = draw(st.uuids()).hex
    return draw(st.sampled_from(["swot", "programme", "survey"])), {"id": rid, "kind": "k", "vv": vv, "f": f}


@pytest.mark.long(20)
@settings(max_examples=examples(150), deadline=None)
@given(recs=st.lists(records(), min_size=1, max_size=4))
def test_the_writers_layout_is_taken_and_read_as_tomllib_reads_it(recs):
    text = "\n".join(record(kind, rec) for kind, rec in recs)
    got = parse_slice(text)
    assert got is not None
    assert canon(got) == _tomllib(text)


MUTATIONS = st.sampled_from(['"', "'", "\\", "\t", " ", "=", ",", "[", "]", "{", "}", "#", ".", "\n",
                             "e", "_", "+", "-", "0", "inf", "nan", "\\U0001F600", "\\u00e9", "\\ud800",
                             "\x7f", "\x00", "true", "1979-05-27", '"""', "f.x = 1", "[[swot]]", "[x]"])


@settings(max_examples=examples(600), deadline=None)
@given(rec=records(), edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 3), MUTATIONS),
                                     min_size=1, max_size=4))
@pytest.mark.long(46)
def test_mutated_text_is_declined_or_read_as_tomllib_reads_it(rec, edits):
    text = record(*rec)
    for at, cut, piece in edits:
        at %= len(text) + 1
        text = text[:at] + piece + text[at + cut:]
    got = parse_slice(text)
    if got is not None:
        assert canon(got) == _tomllib(text), text


TOKENS = st.sampled_from(['"a"', '"a b"', '"\\u0041"', '"\\t"', '"\\x"', "'lit'", "1", "-0", "0.5", "-0.0",
                          "1e5", "1E+05", "00", "1_0", "0x1F", "+1", ".5", "1.", "true", "false", "nan",
                          "[", "]", "{", "}", ",", " ", "=", "a", "2025", "k-1", '"q"', " = ", "null"])


@settings(max_examples=examples(1500), deadline=None)
@given(tokens=st.lists(TOKENS, min_size=1, max_size=10))
def test_a_value_is_declined_or_read_as_tomllib_reads_it(tokens):
    text = "".join(tokens)
    try:
        got = canon(value(text))
    except _Declined:
        return
    assert ("dict", [("x", got)]) == _tomllib("x = " + text), text
