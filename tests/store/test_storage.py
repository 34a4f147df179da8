"""The fast storage and in-place tables must write exactly what stock TinyDB would hold: after
any mix of inserts, updates and removes the file parses to the same tables, and its bytes are
those a fresh storage (no caches) would write."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from tiers import examples
from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from smartcity_tui.store.storage import CHUNK, DurableJSONStorage
from smartcity_tui.store.table import PlanDB

texts = st.text(alphabet="abcé “x” \n\\\"", max_size=6)
op = st.one_of(
    st.tuples(st.just("insert"), st.sampled_from(["records", "_meta"]), texts),
    st.tuples(st.just("many"), st.integers(1, CHUNK + 40), texts),
    st.tuples(st.just("update"), st.integers(0, 10_000), texts),
    st.tuples(st.just("remove"), st.integers(0, 10_000), st.just("")),
)


def _apply(db, ops) -> None:
    for kind, arg, text in ops:
        records = db.table("records")
        if kind == "insert":
            db.table(arg).insert({"t": text, "n": len(text)})
        elif kind == "many":
            records.insert_multiple({"t": f"{text}{i}", "n": i} for i in range(arg))
        else:
            ids = [d.doc_id for d in records.all()]
            if not ids:
                continue
            target = ids[arg % len(ids)]
            if kind == "update":
                records.update({"t": text, "extra": [text]}, doc_ids=[target])
            else:
                records.remove(doc_ids=[target])


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(op, max_size=12))
def test_file_matches_stock_tinydb_and_a_fresh_render(tmp_path_factory, ops):
    path = tmp_path_factory.mktemp("s") / "db.json"
    storage = DurableJSONStorage(path, {}, durable=False)
    ours = PlanDB(storage=lambda: storage)
    stock = TinyDB(storage=MemoryStorage)
    # apply step by step, so caches are exercised between writes
    for one in ops:
        _apply(ours, [one])
        _apply(stock, [one])
        if path.exists():
            on_disk = json.loads(path.read_text(encoding="utf-8"))
            assert on_disk == {k: v for k, v in storage.read().items()}
    expected = {name: {str(d.doc_id): dict(d) for d in stock.table(name).all()} for name in stock.tables()}
    assert {k: v for k, v in storage.read().items() if v} == {k: v for k, v in expected.items() if v}
    if path.exists():
        fresh = DurableJSONStorage(path, json.loads(path.read_text(encoding="utf-8")), durable=False)
        assert path.read_bytes() == fresh.render()


def test_a_failing_updater_leaves_the_table_as_it_was(tmp_path):
    storage = DurableJSONStorage(tmp_path / "db.json", {}, durable=False)
    ours, stock = PlanDB(storage=lambda: storage).table("records"), TinyDB(storage=MemoryStorage).table("records")
    for table in (ours, stock):
        table.insert_multiple({"n": i} for i in range(3))
    before = json.loads(json.dumps(storage.read()))
    for table in (ours, stock):
        try:
            table.insert_multiple([{"n": 9}, "not a document"])  # type: ignore[list-item]
        except ValueError:
            pass
    assert storage.read() == before
    assert ours.insert({"n": 4}) == stock.insert({"n": 4})  # ids carry on as stock TinyDB's do
    assert [dict(d) for d in ours.all()] == [dict(d) for d in stock.all()]


def test_one_document_per_line_for_readable_diffs(tmp_path):
    storage = DurableJSONStorage(tmp_path / "db.json", {}, durable=False)
    PlanDB(storage=lambda: storage).table("records").insert_multiple({"n": i} for i in range(600))
    lines = (tmp_path / "db.json").read_text(encoding="utf-8").splitlines()
    assert len([ln for ln in lines if ln.startswith('"') and '"n":' in ln]) == 600


def test_truncate_and_conditional_update_behave_as_stock(tmp_path):
    from tinydb import Query

    storage = DurableJSONStorage(tmp_path / "db.json", {}, durable=False)
    ours, stock = PlanDB(storage=lambda: storage).table("records"), TinyDB(storage=MemoryStorage).table("records")
    for table in (ours, stock):
        table.insert_multiple({"n": i} for i in range(1000))
        table.update({"big": True}, Query().n >= 990)
        table.remove(Query().n < 5)
    assert [dict(d) for d in ours.all()] == [dict(d) for d in stock.all()]
    on_disk = json.loads((tmp_path / "db.json").read_text(encoding="utf-8"))["records"]
    assert on_disk == {str(d.doc_id): dict(d) for d in stock.all()}
    ours.truncate()
    assert json.loads((tmp_path / "db.json").read_text(encoding="utf-8"))["records"] == {}
