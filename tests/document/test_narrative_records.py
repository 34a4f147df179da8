"""The book's narrative is held in the plan as records like any other: one record per section
(its id derived from the plan and the section), one per regulation, one per institution
member. Two groups' edits merge field by field: different sections or members combine, the
same section edited twice is a conflict that keeps both texts, and two groups who each start
the same section on their own laptop meet in one record, not in two competing sections."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smartcity_tui.model import narrative, validate
from smartcity_tui.model.records import InstitutionMember, NarrativeSection, PlanInfo, Regulation, Strategy
from smartcity_tui.model.vocab import PILLARS
from smartcity_tui.store import PlanStore

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"


def laptop(src: Path, dst: Path, team: str) -> PlanStore:
    """A copy of a plan on another group's laptop (it takes its own replica id on first write)."""
    shutil.copyfile(src, dst)
    store = PlanStore.open(dst, durable=False)
    store.set_team(team)
    return store


@pytest.fixture
def empty_plan(tmp_path) -> Path:
    path = tmp_path / "plan.json"
    info = PlanInfo(region="Contoh", province="Jawa Tengah", start_year=2025, end_year=2029)
    PlanStore.create(path, info, "Sekretariat", durable=False).close()
    return path


def write(store: PlanStore, section: str, text: str, pillar: str = "") -> None:
    store.save(narrative.edited(store.plan(), section, text, pillar))


def test_every_section_has_its_place_in_book_order_and_a_stable_id(empty_plan):
    with PlanStore.open(empty_plan, durable=False) as store:
        slots = narrative.slots(store.plan())
        plan_id = store.plan_id
    assert [s.section for s in slots[:5]] == ["background", "purpose", "scope", "methodology", "regional_profile"]
    assert [s.pillar for s in slots[5:11]] == [p.key for p in PILLARS]
    assert [s.section for s in slots[11:]] == ["financing", "institutions", "closing"]
    assert all(s.empty and s.words == 0 for s in slots)
    assert len({s.record_id for s in slots}) == len(slots)
    assert slots[0].record_id == narrative.section_id(plan_id, "background")
    assert slots[0].title("id") == "Latar Belakang" and slots[5].title("en") == "Smart Governance"


def test_writing_a_section_creates_its_record_then_changes_only_its_text(empty_plan):
    with PlanStore.open(empty_plan, durable=False) as store:
        write(store, "background", "Kabupaten ini *berbenah*.")
        first = store.state(narrative.section_id(store.plan_id, "background"))
        write(store, "background", "Kabupaten ini berbenah sejak 2024.")
        second = store.state(first.id)
        write(store, "background", "Kabupaten ini berbenah sejak 2024.")  # the same text: no write
        third = store.state(first.id)
        slot = narrative.slot(store.plan(), "background")
    assert first.kind == "narrative" and first.value("section") == "background"
    assert second.fields["section"] == first.fields["section"]  # untouched
    assert second.fields["text"] != first.fields["text"]
    assert third.to_dict() == second.to_dict()
    assert slot.text == "Kabupaten ini berbenah sejak 2024." and slot.words == 5


def test_validation_names_every_empty_section_and_the_missing_institutions(empty_plan):
    with PlanStore.open(empty_plan, durable=False) as store:
        findings = validate(store.plan())
        write(store, "closing", "Penutup.")
        store.add(Regulation(text="UU 23/2014"))
        store.add(InstitutionMember(body="council", role="Ketua", agency="Bupati"))
        after = validate(store.plan())
    empty = [f for f in findings if f.code == "narrative.empty"]
    assert len(empty) == 14
    assert {f.params["dimension"] for f in empty} == {"", *(p.key for p in PILLARS)}
    assert {f.pillar for f in empty} == {""}  # the book's, not a pillar card's
    assert any(f.message("id") == 'Bagian "Latar Belakang" belum diisi; dokumen mencetak catatan bahwa bagian '
               "ini masih kosong." for f in empty)
    assert any("Background" in f.message("en") for f in empty)
    assert {f.code for f in findings} >= {"regulation.none", "member.body_empty"}
    assert len([f for f in after if f.code == "narrative.empty"]) == 13
    assert "regulation.none" not in {f.code for f in after}
    assert [f.param("body", "id") for f in after if f.code == "member.body_empty"] == ["Tim Pelaksana Smart City",
                                                                                "Forum Smart City"]


def test_a_member_with_an_unknown_body_is_an_error_and_the_sample_lacks_nothing(empty_plan):
    with PlanStore.open(empty_plan, durable=False) as store:
        store.add(InstitutionMember(body="dprd", name="Budi"))
        bad = [f for f in validate(store.plan()) if f.code == "member.bad_body"]
    assert bad and bad[0].severity == "error" and "Budi" in bad[0].message("en")
    with PlanStore.open(SAMPLE, readonly=True) as store:
        lacks = {f.code for f in validate(store.plan())}
    assert not lacks & {"narrative.empty", "regulation.none", "member.body_empty"}


def test_two_groups_editing_different_sections_merge_without_a_conflict(empty_plan, tmp_path):
    with PlanStore.open(empty_plan, durable=False) as store:
        write(store, "background", "Latar belakang versi awal.")
    a = laptop(empty_plan, tmp_path / "a.json", "Pokja A")
    b = laptop(empty_plan, tmp_path / "b.json", "Pokja B")
    write(a, "background", "Latar belakang yang diperbarui pokja A.")
    write(b, "scope", "Ruang lingkup dari pokja B.")
    write(b, "dimension", "Narasi ekonomi dari pokja B.", "economy")
    a.merge_in(b.states())
    plan = a.plan()
    assert a.conflicts() == []
    assert narrative.slot(plan, "background").text == "Latar belakang yang diperbarui pokja A."
    assert narrative.slot(plan, "scope").text == "Ruang lingkup dari pokja B."
    assert narrative.slot(plan, "dimension", "economy").text == "Narasi ekonomi dari pokja B."
    a.close(), b.close()


def test_two_groups_editing_one_section_is_a_conflict_keeping_both_texts(empty_plan, tmp_path):
    with PlanStore.open(empty_plan, durable=False) as store:
        write(store, "methodology", "Metodologi awal.")
    a = laptop(empty_plan, tmp_path / "a.json", "Pokja A")
    b = laptop(empty_plan, tmp_path / "b.json", "Pokja B")
    write(a, "methodology", "Metodologi menurut pokja A.")
    write(b, "methodology", "Metodologi menurut pokja B.")
    a.merge_in(b.states())
    (conflict,) = a.conflicts()
    assert conflict.kind == "narrative" and set(conflict.field_conflicts()) == {"text"}
    assert sorted(s.value for s in conflict.fields["text"]) == ["Metodologi menurut pokja A.",
                                                                "Metodologi menurut pokja B."]
    # a person settles it; the settled text merges back into B without a new conflict
    a.resolve(conflict.id, "text", "Metodologi yang disepakati.")
    b.merge_in(a.states())
    assert b.conflicts() == [] and narrative.slot(b.plan(), "methodology").text == "Metodologi yang disepakati."
    a.close(), b.close()


def test_two_groups_starting_the_same_section_meet_in_one_record(empty_plan, tmp_path):
    a = laptop(empty_plan, tmp_path / "a.json", "Pokja A")
    b = laptop(empty_plan, tmp_path / "b.json", "Pokja B")
    write(a, "purpose", "Maksud menurut pokja A.")
    write(b, "purpose", "Maksud menurut pokja B.")
    a.merge_in(b.states())
    records = [r for r in a.plan().records.values() if isinstance(r, NarrativeSection)]
    assert len(records) == 1
    state = a.state(records[0].id)
    assert set(state.field_conflicts()) == {"text"}  # the same section key twice is agreement
    assert sorted(s.value for s in state.fields["text"]) == ["Maksud menurut pokja A.", "Maksud menurut pokja B."]
    a.close(), b.close()


def test_members_and_regulations_added_or_edited_by_two_groups_all_arrive(empty_plan, tmp_path):
    with PlanStore.open(empty_plan, durable=False) as store:
        ketua = store.add(InstitutionMember(body="team", role="Ketua", agency="Bappeda",
                                            order=narrative.next_order(narrative.members(store.plan(), "team"))))
        sekretaris = store.add(InstitutionMember(body="team", role="Sekretaris", agency="Diskominfo",
                                                 order=narrative.next_order(narrative.members(store.plan(), "team"))))
    assert (ketua.order, sekretaris.order) == (1, 2)
    a = laptop(empty_plan, tmp_path / "a.json", "Pokja A")
    b = laptop(empty_plan, tmp_path / "b.json", "Pokja B")
    a.update(ketua.id, name="Dr. Sri Wahyuningsih")
    b.update(sekretaris.id, name="Agus Setiawan")
    b.update(ketua.id, pentahelix="government")  # another field of the same member
    a.add(Regulation(text="UU 23/2014 tentang Pemerintahan Daerah"))
    b.add(Regulation(text="PP 59/2022 tentang Perkotaan"))
    b.add(InstitutionMember(body="forum", role="Ketua", agency="Komunitas TI", order=1))
    a.merge_in(b.states())
    plan = a.plan()
    assert a.conflicts() == []
    team = narrative.members(plan, "team")
    assert [(m.role, m.name, m.pentahelix) for m in team] == [
        ("Ketua", "Dr. Sri Wahyuningsih", "government"), ("Sekretaris", "Agus Setiawan", "")]
    assert sorted(r.text for r in narrative.regulations(plan)) == [
        "PP 59/2022 tentang Perkotaan", "UU 23/2014 tentang Pemerintahan Daerah"]
    assert [m.body for m in narrative.members(plan)] == ["team", "team", "forum"]
    a.close(), b.close()


def test_word_count_counts_words_not_list_markers():
    assert narrative.word_count("- satu *dua*\n- tiga\n\n1. empat, lima.") == 5
    assert narrative.word_count("   ") == 0


def test_a_dimension_text_a_reframe_did_not_place_stays_in_the_book_and_on_the_document_screen(tmp_path):
    """QA frame #4: the branding narrative of a plan moved to the Kota Cerdas aspects (which
    have no branding) vanished from the book and the document screen, and validation called
    it a section this version of the app does not know."""
    from smartcity_tui.document.build import build_document
    from smartcity_tui.document.markdown import write_markdown

    path = tmp_path / "kota.json"
    info = PlanInfo(region="Contoh", province="Jawa Tengah", start_year=2025, end_year=2029,
                    framework="kota-cerdas-2026", framework_version="2026-rancangan")
    with PlanStore.create(path, info, "Sekretariat", durable=False) as store:
        store.add(NarrativeSection(id=narrative.section_id(store.plan_id, "dimension", "branding"),
                                   section="dimension", pillar="branding",
                                   text="Pokja Smart Branding berangkat dari festival budaya."))
        store.add(Strategy(pillar="branding", kind="SO", text="Sepakati merek daerah"))
        plan = store.plan()
    slots = [s for s in narrative.slots(plan) if s.pillar == "branding"]
    assert [s.title("id") for s in slots] == ["Di luar kerangka: branding"]
    assert slots[0].text.startswith("Pokja Smart Branding")
    book = write_markdown(build_document(plan, lang="id"))
    assert "berangkat dari festival budaya" in book
    # (QA frame #11: its tables' source named a working group "Tanpa Dimensi yang Dikenal")
    assert "Sepakati merek daerah" in book and "kelompok kerja Tanpa Dimensi" not in book
    assert "Sumber: entri di luar kerangka rencana" in book
    findings = validate(plan)
    assert not [f for f in findings if f.code == "narrative.unknown_section"]
    (outside,) = [f for f in findings if f.code == "plan.outside_framework"]
    assert outside.params["n"] == 2 and outside.params["keys"] == "branding"
