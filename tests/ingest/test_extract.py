import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradewatch.ingest.extract import (
    DocumentError,
    Extraction,
    facts_from_text,
    read_document,
    split_sentences,
)


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trade was $160.2 million. Exports grew.", ["Trade was $160.2 million.", "Exports grew."]),
        ("In Jan. trade grew. It fell.", ["In Jan. trade grew.", "It fell."]),
        ("A. Lukashenko said so. Then he left.", ["A. Lukashenko said so.", "Then he left."]),
        ("“It is done.” He said. “Yes.”", ["“It is done.”", "He said.", "“Yes.”"]),
        ("  padded.   ", ["padded."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def _only(text: str, **kw: object):
    (fact,) = facts_from_text(text, **kw).facts
    return fact


HEAD = " date 2024-05-10 "


@pytest.mark.parametrize(
    ("sentence", "kind", "flow", "value", "qualifier", "period_end", "deadline"),
    [
        (
            "Trade between Belarus and China reached $8.4 billion in 2023.",
            "figure",
            "turnover",
            8_400_000_000,
            "exact",
            date(2023, 12, 31),
            None,
        ),
        (
            "Belarusian exports to China exceeded $1.8 billion in 2023.",
            "figure",
            "exports",
            1_800_000_000,
            "more_than",
            date(2023, 12, 31),
            None,
        ),
        (
            "Chinese exports to Belarus stood at $2.1 billion in 2023.",
            "figure",
            "exports",  # China's exports: the reporter is CHN (see test_flow_owner_is_reporter)
            2_100_000_000,
            "exact",
            date(2023, 12, 31),
            None,
        ),
        (
            "Imports from China amounted to USD 600 mln in Q1.",
            "figure",
            "imports",
            600_000_000,
            "exact",
            date(2024, 3, 31),
            None,
        ),
        (
            "The sides plan to bring trade with China to $10 billion by 2030.",
            "target",
            "turnover",
            10_000_000_000,
            "exact",
            None,
            date(2030, 12, 31),
        ),
        (
            # a forecast for the current year is a figure for that year, not a target
            "Trade with China is expected to reach $9 billion this year.",
            "figure",
            "turnover",
            9_000_000_000,
            "exact",
            date(2024, 12, 31),
            None,
        ),
        (
            "The goal is to increase trade with China to $12bn.",
            "target",
            "turnover",
            12_000_000_000,
            "exact",
            None,
            None,
        ),
        (
            # a present-tense level states no period (README of the extraction set)
            "Trade with China exceeds a billion dollars.",
            "figure",
            "turnover",
            1_000_000_000,
            "more_than",
            None,
            None,
        ),
        (
            "Trade with China exceeded a billion dollars.",
            "figure",
            "turnover",
            1_000_000_000,
            "more_than",
            date(2023, 12, 31),
            None,
        ),
    ],
)
def test_single_fact(sentence, kind, flow, value, qualifier, period_end, deadline) -> None:
    text = HEAD + sentence
    fact = _only(text)
    assert (fact.kind, fact.flow, fact.value_usd, fact.qualifier) == (
        kind,
        flow,
        Decimal(value),
        qualifier,
    )
    # the home country first, unless the sentence says whose exports they are
    reporter, partner = ("CHN", "BLR") if sentence.startswith("Chinese") else ("BLR", "CHN")
    assert (fact.period_end, fact.deadline, fact.reporter, fact.partner) == (
        period_end,
        deadline,
        reporter,
        partner,
    )
    assert text[fact.start : fact.end] == fact.quote


@pytest.mark.parametrize(
    ("sentence", "pct", "factor", "qualifier"),
    [
        ("In 2023, trade with China increased by more than 15%.", 15.0, None, "more_than"),
        ("In 2023, trade with China was up by 24% year-on-year.", 24.0, None, "exact"),
        ("In 2023, trade with China fell by 3.5%.", -3.5, None, "exact"),
        ("In 2023, trade with China increased by 2.5 times.", None, 2.5, "exact"),
        ("In 2023, trade with China doubled.", None, 2.0, "exact"),
    ],
)
def test_growth_fact(sentence: str, pct, factor, qualifier: str) -> None:
    fact = _only(HEAD + sentence)
    assert (fact.kind, fact.growth_pct, fact.growth_factor, fact.qualifier) == (
        "growth",
        pct,
        factor,
        qualifier,
    )
    assert fact.period_end == date(2023, 12, 31)


def test_two_figures_in_one_sentence_keep_their_own_period_and_growth() -> None:
    text = (
        HEAD + "Trade with China: $160.2 million in 2022 (an increase of almost 65% over 2021) "
        "and $103.3 million in January-August of this year (up by 24% year-on-year)."
    )
    first, second = facts_from_text(text).facts
    assert (first.value_usd, first.period_end, first.growth_pct) == (
        Decimal(160_200_000),
        date(2022, 12, 31),
        65.0,
    )
    assert (second.value_usd, second.period_start, second.period_end, second.growth_pct) == (
        Decimal(103_300_000),
        date(2024, 1, 1),
        date(2024, 8, 31),
        24.0,
    )
    for fact in (first, second):
        assert text[fact.start : fact.end] == fact.quote


def test_exports_and_imports_in_one_sentence() -> None:
    text = (
        HEAD + "In 2023, exports to China reached $1.4 billion, while imports totaled $1.8 billion."
    )
    exports, imports = facts_from_text(text).facts
    assert (exports.flow, exports.value_usd) == ("exports", Decimal(1_400_000_000))
    assert (imports.flow, imports.value_usd) == ("imports", Decimal(1_800_000_000))


@pytest.mark.parametrize(
    "sentence",
    [
        "China has 1.4 billion people and trade is important.",
        "Trade with China: wheat sells at $220 per ton.",
        "Chinese companies invested $1.5 billion in Belarus, boosting trade.",
        "Trade with China accounts for 12% of GDP.",
        "We produce 50% more than we can consume, and trade with China helps.",
        "The trade mission stayed for 4.5 years.",
        "Therefore, we need to increase trade with China.",
        "We must boost trade with China.",
        "Both sides should expand trade with China.",
        "Trade with China grew by $20 million in 2023.",
    ],
)
def test_not_trade_facts(sentence: str) -> None:
    assert facts_from_text(HEAD + sentence).facts == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The two nations plan to significantly increase trade with China.",
        "The two nations have ambitious plans to significantly increase trade with China.",
        "The sides intend to boost trade with China.",
        "The sides agreed to expand trade with China.",
        "The President set the task to increase trade with China.",
        "The aim is to increase trade with China.",
        "We will increase trade with China.",
    ],
)
def test_target_without_value(sentence: str) -> None:
    fact = _only(HEAD + sentence)
    assert (fact.kind, fact.value_usd, fact.deadline) == ("target", None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "I once dreamed that trade with China would approach $1 billion.",
        "I once dreamed that China and Belarus would approach a billion dollars in mutual trade.",
    ],
)
def test_past_aspiration_is_a_target_without_deadline(sentence: str) -> None:
    fact = _only(HEAD + sentence)
    assert (fact.kind, fact.value_usd, fact.qualifier, fact.deadline) == (
        "target",
        Decimal(1_000_000_000),
        "about",
        None,
    )
    assert fact.partner == "CHN"


def test_aspiration_then_several_billions() -> None:
    text = (
        HEAD + "“I once dreamed that Belarus and China would approach a billion dollars in mutual "
        "trade. Today it has already exceeded that—by several billions—but there is room to grow.”"
    )
    target, figure = facts_from_text(text).facts
    assert (target.kind, target.value_usd, target.deadline) == ("target", Decimal(10**9), None)
    assert (figure.kind, figure.value_usd, figure.qualifier) == (
        "figure",
        Decimal(2 * 10**9),
        "more_than",
    )
    assert (figure.period_start, figure.period_end) == (date(2023, 1, 1), date(2023, 12, 31))


def test_deadline_in_a_later_sentence_of_the_paragraph() -> None:
    text = (
        HEAD + "“We are ready to reach trade with China of about $500 million. "
        "I do not want to set a date. If we achieve it by 2030, that would be excellent.”"
    )
    fact = _only(text)
    assert (fact.kind, fact.qualifier, fact.deadline) == ("target", "about", date(2030, 12, 31))
    assert fact.quote.startswith("“We are ready") and fact.quote.endswith("excellent.”")


def test_to_json_format() -> None:
    extraction = facts_from_text(HEAD + "Trade with China reached $8.4 billion in 2023.")
    payload = extraction.to_json("docs/a.txt")
    assert list(payload) == ["file", "document_date", "date_inferred", "facts", "reporter"]
    assert payload["reporter"] == "BLR"  # nothing in the text decides: the default home
    (fact,) = payload["facts"]
    assert list(fact) == [
        "kind",
        "reporter",
        "partner",
        "side",
        "flow",
        "value_usd",
        "qualifier",
        "period_start",
        "period_end",
        "growth_pct",
        "growth_factor",
        "deadline",
        "speaker",
        "quote",
        "start",
        "end",
        "currency",
        "value",
        "value_low",
        "value_high",
        "firmness",
    ]
    assert fact["value_usd"] == 8_400_000_000 and isinstance(fact["value_usd"], int)
    assert payload["document_date"] == "2024-05-10"
    json.dumps(payload)


def test_flow_owner_is_reporter_whatever_home_says() -> None:
    """ "exports" are the reporter's exports: the sentence, not the home country, decides."""
    text = " date 2024-05-10 Turkish exports to Uzbekistan reached $1.8 billion in 2023."
    for home in ("UZB", "TUR", None):
        fact = _only(text, home=home)
        assert (fact.reporter, fact.partner, fact.flow) == ("TUR", "UZB", "exports")


def test_home_orders_a_turnover_pair() -> None:
    text = " date 2024-05-10 Trade between Turkey and Uzbekistan reached $13 billion in 2023."
    assert (_only(text, home="UZB").reporter, _only(text, home="UZB").partner) == ("UZB", "TUR")
    assert (_only(text, home="TUR").reporter, _only(text, home="TUR").partner) == ("TUR", "UZB")


def test_reference_dates_a_yearless_byline() -> None:
    text = (
        "Title\n12:58, 5 February\n“I once dreamed that our trade with China would approach "
        "$1 billion. Today, according to calculations, we already have a billion and more.”"
    )
    result = facts_from_text(text, reference=date(2026, 11, 24))
    assert (result.document_date, result.date_inferred) == (date(2026, 2, 5), True)
    target, figure = result.facts
    assert (target.kind, target.deadline) == ("target", None)
    assert (figure.kind, figure.value_usd, figure.qualifier) == (
        "figure",
        Decimal(10**9),
        "more_than",
    )
    assert (figure.period_start, figure.period_end) == (date(2025, 1, 1), date(2025, 12, 31))
    earlier = facts_from_text(text, reference=date(2026, 2, 4))
    assert earlier.document_date == date(2025, 2, 5)


def test_years_in_the_text_win_over_the_reference() -> None:
    text = "\nMINSK, 29 September (BelTA) – In 2024 trade with China grew by 15%."
    result = facts_from_text(text, reference=date(2030, 6, 1))
    assert (result.document_date, result.date_inferred) == (date(2024, 9, 29), True)


def test_published_hint() -> None:
    result = facts_from_text("Title\n12:58, 5 February\nNo years.", published=date(2026, 2, 6))
    assert (result.document_date, result.date_inferred) == (date(2026, 2, 5), True)
    assert isinstance(result, Extraction)


WORDS = st.sampled_from(
    [
        "trade",
        "exports",
        "imports",
        "$500 million",
        "USD 1.2 bln",
        "by 2030",
        "in 2022",
        "up 24%",
        "“",
        "”",
        '"',
        ".",
        ",",
        "\n",
        "  ",
        "Belarus",
        "Kyrgyzstan",
        "said",
        "Aleksandr Lukashenko",
        "increased by 2.5 times",
        "January-August of this year",
        "a billion and more",
        "—",
        "(",
        ")",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS | st.text(max_size=5), max_size=40).map(" ".join))
def test_quotes_are_verbatim_spans(text: str) -> None:
    for fact in facts_from_text(text).facts:
        assert text[fact.start : fact.end] == fact.quote
        assert fact.quote == fact.quote.strip() and fact.quote


@settings(deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    for fact in facts_from_text(text).facts:
        assert text[fact.start : fact.end] == fact.quote


# --------------------------------------------------------------------------- files


def test_read_document_plain_and_html(tmp_path: Path) -> None:
    plain = tmp_path / "a.txt"
    plain.write_text("Trade grew.", encoding="utf-8")
    assert read_document(plain) == "Trade grew."
    page = tmp_path / "b.html"
    page.write_text(
        "<html><head><title>T</title><style>p{}</style></head><body><script>x=1</script>"
        "<p>Trade &amp; exports</p><p>grew.</p></body></html>",
        encoding="utf-8",
    )
    text = read_document(page)
    assert "Trade & exports" in text and "x=1" not in text and "p{}" not in text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"abc\x00def", "binary"),
        (b"caf\xe9", "UTF-8"),
        (b"x" * (1024 * 1024 + 1), "too large"),
    ],
)
def test_read_document_rejects(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as error:
        read_document(path)
    assert reason in error.value.reason and error.value.path == str(path)


def test_read_document_missing(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="not found"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(DocumentError, match="directory"):
        read_document(tmp_path)
