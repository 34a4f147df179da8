"""argparse's own words in Bahasa Indonesia.

argparse writes its usage lines, help headings and error messages in English through
gettext, looked up when they are shown. An officer who mistypes a command should not get an
Indonesian sentence with an English half, so the messages a person can meet are given here;
anything not listed (argparse's programmer errors, wording of newer Python versions) stays as
argparse says it.
"""

from __future__ import annotations

import argparse

from ..i18n import get_language

ID: dict[str, str] = {
    "usage: ": "cara pakai: ",
    "positional arguments": "argumen",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "argument %(argument_name)s: %(message)s": "isian %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "ambiguous option: %(option)s could match %(matches)s":
        "pilihan %(option)s belum jelas, bisa berarti %(matches)s",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah (%(type)s)",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "pilihan %(value)r tidak dikenal; pilih salah satu: %(choices)s",
    "not allowed with argument %s": "tidak boleh bersama %s",
    "ignored explicit argument %r": "nilai %r diabaikan",
}


_BY_LANGUAGE = {"id": ID}


def said(message: str) -> str:
    """One of argparse's messages (its English is the key) as argparse would say it now."""
    return _BY_LANGUAGE.get(get_language(), {}).get(message, message)  # others: argparse's English


def install() -> None:
    """Make argparse speak the current language (it looks `_` up on every message)."""
    argparse._ = said  # type: ignore[attr-defined]  # argparse's module-level gettext alias is private and untyped
