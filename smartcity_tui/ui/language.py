"""Switching the interface between Bahasa Indonesia and English while the app runs (F4, or
"Bahasa" in the command palette), remembered in the user's settings.

Everything on screen is made with t() when it is built, so a switch has to build it again:
- key labels: Textual copies a class's bindings into each widget when it is made, and our
  classes made theirs when they were imported. The switch rewrites the labels in place in
  every loaded class (so widgets made later are right) and in every live widget (so the
  footer, help and palette are right now), looking each binding up by its id in the key map.
- screens: one that knows how to rebuild itself keeps its state (`relanguage()`: the pillar
  screen keeps its view, filter, sort and cursor); any other plan screen on the stack is
  composed afresh and drawn from the plan; screens installed but not on show are forgotten
  and made anew, in the new language, when next opened.
"""

from __future__ import annotations

import inspect
from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from ..i18n import CATALOGS, LANGUAGES, get_language, set_language, t
from . import keys

PACKAGE = __name__.split(".")[0]


def other_language(lang: str | None = None) -> str:
    lang = lang or get_language()
    return LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]


def _spec_binding(binding: Binding) -> Binding:
    spec = keys.BY_ID.get(binding.id or "")
    if spec is None:
        return binding
    group = Binding.Group(t(spec.group), compact=True) if spec.group else None
    return replace(binding, description=t(spec.label), tooltip=t(spec.help) if spec.help else "", group=group)


def _catalog_keys(cls: type) -> dict[str, str]:
    """Binding id -> catalog key, for bindings a class declares with a catalog key as its
    description (the programme table and form translate theirs per widget)."""
    out: dict[str, str] = {}
    for base in reversed(cls.__mro__):
        for b in base.__dict__.get("BINDINGS", ()):
            if isinstance(b, Binding) and b.id and b.description in CATALOGS["id"]:
                out[b.id] = b.description
    return out


def _relabel_map(bindings: BindingsMap, catalog: dict[str, str]) -> None:
    table = bindings.key_to_bindings
    for key, listed in table.items():
        out = []
        for b in listed:
            if b.id in keys.BY_ID:
                b = _spec_binding(b)
            elif b.id in catalog:
                b = replace(b, description=t(catalog[b.id]))
            out.append(b)
        table[key] = out


def _our_classes() -> list[type]:
    seen: set[type] = set()
    todo = [DOMNode]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return [c for c in seen if c.__module__.split(".")[0] == PACKAGE]


def relabel_classes() -> None:
    """Key labels of every loaded class of ours in the current language: the BINDINGS lists
    (a subclass imported later merges them) and the merged map each new widget copies."""
    for cls in _our_classes():
        declared = cls.__dict__.get("BINDINGS")
        if isinstance(declared, list):
            declared[:] = [_spec_binding(b) if isinstance(b, Binding) else b for b in declared]
        if "_merged_bindings" in cls.__dict__ and cls._merged_bindings is not None:
            _relabel_map(cls._merged_bindings, {})


def _screens(app) -> list[Screen]:
    """Every screen alive: those on the stack and those installed (made, not on show)."""
    screens = list(app.screen_stack)
    screens += [s for s in app._installed_screens.values() if isinstance(s, Screen) and s not in screens]
    return screens


def relabel_live(app) -> None:
    """Key labels of the app and of every widget of every screen, in the current language."""
    _relabel_map(app._bindings, _catalog_keys(type(app)))
    for screen in _screens(app):
        for node in screen.walk_children(with_self=True):
            _relabel_map(node._bindings, _catalog_keys(type(node)))


def align_labels(app) -> None:
    """At start: the classes were labelled when imported; when the language was chosen after
    that (settings, a test), label them again. Cheap when nothing differs."""
    spec = keys.BY_ID["app.help"]
    shown = [b.description for b in app._bindings.key_to_bindings.get("f1", []) if b.id == spec.id]
    if shown and shown[0] != t(spec.label):
        relabel_classes()
        relabel_live(app)
        app.refresh_bindings()


async def switch_language(app, lang: str | None = None) -> str:
    """Show the whole interface in `lang` (default: the other one) and remember it."""
    lang = lang or other_language()
    set_language(lang)
    relabel_classes()
    relabel_live(app)
    if app.store is not None and not app.save_failed:
        app._show_saved()
    elif app.save_failed:
        app.save_note = t("ui.save.failed")
    for name, screen in list(app._installed_screens.items()):
        if isinstance(screen, Screen) and screen not in app.screen_stack:
            app.uninstall_screen(name)  # made again, in the new language, when next opened
            if screen.is_mounted:  # as Textual does with a popped screen that is not installed
                await screen.remove()
    for screen in list(app.screen_stack):
        await _rebuild(screen)
    app.refresh_bindings()
    app.settings.remember_language(lang)
    app.notify(t("lang.switched"), timeout=3)
    return lang


async def _rebuild(screen) -> None:
    if type(screen).__module__.split(".")[0] != PACKAGE:
        return  # Textual's own (the bottom screen, the palette)
    hook = getattr(screen, "relanguage", None)
    if callable(hook):
        await hook()
        return
    if isinstance(screen, ModalScreen):
        return  # a form or picker is made for one use; the next one is in the new language
    focused = screen.focused.id if screen.focused is not None else None
    await screen.recompose()
    if hasattr(screen, "seen_version"):
        screen.seen_version = -1
    mount = getattr(screen, "on_mount", None)
    if callable(mount):
        result = mount()
        if inspect.isawaitable(result):
            await result
    if focused:
        try:
            screen.query_one(f"#{focused}").focus()
        except Exception:  # the widget is not there after the rebuild: Textual focuses another
            pass
