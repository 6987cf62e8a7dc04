"""The library's gettext catalogs: every label in ``zh_Hans``, ``zh_Hant`` and ``en``.

A :class:`~disclosure_report.Label` is a gettext message whose context is a stable key
(``t3.row.granted``) and whose id is English. The ``zh_Hans`` catalog holds the official wording
of the national format character for character, ``zh_Hant`` the same wording in traditional
characters, and ``en`` careful English.

Locale names are resolved through an explicit chain rather than gettext's own expansion, which
silently misses ``zh_Hans`` for ``zh_CN`` and so returns the English ids: ``zh``, ``zh_CN``,
``zh-Hans``, ``zh_SG`` … resolve to ``zh_Hans``; ``zh_TW``, ``zh_HK``, ``zh-Hant`` … to
``zh_Hant``; ``en_US``, ``en-GB`` … to ``en``. Anything else, and a catalog that was never
compiled, raises :class:`~disclosure_report.UnsupportedLocaleError` instead of falling back to
the ids. Nothing here installs ``_`` into builtins: pass a locale explicitly.
"""

from __future__ import annotations

import functools
import gettext

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final, TypeVar

from disclosure_report.exceptions import UnsupportedLocaleError
from disclosure_report.model import Label


# Babel is imported only where it is needed: to parse a locale identifier that is not the name
# of a catalog, and for translations(). translate() reads the catalogs with the standard
# library's gettext (Babel's Translations is a subclass of its GNUTranslations), so that a
# command line run whose output needs only the catalogs starts without Babel.
if TYPE_CHECKING:
    import babel.support


__all__ = [
    "DOMAIN",
    "LOCALE_DIR",
    "SUPPORTED_LOCALES",
    "report_title",
    "resolve_locale",
    "translate",
    "translations",
]

SUPPORTED_LOCALES: Final = ("zh_Hans", "zh_Hant", "en")
"""The locales that have a catalog, by the names of their catalog directories."""

DOMAIN: Final = "disclosure_report"
"""The gettext domain of the catalogs."""

LOCALE_DIR: Final = Path(__file__).resolve().parent.parent / "locale"
"""The directory holding ``<locale>/LC_MESSAGES/disclosure_report.mo``."""


def resolve_locale(locale: str) -> str:
    """The supported locale that serves *locale*.

    *locale* is a POSIX or BCP 47 identifier (``zh_CN``, ``zh-Hant-TW``, ``en-GB``). Chinese
    without a script resolves by region (Taiwan, Hong Kong and Macau to ``zh_Hant``, any other
    or none to ``zh_Hans``); every English locale resolves to ``en``.

    Raises:
        UnsupportedLocaleError: For any other locale and for identifiers that are not locales.
    """
    _check_type(locale)
    return _resolve(locale)


def translations(locale: str) -> babel.support.Translations:
    """The catalog serving *locale* (see :func:`resolve_locale`), loaded once and cached.

    Raises:
        UnsupportedLocaleError: When *locale* is not supported, or its compiled catalog (``.mo``)
            is missing or unreadable: never an empty catalog that returns the English ids.
    """
    _check_type(locale)
    return _translations(locale)


def translate(label: Label, locale: str) -> str:
    """*label* in *locale*: the official wording for ``zh_Hans``.

    Raises:
        UnsupportedLocaleError: As :func:`translations` does.
    """
    _check_type(locale)
    return _catalog(locale).pgettext(label.context, label.english)


def _check_type(locale: object) -> None:
    if type(locale) is not str:
        raise UnsupportedLocaleError(f"a locale is a string, got {type(locale).__name__}")


@functools.lru_cache(maxsize=64)
def _resolve(locale: str) -> str:
    if locale in SUPPORTED_LOCALES:  # What Babel's chain below gives for them, without Babel.
        return locale
    return _resolve_with_babel(locale)


def _resolve_with_babel(locale: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        parsed = Locale.parse(locale.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise UnsupportedLocaleError(f"not a locale identifier: {locale!r}") from None
    if parsed.variant == "POSIX":  # "C" and "POSIX" parse as en_US_POSIX: no language asked for
        raise UnsupportedLocaleError(f"not a language: {locale!r}")
    script = parsed.script or ("Hans" if parsed.language == "zh" else None)
    chain = (str(parsed), f"{parsed.language}_{script}" if script else "", parsed.language)
    for name in chain:
        if name in SUPPORTED_LOCALES:
            return name
    raise UnsupportedLocaleError(
        f"no catalog for locale {locale!r}; supported: {', '.join(SUPPORTED_LOCALES)}"
    )


@functools.lru_cache(maxsize=64)
def _translations(locale: str) -> babel.support.Translations:
    return _load(_resolve(locale))


@functools.cache
def _load(name: str) -> babel.support.Translations:
    from babel.support import Translations

    return _open(name, lambda f: Translations(f, domain=DOMAIN))


@functools.lru_cache(maxsize=64)
def _catalog(locale: str) -> gettext.GNUTranslations:
    return _read(_resolve(locale))


@functools.cache
def _read(name: str) -> gettext.GNUTranslations:
    return _open(name, gettext.GNUTranslations)


_T = TypeVar("_T", bound=gettext.GNUTranslations)


def _open(name: str, parse: Callable[[BinaryIO], _T]) -> _T:
    """The compiled catalog of the supported locale *name*, parsed by *parse*."""
    path = LOCALE_DIR / name / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as f:
            return parse(f)
    except OSError as error:
        raise UnsupportedLocaleError(
            f"the compiled catalog of {name} is missing or unreadable ({error}); "
            "reinstall the package, or run scripts/update_catalogs.py in a checkout"
        ) from None


def report_title(agency: str, year: int, locale: str) -> str:
    """The title of the report of *agency* for *year* in *locale*
    (``自治区机关事务管理局2023年政府信息公开工作年度报告``), without a gap where a blank agency's
    name would stand.

    Raises:
        UnsupportedLocaleError: For a locale without a catalog.
    """
    from disclosure_report.model import REPORT_TITLE, REPORT_TITLE_WITHOUT_AGENCY

    if agency.strip():
        return translate(REPORT_TITLE, locale).format(agency=agency, year=year)
    return translate(REPORT_TITLE_WITHOUT_AGENCY, locale).format(year=year)
