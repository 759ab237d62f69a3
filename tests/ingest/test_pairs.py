"""Each fact's pair of countries and the side that states it, per fact, not per document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.test_architecture import forbidden, imported_modules
from tradewatch.ingest.extract import Fact, facts_from_text

DOCS = Path(__file__).with_name("docs")
INGEST = Path(__file__).resolve().parents[2] / "tradewatch" / "ingest"


def _facts(stem: str, published: date | None = None) -> list[Fact]:
    text = (DOCS / f"{stem}.txt").read_text(encoding="utf-8")
    return list(facts_from_text(text, published=published).facts)


def _summary(facts: list[Fact]) -> list[tuple[str, str | None, str, object, str | None]]:
    return [(f.reporter, f.partner, f.flow, f.value_usd, f.side) for f in facts]


def test_a_report_about_several_pairs_gives_each_fact_its_pair() -> None:
    """A Tajik agency report on trade with Russia, Kazakhstan and Uzbekistan: one pair per
    figure, Tajik statistics for the figures, and each official's own side for the targets."""
    facts = _facts("20_tajikistan_partners", date(2025, 2, 18))
    assert _summary(facts) == [
        ("TJK", "RUS", "turnover", 1_720_000_000, "TJK"),
        ("TJK", "KAZ", "turnover", 1_050_000_000, "TJK"),
        ("TJK", "UZB", "turnover", 640_000_000, "TJK"),
        ("TJK", "UZB", "exports", 185_000_000, "TJK"),
        ("TJK", "KAZ", "turnover", 2_000_000_000, "TJK"),  # a minister named without country
        ("TJK", "UZB", "turnover", 1_500_000_000, "UZB"),  # the Uzbek ambassador's
    ]


def test_a_foreign_official_inside_a_home_agency_report_speaks_for_his_country() -> None:
    facts = _facts("21_belarus_uzbekistan_ambassador", date(2025, 3, 3))
    assert [(f.kind, {f.reporter, f.partner}, f.side, f.speaker) for f in facts] == [
        ("figure", {"BLR", "UZB"}, "UZB", "Bakhtiyor Ibragimov"),
        ("target", {"BLR", "UZB"}, "UZB", "Bakhtiyor Ibragimov"),
        ("figure", {"BLR", "UZB"}, "BLR", None),  # BelTA's own, a state agency's word
    ]


def test_statistics_offices_speak_for_their_country() -> None:
    """Two statistics offices in one report, with different numbers: one side each; "the
    committee said" refers back to the office named before."""
    facts = _facts("22_armenia_georgia_statistics", date(2025, 2, 14))
    assert _summary(facts) == [
        ("ARM", "GEO", "turnover", 410_000_000, "ARM"),
        ("ARM", "GEO", "exports", 150_000_000, "ARM"),
        ("ARM", "GEO", "turnover", 432_000_000, "GEO"),
    ]


def test_a_fact_nobody_states_has_no_side() -> None:
    facts = _facts("23_kenya_tanzania_unattributed")
    assert [({f.reporter, f.partner}, f.side) for f in facts] == [
        ({"KEN", "TZA"}, None),
        ({"KEN", "TZA"}, None),
    ]


@pytest.mark.parametrize(
    ("text", "pair", "side"),
    [
        # the default home completes a pair only when the text names one country
        ("Trade with China reached $8.4 billion in 2023.", ("BLR", "CHN"), None),
        ("Trade between Kenya and Uganda reached $1 billion in 2023.", ("KEN", "UGA"), None),
        # a dateline is where the reporter stood, not whose numbers they are
        ("NAIROBI, 3 May – Trade with Uganda reached $1 billion in 2023.", ("KEN", "UGA"), None),
        # an official named without a country holds office where the report is filed
        (
            "NAIROBI, 3 May – Trade with Uganda reached $1 billion in 2023, Trade Minister Rebecca "
            "Miano said.",
            ("KEN", "UGA"),
            "KEN",
        ),
        # ... but an ambassador serves abroad
        (
            "NAIROBI, 3 May – Trade with Uganda reached $1 billion in 2023, Ambassador Joseph "
            "Ochieng said.",
            ("KEN", "UGA"),
            None,
        ),
        # a private agency reports, a state agency speaks
        (
            "Trade between Kenya and Uganda reached $1 billion in 2023, Interfax reports.",
            ("KEN", "UGA"),
            None,
        ),  # fmt: skip
        (
            "Trade between Russia and Kenya reached $1 billion in 2023, TASS reports.",
            ("RUS", "KEN"),
            "RUS",
        ),  # fmt: skip
        # attributed to both sides, or to no one known
        (
            "Kenya and Uganda aim to double trade to $2 billion by 2030, the ministers said in a "
            "joint statement.",
            ("KEN", "UGA"),
            None,
        ),
        (
            "Trade between Kenya and Uganda reached $1 billion in 2023, officials said, according "
            "to KNA.",
            ("KEN", "UGA"),
            None,
        ),
        # an institution in the sentence, by adjective, possessive or "of"
        (
            "Ugandan customs data show trade with Kenya reached $1 billion in 2023.",
            ("UGA", "KEN"),
            "UGA",
        ),  # fmt: skip
        (
            "Trade with Kenya reached $1 billion in 2023, Uganda's statistics bureau said.",
            ("UGA", "KEN"),
            "UGA",
        ),  # fmt: skip
        (
            "Trade between Kenya and Uganda reached $1 billion in 2023, according to the customs "
            "service of Uganda.",
            ("KEN", "UGA"),
            "UGA",
        ),
    ],
)
def test_pair_and_side(text: str, pair: tuple[str, str], side: str | None) -> None:
    (fact,) = facts_from_text(" date 2024-05-10 " + text).facts
    assert {fact.reporter, fact.partner} == set(pair)
    assert fact.side == side


@pytest.mark.parametrize(
    ("sentence", "reporter", "partner", "flow"),
    [
        ("Turkish exports to Uzbekistan reached $1.8 billion in 2023.", "TUR", "UZB", "exports"),
        ("Exports from Georgia to Armenia reached $150 million in 2023.", "GEO", "ARM", "exports"),
        (
            "Georgia imported $488 million of goods from Azerbaijan in 2023.",
            "GEO",
            "AZE",
            "imports",
        ),  # fmt: skip
        ("China's imports from Ghana were $1.3 billion in 2015.", "CHN", "GHA", "imports"),
        ("Imports from China into Kenya reached $3 billion in 2023.", "KEN", "CHN", "imports"),
        ("Sales to Vietnam of Indian rice reached $2 billion in 2023.", "IND", "VNM", "exports"),
    ],
)
def test_the_reporter_of_a_flow_is_the_country_whose_flow_it_is(
    sentence: str, reporter: str, partner: str, flow: str
) -> None:
    (fact,) = facts_from_text(" date 2024-05-10 " + sentence).facts
    assert (fact.reporter, fact.partner, fact.flow) == (reporter, partner, flow)


def test_a_ranking_pairs_each_partner_with_the_focal_country() -> None:
    text = (
        " date 2024-05-10 BANGKOK, 2 May (TNA) – Thailand's border trade grew last year. "
        "Malaysia was the biggest partner with trade of $9.1 billion, up 4 per cent, followed by "
        "Laos with $7.2 billion."
    )
    facts = facts_from_text(text).facts
    assert [({f.reporter, f.partner}, f.value_usd, f.side) for f in facts] == [
        ({"THA", "MYS"}, 9_100_000_000, "THA"),
        ({"THA", "LAO"}, 7_200_000_000, "THA"),
    ]


def test_the_two_countries_of_a_report_about_one_pair() -> None:
    """A sentence naming no country ("the two countries") takes the report's pair, not a third
    country named in passing in an earlier paragraph."""
    text = (
        " date 2024-05-10 MINSK, 2 May (BelTA) – Belarus issues decrees on cooperation with "
        "Russia, China and other countries, Aleksandr Lukashenko said.\n\n"
        "He met the Kyrgyz ambassador to discuss trade with Kyrgyzstan and the Kyrgyz market.\n\n"
        "Kyrgyzstan is an important partner for Belarus.\n\n"
        "Trade between the two countries reached $160 million in 2023, he said."
    )
    (fact,) = facts_from_text(text).facts
    assert (fact.reporter, fact.partner, fact.side) == ("BLR", "KGZ", "BLR")


@pytest.mark.parametrize("name", ["countries.py", "signals.py", "pairs.py"])
def test_new_extractor_modules_are_pure(name: str) -> None:
    assert forbidden(imported_modules(INGEST / name)) == set()
