"""Who is reporting: the reporter inferred from the text when `home` is not given."""

from __future__ import annotations

from datetime import date

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradewatch.ingest.countries import nationality_in
from tradewatch.ingest.extract import facts_from_text
from tradewatch.ingest.names import LEADERS, leader_country
from tradewatch.ingest.signals import (
    AGENCIES,
    agencies_named,
    agency_signals,
    dateline_country,
    source_signals,
)

FIGURE = "Trade between Kazakhstan and Uzbekistan reached $4.4 billion in 2024"


KZ_UZ = {"KAZ", "UZB"}


@pytest.mark.parametrize(
    ("case", "text", "default_home", "reporter", "pair", "side"),
    [
        # A dateline says where the reporter stood, not whose numbers they are.
        ("dateline only", f"ASTANA, 12 March 2025 – {FIGURE}.", "BLR", "KAZ", KZ_UZ, None),
        ("dateline, title case", f"Tashkent, March 12 – {FIGURE}.", "BLR", "UZB", KZ_UZ, None),
        (
            # was "dateline of a third country" -> BLR: the home-country assumption
            "a dateline completes a pair the text names one country of",
            "MOSCOW, 12 March 2025 – Trade with Kazakhstan reached $4.4 billion in 2024.",
            "BLR",
            "RUS",
            {"RUS", "KAZ"},
            None,
        ),
        ("agency only", f"{FIGURE}, UzA reports.", "BLR", "UZB", KZ_UZ, "UZB"),
        (
            "agency in the dateline",
            f"12 March 2025 (Kazinform) – {FIGURE}.",
            "BLR",
            "KAZ",
            KZ_UZ,
            "KAZ",
        ),
        (
            "common word is no agency",
            "Trade with Azerbaijan reached $4.4 billion in 2024. The trend reports growth.",
            "BLR",
            "BLR",
            {"BLR", "AZE"},
            None,
        ),
        (
            "adjective and title only",
            f"{FIGURE}, Uzbek Deputy Prime Minister Jamshid Khodjaev said.",
            "BLR",
            "UZB",
            KZ_UZ,
            "UZB",
        ),
        (
            "country name as adjective",
            f"{FIGURE}, Kazakhstan Ambassador to Uzbekistan Yerlan Kubeyev said.",
            "BLR",
            "KAZ",
            KZ_UZ,
            "KAZ",
        ),
        ("role phrase only", f"“{FIGURE},” the Kazakh leader said.", "BLR", "KAZ", KZ_UZ, "KAZ"),
        (
            "institution cited",
            f"{FIGURE}, according to the Bureau of National Statistics of Kazakhstan.",
            "BLR",
            "KAZ",
            KZ_UZ,
            "KAZ",
        ),
        (
            "known leader without nationality",
            "President Lukashenko said trade with Kazakhstan exceeded $1 billion in 2024.",
            "KAZ",
            "BLR",
            {"BLR", "KAZ"},
            "BLR",
        ),
        (
            "speakers beat dateline and agency",
            "MOSCOW, 2 March (TASS) – Trade between Russia and Tajikistan grew to $1.5 billion in "
            "2023, Tajik Minister of Economic Development Zavqi Zavqizoda said. The sides intend "
            "to raise trade to $2 billion in three years, he added.",
            "BLR",
            "TJK",
            {"RUS", "TJK"},
            "TJK",
        ),
        (
            "partner side speaks of the home country",
            "BISHKEK, 3 June (Kabar) – Trade with Belarus reached $200 million in 2024, Kyrgyz "
            "Prime Minister Adylbek Kasymaliev said.",
            "BLR",
            "KGZ",
            {"BLR", "KGZ"},
            "KGZ",
        ),
        (
            "home country speaks, the other side only listens",
            "Trade with Kyrgyzstan reached $200 million in 2024, Belarusian Prime Minister "
            "Aleksandr Turchin said at a meeting with Kyrgyz Prime Minister Adylbek Kasymaliev.",
            "KGZ",
            "BLR",
            {"BLR", "KGZ"},
            "BLR",
        ),
        (
            "an embassy cited",
            "Trade between Belarus and Russia reached $50 billion in 2024, the Russian Embassy in "
            "Minsk said.",
            "BLR",
            "RUS",
            {"BLR", "RUS"},
            "RUS",
        ),
        (
            "a foreign official told the home agency",
            "Trade with Russia reached $50 billion in 2024, Russian Ambassador to Belarus Boris "
            "Gryzlov told BelTA.",
            "BLR",
            "RUS",
            {"BLR", "RUS"},
            "RUS",
        ),
        # Nothing in the text says whose numbers they are: the side is unknown, and the default
        # home only completes a pair the text names one country of.
        (
            "nothing decides",
            "Trade with China reached $8.4 billion in 2023.",
            "BLR",
            "BLR",
            {"BLR", "CHN"},
            None,
        ),
        ("nothing decides, other default", f"{FIGURE}.", "KAZ", "KAZ", KZ_UZ, None),
        ("a pair without the default home: first named", f"{FIGURE}.", "BLR", "KAZ", KZ_UZ, None),
        (
            "a pair without the default home, third-country dateline ignored",
            f"MOSCOW, 12 March 2025 – {FIGURE}.",
            "BLR",
            "KAZ",
            KZ_UZ,
            None,
        ),
    ],
)
def test_pair_and_side_per_fact(
    case: str, text: str, default_home: str, reporter: str, pair: set[str], side: str | None
) -> None:
    """Each fact names its pair and the side that states it; `reporter` of the extraction is the
    document's focal country, kept for compatibility (it once was forced onto every fact)."""
    result = facts_from_text(" date 2025-03-12 " + text, default_home=default_home)
    assert result.reporter == reporter, case
    assert result.facts, case
    for fact in result.facts:
        assert {fact.reporter, fact.partner} == pair, case
        assert fact.side == side, case
        if reporter in pair:
            assert fact.reporter == reporter, case  # the focal country comes first


def test_one_report_two_sides() -> None:
    """A source of the reporting country and a foreign speaker, in one report: one side each."""
    text = (
        " date 2025-03-12 HANOI, Aug. 12 (VNA) – Bilateral trade with India reached $7.5 billion "
        "in 2023, according to the General Department of Vietnam Customs. Indian Ambassador "
        "Sandeep Arya said the two countries aim to raise trade to $20 billion by 2030."
    )
    result = facts_from_text(text)
    assert result.reporter == "VNM"
    assert [(f.kind, f.reporter, f.partner, f.side) for f in result.facts] == [
        ("figure", "VNM", "IND", "VNM"),
        ("target", "VNM", "IND", "IND"),
    ]


def test_home_orders_the_pair_but_not_the_side() -> None:
    text = (
        "ASTANA, 12 March 2025 (Kazinform) – "
        + FIGURE
        + ", Kazakh Minister Arman Shakkaliyev said."
    )
    result = facts_from_text(text, home="UZB")
    assert result.reporter == "UZB"
    assert [(f.reporter, f.partner, f.side) for f in result.facts] == [("UZB", "KAZ", "KAZ")]


def test_exports_belong_to_the_country_the_sentence_names() -> None:
    text = (
        " date 2024-05-10 Turkish exports to Uzbekistan reached $1.8 billion in 2023, Uzbek "
        "Minister of Investment Laziz Kudratov said."
    )
    (fact,) = facts_from_text(text).facts
    assert (fact.reporter, fact.partner, fact.flow, fact.side) == ("TUR", "UZB", "exports", "UZB")


def test_partner_side_report_from_the_default_home_pair() -> None:
    text = (
        "BISHKEK, 3 June (Kabar) – Kyrgyz exports to Belarus grew to $40 million in 2024, "
        "Kyrgyz Minister of Economy Daniyar Amangeldiev said."
    )
    result = facts_from_text(text).to_json("x.txt")
    assert result["reporter"] == "KGZ"
    (fact,) = result["facts"]
    assert (fact["reporter"], fact["partner"], fact["flow"], fact["side"]) == (
        "KGZ",
        "BLR",
        "exports",
        "KGZ",
    )


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("MINSK, 22 April (BelTA) – Trade grew.", "BLR"),
        ("NEW DELHI, Oct 14 (PTI) India-Russia trade", "IND"),
        ("BAKU, Azerbaijan, February 20. Trade", "AZE"),
        ("Title line\n\nULAANBAATAR, September 4 (MONTSAME). Trade", "MNG"),
        ("ASTANA. KAZINFORM – Trade grew.", "KAZ"),
        ("Minsk and Astana have long been building cooperation.", None),
        ("Meeting with Kyrgyzstan Ambassador to Belarus Ermek Ibraimov", None),
    ],
)
def test_dateline_country(text: str, iso3: str | None) -> None:
    found = dateline_country(text)
    assert (found.iso3 if found else None) == iso3


@pytest.mark.parametrize(
    ("text", "isos"),
    [
        ("MINSK, 29 September (BelTA) – x", ["BLR"]),
        ("DUSHANBE, March 2. /TASS/. x", ["RUS"]),
        ("He met him in Minsk, BelTA has learned.", ["BLR"]),
        ("Photo: BELTA", ["BLR"]),
        ("ASTANA. KAZINFORM – Trade grew.", ["KAZ"]),
        ("BAKU, Azerbaijan, February 20. ©TREND: Trade grew.", ["AZE"]),
        ("The event was covered, reports Kabar.", ["KGZ"]),
        ("Markets in the MENA (Middle East) region", []),
        ("The trend reports show growth; trade reported gains.", []),
    ],
)
def test_agency_signals(text: str, isos: list[str]) -> None:
    assert [s.iso3 for s in agency_signals(text)] == isos


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("ASTANA. KAZINFORM – Trade grew.", True),
        ("BISHKEK, March 3 (AKIpress) – Trade grew.", False),  # a private agency only reports
        ("MOSCOW, May 5 (Interfax) – Trade grew.", False),
    ],
)
def test_state_and_private_agencies(text: str, state: bool) -> None:
    assert [s.state for s in agency_signals(text)] == [state]


def test_an_international_agency_is_evidence_of_no_country() -> None:
    text = "MOSCOW, May 5 (Reuters) - Trade grew."
    assert agency_signals(text) == []
    assert [a.name for a, _, _ in agencies_named(text)] == ["Reuters"]


def test_the_store_names_the_publisher_from_the_same_agency_list() -> None:
    from tradewatch.ingest.store import publisher_of

    assert publisher_of("ASTANA. KAZINFORM – Trade grew.") == "Kazinform"
    assert publisher_of("DUSHANBE, March 2. /TASS/. Trade grew.") == "TASS"
    assert publisher_of("Trade grew, according to a statement.") == ""


_COUNTRIES = {record.alpha_3 for record in pycountry.countries}


def test_the_agency_data_is_well_formed() -> None:
    assert AGENCIES
    for agency in AGENCIES:
        assert agency.iso3 in _COUNTRIES, agency
        assert agency.aliases or agency.exact, agency
    spellings = [s.lower() for a in AGENCIES for s in a.aliases]
    assert len(spellings) == len(set(spellings))  # one agency per spelling


def test_the_leader_data_is_well_formed() -> None:
    assert LEADERS
    for leader in LEADERS:
        assert leader.iso3 in _COUNTRIES, leader
        assert leader.end is None or leader.start < leader.end, leader
        assert leader.full_names, leader  # the full name is always given


@pytest.mark.parametrize(
    ("text", "isos"),
    [
        ("Trade grew, the State Customs Committee of Azerbaijan said.", ["AZE"]),
        ("Trade grew, according to the National Statistics Office of Georgia (Geostat).", ["GEO"]),
        ("In the quarter, trade fell, the Serbian Statistical Office said.", ["SRB"]),
        (
            "Exports rose, according to data released by the General Administration of Customs "
            "of China.",
            ["CHN"],
        ),  # fmt: skip
        ("He works at the Ministry of Foreign Affairs of Kyrgyzstan.", []),  # not cited
        ("Trade grew, the ministry said.", []),  # no country
    ],
)
def test_source_signals(text: str, isos: list[str]) -> None:
    assert [s.iso3 for s in source_signals(text)] == isos


@pytest.mark.parametrize(
    ("title", "iso3"),
    [
        ("Kyrgyzstan Ambassador to Belarus", "KGZ"),
        ("Ambassador to Belarus", None),
        ("Chairman of the Cabinet of Ministers of Kyrgyzstan", "KGZ"),
        ("Belarusian President", "BLR"),
    ],
)
def test_nationality_in(title: str, iso3: str | None) -> None:
    assert nationality_in(title) == iso3


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Alexander Lukashenko", "BLR"),
        ("Lukashenko", "BLR"),
        ("Kassym-Jomart Tokayev", "KAZ"),
        ("Xi Jinping", "CHN"),
        ("Aleksandr Turchin", None),
    ],
)
def test_leader_country(name: str, iso3: str | None) -> None:
    assert leader_country(name) == iso3


@pytest.mark.parametrize(
    ("name", "on", "iso3"),
    [
        ("Nazarbayev", date(2015, 6, 1), "KAZ"),
        ("Nazarbayev", date(2023, 6, 1), None),  # out of office: no longer speaks for Kazakhstan
        ("Tokayev", date(2023, 6, 1), "KAZ"),
        ("Kishida", date(2019, 6, 1), None),  # between his terms as minister and premier
        ("Kishida", date(2022, 6, 1), "JPN"),
        ("Sadyr Zhaparov", date(2024, 1, 1), "KGZ"),  # another transliteration
        ("Li Qiang", date(2015, 1, 1), None),
        ("Li", date(2024, 1, 1), None),  # a lone common surname names no one
    ],
)
def test_a_leader_counts_only_during_a_term(name: str, on: date, iso3: str | None) -> None:
    assert leader_country(name, on) == iso3


@settings(max_examples=200, deadline=None)
@given(st.text(), st.sampled_from(["BLR", "KAZ"]))
def test_arbitrary_text_always_has_a_reporter(text: str, default_home: str) -> None:
    result = facts_from_text(text, default_home=default_home)
    assert result.reporter and len(result.reporter) == 3
    for fact in result.facts:
        assert fact.reporter and fact.reporter != fact.partner
        assert fact.side is None or len(fact.side) == 3
