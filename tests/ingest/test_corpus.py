"""The extractor against hand-written wire reports about other country pairs (strict)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tradewatch.ingest.extract import facts_from_text

from .matching import pair, strict_match, with_reporter

DOCS = Path(__file__).with_name("docs")
CASES = sorted(p.stem for p in DOCS.glob("*.txt"))


def _load(stem: str) -> tuple[str, dict, dict]:
    text = (DOCS / f"{stem}.txt").read_text(encoding="utf-8")
    spec = json.loads((DOCS / f"{stem}.json").read_text(encoding="utf-8"))
    published = date.fromisoformat(spec["published"]) if spec.get("published") else None
    # no `home`: the reporter must be inferred from the text, as `manage.py extract` does
    result = facts_from_text(text, published=published).to_json(stem)
    return text, spec, result


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 19
    assert all((DOCS / f"{stem}.json").exists() for stem in CASES)


@pytest.mark.parametrize("stem", CASES)
def test_reporter_is_decided_by_the_text(stem: str) -> None:
    """Every corpus report says who is reporting: a sentinel default never leaks through."""
    text = (DOCS / f"{stem}.txt").read_text(encoding="utf-8")
    spec = json.loads((DOCS / f"{stem}.json").read_text(encoding="utf-8"))
    assert facts_from_text(text, default_home="ATA").reporter == spec["home"]


@pytest.mark.parametrize("stem", CASES)
def test_document(stem: str) -> None:
    text, spec, result = _load(stem)
    expected = with_reporter(spec["facts"], spec["home"])
    pairs, missed, extra = pair(expected, result["facts"], strict_match)
    problems = [f"missed {m}" for m in missed] + [f"extra {e}" for e in extra]
    assert not problems, "\n".join(problems)
    assert result["document_date"] == spec["document_date"]
    assert result["date_inferred"] == spec["date_inferred"]
    assert result["reporter"] == spec["home"]
    for want, got in pairs:
        # the pair per fact: the home country first, unless the flow is the other's exports
        assert got["reporter"] == want["reporter"] != got["partner"], got["quote"]
        assert text[got["start"] : got["end"]] == got["quote"]
        if "speaker" in want:
            assert got["speaker"] == want["speaker"], got["quote"]
        if "side" in want:
            assert got["side"] == want["side"], got["quote"]
