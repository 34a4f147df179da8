"""Choosing a place on disk from the keyboard, for the export and merge screens: the mounted
flash disks and the home folder as places to start from, a folder tree of the chosen place,
and the path itself as a line of text that can also be typed.

The highlighted folder (or bundle .zip) is the choice, so arrows alone are enough; enter in
the tree or in the path line says "this one" (a `Picked` message). Typing a character in the
tree or the places list starts typing a location in the path line (`/media/...`, `E:\\...`), so
the screen's "or type where" works from where it starts, and a path's letters never reach the
app's keys (`/` search, `m` merge). Paths under the home folder are shown as ~/... on Linux
and macOS, which is shorter on a narrow terminal; on Windows, where that notation means
nothing, in full. Hidden and system entries (dot names, `$RECYCLE.BIN`, `AppData`) are left
out of the tree.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Self

from rich.text import Text, TextType
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DirectoryTree, Input, Label, OptionList
from textual.widgets.directory_tree import DirEntry
from textual.widgets.option_list import Option
from textual.widgets.tree import TreeNode

from ...i18n import t
from .. import drives as drive_list

# Windows' marks of what Explorer does not show (st_file_attributes, Windows only)
FILE_ATTRIBUTE_HIDDEN = 0x2
FILE_ATTRIBUTE_SYSTEM = 0x4
# Folders Windows keeps on every drive, a FAT flash disk too: hidden there, but a flash disk
# read on Linux or macOS does not carry the attribute, so they go by name as well
WINDOWS_SYSTEM_FOLDERS = frozenset({"$recycle.bin", "system volume information"})


def shown(path: Path, home: Path | None = None) -> str:
    """A path as the officer reads it: ~/... under the home folder (not on Windows, where
    that notation means nothing), else in full."""
    if sys.platform == "win32":
        return str(path)
    home = Path.home() if home is None else home
    try:
        rel = path.relative_to(home)
    except ValueError:
        return str(path)
    return "~" if str(rel) == "." else str(Path("~") / rel)


def typed(text: str) -> Path | None:
    text = text.strip().strip('"')  # a path pasted from Explorer comes in quotes
    return Path(text).expanduser() if text else None


def _is_folder(path: Path) -> bool:
    """A folder the tree can show: False for anything that cannot even be looked at (a
    drive pulled out, a folder the officer may not read)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def is_hidden(path: Path) -> bool:
    """What Explorer, Finder and file managers leave out: dot names, Office's ~$ lock files,
    Windows' hidden or system entries ($RECYCLE.BIN, AppData, the old "Application Data"
    junctions that refuse a listing). The entry itself is asked (lstat), not what a junction
    points to."""
    name = path.name
    if name.startswith((".", "~$")) or name.lower() in WINDOWS_SYSTEM_FOLDERS:
        return True
    try:
        attributes = getattr(os.lstat(path), "st_file_attributes", 0)
    except (OSError, ValueError):
        return True  # cannot even be looked at: nothing to choose there
    return bool(attributes & (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM))


def _starts_path(widget: Widget, event: events.Key) -> bool:
    """A character typed in the tree or the places list starts the path line. Not the keys
    the screen itself binds (`a` adds a bundle on the merge screen), nor space (opens a
    folder) or `?` (help; no path holds one on Windows)."""
    if not event.is_printable or event.character is None or event.character in " ?":
        return False
    screen_keys = {key for key, active in widget.screen.active_bindings.items() if active.node is not widget.app}
    return event.key not in screen_keys


def type_path(widget: Widget, event: events.Key) -> None:
    """The key is stopped here, before the app's bindings see it (`/` search, `m` merge),
    and the focus moves at once to the path line, where the next key lands.

    Keys that arrive in one burst (a path pasted as keys where the terminal has no bracketed
    paste, the old Windows console; or typed faster than the app reads) are all handed to
    the tree before it has handled the first: those reach it with the path line already
    focused, and follow the first there, whatever they are (the screen's `a` too), an enter
    at the end included."""
    picker = next((a for a in widget.ancestors if isinstance(a, FolderPicker)), None)
    if picker is not None and picker.typing:
        event.stop()
        event.prevent_default()
        picker.follow_typing(event)
    elif _starts_path(widget, event):
        event.stop()
        event.prevent_default()
        if picker is not None:
            picker.start_typing(event.character or "")


def paste_path(widget: Widget, event: events.Paste) -> None:
    text = " ".join(event.text.splitlines()).strip()
    picker = next((a for a in widget.ancestors if isinstance(a, FolderPicker)), None)
    if text and picker is not None:
        event.stop()
        picker.start_typing(text)


class PlaceList(OptionList):
    """The drives and the home folder."""

    def on_key(self, event: events.Key) -> None:
        type_path(self, event)

    def on_paste(self, event: events.Paste) -> None:
        paste_path(self, event)


class PlaceTree(DirectoryTree):
    """Folders (and the files a screen picks: .zip bundles, .xlsx and .csv sheets) without the
    hidden ones."""

    def on_key(self, event: events.Key) -> None:
        type_path(self, event)

    def on_paste(self, event: events.Paste) -> None:
        paste_path(self, event)

    def __init__(self, path: Path, *, zips: bool = False, files: frozenset[str] = frozenset(), **kw: Any) -> None:
        self.files = files | ({".zip"} if zips else set())  # file suffixes shown, lower case
        super().__init__(path, **kw)
        self.root.label = shown(Path(path))

    def reset_node(self, node: TreeNode[DirEntry], label: TextType, data: DirEntry | None = None) -> Self:
        if node is self.root:
            label = shown(Path(self.path))
        return super().reset_node(node, label, data)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        out = []
        for p in paths:
            if is_hidden(p):
                continue
            if _is_folder(p) or p.suffix.lower() in self.files:
                out.append(p)
        return out


class FolderPicker(Vertical):
    class Picked(Message):
        """Enter on a tree entry or in the path line: `path` is the choice."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    DEFAULT_CSS = """
    FolderPicker { height: 1fr; }
    FolderPicker #places {
        height: auto; max-height: 6; border: round $primary-darken-1; border-title-color: $text;
    }
    FolderPicker #places:focus, FolderPicker #tree:focus { border: heavy $accent; }
    FolderPicker #tree { height: 1fr; border: round $primary-darken-1; border-title-color: $text; }
    FolderPicker #path-row { height: 1; }
    FolderPicker #path-row Label { width: auto; padding: 0 1 0 0; text-style: bold; }
    FolderPicker #path { width: 1fr; background: $boost; }
    FolderPicker #path:focus { background: $primary 30%; }
    """

    def __init__(self, *, home: Path | None = None, drives: list[Path] | None = None,
                 zips: bool = False, files: frozenset[str] = frozenset(), path_label: str = "",
                 start: Path | None = None, **kw: Any) -> None:
        super().__init__(**kw)
        self.home = Path.home() if home is None else home
        self.places = drive_list.places(self.home, drives)
        self.zips = zips
        self.files = files
        self.path_label = path_label or t("exchange.picker.path")
        # start where a flash disk is, when one is plugged in: that is where bundles travel;
        # or where the officer already was (a screen rebuilt for a language switch): the tree
        # highlights its root once mounted, and that root must be the chosen place
        # (a drive listed a moment ago may be gone: the first place that is a folder)
        firsts = [p.path for p in self.places if _is_folder(p.path)]
        self.start = start if start is not None and _is_folder(start) else (firsts or [self.home])[0]

    def compose(self) -> ComposeResult:
        options = []
        for i, place in enumerate(self.places):
            line = Text(no_wrap=True, overflow="ellipsis")
            if place.removable:
                line.append(t("exchange.picker.drive") + " ", style="bold")
            else:
                line.append(t("exchange.picker.home") + " ", style="bold")
            line.append(shown(place.path, self.home), style="dim" if not place.removable else "")
            options.append(Option(line, id=f"place-{i}"))
        places = PlaceList(*options, id="places")
        places.border_title = t("exchange.picker.places")
        if not any(p.removable for p in self.places):
            places.border_subtitle = t("exchange.picker.no_drive")
        yield places
        tree = PlaceTree(self.start, zips=self.zips, files=self.files, id="tree")
        tree.border_title = t("exchange.picker.tree")
        yield tree
        with Horizontal(id="path-row"):
            yield Label(self.path_label)
            yield Input(shown(self.start, self.home), id="path", compact=True, select_on_focus=False)

    @property
    def tree(self) -> PlaceTree:  # type: ignore[override]  # (DOMNode.tree draws the DOM for debugging)
        return self.query_one(PlaceTree)

    @property
    def path(self) -> Path | None:
        """The chosen place: what the path line says (the tree keeps it up to date)."""
        return typed(self.query_one("#path", Input).value)

    def set_path(self, path: Path) -> None:
        field = self.query_one("#path", Input)
        field.value = shown(path, self.home)
        field.cursor_position = len(field.value)

    def start_typing(self, text: str) -> None:
        """A location typed from the tree or the places list: the path line starts afresh
        with it and takes the focus now, so the next key lands there."""
        field = self.query_one("#path", Input)
        field.value = text
        field.cursor_position = len(text)
        self.screen.set_focus(field)

    @property
    def typing(self) -> bool:
        """The path line has the focus (a key reaching the tree now was typed into it)."""
        return self.screen.focused is self.query_one("#path", Input)

    def follow_typing(self, event: events.Key) -> None:
        """A key of a burst that reached the tree after the focus moved to the path line: what
        the path line would have done with it."""
        field = self.query_one("#path", Input)
        if event.key == "enter":
            field.call_later(field.action_submit)
        elif event.key == "backspace":
            field.action_delete_left()
        elif event.is_printable and event.character:
            field.insert_text_at_cursor(event.character)

    # --- events ------------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "places":
            return
        event.stop()
        place = self.places[int((event.option.id or "place-0").rpartition("-")[2])]
        self.tree.path = place.path
        self.set_path(place.path)
        self.tree.focus()

    def on_tree_node_highlighted(self, event: PlaceTree.NodeHighlighted[DirEntry]) -> None:
        entry = event.node.data
        if entry is not None:
            self.set_path(Path(entry.path))

    def on_directory_tree_directory_selected(self, event: DirectoryTree.DirectorySelected) -> None:
        event.stop()
        self.post_message(self.Picked(Path(event.path)))

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.post_message(self.Picked(Path(event.path)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "path":
            return
        event.stop()
        path = self.path
        if path is not None:
            self.post_message(self.Picked(path))
