"""Reading UN Comtrade downloads and the TradeWatch template: rows, and errors by line and column.

No database. The Comtrade fixture has Comtrade's full 47-column layout; its values are made up.
"""

import io
import random
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_architecture import forbidden, imported_modules
from tradewatch import statistics_files
from tradewatch.statistics_files import MAX_BYTES, RowError, StatRow, read_statistics

FIXTURES = Path(__file__).parent / "statistics_files"
COMTRADE_FILE = FIXTURES / "comtrade_blr_kgz.csv"
COMTRADE_LINES = COMTRADE_FILE.read_text().splitlines()
COMTRADE_HEADER = COMTRADE_LINES[0].split(",")
COMTRADE_ROW = dict(zip(COMTRADE_HEADER, COMTRADE_LINES[2].split(","), strict=True))
TEMPLATE_HEADER = "reporter,partner,flow,year,value,currency,publisher,url"
BELSTAT = "National Statistical Committee of the Republic of Belarus"
STAT_KG = "National Statistical Committee of the Kyrgyz Republic"


def comtrade_line(**changes: str) -> str:
    """One line of a Comtrade download: BLR's 2023 exports to KGZ unless changed."""
    return ",".join({**COMTRADE_ROW, **changes}[name] for name in COMTRADE_HEADER)


def comtrade_file(*lines: str) -> bytes:
    return "\n".join([",".join(COMTRADE_HEADER), *lines]).encode()


def template_file(*lines: str, header: str = TEMPLATE_HEADER) -> bytes:
    return "\n".join([header, *lines]).encode()


def errors_at(parsed) -> set[tuple[int, str]]:
    return {(error.line, error.column) for error in parsed.errors}


def the_error(parsed) -> RowError:
    assert not parsed.ok
    assert len(parsed.errors) == 1, parsed.errors
    return parsed.errors[0]


def template_row(**changes: str) -> str:
    cells = {
        "reporter": "BLR",
        "partner": "KGZ",
        "flow": "exports",
        "year": "2023",
        "value": "160200000",
        "currency": "USD",
        "publisher": BELSTAT,
        "url": "https://www.belstat.gov.by/",
    } | changes
    return ",".join(cells.values())


# --- UN Comtrade -------------------------------------------------------------------------------


def test_comtrade_file_gives_one_row_per_reported_total():
    parsed = read_statistics(COMTRADE_FILE.read_bytes(), "TradeData_BLR_KGZ.csv")

    assert parsed.ok
    assert parsed.kind == "comtrade"
    assert parsed.name == "TradeData_BLR_KGZ.csv"
    summary = [
        (r.line, r.reporter, r.partner, r.flow, r.period_start.year, r.value) for r in parsed.rows
    ]
    assert summary == [
        (2, "BLR", "KGZ", "exports", 2022, Decimal("138900000")),
        (3, "BLR", "KGZ", "exports", 2023, Decimal("160200000")),
        (4, "BLR", "KGZ", "imports", 2023, Decimal("21450000.5")),
        (5, "KGZ", "BLR", "imports", 2023, Decimal("171853402.12")),
        (6, "KGZ", "BLR", "exports", 2023, Decimal("19870000")),
    ]
    assert parsed.rows[1] == StatRow(
        line=3,
        reporter="BLR",
        partner="KGZ",
        flow="exports",
        period_start=date(2023, 1, 1),
        period_end=date(2023, 12, 31),
        value=Decimal("160200000"),
        currency="USD",
        publisher="UN Comtrade",
        url="https://comtradeplus.un.org/",
    )


def test_comtrade_file_in_iso_8859_1_reads_the_same():
    text = COMTRADE_FILE.read_text().replace("Belarus", "Bélarus")
    data = text.encode("iso-8859-1")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")

    parsed = read_statistics(data, "TradeData.csv")

    assert parsed.ok
    assert parsed.rows == read_statistics(COMTRADE_FILE.read_bytes(), "TradeData.csv").rows


def test_comtrade_file_with_utf8_bom_reads():
    parsed = read_statistics(b"\xef\xbb\xbf" + COMTRADE_FILE.read_bytes(), "TradeData.csv")
    assert parsed.ok
    assert len(parsed.rows) == 5


@pytest.mark.parametrize(
    ("year", "month", "start", "end"),
    [
        ("2023", "3", date(2023, 3, 1), date(2023, 3, 31)),
        ("2024", "2", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023", "12", date(2023, 12, 1), date(2023, 12, 31)),
    ],
)
def test_monthly_comtrade_row_covers_that_month(year, month, start, end):
    line = comtrade_line(freqCode="M", refYear=year, refMonth=month, period=f"{year}{month:0>2}")

    parsed = read_statistics(comtrade_file(line), "TradeData.csv")

    assert parsed.ok
    assert (parsed.rows[0].period_start, parsed.rows[0].period_end) == (start, end)


def test_bad_comtrade_rows_are_named_by_line_and_column_and_good_rows_still_read():
    parsed = read_statistics(
        comtrade_file(
            comtrade_line(),
            comtrade_line(cmdCode="27", cmdDesc="Mineral fuels", primaryValue="5000"),
            comtrade_line(flowCode="RX", flowDesc="Re-export"),
            comtrade_line(partnerISO="W00", partnerDesc="World", partnerCode="0"),
            comtrade_line(primaryValue=""),
            comtrade_line(refYear="abc"),
            comtrade_line(
                reporterISO="KGZ", reporterDesc="Kyrgyzstan", partnerISO="BLR", flowCode="M"
            ),
        ),
        "TradeData.csv",
    )

    assert not parsed.ok
    assert [row.line for row in parsed.rows] == [2, 8]
    assert errors_at(parsed) == {
        (3, "cmdCode"),
        (4, "flowCode"),
        (5, "partnerISO"),
        (6, "primaryValue"),
        (7, "refYear"),
    }
    messages = {error.line: error.message for error in parsed.errors}
    assert messages[3] == "cmdCode: only totals (cmdCode TOTAL) are imported; this row is HS 27"
    assert "only X (exports) and M (imports)" in messages[4]
    assert "'RX' (re-exports)" in messages[4]
    assert "'W00' (World)" in messages[5]
    assert messages[6].startswith("primaryValue: empty")
    assert messages[7] == "refYear: 'abc' is not a year"


@pytest.mark.parametrize(
    ("column", "cell"),
    [("partner2Code", "643"), ("customsCode", "C01"), ("motCode", "1000")],
)
def test_comtrade_breakdown_of_a_total_is_a_row_error(column, cell):
    parsed = read_statistics(comtrade_file(comtrade_line(**{column: cell})), "TradeData.csv")

    error = the_error(parsed)
    assert (error.line, error.column) == (2, column)
    assert "splits the total" in error.message


@pytest.mark.parametrize(
    ("changes", "column", "says"),
    [
        ({"refMonth": "3"}, "refMonth", "annual rows have 52"),
        ({"freqCode": "M", "refMonth": "52"}, "refMonth", "monthly rows have 1 to 12"),
        ({"freqCode": "Q"}, "freqCode", "neither A (annual) nor M (monthly)"),
        ({"refYear": "1850"}, "refYear", "outside 1900-2100"),
        ({"partnerISO": "BLR", "partnerDesc": "Belarus"}, "partnerISO", "same country"),
        ({"reporterISO": "_X"}, "reporterISO", "not a country's ISO 3166 alpha-3 code"),
        ({"reporterISO": "EUR", "reporterDesc": "EU"}, "reporterISO", "'EUR' (EU)"),
        ({"primaryValue": "0"}, "primaryValue", "not more than zero"),
        ({"primaryValue": "-160200000"}, "primaryValue", "not more than zero"),
        ({"primaryValue": "2e13"}, "primaryValue", "more than 10^13"),
        ({"primaryValue": '"1,000"'}, "primaryValue", "is not a number"),
        ({"cmdCode": "0101", "classificationCode": "S4"}, "cmdCode", "this row is SITC 0101"),
    ],
)
def test_comtrade_row_rules(changes, column, says):
    parsed = read_statistics(comtrade_file(comtrade_line(**changes)), "TradeData.csv")

    error = the_error(parsed)
    assert (error.line, error.column) == (2, column)
    assert error.message.startswith(f"{column}: ")
    assert says in error.message


def test_comtrade_value_in_exponent_form_is_exact():
    parsed = read_statistics(comtrade_file(comtrade_line(primaryValue="1.602E8")), "T.csv")
    assert parsed.rows[0].value == Decimal("160200000")


def test_duplicate_comtrade_total_names_the_first_line():
    parsed = read_statistics(
        comtrade_file(comtrade_line(), comtrade_line(primaryValue="1")), "TradeData.csv"
    )

    error = the_error(parsed)
    assert (error.line, error.column) == (3, "refYear")
    assert "as line 2" in error.message
    assert [row.line for row in parsed.rows] == [2]


def test_trimmed_comtrade_file_with_only_the_needed_columns_reads():
    needed = "freqCode,refYear,refMonth,reporterISO,partnerISO,flowCode,cmdCode,primaryValue"
    data = f"{needed}\nA,2023,52,BLR,KGZ,X,TOTAL,160200000\n".encode()

    parsed = read_statistics(data, "trimmed.csv")

    assert parsed.ok
    assert parsed.rows[0].value == Decimal("160200000")


@pytest.mark.parametrize("missing", ["primaryValue", "refMonth", "partnerISO"])
def test_comtrade_file_missing_a_needed_column_is_a_file_error(missing):
    header = [name for name in COMTRADE_HEADER if name != missing]
    row = dict(zip(COMTRADE_HEADER, comtrade_line().split(","), strict=True))
    data = "\n".join([",".join(header), ",".join(row[name] for name in header)]).encode()

    parsed = read_statistics(data, "TradeData.csv")

    assert parsed.kind == "comtrade"
    assert parsed.rows == ()
    error = the_error(parsed)
    assert (error.line, error.column) == (0, "")
    assert error.message == f"the column {missing} is missing"


def test_comtrade_column_in_the_wrong_case_is_pointed_out():
    data = comtrade_file(comtrade_line()).replace(b"primaryValue", b"PrimaryValue")

    error = the_error(read_statistics(data, "TradeData.csv"))

    assert "found 'PrimaryValue'" in error.message


# --- The TradeWatch template -------------------------------------------------------------------


def test_template_csv_with_year_gives_rows():
    data = template_file(
        template_row(),
        template_row(
            reporter="kgz",
            partner="blr",
            flow="Imports",
            value='"171,853,402.12"',
            currency="usd",
            publisher=STAT_KG,
            url="",
        ),
    )

    parsed = read_statistics(data, "figures.csv")

    assert parsed.ok
    assert parsed.kind == "template"
    assert parsed.rows == (
        StatRow(
            line=2,
            reporter="BLR",
            partner="KGZ",
            flow="exports",
            period_start=date(2023, 1, 1),
            period_end=date(2023, 12, 31),
            value=Decimal("160200000"),
            currency="USD",
            publisher=BELSTAT,
            url="https://www.belstat.gov.by/",
        ),
        StatRow(
            line=3,
            reporter="KGZ",
            partner="BLR",
            flow="imports",
            period_start=date(2023, 1, 1),
            period_end=date(2023, 12, 31),
            value=Decimal("171853402.12"),
            currency="USD",
            publisher=STAT_KG,
            url="",
        ),
    )


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2023-Q2", date(2023, 4, 1), date(2023, 6, 30)),
        ("2023-q4", date(2023, 10, 1), date(2023, 12, 31)),
        ("2023-03", date(2023, 3, 1), date(2023, 3, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-01-01/2023-06-30", date(2023, 1, 1), date(2023, 6, 30)),
        ("2023-05-10/2023-05-10", date(2023, 5, 10), date(2023, 5, 10)),
    ],
)
def test_template_period_forms(period, start, end):
    header = TEMPLATE_HEADER.replace("year", "period")

    parsed = read_statistics(template_file(template_row(year=period), header=header), "f.csv")

    assert parsed.ok
    assert (parsed.rows[0].period_start, parsed.rows[0].period_end) == (start, end)


@pytest.mark.parametrize(
    "period",
    ["2023-Q5", "2023-13", "23", "H1 2023", "2023-06-30/2023-01-01", "2023-02-30/2023-03-31", ""],
)
def test_bad_template_period_lists_the_accepted_forms(period):
    header = TEMPLATE_HEADER.replace("year", "period")

    error = the_error(read_statistics(template_file(template_row(year=period), header=header), "f"))

    assert (error.line, error.column) == (2, "period")
    assert "2023, 2023-Q2, 2023-03 or 2023-01-01/2023-06-30" in error.message


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("160200000", Decimal("160200000")),
        ('"160,200,000"', Decimal("160200000")),
        ("160200000.50", Decimal("160200000.50")),
        ("10000000000000", Decimal("10000000000000")),
    ],
)
def test_template_value_forms(cell, value):
    parsed = read_statistics(template_file(template_row(value=cell)), "f.csv")

    assert parsed.ok
    assert parsed.rows[0].value == value


@pytest.mark.parametrize(
    ("changes", "column", "says"),
    [
        ({"value": "-5"}, "value", "not more than zero"),
        ({"value": "0"}, "value", "not more than zero"),
        ({"value": "abc"}, "value", "is not a number"),
        ({"value": "1e3"}, "value", "is not a number"),
        ({"value": "160.200.000"}, "value", "is not a number"),
        ({"value": "10000000000001"}, "value", "more than 10^13"),
        ({"value": ""}, "value", "empty"),
        ({"reporter": "XYZ"}, "reporter", "'XYZ' is not a country's ISO 3166 alpha-3 code"),
        ({"partner": "KG"}, "partner", "'KG' is not a country's"),
        ({"partner": "BLR"}, "partner", "the same country as the reporter"),
        ({"flow": "export"}, "flow", "write exports, imports or turnover"),
        ({"year": "abc"}, "year", "'abc' is not a year"),
        ({"year": "2023.5"}, "year", "is not a year"),
        ({"year": "2150"}, "year", "outside 1900-2100"),
        ({"currency": "ABC"}, "currency", "not an ISO 4217 currency code"),
        ({"currency": "XXX"}, "currency", "not an ISO 4217 currency code"),
        ({"currency": ""}, "currency", "empty"),
        ({"publisher": ""}, "publisher", "empty"),
        ({"url": "www.belstat.gov.by"}, "url", "http:// or https://"),
        ({"publisher": '"=HYPERLINK(""http://x"",""y"")"'}, "publisher", "spreadsheet formula"),
        ({"publisher": "+7 Belstat"}, "publisher", "spreadsheet formula"),
        ({"publisher": "-Belstat"}, "publisher", "spreadsheet formula"),
        ({"publisher": "@SUM(A1)"}, "publisher", "spreadsheet formula"),
        ({"url": "=cmd|' /C calc'!A0"}, "url", "spreadsheet formula"),
    ],
)
def test_template_row_rules(changes, column, says):
    parsed = read_statistics(template_file(template_row(), template_row(**changes)), "f.csv")

    assert not parsed.ok
    assert [row.line for row in parsed.rows] == [2]
    error = the_error(parsed)
    assert (error.line, error.column) == (3, column)
    assert error.message.startswith(f"{column}: ")
    assert says in error.message


def test_all_errors_of_a_row_and_of_the_file_are_collected():
    parsed = read_statistics(
        template_file(
            template_row(reporter="XYZ", value="-1", publisher="=1+1"),
            template_row(year="20x3"),
        ),
        "f.csv",
    )

    assert errors_at(parsed) == {(2, "reporter"), (2, "value"), (2, "publisher"), (3, "year")}
    assert parsed.rows == ()


def test_duplicate_template_row_names_the_first_line_even_in_another_period_form():
    header = TEMPLATE_HEADER.replace("year", "period")
    parsed = read_statistics(
        template_file(
            template_row(year="2023"),
            template_row(year="2023-Q1"),
            template_row(year="2023-01-01/2023-12-31", value="1"),
            header=header,
        ),
        "f.csv",
    )

    error = the_error(parsed)
    assert (error.line, error.column) == (4, "period")
    assert "the same reporter, partner, flow and period as line 2" in error.message
    assert [row.line for row in parsed.rows] == [2, 3]


def test_template_headers_ignore_case_and_spaces_and_extra_columns():
    header = " Reporter , PARTNER,Flow,Year,Value,Currency,Publisher,URL,Note"

    parsed = read_statistics(template_file(template_row() + ",checked", header=header), "f.csv")

    assert parsed.ok
    assert parsed.rows[0].reporter == "BLR"
    bad = template_file(template_row(partner="XYZ") + ",", header=header)
    error = the_error(read_statistics(bad, "f.csv"))
    assert (error.column, error.message[:9]) == ("PARTNER", "PARTNER: ")


def test_empty_rows_are_skipped_and_lines_count_as_a_spreadsheet_shows_them():
    data = template_file("", template_row(), ",,,,,,,", "   ", template_row(year="2022", value="x"))

    parsed = read_statistics(data, "f.csv")

    assert [row.line for row in parsed.rows] == [3]
    assert errors_at(parsed) == {(6, "value")}


def test_row_with_more_cells_than_the_header_is_named_and_others_still_read():
    data = template_file(
        template_row(value="160,200,000"), template_row(year="2022"), template_row(value="x,y")
    )

    parsed = read_statistics(data, "f.csv")

    assert [row.line for row in parsed.rows] == [3]
    assert errors_at(parsed) == {(2, ""), (4, "")}
    assert "must be in quotes" in parsed.errors[0].message


def test_semicolon_separated_template_reads():
    data = template_file(template_row().replace(",", ";"), header=TEMPLATE_HEADER.replace(",", ";"))
    assert read_statistics(data, "f.csv").ok


@pytest.mark.parametrize(
    ("header", "says"),
    [
        (TEMPLATE_HEADER.replace(",currency", ""), "the column currency is missing"),
        (TEMPLATE_HEADER.replace(",year", ""), "the column year (or period) is missing"),
        (TEMPLATE_HEADER + ",period", "both a year and a period column"),
        (TEMPLATE_HEADER + ",Value", "the column Value appears twice"),
    ],
)
def test_template_column_problems_are_file_errors(header, says):
    error = the_error(read_statistics(template_file(template_row(), header=header), "f.csv"))

    assert (error.line, error.column) == (0, "")
    assert error.message == says or says in error.message


def test_url_column_is_optional():
    header = TEMPLATE_HEADER.removesuffix(",url")
    row = template_row().rsplit(",", 1)[0]

    parsed = read_statistics(template_file(row, header=header), "f.csv")

    assert parsed.ok
    assert parsed.rows[0].url == ""


def excel(frame: pd.DataFrame, **options) -> bytes:
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, **options)
    return buffer.getvalue()


def test_template_xlsx_with_year_and_numeric_cells():
    frame = pd.DataFrame(
        {
            "Reporter": ["BLR", "KGZ"],
            "Partner": ["KGZ", "BLR"],
            "Flow": ["exports", "imports"],
            "Year": [2023, 2023],
            "Value": [160200000, 171853402.12],
            "Currency": ["USD", "USD"],
            "Publisher": [BELSTAT, STAT_KG],
            "URL": ["https://www.belstat.gov.by/", None],
        }
    )

    parsed = read_statistics(excel(frame), "figures.xlsx")

    assert parsed.ok
    assert parsed.kind == "template"
    assert [(row.line, row.reporter, row.value, row.url) for row in parsed.rows] == [
        (2, "BLR", Decimal("160200000"), "https://www.belstat.gov.by/"),
        (3, "KGZ", Decimal("171853402.12"), ""),
    ]
    assert parsed.rows[0].period_end == date(2023, 12, 31)


def test_template_xlsx_with_each_period_form_and_errors_by_spreadsheet_row():
    periods = ["2023", "2023-Q2", "2023-03", "2023-01-01/2023-06-30", "2023-Q9"]
    frame = pd.DataFrame(
        {
            "reporter": ["BLR"] * 5,
            "partner": ["KGZ"] * 5,
            "flow": ["exports"] * 5,
            "period": periods,
            "value": ["160200000"] * 5,
            "currency": ["USD"] * 5,
            "publisher": [BELSTAT] * 5,
        }
    )

    # Two blank rows above the header: lines must still match the spreadsheet's row numbers.
    parsed = read_statistics(excel(frame, startrow=2), "figures.xlsx")

    assert [(row.line, row.period_start, row.period_end) for row in parsed.rows] == [
        (4, date(2023, 1, 1), date(2023, 12, 31)),
        (5, date(2023, 4, 1), date(2023, 6, 30)),
        (6, date(2023, 3, 1), date(2023, 3, 31)),
        (7, date(2023, 1, 1), date(2023, 6, 30)),
    ]
    assert errors_at(parsed) == {(8, "period")}


def test_xlsx_is_told_by_content_not_name():
    frame = pd.DataFrame([template_row().split(",")], columns=TEMPLATE_HEADER.split(","))
    assert read_statistics(excel(frame), "upload.csv").ok


def test_xlsx_date_cell_period_gets_a_hint():
    frame = pd.DataFrame([template_row().split(",")], columns=TEMPLATE_HEADER.split(","))
    frame = frame.rename(columns={"year": "period"})
    frame["period"] = [pd.Timestamp("2023-03-01")]

    error = the_error(read_statistics(excel(frame), "figures.xlsx"))

    assert error.column == "period"
    assert "format the column as text" in error.message


def zipped(**files: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "says"),
    [
        (b"PK\x03\x04" + b"\x00" * 200, "figures.xlsx", "the Excel workbook cannot be opened"),
        (zipped(**{"figures.csv": b"a,b"}), "figures.zip", "a zip archive, not an Excel workbook"),
        (zipped(**{"xl/workbook.xml": b"<nonsense"}), "f.xlsx", "cannot be opened"),
        (b"reporter,partner\nBLR,KGZ\n", "figures.xlsx", "named .xlsx but is not an Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "figures.xls", "old Excel .xls"),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 50, "TradeData.csv.gz", "gzip-compressed"),
    ],
)
def test_unopenable_files_are_one_file_error(data, name, says):
    parsed = read_statistics(data, name)

    error = the_error(parsed)
    assert (error.line, error.column) == (0, "")
    assert says in error.message
    assert parsed.kind == "unknown"


# --- Whatever arrives --------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\r\n  ", b"\xef\xbb\xbf"])
def test_empty_file_is_a_file_error(data):
    error = the_error(read_statistics(data, "empty.csv"))
    assert error == RowError(0, "", "the file is empty")


def test_header_without_data_rows_is_an_error():
    error = the_error(read_statistics(template_file(), "f.csv"))
    assert error.message == "there are no data rows below the header row"


def test_random_binary_is_a_file_error():
    data = random.Random(20231).randbytes(4096)

    error = the_error(read_statistics(data, "TradeData.csv"))

    assert error.message == "the file is neither CSV text nor an .xlsx workbook"


def test_unknown_columns_name_both_layouts():
    error = the_error(read_statistics(b"country,amount\nKyrgyzstan,5\n", "f.csv"))

    assert error.line == 0
    assert "'country', 'amount'" in error.message
    assert "UN Comtrade" in error.message
    assert "TradeWatch template" in error.message


def test_file_over_the_limit_is_refused_before_reading():
    error = the_error(read_statistics(b"x" * (MAX_BYTES + 1), "huge.csv"))

    assert "over the 50 MB limit" in error.message


def test_unclosed_quote_names_its_line():
    data = template_file(template_row(), '"BLR,KGZ,exports')

    error = the_error(read_statistics(data, "f.csv"))

    assert error.message == "a quotation mark opened on line 3 is never closed"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_any_bytes_give_a_result_and_never_raise(data):
    parsed = read_statistics(data, "x.csv")

    assert parsed.ok == (not parsed.errors and bool(parsed.rows))
    assert all(error.line >= 0 for error in parsed.errors)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=',;"\n\r =+-@0123456789.QBLRKGZ', max_size=30), max_size=8))
def test_any_template_like_text_never_raises(lines):
    read_statistics(template_file(*lines), "x.csv")


def test_module_imports_no_django():
    path = Path(statistics_files.__file__)
    assert forbidden(imported_modules(path)) == set()
