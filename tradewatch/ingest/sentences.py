"""Where sentences and paragraphs of a report begin and end.

Decides the spans the extractor reads one at a time: paragraphs are non-empty lines, sentences
end after ., ! or ? unless an abbreviation or an initial precedes it.  Spans are offsets into
the original text, trimmed of surrounding whitespace.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "gov",
        "gen",
        "lt",
        "col",
        "sen",
        "rep",
        "prof",
        "approx",
        "est",
        "dept",
        "fig",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
        "jr",
        "sr",
    ]
)
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s+[\"“‘(\[$•A-Z0-9\u00C0-\u00DE])")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end], trimmed of surrounding whitespace.

    Splits after ., ! or ? (plus closing quotes) when the next word starts a sentence; not after
    abbreviations ("Jan.", "U.S.") or single initials ("A. Lukashenko").  Decimals never split
    because a boundary needs whitespace after it.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        word = _WORD_BEFORE_RE.search(text, max(start, m.start() - 12), m.start())
        before = word.group(1).lower().rstrip(".") if word else ""
        if text[m.start()] == "." and (
            before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha())
        ):
            continue
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, end))
    return [trimmed for s, e in spans if (trimmed := trim(text, s, e))]


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        trimmed = trim(text, m.start(), m.end())
        if trimmed:
            spans.append(trimmed)
    return spans
