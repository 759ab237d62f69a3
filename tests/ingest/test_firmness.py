"""How binding a target's wording is: the rules, extracted targets and stored statements."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tradewatch.ingest.extract import facts_from_text
from tradewatch.ingest.firmness import FIRMNESS_ORDER, firmness_of

CASES = [
    # --- remark: spoken aims, hopes, forecasts
    (
        "Trade between Georgia and Armenia could reach $1 billion by 2030, Armenian Economy "
        "Minister Gevorg Papoyan told reporters.",
        "remark",
    ),
    (
        "Kenya hopes to raise its exports to Tanzania to $800 million within three years, "
        "Trade Cabinet Secretary Lee Kinyanjui said on Thursday.",
        "remark",
    ),
    ("The sides agreed to double trade to $2 billion by 2030, the ministry said.", "remark"),
    (
        "The two leaders adopted a joint statement and set a target of $10 billion in "
        "trade by 2030.",
        "remark",
    ),
    (
        "The strategic partnership should help Vietnam and India lift trade to $25 billion "
        "by 2028, the ambassador noted.",
        "remark",
    ),
    (
        "The nuclear programme was not on the agenda; trade between Iran and Armenia should "
        "reach $1 billion by 2027.",
        "remark",
    ),
    # --- remark: intended, negated or drafted instruments (traps)
    (
        "Chile and South Korea plan to sign an agreement that would raise trade to $20 "
        "billion by 2030.",
        "remark",
    ),
    (
        "The ministries of Serbia and Hungary are preparing an agreement under which trade "
        "should reach $6 billion.",
        "remark",
    ),
    (
        "The presidents of Kazakhstan and Kyrgyzstan will sign a roadmap aimed at lifting "
        "trade to $3 billion by 2027.",
        "remark",
    ),
    (
        "The treaty has not yet been ratified, but Mongolia expects trade with Russia to "
        "reach $2 billion by 2030.",
        "remark",
    ),
    (
        "No agreement has been signed yet, but Ghanaian officials aim for $800 million in "
        "trade with Nigeria by 2026.",
        "remark",
    ),
    (
        "The roadmap, which will be signed next month in Baku, targets trade of $1 billion "
        "by 2027.",
        "remark",
    ),
    (
        "A draft law on the free trade agreement, expected to lift trade with Egypt to $5 "
        "billion, is under discussion.",
        "remark",
    ),
    (
        "Under the agreements reached during the visit, trade between Tajikistan and "
        "Uzbekistan is to reach $2 billion by 2026.",
        "remark",
    ),
    (
        "The leaders agreed to instruct the intergovernmental commission to draw up a "
        "roadmap to reach $1 billion.",
        "remark",
    ),
    (
        "They agreed to hold the next session of the joint commission in Tashkent and to "
        "raise trade to $1 billion.",
        "remark",
    ),
    (
        "Egypt and the UAE haven't signed the CEPA yet, but hope trade will hit $30 billion "
        "by 2030.",
        "remark",
    ),
    # --- plan
    (
        "Under the roadmap adopted last year, trade between Belarus and Vietnam is to reach "
        "$1 billion by 2026.",
        "plan",
    ),
    (
        "The intergovernmental commission approved a plan to raise Azerbaijani-Turkish trade "
        "to $15 billion by 2030.",
        "plan",
    ),
    (
        "At its tenth session in Minsk, the intergovernmental commission decided to bring "
        "trade to $1.5 billion by 2029.",
        "plan",
    ),
    (
        "The joint action plan for 2025-2027 envisages bringing trade between Pakistan and "
        "China to $30 billion.",
        "plan",
    ),
    (
        "The government programme for export development sets a goal of $500 million in "
        "exports to Uganda by 2027.",
        "plan",
    ),
    ("Trade should reach $1 billion by 2026, according to the roadmap.", "plan"),
    (
        "The sides are working to implement the strategy, which foresees trade of $5 billion "
        "by 2030.",
        "plan",
    ),
    (
        "The forum in Songkhla saw the adoption of ambitious plans to raise Thai-Malaysian "
        "border trade to $30 billion by 2027.",
        "plan",
    ),
    (
        "Business leaders called for the adoption of a plan to raise Nigeria-Ghana trade to "
        "$1 billion.",
        "remark",
    ),
    # --- agreement
    (
        "Belarus and Uzbekistan signed a roadmap on Tuesday to bring trade to $1 billion by 2028.",
        "agreement",
    ),
    (
        "The memorandum signed in Baku on Monday envisages Georgian-Azerbaijani trade of $1 "
        "billion by 2027.",
        "agreement",
    ),
    (
        "Under the free trade agreement, trade between China and Brazil is expected to reach "
        "$200 billion by 2030.",
        "agreement",
    ),
    (
        "After the signing of the intergovernmental agreement, trade is expected to reach "
        "$500 million by 2027.",
        "agreement",
    ),
    (
        "Since the CEPA came into force in 2022, officials have targeted $10 billion in "
        "India-UAE non-oil trade by 2030.",
        "agreement",
    ),
    (
        "The roadmap for 2025-2027 signed in Minsk targets trade between Belarus and China of "
        "$10 billion.",
        "agreement",
    ),
    # --- law
    (
        "The Mongolian parliament ratified the free trade agreement, which envisages trade "
        "with Japan of $1 billion by 2030.",
        "law",
    ),
    ("Under the law on ratification, trade should reach $2 billion by 2028.", "law"),
    (
        "The presidential decree sets the task of bringing exports to Vietnam to $1 billion "
        "by 2027.",
        "law",
    ),
    (
        "The resolution of the Cabinet of Ministers sets a target of $1 billion in exports "
        "to Turkey by 2026.",
        "law",
    ),
    (
        "The Senate passed the bill, which aims to raise trade with Chile to $2 billion by 2030.",
        "law",
    ),
    # --- several in one sentence: the strongest wins
    (
        "The sides signed a memorandum of understanding and approved an action plan to bring "
        "trade to $700 million by 2026.",
        "agreement",
    ),
    (
        "Kazakhstan and Uzbekistan signed a roadmap last year, and parliament has since "
        "ratified the trade agreement, aiming at $10 billion by 2030.",
        "law",
    ),
    (
        "The roadmap to be signed in May builds on the programme adopted by the commission, "
        "which targets $1 billion.",
        "plan",
    ),
]


def test_the_order_runs_from_weakest_to_strongest() -> None:
    assert FIRMNESS_ORDER == ("remark", "plan", "agreement", "law")


def test_the_order_is_the_models() -> None:
    from tradewatch.models import Firmness

    assert set(FIRMNESS_ORDER) == set(Firmness.values)


@pytest.mark.parametrize(("sentence", "firmness"), CASES)
def test_firmness_of(sentence: str, firmness: str) -> None:
    assert firmness_of(sentence) == firmness


def test_case_does_not_matter() -> None:
    sentence = "BELARUS AND UZBEKISTAN SIGNED A ROADMAP TO BRING TRADE TO $1 BILLION BY 2028."
    assert firmness_of(sentence) == "agreement"
    assert firmness_of(sentence.title()) == "agreement"


REPORT = (
    "TASHKENT, 14 May 2025 (UzA) – Uzbekistan and Belarus signed a roadmap on Tuesday to "
    "bring bilateral trade to $1 billion by 2028, Uzbek Deputy Prime Minister Jamshid "
    "Khodjaev said.\n"
    "Trade between the two countries reached $702 million in 2024, he added.\n"
)


def test_a_signed_roadmap_makes_an_agreement_target() -> None:
    facts = facts_from_text(REPORT, published=date(2025, 5, 14)).facts
    (target,) = [f for f in facts if f.kind == "target"]
    assert target.value_usd == 1_000_000_000 and target.deadline == date(2028, 12, 31)
    assert target.firmness == "agreement"
    assert target.to_json()["firmness"] == "agreement"
    assert {f.firmness for f in facts if f.kind != "target"} == {"remark"}


def test_a_target_without_an_amount_gets_a_firmness_too() -> None:
    text = (
        "ASTANA, 3 March 2025 (Kazinform) – Under the roadmap adopted by the intergovernmental "
        "commission, Kazakhstan and Kyrgyzstan plan to double trade by 2030.\n"
    )
    (target,) = facts_from_text(text, published=date(2025, 3, 3)).facts
    assert target.kind == "target" and target.value_usd is None
    assert target.firmness == "plan"


def _ingest(tmp_path: Path, name: str, text: str):
    from tradewatch.ingest.store import ingest_document
    from tradewatch.models import TargetStatement

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = ingest_document(path)
    assert result.status == "added", result.reason
    return TargetStatement.objects.get(source=result.source)


def test_the_stored_statement_carries_the_firmness(tmp_path: Path, db) -> None:
    statement = _ingest(tmp_path, "roadmap.txt", REPORT)
    assert statement.firmness == "agreement"
    assert statement.value_as_stated is None  # it gives the new target's own value
    assert statement.target.value_usd == 1_000_000_000


def test_a_linked_statement_keeps_its_own_value_and_firmness(tmp_path: Path, db) -> None:
    first = _ingest(tmp_path, "roadmap.txt", REPORT)
    again = (
        "MINSK, 2 June 2025 (BelTA) – Trade between Belarus and Uzbekistan could reach "
        "$995 million by 2028, the Belarusian ambassador said.\n"
    )
    second = _ingest(tmp_path, "ambassador.txt", again)
    assert second.target_id == first.target_id  # within 1%: the same target
    assert second.value_as_stated == 995_000_000
    assert second.firmness == "remark"
