"""The country table: every ISO 3166-1 country by its common names, and no false friends."""

from __future__ import annotations

import re

import pycountry
import pytest
from babel import Locale

from tradewatch.ingest.countries import (
    ALIAS_TO_ISO,
    CountryMention,
    find_countries,
    most_named,
    nationality_in,
)


def _found(text: str) -> list[str]:
    return [m.iso3 for m in find_countries(text)]


@pytest.mark.parametrize("record", list(pycountry.countries), ids=lambda r: r.alpha_3)
def test_every_iso_country_is_found_by_its_common_name(record) -> None:
    common = getattr(record, "common_name", None) or Locale("en").territories[record.alpha_2]
    common = common.replace(" SAR China", "").replace(" & ", " and ").replace("St. ", "Saint ")
    common = re.sub(r"\s*\([^)]*\)", "", common).replace(" - ", "-")  # "Myanmar (Burma)"
    assert _found(f"Trade with {common} grew last year.") == [record.alpha_3], common


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("South Korea", "KOR"),
        ("Republic of Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Iran", "IRN"),
        ("Russian Federation", "RUS"),
        ("Viet Nam", "VNM"),
        ("Laos", "LAO"),
        ("Czech Republic", "CZE"),
        ("Czechia", "CZE"),
        ("Ivory Coast", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Eswatini", "SWZ"),
        ("Swaziland", "SWZ"),
        ("Myanmar", "MMR"),
        ("Burma", "MMR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Turkey", "TUR"),
        ("DR Congo", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Cape Verde", "CPV"),
        ("Cabo Verde", "CPV"),
        ("Trinidad and Tobago", "TTO"),
        ("Bosnia and Herzegovina", "BIH"),
        ("Saint Kitts and Nevis", "KNA"),
        ("Hong Kong", "HKG"),
        ("Holy See", "VAT"),
        ("UAE", "ARE"),
        ("United Arab Emirates", "ARE"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("PRC", "CHN"),
        # adjectives and demonyms, which the libraries lack
        ("Belarusian", "BLR"),
        ("Kyrgyz", "KGZ"),
        ("Emirati", "ARE"),
        ("Filipino", "PHL"),
        ("Nigerian", "NGA"),
        ("Nigerien", "NER"),
        ("Dutch", "NLD"),
        ("Swiss", "CHE"),
        ("Papua New Guinean", "PNG"),
    ],
)
def test_names_variants_and_adjectives(text: str, iso3: str) -> None:
    assert ALIAS_TO_ISO[text] == iso3
    assert _found(f"Officials said {text} trade grew.") == [iso3]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # names that are also first names, or part of something else
        ("Michael Jordan said the Bulls would win.", []),
        ("Jordan Peterson spoke in Toronto.", []),
        ("Chad Smith played drums.", []),
        ("The actor Tom Holland visited Holland.", ["NLD"]),
        ("Exports to Chad and Jordan rose.", ["TCD", "JOR"]),
        ("King Abdullah of Jordan met the Jordan Trade Minister.", ["JOR", "JOR"]),
        ("Oil from the Niger Delta is exported.", []),
        ("Niger's uranium exports fell, Nigeria's oil exports rose.", ["NER", "NGA"]),
        (
            "Papua New Guinea, Guinea-Bissau, Equatorial Guinea and Guinea",
            ["PNG", "GNB", "GNQ", "GIN"],
        ),  # fmt: skip
        ("a guinea pig and a roast turkey", []),
        ("China Daily reported that China and Kenya signed a deal.", ["CHN", "KEN"]),
        ("The Korea Herald and Vietnam News wrote about it.", []),
        ("The Vietnam News Agency reported.", ["VNM"]),
        ("2.24 billion U.S. dollars, 16 billion Chinese yuan, 5 billion Hong Kong dollars", []),
        ("US$ 10 billion", []),
        ("Latin America, South American and North American markets", []),
        ("New Mexico and New Jersey are states.", []),
        ("the Indian Ocean and the South China Sea", []),
        ("Lord Bilimoria, the Indian-origin president of a British business group", ["GBR"]),
        ("Reunion talks start today.", []),
        ("Sino-Russian and Kazakh-Uzbek trade", ["CHN", "RUS", "KAZ", "UZB"]),
    ],
)
def test_false_friends_are_not_countries(text: str, found: list[str]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a name right after a preposition is a place, whatever follows it
        ("Belarus exported goods worth $120 million to India January-March 2024", ["BLR", "IND"]),
        ("Trade with Jordan Tuesday", ["JOR"]),
        ("Exports to Chad Smith's company", ["TCD"]),
        # a month or weekday is never a surname
        ("Jordan Tuesday signed the deal.", ["JOR"]),
        ("India January exports rose.", ["IND"]),
        # still people
        ("Jordan Peterson spoke.", []),
        ("the forward Michael Jordan Tuesday", []),
    ],
)
def test_a_country_before_a_date_or_after_a_preposition_is_no_person(
    text: str, found: list[str]
) -> None:
    assert _found(text) == found


def _mentions(*isos: str) -> list[CountryMention]:
    return [CountryMention(iso, i, i + 1, iso) for i, iso in enumerate(isos)]


@pytest.mark.parametrize(
    ("isos", "kwargs", "best"),
    [
        (("BLR", "KGZ", "KGZ", "RUS", "BLR"), {"excluding": {"BLR"}}, "KGZ"),
        (("RUS", "KAZ", "KAZ", "RUS"), {}, "RUS"),  # a tie goes to the first named
        (("RUS", "KAZ", "UZB", "UZB"), {"among": {"RUS", "KAZ"}}, "RUS"),
        (("BLR",), {"excluding": {"BLR"}}, None),
    ],
)
def test_most_named(isos: tuple[str, ...], kwargs: dict, best: str | None) -> None:
    assert most_named(_mentions(*isos), **kwargs) == best


@pytest.mark.parametrize(
    ("title", "iso3"),
    [
        ("Uzbek Ambassador to Belarus", "UZB"),
        ("Ambassador of India to Brazil", "IND"),
        ("Ambassador in Ankara", None),
        ("Egypt’s Minister of Trade and Industry", "EGY"),
    ],
)
def test_nationality_in_a_title(title: str, iso3: str | None) -> None:
    assert nationality_in(title) == iso3
