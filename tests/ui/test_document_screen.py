"""The document screen (b): a narrative section written in its form (the word count follows the
typing), saved, counted in the list and gone from the dashboard's "what the book lacks";
undone with ctrl+z. The dasar hukum and the institutions' members added, edited, moved and
deleted as lists. Opening a section and saving it unchanged writes nothing."""

from __future__ import annotations

from textual.widgets import Input, Select, Static, TextArea
from ui_support import reopen, screen_text, type_text, until

from smartcity_tui.model import narrative
from smartcity_tui.model.records import InstitutionMember
from smartcity_tui.ui.screens.book_forms import MemberForm, RegulationForm, SectionForm
from smartcity_tui.ui.screens.dashboard import DashboardScreen
from smartcity_tui.ui.screens.document import DocumentScreen
from smartcity_tui.ui.widgets.book_lists import MemberList, RegulationList, SectionList

BACKGROUND = ("Kabupaten Sukamaju menyusun rencana induk ini sebagai pedoman.\n\n"
              "Tiga alasan utama:\n\n- layanan *masih* terpisah;\n- data belum **terhubung**;\n- SDM terbatas.")


def section_line(app, index: int) -> str:
    return str(app.screen.query_one(SectionList).get_option_at_index(index).prompt)


def lacks(app) -> str:
    return str(app.screen.query_one("#plan-lacks", Static).render())


async def test_write_a_section_count_its_words_and_undo_it(ui_app, workshop_plan):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        assert "14 bagian narasi kosong (Latar Belakang, Maksud dan Tujuan" in lacks(app)
        await pilot.press("b")
        assert isinstance(app.screen, DocumentScreen)
        assert "belum diisi" in section_line(app, 0) and "Latar Belakang" in section_line(app, 0)
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, SectionForm)
        assert isinstance(app.focused, TextArea)
        await type_text(pilot, BACKGROUND)
        await pilot.press("enter")  # a new line in the text, not a save
        assert app.screen is form
        words = narrative.word_count(BACKGROUND)
        assert words == 19  # list markers are no words
        assert str(form.query_one("#words", Static).render()) == f"{words} kata"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DocumentScreen), "the document screen again")
        await until(pilot, lambda: f"{words} kata" in section_line(app, 0), "the word count in the list")
        assert narrative.slot(app.plan, "background").text.strip() == BACKGROUND
        assert "Tersimpan" in app.save_note

        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
        assert "13 bagian narasi kosong (Maksud dan Tujuan" in lacks(app)

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert narrative.slot(app.plan, "background").empty
        assert "14 bagian narasi kosong (Latar Belakang" in lacks(app)
    with reopen(workshop_plan) as store:
        assert narrative.slot(store.plan(), "background").empty, "the undo is on disk too"


async def test_a_section_opened_and_saved_unchanged_writes_nothing(ui_app, workshop_plan):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "down", "enter", "ctrl+s")  # Maksud dan Tujuan, never written
        await until(pilot, lambda: isinstance(app.screen, DocumentScreen), "the document screen again")
        assert narrative.slot(app.plan, "purpose").record_id not in app.plan.records
        before = workshop_plan.read_bytes()
        await pilot.press("enter")
        await type_text(pilot, "Maksud rencana induk ini.")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "4 kata" in section_line(app, 1), "the section written")
        written = workshop_plan.read_bytes()
        assert written != before
        await pilot.press("enter", "ctrl+s")  # opened and saved as it is
        await until(pilot, lambda: isinstance(app.screen, DocumentScreen), "the document screen again")
        assert workshop_plan.read_bytes() == written


async def test_the_dasar_hukum_added_moved_edited_deleted_and_undone(ui_app):
    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "right_square_bracket")
        regs = app.screen.query_one(RegulationList)
        assert app.focused is regs
        for law in ("UU 23/2014 tentang Pemerintahan Daerah", "Perpres 95/2018 tentang SPBE"):
            await pilot.press("n")
            assert isinstance(app.screen, RegulationForm)
            await type_text(pilot, law)
            await pilot.press("ctrl+s")
            await until(pilot, lambda: isinstance(app.screen, DocumentScreen), "the list again")
        texts = [r.text for r in narrative.regulations(app.plan)]
        assert texts == ["UU 23/2014 tentang Pemerintahan Daerah", "Perpres 95/2018 tentang SPBE"]
        assert regs.current_id == narrative.regulations(app.plan)[1].id, "the cursor on the one added"

        await pilot.press("shift+up")  # the Perpres first
        await until(pilot, lambda: narrative.regulations(app.plan)[0].text.startswith("Perpres"), "the move")
        assert regs.current_id == narrative.regulations(app.plan)[0].id, "the cursor moves with it"

        await pilot.press("e")
        field = app.screen.query_one("#regulation", Input)
        field.value = "Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: narrative.regulations(app.plan)[0].text.startswith("Peraturan"), "the edit")

        await pilot.press("delete")
        await until(pilot, lambda: len(narrative.regulations(app.plan)) == 1, "the delete")
        await pilot.press("ctrl+z")
        await until(pilot, lambda: len(narrative.regulations(app.plan)) == 2, "the undo")
        assert narrative.regulations(app.plan)[0].text.startswith("Peraturan Presiden")
        await pilot.press("ctrl+z")  # the edit
        await pilot.press("ctrl+z")  # the move: one step for the two orders it changed
        await until(pilot, lambda: narrative.regulations(app.plan)[0].text.startswith("UU 23"), "undo the move")


async def test_a_member_added_to_the_body_under_the_cursor_goes_last_there(ui_app):
    app = ui_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b", "left_square_bracket")  # the institutions, backwards from the narrative
        members = app.screen.query_one(MemberList)
        assert app.focused is members
        await pilot.press("n")  # on the council's heading
        assert isinstance(app.screen, MemberForm)
        await type_text(pilot, "Ketua")
        app.screen.query_one("#agency", Input).value = "Bupati Sukamaju"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(narrative.members(app.plan)) == 1, "the member added")
        council = narrative.members(app.plan, "council")
        assert [(m.role, m.agency, m.order) for m in council] == [("Ketua", "Bupati Sukamaju", 1)]

        # the form's body moved to the team: the member goes there, last
        await pilot.press("n")
        app.screen.query_one("#body", Select).value = "team"
        await type_text(pilot, "Sekretaris")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(narrative.members(app.plan, "team")) == 1, "the team's member")
        assert members.current_body == "team"
        text = "\n".join(str(members.get_option_at_index(i).prompt) for i in range(members.option_count))
        assert "Tim Pelaksana Smart City (1)" in text and "Sekretaris" in text
        assert "Forum Smart City (0)" in text


async def test_a_long_member_line_wraps_under_its_first_word_at_80_columns(ui_app):
    app = ui_app
    app.store.add(InstitutionMember(body="council", role="Ketua", name="Drs. H. Sudarmanto Wiryo, M.M.",
                                    agency="Bupati Kabupaten Sukamaju Raya", pentahelix="government", order=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "left_square_bracket")
        lines = screen_text(app).splitlines()
        first = next(i for i, line in enumerate(lines) if "Ketua ·" in line)
        text_at = lines[first].index("Ketua")
        after = lines[first + 1]
        # the rest of the member on the next line, further in than its first word, and no
        # part (the office, "Pemerintah") broken or begun with a separator
        assert after[text_at:].startswith("  ") and after[text_at + 2].isalpha(), (lines[first], after)
        for part in ("Drs. H. Sudarmanto Wiryo, M.M.", "Bupati Kabupaten Sukamaju Raya", "Pemerintah"):
            assert part in lines[first] or part in after, (part, lines[first], after)
