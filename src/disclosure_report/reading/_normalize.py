"""Normalisation of labels, so that the variants of real reports match the official wording.

:func:`fold` makes text comparable: full-width forms become half-width (NFKC), traditional
characters become simplified, whitespace goes (``商业 企业``), quotes go. :func:`split_label` then
separates the item number (``一、`` ``（一）`` ``1.`` ``1、`` ``1．``) from the label's core, and
drops parenthetical annotations (``规章（设区的市…）``) and punctuation, and applies the known
wording variants (``补证`` for 补正, ``本年制作件数`` for 本年制发件数 …). A core is case-folded, so
that an English label (``(2) Partially disclosed (separable cases …)``, core ``partiallydisclosed``)
matches however it is capitalised.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from typing import Final

import attrs


__all__ = ["TRANSLATED_LOCALES", "Split", "fold", "heading_key", "split_label"]

TRANSLATED_LOCALES: Final = ("en",)
"""The catalogs, besides the official Chinese, whose wording the reader matches: labels,
headings, the title and units as the library renders them in that language. (Traditional
characters need no catalog: :func:`fold` makes them simplified.)"""

# Traditional characters that occur in the format's labels and headings, and their simplified
# forms. Reports on traditional-character mirror sites use them. Every zh_Hant label of every
# registered version must fold to its zh_Hans wording (tests/reading/test_normalize.py checks
# it): a version that brings a new traditional character adds it here. The folding is for
# comparing only, so a character simplified by meaning (覆 of 反覆, 复) may fold here although
# simplified text keeps it elsewhere (覆盖): both sides fold alike.
_TRADITIONAL = (
    "規规範范類类況况開开處处訴诉複复復复議议結结維维糾纠審审計计請请機机關关決决數数許许罰罚"
    "強强製制費费採采購购總总額额條条與与歸归來来報报發发廢废現现證证補补務务訊讯權权護护險险"
    "國国產产過过舉举訪访讓让導导應应於于為为對对單单號号會会經经濟济業业構构組组織织師师資资"
    "門门戶户網网統统項项據据狀状級级縣县鄉乡鎮镇區区廳厅辦办員员學学醫医衛卫進进財财稅税環环"
    "質质監监獲获價价說说實实際际種种準准則则標标變变轉转續续屬属滿满點点圍围執执們们個个樣样"
    "萬万億亿適适當当穩稳詢询沒没確确認认繳缴納纳繼继盡尽並并從从無无檔档歲岁"
    "筆笔傳传兩两齊齐亂乱雜杂禮礼衝冲啟启邊边齡龄檢检驗验間间問问題题圖图書书這这裡里麼么"
    "內内後后動动訟讼減减體体覆复係系層层稱称華华試试誤误負负錯错寫写"
)
_TO_SIMPLIFIED = str.maketrans(
    {_TRADITIONAL[i]: _TRADITIONAL[i + 1] for i in range(0, len(_TRADITIONAL) - 1, 2)}
)
# Characters removed before comparing: whitespace of every kind, quotes, Markdown emphasis.
_DROP = re.compile("[\\s\u200b\ufeff\"'\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f*#`]+")
_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUMBERED = re.compile(
    r"^(?:"
    r"\(([一二三四五六七八九十]{1,3})\)[、.,:]?"  # (一)
    r"|([一二三四五六七八九十]{1,3})[、.,:]"  # 一、
    r"|\((\d{1,2})\)[、.,:]?"  # (1)
    r"|(\d{1,2})(?:[、.,:)]|(?=[^\d.,%]))"  # 1. 1、 1) or 1 before a letter
    r")"
)
_BALANCED = re.compile(r"\([^()]*\)")
_PUNCTUATION = re.compile(r"[、,.;:!?。/\\()\[\]{}<>《》【】\-_~…·]+")
# Wording variants of real reports, applied to a label's core (after punctuation is dropped).
_MAX_LABEL = 300
"""Longer text is narrative, never a label; only its beginning is looked at."""
_JOINER = "\u203a"
"""What joins a label to the labels spanning it where cells cannot merge (Markdown)."""
_VARIANTS = (
    ("补证", "补正"),
    ("本年制作件数", "本年制发件数"),
    ("规范性档案", "规范性文件"),
    ("合计", "总计"),
)


@attrs.frozen
class Split:
    """A label split into its item number and its core.

    Attributes:
        number: The item number (``三`` and ``（三）`` and ``3.`` all give 3), ``None`` if none.
        core: The label's words: no number, no annotations in parentheses, no punctuation,
            case-folded.
    """

    number: int | None
    core: str


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Make *text* comparable: NFKC, simplified characters, no whitespace or quotes."""
    text = unicodedata.normalize("NFKC", text).translate(_TO_SIMPLIFIED)
    return _DROP.sub("", text)


@functools.lru_cache(maxsize=4096)
def heading_key(text: str) -> str:
    """*text* folded and case-folded, its punctuation kept: how a heading or caption worded by
    another catalog (``Article 20, item (5)``, ``I. Overview``) is compared, since its numbers
    and punctuation tell it from its siblings (``article20,item(5)``)."""
    return fold(text).casefold()


@functools.lru_cache(maxsize=4096)
def split_label(text: str) -> Split:
    """Split a printed label into its item number and its core (see :class:`Split`).

    A label joined to the labels spanning it with U+203A (as a Markdown table, which cannot merge
    cells, joins ``三、本年度办理结果`` and ``（一）予以公开``) is its last part.
    """
    folded = fold(text[:_MAX_LABEL].rpartition(_JOINER)[2])
    number: int | None = None
    match = _NUMBERED.match(folded)
    if match:
        found = next(g for g in match.groups() if g is not None)
        number = int(found) if found.isdigit() else _chinese_number(found)
        folded = folded[match.end() :]
    core = _strip_parentheses(folded)
    core = _PUNCTUATION.sub("", core).casefold()
    for variant, official in _VARIANTS:
        core = core.replace(variant, official)
    return Split(number, core)


def _strip_parentheses(text: str) -> str:
    """Drop annotations in parentheses, including one left open at the end."""
    for _ in range(4):  # annotations nest at most a few levels deep
        stripped = _BALANCED.sub("", text)
        if stripped == text:
            break
        text = stripped
    opened = text.find("(")
    if opened > 0:
        text = text[:opened]
    return text


def _chinese_number(text: str) -> int | None:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0)
    if text.endswith("十"):
        return _CN_DIGITS.get(text[:-1], 0) * 10
    if "十" in text:
        tens, ones = text.split("十", 1)
        return _CN_DIGITS.get(tens, 0) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(text)
