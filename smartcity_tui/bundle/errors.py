"""BundleError: everything that can go wrong writing or reading a bundle, as one message for
a person in Bahasa Indonesia or English: where (bundle, file, line) and what to do."""

from __future__ import annotations

from ..i18n import Reason, os_reason, t

# Messages about the bundle as a whole, which name it themselves: no "Bundle X, file Y:" before
WHOLE_BUNDLE = {"no_such_bundle", "not_a_bundle", "is_sheet", "is_plan", "is_document",
                "folder_of_bundles", "no_bundle_here", "bundle_deeper", "zip_no_bundle",
                "zip_bundle_deeper", "zip_many_bundles", "zip_in_zip"}


class BundleError(Exception):
    """`file` is the file inside the bundle (e.g. "pillars/economy.toml") or, when writing,
    the target path; `line` is set for TOML errors and records whose line is known."""

    def __init__(self, key: str, file: str = "", line: int | None = None, /, *,
                 bundle: str = "", **params: object) -> None:
        self.key = key
        self.file = file
        self.line = line
        self.bundle = bundle
        self.params = {"file": file, "line": line, "bundle": bundle, **params}
        # Exception's own, not super(): a subclass that is a MergeError too (merge_erased.py)
        # must not run MergeError's, which would read the message as a key
        Exception.__init__(self, self.message("en"))

    def message(self, lang: str | None = None) -> str:
        params = dict(self.params)
        for name, value in self.params.items():
            # a parameter that is itself a message (e.g. a type's name) in the same language
            if name.endswith("_msg") and isinstance(value, str):
                params[name[:-4]] = t(value, lang)
        what = t(f"bundle.{self.key}", lang, **params)
        if not self.bundle or self.key in WHOLE_BUNDLE:
            return what  # the message itself names the target (writing) or the bundle
        where_key = "bundle.where_line" if self.line else "bundle.where" if self.file else "bundle.where_bundle"
        where = t(where_key, lang, **params)
        return f"{where}: {what}"

    def placed(self, bundle: str, file: str, line: int | None = None) -> BundleError:
        """The same error, placed in a bundle's file (a record check runs before it knows where
        the record came from)."""
        params = {k: v for k, v in self.params.items() if k not in ("file", "line", "bundle")}
        return BundleError(self.key, file, line, bundle=bundle, **params)

    def __str__(self) -> str:
        return self.message()


class Problem(Reason):
    """A BundleError as a parameter of another message, in that message's language."""

    def __init__(self, error: BundleError) -> None:
        super().__init__(f"bundle.{error.key}")
        self.error = error

    def text(self, lang: str | None = None) -> str:
        return self.error.message(lang)


class WriterProblem(Problem):
    """What the reader would refuse, said to the team exporting: without the reader's advice
    to ask the sending team to export again, which is this team, exporting now."""

    def text(self, lang: str | None = None) -> str:
        again = t("bundle.again", lang)
        return self.error.message(lang).replace(" " + again, "").replace(again, "").rstrip()


class ParserReason(Reason):
    """Why a parser (tomllib, zipfile) gave up, in the officer's language, with the library's
    own English words as a labelled technical detail (as `os_reason` does for the OS)."""

    def text(self, lang: str | None = None) -> str:
        why = t(self.key, lang)
        return t("bundle.reason.with_detail", lang, why=why, detail=self.detail) if self.detail else why


# tomllib's messages (their start) -> what a person is told
_TOML_REASONS = (
    (("Cannot declare", "Cannot overwrite", "Cannot redefine", "Cannot mutate", "Duplicate"),
     "bundle.reason.toml_twice"),
    (("Unterminated string",), "bundle.reason.toml_unclosed_text"),
    (("Unescaped", "Escaped character", "Invalid hex value"), "bundle.reason.toml_escape"),
    (("Illegal character", "Found invalid character"), "bundle.reason.toml_character"),
    (("Unclosed", "Expected ']"), "bundle.reason.toml_unclosed"),
    (("Expected", "Invalid initial character", "Invalid statement"), "bundle.reason.toml_statement"),
    (("Invalid value", "Invalid date"), "bundle.reason.toml_value"),
    (("Exceeds the limit",), "bundle.reason.toml_long_number"),
)


def toml_reason(detail: str) -> ParserReason:
    key = next((k for starts, k in _TOML_REASONS if detail.startswith(starts)), "bundle.reason.toml_other")
    return ParserReason(key, detail)


def zip_reason(error: BaseException) -> Reason:
    """Why a .zip or one of its members could not be read."""
    import zlib

    detail = str(error) or type(error).__name__
    if isinstance(error, OSError):
        return os_reason(error)
    if isinstance(error, NotImplementedError):
        return ParserReason("bundle.reason.zip_method", detail)
    if isinstance(error, zlib.error):
        return ParserReason("bundle.reason.zip_data", detail)
    if isinstance(error, EOFError):
        return ParserReason("bundle.reason.zip_cut", detail)
    if "CRC" in detail:
        return ParserReason("bundle.reason.zip_crc", detail)
    return ParserReason("bundle.reason.zip_damaged", detail)
