"""Property tests ("fuzzing") for the fact extractor and the statistics import.

Two profiles, both registered here and applied per test (never loaded globally, so the other
modules' Hypothesis tests keep their own settings):

  * ``fuzz-quick`` (the normal suite): 100 examples per test, the whole file in seconds;
  * ``fuzz`` (``HYPOTHESIS_PROFILE=fuzz``, i.e. ``make fuzz``): 10,000 examples per test, no
    deadline, some four minutes on two cores.
The database test runs fewer examples in both (``DB_EXAMPLES``: 25, and 1,000 when fuzzing).
`--hypothesis-show-statistics` shows what the generated inputs reached (the `event`s).

Properties:
  1. ``facts_from_text`` never raises, and every fact's quote is its own span of the text,
     with non-negative amounts and ordered periods;
  2. ``read_statistics`` never raises on any bytes or CSV-like text, is deterministic, and
     what it returns is consistent (``ok`` only without errors, rows with value > 0 and
     ordered periods, errors on lines >= 0); LF, CRLF and CR line endings read alike;
  3. ``import_statistics`` is all or nothing: with invalid rows anywhere in the files, the
     Figure and Source tables are exactly as before; without, every row's figure is stored.
"""

import csv
import io
import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import transaction
from django.db.models import Q
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from tradewatch import statistics_files
from tradewatch.ingest.extract import KINDS, Fact, facts_from_text
from tradewatch.models import Figure, Source, SourceKind, StoredFlow
from tradewatch.statistics_files import (
    COMTRADE,
    FLOWS,
    MAX_VALUE,
    TEMPLATE,
    UNKNOWN,
    read_statistics,
)
from tradewatch.statistics_import import import_statistics

# --------------------------------------------------------------------------- profiles

settings.register_profile("fuzz-quick", max_examples=100, deadline=None)
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE_NAME = "fuzz" if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else "fuzz-quick"
PROFILE = settings.get_profile(PROFILE_NAME)
FUZZING = PROFILE_NAME == "fuzz"
# Each database example imports files through the ORM (tens of milliseconds): fewer of them.
DB_EXAMPLES = 1_000 if FUZZING else 25

fuzz = settings(PROFILE)
fuzz_db = settings(
    PROFILE,
    max_examples=DB_EXAMPLES,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

REFERENCE = date(2025, 6, 30)  # "today" for the extractor: the same answer on any day


# --------------------------------------------------------------------------- 1. extractor

COUNTRY_WORDS = (
    "Belarus",
    "Kyrgyzstan",
    "Kazakhstan",
    "Russia",
    "China",
    "Uzbekistan",
    "the Kyrgyz Republic",
    "the Russian Federation",
    "Belarusian",
    "Kazakh",
    "Chinese",
    "India",
    "Germany",
    "the EU",
    "the EAEU",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SCALES = ("billion", "million", "bln", "mln", "bn", "trillion", "thousand", "crore", "lakh", "")

realistic_years = st.integers(1990, 2040)
years = st.one_of(realistic_years, realistic_years, st.integers(0, 9999))
small = st.integers(0, 1000)


@st.composite
def numerals(draw: st.DrawFn) -> str:
    whole = draw(st.integers(0, 99_999))
    form = draw(st.integers(0, 5))
    if form == 0:
        return str(whole)
    if form == 1:
        return f"{whole}.{draw(st.integers(0, 999))}"
    if form == 2:
        return f"{whole},{draw(st.integers(0, 99))}"  # a decimal comma ("20,5")
    if form == 3:
        return f"{whole:,}"
    if form == 4:
        return f"{whole:,}".replace(",", " ")
    return draw(st.sampled_from(("one", "two", "a", "half a", "several", "1-1.5", "0")))


@st.composite
def amounts(draw: st.DrawFn) -> str:
    n, scale = draw(numerals()), draw(st.sampled_from(SCALES))
    m = draw(numerals())
    forms = (
        f"${n} {scale}",
        f"US$ {n} {scale}",
        f"USD {n} {scale}",
        f"€{n} {scale}",
        f"EUR {n}{scale}",
        f"{n} {scale} dollars",
        f"{n} {scale} US dollars",
        f"{n} {scale} rubles",
        f"Rs {n} {scale}",
        f"${n}-{m} {scale}",
        f"between ${n} and ${m} {scale}",
        f"about ${n} {scale}",
        f"more than {n} {scale} USD",
        f"${n} per ton",
        f"{n} thousand tons",
        f"N{n} {scale} (about ${m} {scale})",
    )
    return draw(st.sampled_from(forms))


@st.composite
def periods(draw: st.DrawFn) -> str:
    y, y2 = draw(years), draw(years)
    m1, m2 = draw(st.sampled_from(MONTHS)), draw(st.sampled_from(MONTHS))
    forms = (
        f"in {y}",
        f"by {y}",
        f"by the end of {y}",
        f"by {y}-end",
        f"in {m1}-{m2} {y}",
        f"in {m1} {y}",
        f"from {m1} to {m2} {y}",
        f"in the first half of {y}",
        f"in the first {draw(small)} months of {y}",
        f"in Q{draw(st.integers(0, 5))} {y}",
        f"in {y}-{y2}",
        f"in {draw(small)}M{y}",
        f"over {draw(small)} years",
        "last year",
        "this year",
        "during the period",
        "in the same period",
        f"compared to {m1} {y}",
        f"this year ({y})",
        f"within {draw(small)} years",
    )
    return draw(st.sampled_from(forms))


@st.composite
def percentages(draw: st.DrawFn) -> str:
    n = draw(numerals())
    forms = (
        f"{n}%",
        f"-{n}%",
        f"{n} percent",
        f"{n} per cent",
        f"{n}-fold",
        f"{n} times",
        "doubled",
        "tripled",
        "twice",
        f"up {n}%",
        f"a {n}% YOY decline",
        f"{n}% of the {draw(years)} level",
    )
    return draw(st.sampled_from(forms))


WORDS = (
    "Trade between",
    "and",
    "trade turnover",
    "bilateral trade",
    "mutual trade",
    "exports to",
    "imports from",
    "reached",
    "amounted to",
    "stood at",
    "grew by",
    "increased by",
    "fell by",
    "declined",
    "exceeded",
    "totaled",
    "is expected to reach",
    "plans to bring trade to",
    "aim to increase trade",
    "agreed to double trade",
    "we need to increase trade",
    "I once dreamed trade would approach",
    "It rose",
    "This is",
    "the surplus",
    "GDP",
    "investments",
    "President Lukashenko said",
    "the minister noted",
    "according to Belstat",
    "(BelTA)",
    "respectively",
    "after two years",
    "a year later",
    "Since the FTA came into force in October 2016,",
    "year-on-year",
    "compared to",
    "of which",
    "while",
    "—",
    " - ",
    ",",
    ";",
    "(",
    ")",
    '"',
    "“",
    "”",
)
DATELINES = (
    "MINSK, {d} {m} {y} (BelTA) – ",
    "ASTANA (Kazinform) – ",
    "12:58, {d} {m}\n",
    "date: {y}-03-05\nurl: https://example.org/news\n\n",
    "{d}.{mm}.{y}\n",
    "BISHKEK, {m} {d} – ",
)


@st.composite
def news_sentences(draw: st.DrawFn) -> str:
    parts = st.one_of(
        st.sampled_from(COUNTRY_WORDS),
        st.sampled_from(WORDS),
        amounts(),
        periods(),
        percentages(),
        realistic_years.map(str),
        st.text(max_size=8),
    )
    pieces = draw(st.lists(parts, min_size=1, max_size=14))
    joiners = draw(st.lists(st.sampled_from((" ", " ", ", ", "", "\n")), min_size=len(pieces)))
    body = "".join(p + j for p, j in zip(pieces, joiners, strict=False))
    return body + draw(st.sampled_from((". ", "! ", "? ", ".\n", "\n\n", "", "... ", ".” ")))


@st.composite
def news_texts(draw: st.DrawFn) -> str:
    lead = ""
    if draw(st.booleans()):
        dateline = draw(st.sampled_from(DATELINES))
        lead = dateline.format(
            d=draw(st.integers(0, 32)),
            m=draw(st.sampled_from(MONTHS)),
            mm=draw(st.integers(0, 13)),
            y=draw(years),
        )
    if draw(st.booleans()):
        lead = draw(st.text(max_size=60)).replace(".", "") + "\n" + lead  # a headline
    return lead + "".join(draw(st.lists(news_sentences(), max_size=8)))


extract_kwargs = st.fixed_dictionaries(
    {},
    optional={
        "published": st.dates(date(1990, 1, 1), date(2040, 12, 31)),
        "home": st.sampled_from(("BLR", "KGZ", "KAZ", "RUS", "CHN")),
    },
)


def check_fact(text: str, fact: Fact) -> None:
    assert 0 <= fact.start < fact.end <= len(text), fact
    assert fact.quote == text[fact.start : fact.end], fact
    assert fact.kind in KINDS, fact
    for amount in (fact.value_usd, fact.value, fact.value_low, fact.value_high):
        assert amount is None or (amount.is_finite() and amount >= 0), fact
    assert fact.growth_factor is None or fact.growth_factor >= 0, fact
    assert (fact.period_start is None) == (fact.period_end is None), fact
    if fact.period_start is not None:
        assert isinstance(fact.period_start, date) and isinstance(fact.period_end, date), fact
        assert fact.period_start <= fact.period_end, fact
    assert fact.deadline is None or isinstance(fact.deadline, date), fact


def check_extraction(text: str, **kwargs) -> None:
    extraction = facts_from_text(text, reference=REFERENCE, **kwargs)
    assert extraction.document_date is None or isinstance(extraction.document_date, date)
    for fact in extraction.facts:
        check_fact(text, fact)
    event(f"facts: {min(len(extraction.facts), 3)}")  # --hypothesis-show-statistics
    for kind in sorted({fact.kind for fact in extraction.facts}):
        event(f"a {kind}")


@fuzz
@given(text=st.text(), kwargs=extract_kwargs)
def test_extractor_on_any_text(text: str, kwargs: dict) -> None:
    check_extraction(text, **kwargs)


@fuzz
@given(text=news_texts(), kwargs=extract_kwargs)
def test_extractor_on_news_like_text(text: str, kwargs: dict) -> None:
    check_extraction(text, **kwargs)


def test_news_like_text_does_give_facts() -> None:
    """The strategy's vocabulary reaches the extractor's paths (a guard on the generator)."""
    text = (
        "MINSK, 5 March 2024 (BelTA) – Trade between Belarus and Kyrgyzstan reached $1.2 "
        "billion in January-June 2024, up 12.5%, President Lukashenko said. The sides plan to "
        "bring trade to USD 500 million by 2030. Imports from Russia amounted to €300 mln in 2023."
    )
    facts = facts_from_text(text, reference=REFERENCE).facts
    assert {f.kind for f in facts} >= {"figure", "target"}
    for fact in facts:
        check_fact(text, fact)


# --------------------------------------------------------------------------- 2. statistics files

COMTRADE_LINES = (
    (Path(__file__).parent / "statistics_files" / "comtrade_blr_kgz.csv").read_text().splitlines()
)
COMTRADE_HEADER = COMTRADE_LINES[0].split(",")
COMTRADE_ROW = dict(zip(COMTRADE_HEADER, COMTRADE_LINES[2].split(","), strict=True))  # BLR->KGZ
COMTRADE_NAMES = (
    *statistics_files._COMTRADE_REQUIRED,
    *statistics_files._COMTRADE_OPTIONAL,
)
TEMPLATE_NAMES = ("reporter", "partner", "flow", "year", "period", "value", "currency")
TEMPLATE_NAMES += ("publisher", "url")

# Cell noise: separators, quotes, signs, formula starts, line breaks, a control character, and
# numerals that are not ASCII digits (Arabic-Indic, full-width, superscript, fractions, Roman).
junk = st.text(
    alphabet=st.sampled_from(',;"\t\r\n =+-@0123456789.eEQq-/:ABCXMZ é\x01٣１²½Ⅻ'), max_size=12
)
countries = st.sampled_from(("BLR", "KGZ", "KAZ", "RUS", "blr", "XXX", "EU", "W00", "EUR", ""))
CELLS: dict[str, st.SearchStrategy[str]] = {
    "reporter": countries,
    "partner": countries,
    "reporterISO": countries,
    "partnerISO": countries,
    "reporterDesc": st.sampled_from(("Belarus", "Kyrgyzstan", "World", "")),
    "partnerDesc": st.sampled_from(("Belarus", "Kyrgyzstan", "World", "")),
    "flow": st.sampled_from(("exports", "imports", "turnover", "Exports", "re-exports", "")),
    "flowCode": st.sampled_from(("X", "M", "RX", "RM", "DX", "x", "")),
    "year": st.one_of(
        st.sampled_from(("2023", "1899", "2101", "0000", "20a3", "")),
        st.integers(1800, 2200).map(str),
    ),
    "refYear": st.integers(1800, 2200).map(str),
    "refMonth": st.sampled_from(("52", "1", "12", "13", "0", "00", "5a", "")),
    "freqCode": st.sampled_from(("A", "M", "Q", "")),
    "period": st.one_of(
        st.sampled_from(
            (
                "2023",
                "2023-Q2",
                "2023-q4",
                "2023-Q5",
                "2023-03",
                "2023-13",
                "2023-00",
                "2024-02-29/2024-12-31",
                "2023-02-29/2023-12-31",
                "2023-06-30/2023-01-01",
                "2023-03-01 00:00:00",
                "1899-12",
                "",
            )
        ),
        st.builds(
            "{}-{:02}-{:02}/{}-{:02}-{:02}".format,
            *(st.integers(1890, 2110), st.integers(0, 13), st.integers(0, 32)) * 2,
        ),
    ),
    "value": st.one_of(
        st.sampled_from(
            (
                "160200000",
                "160,200,000",
                "160200000.50",
                "0",
                "0.00",
                "-5",
                "1e9",
                "nan",
                "Infinity",
                "10000000000000",
                "10000000000000.01",
                "1,2",
                "",
            )
        ),
        st.decimals(allow_nan=False, allow_infinity=False).map(str),
    ),
    "primaryValue": st.one_of(
        st.sampled_from(("80000000", "1E400", "1e-400", "-1", "0", "1.5e12", "")),
        st.decimals(allow_nan=False, allow_infinity=False).map(str),
    ),
    "currency": st.sampled_from(("USD", "EUR", "RUB", "usd", "XXX", "XTS", "BYN", "ABC", "")),
    "publisher": st.sampled_from(("Belstat", "=cmd", "+1", "-x", "@a", "", " Belstat ")),
    "url": st.sampled_from(("https://belstat.gov.by", "http://a b", "ftp://x", "", "=HYPERLINK")),
    "cmdCode": st.sampled_from(("TOTAL", "01", "total", "")),
    "classificationCode": st.sampled_from(("H6", "S4", "")),
    "partner2Code": st.sampled_from(("0", "00", "392", "")),
    "customsCode": st.sampled_from(("C00", "C01", "")),
    "motCode": st.sampled_from(("0", "0000", "2100", "")),
}


# Only values the reader takes (a pair may still name one country twice): whole files of them.
GOOD_CELLS: dict[str, st.SearchStrategy[str]] = {
    "reporter": st.sampled_from(("BLR", "KGZ", "kaz")),
    "partner": st.sampled_from(("RUS", "CHN", "uzb")),
    "flow": st.sampled_from(("exports", "imports", "turnover", "Exports")),
    "year": st.integers(1900, 2100).map(str),
    "period": st.sampled_from(("2023", "2023-Q2", "2023-03", "2023-01-01/2023-06-30")),
    "value": st.sampled_from(("160200000", "160,200,000", "160200000.50", "1")),
    "currency": st.sampled_from(("USD", "EUR", "rub")),
    "publisher": st.sampled_from(("Belstat", "UN Comtrade", "Statistics, Minsk")),
    "url": st.sampled_from(("https://belstat.gov.by", "")),
    "freqCode": st.just("A"),
    "refYear": st.integers(1900, 2100).map(str),
    "refMonth": st.just("52"),
    "reporterISO": st.sampled_from(("BLR", "KGZ")),
    "partnerISO": st.sampled_from(("KAZ", "RUS")),
    "flowCode": st.sampled_from(("X", "M")),
    "cmdCode": st.just("TOTAL"),
    "classificationCode": st.just("H6"),
    "partner2Code": st.just("0"),
    "customsCode": st.just("C00"),
    "motCode": st.just("0"),
    "primaryValue": st.sampled_from(("80000000", "1.5e12", "123.45")),
}


def cell_for(column: str, clean: bool) -> st.SearchStrategy[str]:
    key = column.strip()
    if clean:
        good = GOOD_CELLS.get(key, GOOD_CELLS.get(key.lower()))
        return st.sampled_from(("", "1", "x")) if good is None else good
    known = CELLS.get(key, CELLS.get(key.lower()))
    return junk if known is None else st.one_of(known, known, known, junk)


@st.composite
def headers(draw: st.DrawFn) -> list[str]:
    layout = draw(st.sampled_from(("template", "template", "comtrade", "comtrade", "mixed")))
    if layout == "template":
        names = ["reporter", "partner", "flow", draw(st.sampled_from(("year", "period")))]
        names += ["value", "currency", "publisher"] + (["url"] if draw(st.booleans()) else [])
    elif layout == "comtrade":
        names = list(draw(st.sampled_from((COMTRADE_HEADER, COMTRADE_NAMES))))
    else:
        return draw(st.lists(st.sampled_from(TEMPLATE_NAMES + COMTRADE_NAMES), max_size=12))
    chosen = draw(st.permutations(names)) if draw(st.booleans()) else names
    for _ in range(draw(st.sampled_from((0, 0, 0, 1, 2)))):  # a few cells changed
        index = draw(st.integers(0, len(chosen) - 1))
        name = chosen[index]
        chosen[index] = draw(
            st.sampled_from((name.upper(), name.title(), f" {name} ", "year", "period", "", name))
        )
    return chosen + draw(st.sampled_from(([], [], [""], ["note"])))


def quoted(cell: str, separator: str) -> str:
    if any(c in cell for c in (separator, '"', "\n", "\r")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


@st.composite
def csv_like_files(draw: st.DrawFn) -> tuple[bytes, str]:
    """A Comtrade or template CSV: clean, or with broken cells, rows, quoting and encodings."""
    header = draw(headers())
    clean = draw(st.booleans())
    separator = draw(st.sampled_from((",", ",", ";", "\t")))
    raw_quotes = not clean and not draw(st.integers(0, 3))  # cells as they are, quotes and all
    lines = [separator.join(h if raw_quotes else quoted(h, separator) for h in header)]
    for _ in range(draw(st.integers(0, 6))):
        cells = [draw(cell_for(column, clean)) for column in header]
        if not clean and not draw(st.integers(0, 4)):
            cells = cells[: draw(st.integers(0, len(cells)))]  # too few cells
        if not clean and not draw(st.integers(0, 4)):
            cells += draw(st.lists(junk, min_size=1, max_size=2))  # too many cells
        lines.append(separator.join(c if raw_quotes else quoted(c, separator) for c in cells))
        if not draw(st.integers(0, 7)):
            lines.append(draw(st.sampled_from(("", "  ", separator * len(header)))))
    blank_top = draw(st.sampled_from(("", "", "", "\n", " \n\r\n")))
    text = blank_top + draw(st.sampled_from(("\n", "\r\n", "\r"))).join(lines)
    text += draw(st.sampled_from(("", "\n")))
    encoding = draw(st.sampled_from(("utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1")))
    data = text.encode(encoding, errors="replace")
    name = draw(st.sampled_from(("data.csv", "data.csv", "TradeData.CSV", "stats.txt", "t.xlsx")))
    return data, name


names = st.sampled_from(("data.csv", "book.xlsx", "old.xls", "x.txt", "", "a.XLSM"))
magic = st.sampled_from(
    (b"", b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x1f\x8b", b"\xef\xbb\xbf")
)
any_bytes = st.builds(lambda prefix, rest: prefix + rest, magic, st.binary(max_size=2048))


def check_parsed(data: bytes, name: str) -> None:
    parsed = read_statistics(data, name)
    assert parsed == read_statistics(data, name)  # deterministic
    assert parsed.name == name
    assert parsed.kind in (COMTRADE, TEMPLATE, UNKNOWN)
    if parsed.errors:
        assert not parsed.ok
    assert parsed.ok or parsed.errors or not parsed.rows
    for error in parsed.errors:
        assert error.line >= 0, error
        assert error.message, error
    lines = [row.line for row in parsed.rows]
    assert lines == sorted(set(lines))
    for row in parsed.rows:
        assert row.line >= 1, row
        assert row.period_start <= row.period_end, row
        assert row.value.is_finite() and 0 < row.value <= MAX_VALUE, row
        assert row.flow in FLOWS, row
        assert row.reporter != row.partner, row
        assert len(row.currency) == 3 and row.currency.isupper(), row
    event(f"{parsed.kind}: {'ok' if parsed.ok else 'rows and errors' if parsed.rows else 'errors'}")


@fuzz
@given(data=any_bytes, name=names)
def test_statistics_reader_on_any_bytes(data: bytes, name: str) -> None:
    check_parsed(data, name)


@fuzz
@given(file=csv_like_files())
def test_statistics_reader_on_csv_like_text(file: tuple[bytes, str]) -> None:
    check_parsed(*file)


def test_csv_like_files_reach_rows() -> None:
    """A guard on the generator: a well-formed template file is read into rows."""
    header = "reporter,partner,flow,year,value,currency,publisher,url"
    row = "BLR,KGZ,exports,2023,160200000,USD,Belstat,https://belstat.gov.by"
    parsed = read_statistics(f"{header}\n{row}\n".encode(), "data.csv")
    assert parsed.ok and len(parsed.rows) == 1


# Numerals as spreadsheets and other locales write them: str.isdigit() holds for all but the
# fractions and Roman numerals; int() takes only the decimal digits (not "²").
NUMERALS = "0123456789٠٣１²³¹⁰①½Ⅻ "
codes = st.text(alphabet=st.sampled_from(NUMERALS), min_size=1, max_size=4)


@fuzz
@given(breakdown=st.fixed_dictionaries({"partner2Code": codes, "motCode": codes}))
@example(breakdown={"partner2Code": "²", "motCode": "0"})
def test_comtrade_breakdown_codes_never_raise(breakdown: dict[str, str]) -> None:
    line = ",".join({**COMTRADE_ROW, **breakdown}[name] for name in COMTRADE_HEADER)
    check_parsed("\n".join([",".join(COMTRADE_HEADER), line]).encode(), "TradeData.csv")


@st.composite
def grids(draw: st.DrawFn) -> list[list[str]]:
    """A header and rows of cells without line breaks or control characters, some rows with
    too few or too many cells."""
    header = [h.strip() for h in draw(headers()) if h.strip()] or ["reporter", "partner"]
    clean = draw(st.booleans())
    rows = [header]
    for _ in range(draw(st.integers(0, 5))):
        cells = [draw(cell_for(column, clean)) for column in header]
        cells = [c.replace("\r", "").replace("\n", "").replace("\x01", "") for c in cells]
        if not draw(st.integers(0, 3)):
            cells = cells[: draw(st.integers(1, len(cells)))]
        if not draw(st.integers(0, 3)):
            cells += draw(st.lists(st.sampled_from(("x", "", "1")), min_size=1, max_size=2))
        rows.append(cells)
    return rows


TEMPLATE_GRID = [
    ["reporter", "partner", "flow", "year", "value", "currency", "publisher"],
    ["BLR", "KGZ", "exports", "2023", "160200000", "USD", "Belstat"],
    ["BLR", "KGZ", "imports", "2023", "17000000", "USD", "Belstat", "note"],
]


@fuzz
@given(grid=grids())
@example(grid=TEMPLATE_GRID)
def test_line_endings_do_not_change_what_is_read(grid: list[list[str]]) -> None:
    lines = [",".join(quoted(cell, ",") for cell in cells) for cells in grid]
    read = [
        read_statistics((eol.join(lines) + eol).encode(), "data.csv")
        for eol in ("\n", "\r\n", "\r")
    ]
    assert read[1] == read[0]
    assert read[2] == read[0]


# --------------------------------------------------------------------------- 3. no partial import

PAIR_COUNTRIES = ("BLR", "KGZ", "KAZ", "RUS", "CHN", "UZB", "ARM")
PUBLISHERS = ("Belstat", "National Statistical Committee of the Kyrgyz Republic")
IMPORT_COLUMNS = ("reporter", "partner", "flow", "period", "value", "currency", "publisher", "url")


@st.composite
def valid_rows(draw: st.DrawFn) -> dict[str, str]:
    reporter, partner = draw(
        st.lists(st.sampled_from(PAIR_COUNTRIES), min_size=2, max_size=2, unique=True)
    )
    year = draw(st.integers(2000, 2024))
    period = draw(
        st.sampled_from(
            (
                str(year),
                f"{year}-Q{draw(st.integers(1, 4))}",
                f"{year}-{draw(st.integers(1, 12)):02}",
            )
        )
    )
    cents = draw(st.sampled_from(("", ".50", ".05")))
    return {
        "reporter": reporter,
        "partner": partner,
        "flow": draw(st.sampled_from(("exports", "imports", "turnover"))),
        "period": period,
        "value": f"{draw(st.integers(1, 10**12))}{cents}",
        "currency": draw(st.sampled_from(("USD", "USD", "EUR", "RUB", "CNY", "KZT"))),
        "publisher": draw(st.sampled_from(PUBLISHERS)),
        "url": draw(st.sampled_from(("", "https://belstat.gov.by"))),
    }


def row_key(row: dict[str, str]) -> tuple[str, ...]:
    return row["reporter"], row["partner"], row["flow"], row["period"]


BREAKAGES: dict[str, str] = {
    "reporter": "XXA",
    "partner": "World",
    "flow": "re-exports",
    "period": "2023-13",
    "value": "-5",
    "currency": "XXX",
    "publisher": "=cmd|' /C calc'!A0",
    "url": "ftp://example.org",
}


@st.composite
def invalid_rows(draw: st.DrawFn, valid: list[dict[str, str]]) -> dict[str, str] | str:
    """A row the parser refuses, or one it reads but the Figure model refuses."""
    base = draw(valid_rows())
    how = draw(st.sampled_from((*BREAKAGES, "same-countries", "3-decimals", "dup", "cells")))
    if how in BREAKAGES:
        return base | {how: BREAKAGES[how]}
    if how == "same-countries":
        return base | {"partner": base["reporter"]}
    if how == "3-decimals":  # read fine; Figure's value has 2 decimal places
        return base | {"value": f"{draw(st.integers(1, 10**9))}.125"}
    if how == "dup" and valid:
        return dict(draw(st.sampled_from(valid)))
    return ",".join(base[column] for column in IMPORT_COLUMNS) + ",1,2"  # too many cells


def template_csv(rows: list[dict[str, str] | str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(IMPORT_COLUMNS)
    for row in rows:
        if isinstance(row, str):
            out.write(row + "\n")
        else:
            writer.writerow(row[column] for column in IMPORT_COLUMNS)
    return out.getvalue().encode()


@st.composite
def import_files(draw: st.DrawFn) -> list[tuple[str, bytes]]:
    """One to three template files of valid rows; in half the imports, invalid rows are put
    anywhere in any of them (at least one in all)."""
    broken = draw(st.booleans())
    files = []
    for index in range(draw(st.integers(1, 3))):
        rows: list[dict[str, str] | str] = draw(
            st.lists(valid_rows(), min_size=1, max_size=6, unique_by=row_key)
        )
        valid = [r for r in rows if isinstance(r, dict)]
        bad_rows = st.tuples(st.integers(0, 50), invalid_rows(valid))
        at_least = 1 if broken and index == 0 else 0
        for position, bad in draw(st.lists(bad_rows, min_size=at_least, max_size=3 * broken)):
            rows.insert(position % (len(rows) + 1), bad)
        files.append((f"stats-{index}.csv", template_csv(rows)))
    return draw(st.permutations(files))


def snapshot() -> tuple:
    return (
        list(Figure.objects.order_by("pk").values()),
        list(Source.objects.order_by("pk").values()),
        Figure.history.count(),
    )


class _Rollback(Exception):
    """Ends an example's transaction: the next example starts from the same tables."""


def stored(row) -> bool:
    """Whether a figure of this statistics row is in the database."""
    a, b = sorted((row.reporter, row.partner))
    if row.flow == "turnover":
        flow = Q(flow=StoredFlow.TURNOVER)
    else:
        exporter = row.reporter if row.flow == "exports" else row.partner
        flow = Q(flow=StoredFlow.EXPORTS, exporter_id=exporter)
    value = Q(value_usd=row.value) if row.currency == "USD" else Q(amount=row.value)
    return Figure.objects.filter(
        flow & value,
        country_a_id=a,
        country_b_id=b,
        side_id=row.reporter,
        period_start=row.period_start,
        period_end=row.period_end,
        currency=row.currency,
        source__kind=SourceKind.STATISTICS,
        source__publisher=row.publisher,
    ).exists()


def test_the_import_files_are_read_as_generated() -> None:
    """A guard on the generator: a valid generated file is one the reader takes whole."""
    row = {
        "reporter": "BLR",
        "partner": "KGZ",
        "flow": "exports",
        "period": "2023-Q2",
        "value": "1000000.50",
        "currency": "EUR",
        "publisher": "Belstat, Minsk",
        "url": "",
    }
    parsed = read_statistics(template_csv([row]), "stats.csv")
    assert parsed.ok, parsed.errors
    assert parsed.rows[0].publisher == "Belstat, Minsk"
    assert parsed.rows[0].period_start == date(2023, 4, 1)
    assert parsed.rows[0].value == Decimal("1000000.50")


@pytest.fixture
def seeded(seed) -> tuple:
    """The tables' contents after the seed data: every example must start from them."""
    return snapshot()


@fuzz_db
@given(files=import_files())
def test_an_import_is_all_or_nothing(seeded: tuple, files: list[tuple[str, bytes]]) -> None:
    try:
        with transaction.atomic():
            before = snapshot()
            assert before == seeded  # nothing left over from an earlier example
            reports = import_statistics(files, dry_run=False)
            refused = any(report.errors for report in reports)
            event("refused" if refused else "written")
            if refused:
                assert snapshot() == before
                assert all(report.added == 0 for report in reports)
            else:
                figures_before = len(before[0])
                added = sum(report.added for report in reports)
                assert Figure.objects.count() == figures_before + added
                for name, data in files:
                    parsed = read_statistics(data, name)
                    assert parsed.ok, parsed.errors
                    for row in parsed.rows:
                        assert stored(row), row
            raise _Rollback
    except _Rollback:
        pass
