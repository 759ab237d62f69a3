"""Recall and precision of the extractor on the five real seed reports."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from tradewatch.ingest.countries import is_place_name
from tradewatch.ingest.extract import facts_from_text

from .matching import loose_match, pair, with_reporter

EXPECTED = json.loads((Path(__file__).with_name("seed_expected.json")).read_text(encoding="utf-8"))
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
MIN_RECALL, MIN_PRECISION = 0.9, 0.8
# "Today" for the yearless byline of seed 004 ("12:58, 5 February" -> 2026-02-05).
REFERENCE = date(2026, 11, 24)


def _seed_dir() -> Path:
    if not SEEDS.is_dir():
        reason = f"seed reports not found at {SEEDS} (expected <repo>/../shared/seeds)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return SEEDS


def _extract(name: str) -> tuple[str, dict]:
    text = (_seed_dir() / name).read_text(encoding="utf-8")
    # no `home`: the reporter is inferred from the text, as `manage.py extract` does
    return text, facts_from_text(text, reference=REFERENCE).to_json(name)


def test_seed_recall_and_precision() -> None:
    true_positive = expected_total = found_total = 0
    report = []
    for name, spec in EXPECTED.items():
        _, result = _extract(name)
        expected = with_reporter(spec["facts"], spec["home"])
        pairs, missed, extra = pair(expected, result["facts"], loose_match)
        true_positive += len(pairs)
        expected_total += len(spec["facts"])
        found_total += len(result["facts"])
        report += [f"{name}: missed {m}" for m in missed] + [f"{name}: extra {e}" for e in extra]
    recall = true_positive / expected_total
    precision = true_positive / found_total if found_total else 0.0
    print(
        f"seed recall {recall:.3f} precision {precision:.3f} "
        f"({true_positive}/{expected_total} expected, {found_total} found)"
    )
    print("\n".join(report))
    assert recall >= MIN_RECALL, "\n".join(report)
    assert precision >= MIN_PRECISION, "\n".join(report)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_reporter_is_inferred(name: str) -> None:
    _, result = _extract(name)
    assert result["reporter"] == EXPECTED[name]["home"]
    assert {fact["reporter"] for fact in result["facts"]} <= {EXPECTED[name]["home"]}
    # the text itself decides, not the default
    text = (_seed_dir() / name).read_text(encoding="utf-8")
    assert facts_from_text(text, default_home="ATA").reporter == EXPECTED[name]["home"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_document_date(name: str) -> None:
    _, result = _extract(name)
    assert result["document_date"] == EXPECTED[name]["document_date"]
    assert result["date_inferred"] == EXPECTED[name]["date_inferred"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_quotes_are_verbatim_and_speakers_resolved(name: str) -> None:
    text, result = _extract(name)
    for fact in result["facts"]:
        assert text[fact["start"] : fact["end"]] == fact["quote"]
    pairs, _, _ = pair(EXPECTED[name]["facts"], result["facts"], loose_match)
    for want, got in pairs:
        if "speaker" in want:
            assert got["speaker"] == want["speaker"], got["quote"]


def test_seed_not_facts() -> None:
    """Durations, counters and "50% more than we can consume" never become facts."""
    for name in EXPECTED:
        _, result = _extract(name)
        for fact in result["facts"]:
            assert "4.5 years" not in fact["quote"]
            assert "5:33" not in fact["quote"]
            assert "50% more" not in fact["quote"]
            assert "half again" not in fact["quote"]


def test_seed_speakers_are_never_countries() -> None:
    """Speakers are people: "Kazakhstan ranks as Belarus’s second-largest partner" names none."""
    for name in EXPECTED:
        _, result = _extract(name)
        for fact in result["facts"]:
            assert fact["speaker"] is None or not is_place_name(fact["speaker"]), fact["quote"]
