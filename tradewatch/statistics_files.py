"""Official trade statistics files: UN Comtrade's CSV download and the TradeWatch template.

`read_statistics(data, name)` turns an uploaded file into `StatRow`s and `RowError`s and never
raises for bad input: a file that cannot be read at all gives one file-level error (line 0).
Lines are numbered as a spreadsheet shows them (header = 1) and every error of the file is
collected, so a preview can list them all at once. Pure Python, pandas and pycountry: this
module must not import Django (see tests/test_architecture.py).
"""

from __future__ import annotations

import calendar
import codecs
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pandas as pd
import pycountry

MAX_BYTES = 50 * 1024 * 1024
# The largest bilateral flows are under 10^12 USD a year; beyond 10^13 (some 40% of world
# merchandise trade) a number is a slipped unit or extra digits, whatever its currency.
MAX_VALUE = Decimal(10) ** 13
# An XLSX is a zip archive: refuse one that would unpack to more than this (a "zip bomb").
MAX_UNPACKED = 512 * 1024 * 1024
FIRST_YEAR, LAST_YEAR = 1900, 2100

COMTRADE = "comtrade"
TEMPLATE = "template"
UNKNOWN = "unknown"  # the layout could not be told: unreadable, empty or foreign columns
COMTRADE_PUBLISHER = "UN Comtrade"
COMTRADE_URL = "https://comtradeplus.un.org/"

FLOWS = ("exports", "imports", "turnover")
PERIOD_FORMS = "2023, 2023-Q2, 2023-03 or 2023-01-01/2023-06-30"


@dataclass(frozen=True, slots=True)
class StatRow:
    line: int
    reporter: str
    partner: str
    flow: str
    period_start: date
    period_end: date
    value: Decimal
    currency: str
    publisher: str
    url: str


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    column: str
    message: str


@dataclass(frozen=True, slots=True)
class ParsedFile:
    name: str
    kind: str
    rows: tuple[StatRow, ...]
    errors: tuple[RowError, ...]

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def read_statistics(data: bytes, name: str) -> ParsedFile:
    """Read a Comtrade CSV or a template CSV/XLSX; the format is told by its columns."""
    table, errors = _read_table(data, name)
    if table is None:
        return ParsedFile(name, UNKNOWN, (), tuple(errors))
    kind = _kind_of(table.header)
    if kind is None:
        return ParsedFile(name, UNKNOWN, (), (_unknown_layout(table.header),))
    if kind == COMTRADE:
        columns, column_errors = _comtrade_columns(table.header)
        build, period_key = _comtrade_row, "refYear"
    else:
        columns, column_errors = _template_columns(table.header)
        period_key = "year" if "year" in columns else "period"
        build = _template_row
    if column_errors:
        return ParsedFile(name, kind, (), tuple(column_errors))
    rows = _parse_rows(table.rows, columns, build, columns[period_key][1], errors)
    if not rows and not errors:
        errors.append(_file_error("there are no data rows below the header row"))
    errors.sort(key=lambda error: error.line)
    return ParsedFile(name, kind, tuple(rows), tuple(errors))


# --- Reading bytes into a table of strings --------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Table:
    header: tuple[str, ...]
    rows: list[tuple[int, list[str]]]  # (line, cells) of the non-empty rows below the header


_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls, and password-protected workbooks
_GZIP_MAGIC = b"\x1f\x8b"
# NUL cannot reach the parser (binary files are refused first), so it cannot clash with data.
_TOO_MANY_CELLS = "\x00too-many-cells:"


class _Unreadable(Exception):
    """The file as a whole cannot be read; the message says why, for the editor."""


def read_table(
    data: bytes, name: str
) -> tuple[tuple[str, ...], list[tuple[int, list[str]]], list[RowError]]:
    """Any CSV or XLSX file as its header and numbered rows of text, with what kept it from
    being read (size, encoding, format); the facts import reads its files with this too."""
    table, errors = _read_table(data, name)
    return (table.header, table.rows, errors) if table else ((), [], errors)


def _read_table(data: bytes, name: str) -> tuple[_Table | None, list[RowError]]:
    try:
        grid, offset = _read_grid(data, name.lower())
    except _Unreadable as exc:
        return None, [_file_error(str(exc))]
    return _table_of(grid, offset)


def _read_grid(data: bytes, name: str) -> tuple[list[list[str]], int]:
    """All cells as strings, and how many blank lines were dropped above the first row."""
    if len(data) > MAX_BYTES:
        raise _Unreadable(f"the file is {len(data):,} bytes, over the 50 MB limit")
    if not data.strip():
        raise _Unreadable("the file is empty")
    if data.startswith(_XLSX_MAGIC):
        return _read_xlsx(data), 0
    if data.startswith(_OLE_MAGIC) or name.endswith(".xls"):
        raise _Unreadable(
            "old Excel .xls files and password-protected workbooks are not read; "
            "save it as .xlsx or CSV"
        )
    if name.endswith((".xlsx", ".xlsm")):
        raise _Unreadable("the file is named .xlsx but is not an Excel workbook")
    if data.startswith(_GZIP_MAGIC):
        raise _Unreadable("the file is gzip-compressed; unpack it and upload the CSV inside")
    return _read_csv(data)


def _table_of(grid: list[list[str]], offset: int) -> tuple[_Table | None, list[RowError]]:
    """Find the header (the first non-empty row) and number every row as a spreadsheet would."""
    numbered = [(index + 1 + offset, cells) for index, cells in enumerate(grid)]
    filled = [(line, cells) for line, cells in numbered if any(cell.strip() for cell in cells)]
    if not filled:
        return None, [_file_error("the file has no rows")]
    (_, header), *body = filled
    rows, errors = [], []
    for line, cells in body:
        if cells[0].startswith(_TOO_MANY_CELLS):
            count = cells[0].removeprefix(_TOO_MANY_CELLS)
            message = (
                f"this row has {count} cells but the header row has {len(header)}; "
                "a number written with commas must be in quotes"
            )
            errors.append(RowError(line, "", message))
        else:
            rows.append((line, cells))
    return _Table(tuple(cell.strip() for cell in header), rows), errors


def _read_xlsx(data: bytes) -> list[list[str]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise _Unreadable("the file is a zip archive, not an Excel workbook; unzip it")
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise _Unreadable("the workbook unpacks to more than 512 MB; split it")
        frame = pd.read_excel(
            io.BytesIO(data),
            sheet_name=0,  # the first sheet only
            header=None,
            dtype=str,
            keep_default_na=False,
            engine="openpyxl",
        )
    except (_Unreadable, ImportError):
        raise  # a missing engine is a deployment fault, not a bad file
    except Exception as exc:  # damaged workbooks fail in zipfile, XML or openpyxl, in many ways
        raise _Unreadable(f"the Excel workbook cannot be opened ({_brief(exc)})") from None
    return _grid(frame)


_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\r|\n))*")
_LINE_END = re.compile(r"\r\n|\r|\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UNCLOSED_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")


def _read_csv(data: bytes) -> tuple[list[list[str]], int]:
    text = _decode(data)
    if text is None or _looks_binary(text):
        raise _Unreadable("the file is neither CSV text nor an .xlsx workbook")
    # pandas would take a blank first line for a one-column header: drop such lines, count them.
    blank = _LEADING_BLANK_LINES.match(text).group()
    offset = len(_LINE_END.findall(blank))
    text = text[len(blank) :]
    if not text.strip():
        raise _Unreadable("the file is empty")
    first_line = _LINE_END.split(text, maxsplit=1)[0]
    # Excel in many European locales saves CSV with semicolons; tab-separated text also occurs.
    separator = max((",", ";", "\t"), key=first_line.count)
    options = {
        "header": None,
        "sep": separator,
        "dtype": str,
        "keep_default_na": False,
        "skip_blank_lines": False,
    }
    try:
        try:
            frame = pd.read_csv(io.StringIO(text), **options)
        except pd.errors.ParserError as exc:
            if "Expected" not in str(exc):
                raise
            # Rows with more cells than the header: the slower engine marks each one in place,
            # so every such row is reported and the others keep their line numbers.
            # It splits lines on "\n" only: old Mac files end lines with "\r" alone.
            lines = "\n".join(_LINE_END.split(text))
            frame = pd.read_csv(
                io.StringIO(lines), engine="python", on_bad_lines=_mark_too_many, **options
            )
    except pd.errors.EmptyDataError:
        raise _Unreadable("the file is empty") from None
    except Exception as exc:  # pandas signals malformed CSV with several exception types
        raise _Unreadable(_csv_problem(exc, offset)) from None
    return _grid(frame), offset


def _mark_too_many(cells: list[str]) -> list[str]:
    return [f"{_TOO_MANY_CELLS}{len(cells)}"]


def _csv_problem(exc: Exception, offset: int) -> str:
    unclosed = _UNCLOSED_QUOTE.search(str(exc))
    if unclosed:
        line = int(unclosed.group(1)) + 1 + offset
        return f"a quotation mark opened on line {line} is never closed"
    return f"the file cannot be read as CSV ({_brief(exc)})"


def _decode(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: Comtrade's downloads are often ISO-8859-1, and files from Russian-speaking
    # statistics offices Windows-1251. Cyrillic words are runs of high bytes; accented Latin
    # letters sit one at a time among ASCII ones ("Côte", "Türkiye").
    high = [i for i, byte in enumerate(data) if byte >= 0xC0]
    in_runs = sum(1 for i in high if (i + 1 < len(data) and data[i + 1] >= 0x80) or
                  (i > 0 and data[i - 1] >= 0x80))  # fmt: skip
    if high and in_runs / len(high) > 0.6:
        return data.decode("cp1251", errors="replace")
    return data.decode("iso-8859-1")


def _looks_binary(text: str) -> bool:
    sample = text[: 64 * 1024]
    return "\x00" in text or len(_CONTROL.findall(sample)) > len(sample) // 100


def _grid(frame: pd.DataFrame) -> list[list[str]]:
    return frame.fillna("").astype(str).values.tolist()


# --- Telling the layout ------------------------------------------------------------------------

_COMTRADE_REQUIRED = (
    "freqCode",
    "refYear",
    "refMonth",
    "reporterISO",
    "partnerISO",
    "flowCode",
    "cmdCode",
    "primaryValue",
)
_COMTRADE_OPTIONAL = (
    "reporterDesc",
    "partnerDesc",
    "classificationCode",
    "partner2Code",
    "customsCode",
    "motCode",
)
_TEMPLATE_REQUIRED = ("reporter", "partner", "flow", "value", "currency", "publisher")
_TEMPLATE_NAMES = frozenset((*_TEMPLATE_REQUIRED, "year", "period", "url"))

_Columns = dict[str, tuple[int, str]]  # key -> (index, name as written in the file)


def _kind_of(header: tuple[str, ...]) -> str | None:
    names = {cell.lower() for cell in header}
    if len(names & {name.lower() for name in _COMTRADE_REQUIRED}) >= 2:
        return COMTRADE
    if len(names & _TEMPLATE_NAMES) >= 2:
        return TEMPLATE
    return None


def _unknown_layout(header: tuple[str, ...]) -> RowError:
    shown = ", ".join(_quote(cell) for cell in header[:8] if cell)
    return _file_error(
        f"the first row's columns ({shown or 'none'}) are neither UN Comtrade's download "
        f"({', '.join(_COMTRADE_REQUIRED)}) nor the TradeWatch template "
        "(reporter, partner, flow, year or period, value, currency, publisher, url)"
    )


def _comtrade_columns(header: tuple[str, ...]) -> tuple[_Columns, list[RowError]]:
    columns: _Columns = {}
    errors = []
    for index, written in enumerate(header):
        if written in _COMTRADE_REQUIRED or written in _COMTRADE_OPTIONAL:
            if written in columns:
                errors.append(_file_error(f"the column {written} appears twice"))
            columns.setdefault(written, (index, written))
    by_lower = {cell.lower(): cell for cell in header}
    for name in _COMTRADE_REQUIRED:
        if name in columns:
            continue
        near = by_lower.get(name.lower())
        hint = (
            f" (found {_quote(near)}: Comtrade's column names are case-sensitive)" if near else ""
        )
        errors.append(_file_error(f"the column {name} is missing{hint}"))
    return columns, errors


def _template_columns(header: tuple[str, ...]) -> tuple[_Columns, list[RowError]]:
    columns: _Columns = {}
    errors = []
    for index, written in enumerate(header):
        key = written.lower()
        if key in _TEMPLATE_NAMES:
            if key in columns:
                errors.append(_file_error(f"the column {written} appears twice"))
            columns.setdefault(key, (index, written))
    errors += [
        _file_error(f"the column {name} is missing")
        for name in _TEMPLATE_REQUIRED
        if name not in columns
    ]
    if "year" in columns and "period" in columns:
        errors.append(_file_error("the file has both a year and a period column; keep one"))
    elif "year" not in columns and "period" not in columns:
        errors.append(_file_error("the column year (or period) is missing"))
    return columns, errors


# --- Checking rows -----------------------------------------------------------------------------


class _Invalid(ValueError):
    """A cell that breaks a rule; the message is what follows "column: " in the RowError."""


class _Row:
    """One data row: trimmed cells by column key, and the errors found in it so far."""

    __slots__ = ("line", "cells", "columns", "errors")

    def __init__(self, line: int, cells: list[str], columns: _Columns) -> None:
        self.line, self.cells, self.columns = line, cells, columns
        self.errors: list[RowError] = []

    def has(self, key: str) -> bool:
        return key in self.columns

    def get(self, key: str) -> str:
        if key not in self.columns:
            return ""
        index = self.columns[key][0]
        return self.cells[index].strip() if index < len(self.cells) else ""

    def check[T](self, key: str, convert: Callable[[str], T]) -> T | None:
        try:
            return convert(self.get(key))
        except _Invalid as exc:
            self.fail(key, str(exc))
            return None

    def fail(self, key: str, message: str) -> None:
        column = self.columns[key][1]
        self.errors.append(RowError(self.line, column, f"{column}: {message}"))


def _parse_rows(
    body: list[tuple[int, list[str]]],
    columns: _Columns,
    build: Callable[[_Row], StatRow | None],
    period_column: str,
    errors: list[RowError],
) -> list[StatRow]:
    rows: list[StatRow] = []
    first_line: dict[tuple[str, str, str, date, date], int] = {}
    for line, cells in body:
        row = _Row(line, cells, columns)
        stat = build(row)
        errors += row.errors
        if stat is None:
            continue
        key = (stat.reporter, stat.partner, stat.flow, stat.period_start, stat.period_end)
        first = first_line.setdefault(key, line)
        if first != line:
            message = f"the same reporter, partner, flow and period as line {first}; keep one"
            errors.append(RowError(line, period_column, f"{period_column}: {message}"))
            continue
        rows.append(stat)
    return rows


def _comtrade_row(row: _Row) -> StatRow | None:
    period = _comtrade_period(row)
    flow = row.check("flowCode", _comtrade_flow)
    scheme = "SITC" if row.get("classificationCode").startswith("S") else "HS"
    row.check("cmdCode", lambda raw: _only_total(raw, scheme))
    for key, total, label in _BREAKDOWNS:
        raw = row.get(key)
        # ASCII digits only: "²" is a digit to str.isdigit() but not to int().
        zero = total == "0" and raw.isascii() and raw.isdigit() and int(raw) == 0
        if raw and raw != total and not zero:
            message = f"{_quote(raw)} splits the total by {label}; only the totals ({key} {total})"
            row.fail(key, f"{message} are imported")
    reporter = row.check("reporterISO", lambda raw: _country(raw, row.get("reporterDesc")))
    partner = row.check("partnerISO", lambda raw: _country(raw, row.get("partnerDesc")))
    if reporter and reporter == partner:
        row.fail("partnerISO", "the same country as reporterISO")
    value = row.check("primaryValue", _comtrade_value)
    if row.errors or period is None or None in (flow, reporter, partner, value):
        return None
    return StatRow(
        line=row.line,
        reporter=reporter,
        partner=partner,
        flow=flow,
        period_start=period[0],
        period_end=period[1],
        value=value,
        currency="USD",  # Comtrade's primaryValue is always in US dollars
        publisher=COMTRADE_PUBLISHER,
        url=COMTRADE_URL,
    )


# Comtrade can split one total by these; the rows with the "all" code are the total itself.
_BREAKDOWNS = (
    ("partner2Code", "0", "second partner"),
    ("customsCode", "C00", "customs procedure"),
    ("motCode", "0", "mode of transport"),
)
_COMTRADE_FLOWS = {"X": "exports", "M": "imports"}
_FLOW_NAMES = {"RX": "re-exports", "RM": "re-imports", "DX": "domestic exports"}


def _comtrade_period(row: _Row) -> tuple[date, date] | None:
    frequency = row.check("freqCode", _frequency)
    year = row.check("refYear", _year)
    month = row.check("refMonth", _ref_month)
    if frequency is None or year is None or month is None:
        return None
    if frequency == "A":
        if month == 52:  # Comtrade's code for "the whole year"
            return date(year, 1, 1), date(year, 12, 31)
        row.fail("refMonth", f"{month} on an annual row (freqCode A); annual rows have 52")
        return None
    if 1 <= month <= 12:
        return _month(year, month)
    row.fail("refMonth", f"{month} on a monthly row (freqCode M); monthly rows have 1 to 12")
    return None


def _frequency(raw: str) -> str:
    if raw in ("A", "M"):
        return raw
    raise _Invalid(f"{_quote(raw)} is neither A (annual) nor M (monthly)")


def _ref_month(raw: str) -> int:
    if re.fullmatch(r"\d{1,2}", raw):
        return int(raw)
    raise _Invalid(
        f"{_quote(raw)} is not a month number (52 for a whole year, 1 to 12 for a month)"
    )


def _comtrade_flow(raw: str) -> str:
    if raw in _COMTRADE_FLOWS:
        return _COMTRADE_FLOWS[raw]
    named = f" ({_FLOW_NAMES[raw]})" if raw in _FLOW_NAMES else ""
    raise _Invalid(f"{_quote(raw)}{named} is not imported; only X (exports) and M (imports) are")


def _only_total(raw: str, scheme: str) -> str:
    if raw == "TOTAL":
        return raw
    shown = f"{scheme} {raw}" if raw.isdigit() else _quote(raw)
    raise _Invalid(f"only totals (cmdCode TOTAL) are imported; this row is {shown}")


_COMTRADE_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def _comtrade_value(raw: str) -> Decimal:
    if not raw:
        raise _Invalid("empty; the value in US dollars is missing")
    if not _COMTRADE_NUMBER.fullmatch(raw):
        raise _Invalid(f"{_quote(raw)} is not a number")
    return _in_range(raw, Decimal(raw))


def _template_row(row: _Row) -> StatRow | None:
    reporter = row.check("reporter", _country)
    partner = row.check("partner", _country)
    if reporter and reporter == partner:
        row.fail("partner", "the same country as the reporter")
    flow = row.check("flow", _flow)
    period_key = "year" if row.has("year") else "period"
    period = row.check(period_key, _year_period if period_key == "year" else _period)
    value = row.check("value", _template_value)
    currency = row.check("currency", _currency)
    publisher = row.check("publisher", _publisher)
    url = row.check("url", _url) if row.has("url") else ""
    if row.errors or None in (reporter, partner, flow, period, value, currency, publisher, url):
        return None
    return StatRow(
        line=row.line,
        reporter=reporter,
        partner=partner,
        flow=flow,
        period_start=period[0],
        period_end=period[1],
        value=value,
        currency=currency,
        publisher=publisher,
        url=url,
    )


_ISO3 = re.compile(r"[A-Za-z]{3}")


def _country(raw: str, described: str = "") -> str:
    if not raw:
        raise _Invalid("empty; an ISO 3166 alpha-3 country code such as KGZ is needed")
    country = pycountry.countries.get(alpha_3=raw.upper()) if _ISO3.fullmatch(raw) else None
    if country is None:
        named = f" ({described})" if described else ""
        raise _Invalid(
            f"{_quote(raw)}{named} is not a country's ISO 3166 alpha-3 code; "
            "only single countries are imported"
        )
    return country.alpha_3


def _flow(raw: str) -> str:
    if raw.lower() in FLOWS:
        return raw.lower()
    raise _Invalid(f"{_quote(raw)} is not a flow; write exports, imports or turnover")


def _year(raw: str) -> int:
    if not re.fullmatch(r"\d{4}", raw):
        raise _Invalid(f"{_quote(raw)} is not a year")
    year = int(raw)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _Invalid(f"{year} is outside {FIRST_YEAR}-{LAST_YEAR}")
    return year


def _year_period(raw: str) -> tuple[date, date]:
    year = _year(raw)
    return date(year, 1, 1), date(year, 12, 31)


_QUARTER = re.compile(r"(\d{4})-[Qq]([1-4])")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_RANGE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\s*/\s*(\d{4})-(\d{2})-(\d{2})")
_EXCEL_DATE = re.compile(r"\d{4}-\d{2}-\d{2} 00:00:00")


def _period(raw: str) -> tuple[date, date]:
    try:
        return _period_of(raw)
    except (_Invalid, ValueError):  # ValueError: a date that does not exist, e.g. 2023-02-30
        # A spreadsheet turns "2023-03" into a date cell unless the column is formatted as text.
        hint = "; format the column as text" if _EXCEL_DATE.fullmatch(raw) else ""
        raise _Invalid(f"{_quote(raw)} is not a period; write {PERIOD_FORMS}{hint}") from None


def _period_of(raw: str) -> tuple[date, date]:
    if re.fullmatch(r"\d{4}", raw):
        return _year_period(raw)
    if quarter := _QUARTER.fullmatch(raw):
        year, first_month = _year(quarter[1]), 3 * int(quarter[2]) - 2
        return date(year, first_month, 1), _month(year, first_month + 2)[1]
    if month := _MONTH.fullmatch(raw):
        return _month(_year(month[1]), int(month[2]))
    if explicit := _RANGE.fullmatch(raw):
        parts = [int(part) for part in explicit.groups()]
        start = date(_year(explicit[1]), parts[1], parts[2])
        end = date(_year(explicit[4]), parts[4], parts[5])
        if start <= end:
            return start, end
    raise _Invalid(raw)


def _month(year: int, month: int) -> tuple[date, date]:
    # calendar.monthrange raises calendar.IllegalMonthError (a ValueError) for month 13.
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_GROUPED_NUMBER = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _template_value(raw: str) -> Decimal:
    if not raw:
        raise _Invalid("empty; a value is needed")
    if _GROUPED_NUMBER.fullmatch(raw):
        return _in_range(raw, Decimal(raw.replace(",", "")))
    if _PLAIN_NUMBER.fullmatch(raw):
        return _in_range(raw, Decimal(raw))
    raise _Invalid(f"{_quote(raw)} is not a number; write 160200000, 160,200,000 or 160200000.50")


def _in_range(raw: str, value: Decimal) -> Decimal:
    if not value.is_finite() or value <= 0:
        raise _Invalid(f"{_quote(raw)} is not more than zero")
    if value > MAX_VALUE:
        raise _Invalid(f"{_quote(raw)} is more than 10^13, which no trade flow comes near")
    return value


# ISO 4217's codes for "no currency" and for testing: real codes, but not money.
_NOT_MONEY = frozenset({"XXX", "XTS"})


def _currency(raw: str) -> str:
    if not raw:
        raise _Invalid("empty; an ISO 4217 currency code such as USD is needed")
    code = raw.upper()
    if _ISO3.fullmatch(code) and code not in _NOT_MONEY and pycountry.currencies.get(alpha_3=code):
        return code
    raise _Invalid(f"{_quote(raw)} is not an ISO 4217 currency code such as USD, EUR or RUB")


def _publisher(raw: str) -> str:
    _refuse_formula(raw)
    if not raw:
        raise _Invalid("empty; name the statistics office or database that published the value")
    return raw


def _url(raw: str) -> str:
    _refuse_formula(raw)
    if raw and (
        not raw.lower().startswith(("http://", "https://")) or any(c.isspace() for c in raw)
    ):
        raise _Invalid(f"{_quote(raw)} is not a web address starting with http:// or https://")
    return raw


def _refuse_formula(raw: str) -> None:
    # OWASP "CSV injection": such a cell runs as a formula when the data is opened in a spreadsheet.
    if raw.startswith(("=", "+", "-", "@")):
        raise _Invalid(
            f"{_quote(raw)} looks like a spreadsheet formula; remove the first character"
        )


def _file_error(message: str) -> RowError:
    return RowError(0, "", message)


def _quote(raw: str, limit: int = 40) -> str:
    shown = raw if len(raw) <= limit else raw[: limit - 1] + "…"
    return "'" + "".join(c if c.isprintable() else "?" for c in shown) + "'"


def _brief(exc: Exception) -> str:
    text = str(exc).removeprefix("Error tokenizing data. ").strip()
    return _quote(text, 120).strip("'") or type(exc).__name__
