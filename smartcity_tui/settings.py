"""The user's own settings: the last plan opened, the language and theme last chosen, the
glyph set, and remapped keys; and where plans are kept by default.

A small TOML file in the user's config folder (platformdirs), written with tomli-w and read
with tomllib. It is a convenience, never a source of truth: a missing file means defaults,
and a settings file that cannot be written never stops anybody from working. A file that will
not read (Notepad on older Windows saves ANSI; `last_plan = "C:\\Users\\..."` typed by hand is
a bad TOML escape) is not written over, which would lose the key remaps in it: it is kept as
settings.toml.broken, said once on stderr and in `broken_notice` for the app to show.

Where plans go: the user's Documents folder (`Documents/smartcity-tui/rencana-induk.json`),
which officers see in Explorer and OneDrive backs up. Until this release the default was the
app's data folder (`%LOCALAPPDATA%\\smartcity-tui` on Windows): hidden in Explorer, not backed
up, wiped with non-persistent VDI profiles, and under Microsoft Store Python redirected into
the package's private folder, which a reset or an uninstall deletes. A plan found there keeps
working (it is opened when no last plan is remembered) and is never moved by the app: the app
says where it is and to copy it to Documents (`out_of_sight`). docs/windows.md has the why.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
import tomli_w

from .i18n import LANGUAGES
from .store.atomic import atomic_write_bytes

APP_NAME = "smartcity-tui"
DEFAULT_PLAN_FILE = "rencana-induk.json"
GLYPH_SETS = ("unicode", "ascii")


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def documents_dir() -> Path:
    """The user's Documents folder (on Windows the shell's own, also when OneDrive moved it)."""
    return Path(platformdirs.user_documents_dir())


def default_plan() -> Path:
    """Where the first-run form suggests a new plan: Documents/smartcity-tui/rencana-induk.json."""
    return documents_dir() / APP_NAME / DEFAULT_PLAN_FILE


def former_default_plan() -> Path:
    """The default plan of earlier releases, in the app's data folder: opened when no last plan
    is remembered, never moved (see the module's docstring)."""
    return data_dir() / DEFAULT_PLAN_FILE


def shown_path(path: Path) -> str:
    """Where a file is, as a person reads it: the whole path, with the home folder as `~` on
    Linux and macOS (Windows users do not know that notation: the whole path there)."""
    try:
        full = path.resolve()
    except OSError:
        full = path.absolute()
    if sys.platform != "win32":
        try:
            home = Path.home()
        except (RuntimeError, KeyError):  # no home folder known
            return str(full)
        if full.is_relative_to(home):
            return str(Path("~") / full.relative_to(home))
    return str(full)


def store_python() -> bool:
    """Running under the Microsoft Store's Python (or a venv made from it), which keeps what it
    writes to AppData in the package's private folder, deleted when the app is reset."""
    places = (sys.executable, sys.prefix, getattr(sys, "base_prefix", ""))
    return any("\\windowsapps\\" in p.lower() or "\\packages\\pythonsoftwarefoundation" in p.lower()
               for p in places if p)


def out_of_sight(plan: Path) -> bool:
    """A plan kept where officers will not find it and backups do not reach: the per-user
    application data (AppData on Windows, ~/.local/share, ~/Library/Application Support) or a
    Store package's private folder. The demo's copy lives there on purpose, and is not one."""
    try:
        path = plan.resolve()
    except OSError:
        path = plan.absolute()
    if path.is_relative_to(data_dir() / "demo"):
        return False
    if sys.platform == "win32":
        return hidden_on_windows(str(path))
    return path.is_relative_to(Path(platformdirs.user_data_dir()))


def hidden_on_windows(path: str) -> bool:
    """A Windows path inside AppData (hidden in Explorer, left out of OneDrive's backup) or a
    Store package's private folder."""
    text = path.lower().replace("/", "\\")
    return "\\appdata\\" in text or "\\packages\\pythonsoftwarefoundation" in text


def out_of_sight_notice(plan: Path) -> str:
    """What to tell an officer whose plan is out of sight (`out_of_sight`), or ""."""
    if not out_of_sight(plan):
        return ""
    from .i18n import t

    key = "win.out_of_sight_store" if store_python() else "win.out_of_sight"
    return t(key, path=shown_path(plan), documents=shown_path(documents_dir()))


@dataclass
class Settings:
    last_plan: str = ""
    language: str = ""  # "id" or "en"; empty: Bahasa Indonesia, unless --lang says otherwise
    theme: str = ""  # a Textual theme name, or "kontras-tinggi"; empty: Textual's default
    glyphs: str = ""  # "unicode" or "ascii" (ui/glyphs.py); empty: chosen from the console
    keys: dict[str, str] = field(default_factory=dict)  # binding id -> keys, e.g. "swot.new" = "a"
    path: Path | None = None  # where it lives; None keeps it in memory only (tests)
    broken_notice: str = ""  # a file that would not read was kept aside just now: what to say

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = settings_path() if path is None else path
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError as e:
            return cls._broken(path, "cli.settings_not_utf8", str(e))
        except tomllib.TOMLDecodeError as e:
            return cls._broken(path, "cli.settings_not_toml", str(e))
        except OSError:
            return cls(path=path)
        keys = raw.get("keys", {})

        def text(name: str) -> str:
            return raw.get(name, "") if isinstance(raw.get(name), str) else ""

        return cls(
            last_plan=text("last_plan"),
            language=text("language") if text("language") in LANGUAGES else "",
            theme=text("theme"),
            glyphs=text("glyphs") if text("glyphs") in GLYPH_SETS else "",
            keys={k: v for k, v in keys.items() if isinstance(v, str)} if isinstance(keys, dict) else {},
            path=path,
        )

    @classmethod
    def _broken(cls, path: Path, reason_key: str, detail: str) -> Settings:
        """Defaults, the unreadable file kept aside and said once. When it cannot be moved,
        the settings stay in memory only: the file is never written over."""
        from .i18n import Reason, t

        n, aside = 1, path.with_name(path.name + ".broken")
        while aside.exists():
            n += 1
            aside = path.with_name(f"{path.name}.broken-{n}")
        try:
            path.replace(aside)
        except OSError:
            return cls(path=None)
        notice = t("cli.settings_broken", path=path, reason=Reason(reason_key, detail), aside=aside)
        try:
            print(f"smartcity-tui: {notice}", file=sys.stderr)
        except (OSError, ValueError):
            pass
        return cls(path=path, broken_notice=notice)

    def to_toml(self) -> str:
        data: dict[str, object] = {}
        if self.last_plan:
            data["last_plan"] = self.last_plan
        if self.language:
            data["language"] = self.language
        if self.theme:
            data["theme"] = self.theme
        if self.glyphs:
            data["glyphs"] = self.glyphs
        if self.keys:
            data["keys"] = dict(sorted(self.keys.items()))
        return tomli_w.dumps(data)

    def save(self) -> bool:
        """Write the file; False when it could not be written (read-only home, full disk)."""
        if self.path is None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, self.to_toml().encode("utf-8"))
        except OSError:
            return False
        return True

    def remember_plan(self, plan: Path) -> None:
        resolved = str(plan.resolve())
        if resolved != self.last_plan:
            self.last_plan = resolved
            self.save()

    def remember_language(self, lang: str) -> None:
        if lang != self.language:
            self.language = lang
            self.save()

    def remember_theme(self, name: str) -> None:
        if name != self.theme:
            self.theme = name
            self.save()

    def apply_language(self, explicit: str | None) -> None:
        """Use the remembered language unless the command line named one (`--lang en`)."""
        from .i18n import set_language

        if not explicit and self.language:
            set_language(self.language)
