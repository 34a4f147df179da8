"""A record file read in slices of records gives exactly what tomllib gives for the whole
file, for the writer's layout and for any other TOML layout, with the same errors and lines."""

from __future__ import annotations

import tomllib
import uuid

import pytest
import tomli_w
from hypothesis import given, settings, strategies as st
from tiers import examples

from smartcity_tui.bundle import BundleError
from smartcity_tui.bundle.encode import encode_file
from smartcity_tui.bundle.record_file import SLICE_RECORDS, read_records
from smartcity_tui.model.revision import RecordState, Sibling

PLAN_ID = "f38b2ffc-80a4-4f5a-91c9-bc701e7ea419"
ECON = "pillars/economy.toml"
R = "5a3b1e5a3b1e0001"


def _swot(i: int, text: str = "") -> RecordState:
    dot = (R, i + 1)
    return RecordState(str(uuid.UUID(int=i + 1, version=4)), "swot", {R: i + 1}, {
        "pillar": [Sibling(dot, "economy")], "text": [Sibling(dot, text or f"Pasar {i}")]})


def _no_header_check(doc):
    pass


def _read(data: bytes, seen=None, block: int = 4096):
    """Read as a stream of `block`-byte blocks, as the reader does."""
    blocks = (data[i:i + block] for i in range(0, len(data), block))
    return read_records("b", ECON, blocks, lambda: data, _no_header_check, {} if seen is None else seen)


def _dicts(states):
    return [s.to_dict() for s in states]


def _as_tomllib_reads(data: bytes):
    doc = tomllib.loads(data.decode("utf-8"))
    return [RecordState.from_dict(r).to_dict() for r in doc.get("swot", [])]


@pytest.mark.parametrize("block", [1, 7, 4096, 1 << 20])
def test_many_slices_read_as_the_whole_file(monkeypatch, block):
    from smartcity_tui.bundle import record_file

    def never(*a):
        raise AssertionError("the writer's layout must be read in slices (memory)")
    states = [_swot(i) for i in range(3 * SLICE_RECORDS + 5)]
    data = encode_file(PLAN_ID, ECON, states)
    with monkeypatch.context() as m:
        m.setattr(record_file, "_whole", never)
        got = _dicts(_read(data, block=block))
    assert got == _as_tomllib_reads(data) == _dicts(sorted(states, key=lambda s: s.id))


def test_any_other_toml_layout_reads_the_same(tmp_path):
    """tomli-w writes nested tables ([swot.f]) and multi-line arrays: the whole file is parsed."""
    states = sorted((_swot(i) for i in range(40)), key=lambda s: s.id)
    doc = {"plan_id": PLAN_ID, "pillar": "economy", "swot": [s.to_dict() for s in states]}
    data = tomli_w.dumps(doc).encode("utf-8")
    assert b"[swot.f]" in data or b"[[swot.f" in data or b"    [" in data
    assert _dicts(_read(data)) == _dicts(states)


PIECES = st.sampled_from(["[[swot]]", "\n", "\n[[swot]]\n", "[x]", "\n[swot.f]\n", '"', "a", " ", "=", 'id = "z"'])


@settings(max_examples=examples(60), deadline=None)
@given(texts=st.lists(st.lists(PIECES, max_size=6).map("".join), min_size=1, max_size=SLICE_RECORDS + 3))
def test_texts_that_look_like_headers_never_split_a_record(texts):
    """Header-like lines inside multi-line strings (a hand-written bundle may hold them)."""
    parts = [f'plan_id = "{PLAN_ID}"', 'pillar = "economy"', ""]
    for i, t in enumerate(texts):
        rid = uuid.UUID(int=i + 1, version=4)
        parts += ["[[swot]]", f'id = "{rid}"', 'kind = "swot"', f"vv = {{ {R} = {i + 1} }}",
                  f"f.text = [{{ d = [\"{R}\", {i + 1}], v = '''{t}''' }}]", ""]
    data = "\n".join(parts).encode("utf-8")
    assert _dicts(_read(data)) == _as_tomllib_reads(data)


def test_a_header_line_inside_a_multiline_string_is_text():
    states = [_swot(i) for i in range(SLICE_RECORDS + 10)]
    text = encode_file(PLAN_ID, ECON, states).decode("utf-8")
    text = text.replace('v = "Pasar 3" }', 'v = """Pasar\n[[swot]]\nid = "x"\n3""" }', 1)
    data = text.encode("utf-8")
    got = _dicts(_read(data))
    assert got == _as_tomllib_reads(data)
    assert any(r["f"]["text"][0]["v"] == 'Pasar\n[[swot]]\nid = "x"\n3' for r in got)


def test_a_record_error_in_a_late_slice_names_its_header_line():
    states = sorted((_swot(i) for i in range(2 * SLICE_RECORDS + 20)), key=lambda s: s.id)
    lines = encode_file(PLAN_ID, ECON, states).decode("utf-8").split("\n")
    headers = [i for i, x in enumerate(lines) if x == "[[swot]]"]
    target = headers[SLICE_RECORDS + 7]
    lines[target + 2] = 'kind = "strategy"'
    with pytest.raises(BundleError) as err:
        _read("\n".join(lines).encode("utf-8"))
    assert (err.value.key, err.value.line) == ("kind_mismatch", target + 1)


def test_a_toml_error_further_on_is_reported_before_a_record_error():
    """The file is not TOML: that is what its reader hears, not a record of it."""
    states = sorted((_swot(i) for i in range(2 * SLICE_RECORDS)), key=lambda s: s.id)
    lines = encode_file(PLAN_ID, ECON, states).decode("utf-8").split("\n")
    headers = [i for i, x in enumerate(lines) if x == "[[swot]]"]
    lines[headers[3] + 2] = 'kind = "strategy"'
    lines[headers[-2] + 1] = 'id = "unclosed'
    with pytest.raises(BundleError) as err:
        _read("\n".join(lines).encode("utf-8"))
    assert (err.value.key, err.value.line) == ("toml_error", headers[-2] + 2)


def test_bad_utf8_in_a_late_slice_is_reported_with_its_line():
    states = sorted((_swot(i) for i in range(2 * SLICE_RECORDS)), key=lambda s: s.id)
    data = encode_file(PLAN_ID, ECON, states)
    cut = data.rindex(b"Pasar")
    data = data[:cut] + b"\xff" + data[cut + 1:]
    with pytest.raises(BundleError) as err:
        _read(data)
    assert (err.value.key, err.value.line) == ("not_utf8", data[:cut].count(b"\n") + 1)


def test_a_duplicate_id_across_slices_and_files_is_found():
    states = [_swot(i) for i in range(SLICE_RECORDS + 3)]
    twice = encode_file(PLAN_ID, ECON, states + [states[0]])  # encode sorts: adjacent twins
    with pytest.raises(BundleError) as err:
        _read(twice)
    assert err.value.key == "duplicate_id"
    seen = {states[5].id: "plan.toml"}
    with pytest.raises(BundleError) as err:
        _read(encode_file(PLAN_ID, ECON, states), seen)
    assert err.value.key == "duplicate_id" and err.value.params["other"] == "plan.toml"


def test_anything_but_the_header_keys_before_the_first_record_is_judged_whole():
    states = [_swot(i) for i in range(5)]
    data = encode_file(PLAN_ID, ECON, states).replace(b'pillar = "economy"\n', b'pillar = "economy"\nswot = []\n')
    with pytest.raises(BundleError) as err:
        _read(data)
    assert err.value.key == "toml_error"  # [[swot]] after a static array: tomllib's own verdict


@settings(max_examples=examples(200), deadline=None)
@given(parts=st.lists(st.sampled_from([b"\xef\xbb\xbf", b"\r", b"\n", b"\r\n", b"a", b"\xef", b"\xbb"]), max_size=12),
       cuts=st.lists(st.integers(0, 40), max_size=6))
def test_a_stream_is_normalized_and_hashed_as_the_whole_file(parts, cuts):
    """BOM and CRLF undone as `normalized` does, wherever the blocks are cut."""
    import hashlib

    from smartcity_tui.bundle.stream import Checked, normalized
    data = b"".join(parts)
    edges = sorted({0, len(data), *(min(c, len(data)) for c in cuts)})
    stream = Checked(data[a:b] for a, b in zip(edges, edges[1:]))
    assert b"".join(stream) == normalized(data) and stream.done
    assert stream.matches(hashlib.sha256(normalized(data)).hexdigest())
    assert stream.matches(hashlib.sha256(data).hexdigest())


def test_a_refused_record_file_is_closed_at_once(good, tmp_path, monkeypatch):
    """On Windows an open file keeps the flash drive from being removed safely."""
    import builtins

    from corpus_helpers import copy, edit_line
    from smartcity_tui.bundle import read_bundle
    b = copy(good.folder, tmp_path)
    edit_line(b, ECON, r'^pillar = "economy"$', 'pillar = "economy"\n[catatan]\nisi = "x"')  # read whole
    opened = []
    real_open = builtins.open

    def tracking(file, *a, **k):
        f = real_open(file, *a, **k)
        opened.append(f)
        return f
    monkeypatch.setattr(builtins, "open", tracking)
    with pytest.raises(BundleError) as err:
        read_bundle(b)
    assert err.value.key == "bad_array"
    assert opened and all(f.closed for f in opened)
