"""Bad input at every entry point: admin forms, the statistics import (command and admin
upload), `manage.py ingest`, URL parameters, htmx partials and the API.

Each row of BAD_INPUT is refused with a status and a message the user can act on (400 for a
malformed parameter, 404 for an unknown thing, 200 with the form's errors in the admin, a
CommandError or an exit code for a command), never a 500, and leaves every table of the
database as it was: facts, their history, auth, sessions, admin log, summaries, the cache's
data version.

The admin's statistics upload keeps a file that passes its form in the database for the
preview (StatisticsUpload); a file with errors is deleted as soon as it is previewed, so
those rows leave nothing behind either. Markup typed into a quote or title is stored (it is
text), so the database does change: that case is its own test at the end, which checks it is
escaped wherever it is shown.
"""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.forms.models import model_to_dict
from django.http import HttpResponse
from django.test import Client

from tests.conftest import add_figure
from tradewatch.cache import current_token
from tradewatch.models import Figure, Source, StatisticsUpload, Target

pytestmark = pytest.mark.django_db

COMTRADE_FILE = Path(__file__).parent / "statistics_files" / "comtrade_blr_kgz.csv"
UPLOAD_URL = "/admin/tradewatch/source/import-statistics/"
NOT_FOUND = "There is no page at this address"
FORM_ERRORS = "Please correct the error"
SCRIPT = "<script>alert(1)</script>"
HTMX_RESULTS = "dashboard-results"
HTMX_WHAT_IF = "what-if"


# --- Every row of every table -------------------------------------------------------------


def snapshot(exclude: tuple[type, ...] = ()) -> dict[str, list[tuple]]:
    """Every row of every table, ordered by primary key: each model's (historical records,
    auth, sessions, admin log and many-to-many links included), then any table no model
    describes (Django's migration log)."""
    skipped = {model._meta.db_table for model in exclude}
    rows = {
        model._meta.db_table: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table not in skipped
    }
    others = set(connection.introspection.table_names()) - set(rows) - skipped
    with connection.cursor() as cursor:
        for table in sorted(others):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY 1")
            rows[table] = cursor.fetchall()
    return rows


def changed_tables(before: dict, after: dict) -> set[str]:
    return {
        table for table in before.keys() | after.keys() if before.get(table) != after.get(table)
    }


# --- What a case did, and the world it runs in ------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    status: int | str  # an HTTP status, or how a command ended: "CommandError", "exit 1"
    text: str  # what the user reads (HTML entities decoded, after a redirect's Location),
    # or what the command printed
    staged: int = 0  # statistics files kept in the database for their preview (admin upload)


@dataclass
class World:
    reader: Client
    editor: Client  # a superuser
    tmp: Path
    monkeypatch: pytest.MonkeyPatch


def outcome(response: HttpResponse, staged: int = 0) -> Outcome:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)  # "\u201c" reads as "“"
    if response.has_header("Location"):
        text = f"Location: {response['Location']}\n{text}"
    return Outcome(response.status_code, html.unescape(text), staged)


# --- Files ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class File:
    name: str
    data: bytes

    def make(self, root: Path) -> Path:
        path = root / self.name
        path.write_bytes(self.data)
        return path


@dataclass(frozen=True)
class Folder:
    name: str
    files: tuple[File, ...] = ()

    def make(self, root: Path) -> Path:
        path = root / self.name
        path.mkdir()
        for file in self.files:
            file.make(path)
        return path


@dataclass(frozen=True)
class Missing:
    name: str

    def make(self, root: Path) -> Path:
        return root / self.name


Spec = File | Folder | Missing

TEMPLATE_HEADER = "reporter,partner,flow,year,value,currency,publisher,url"
GOOD_TEMPLATE_ROW = "BLR,KGZ,turnover,2021,150000000,USD,National Statistical Committee,"


def template(*rows: str, encoding: str = "utf-8") -> bytes:
    """The TradeWatch template as CSV."""
    return "\n".join([TEMPLATE_HEADER, *rows, ""]).encode(encoding)


def comtrade(change: Callable[[list[list[str]]], list[list[str]]] = lambda rows: rows) -> bytes:
    """The sample UN Comtrade download, its data rows (lists of cells) changed by `change`."""
    header, *lines = COMTRADE_FILE.read_text().splitlines()
    rows = change([line.split(",") for line in lines])
    return "\n".join([header, *(",".join(row) for row in rows), ""]).encode()


COLUMN = {name: i for i, name in enumerate(COMTRADE_FILE.read_text().splitlines()[0].split(","))}


def with_cell(row: list[str], column: str, value: str) -> list[str]:
    return [value if i == COLUMN[column] else cell for i, cell in enumerate(row)]


def bad_value_in_the_middle(rows: list[list[str]]) -> list[list[str]]:
    middle = len(rows) // 2
    return [*rows[:middle], with_cell(rows[middle], "primaryValue", "lots"), *rows[middle + 1 :]]


def same_country_twice(rows: list[list[str]]) -> list[list[str]]:
    return [with_cell(rows[0], "partnerISO", "BLR"), *rows[1:]]


BINARY = bytes(range(256)) * 8  # NUL and every control byte: no text file looks like this
XLSX_NAMED_CSV = template(GOOD_TEMPLATE_ROW)
HUGE_ROW = GOOD_TEMPLATE_ROW.replace("150000000", "100000000000000")  # 10^14 USD


def zip_of(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


# --- Entry points ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Get:
    """A GET as a reader (or as the superuser with editor=True); htmx: the HX-Target."""

    url: str
    htmx: str | None = None
    editor: bool = False

    def __call__(self, w: World) -> Outcome:
        headers = {"HX-Request": "true", "HX-Target": self.htmx} if self.htmx else {}
        client = w.editor if self.editor else w.reader
        result = outcome(client.get(self.url, headers=headers))
        if self.htmx in (HTMX_RESULTS, HTMX_WHAT_IF) and result.status != 404:
            # Only the part the request targets comes back, to be swapped in place.
            assert f'id="{self.htmx}"' in result.text[:100] and "<html" not in result.text
        return result


@dataclass(frozen=True)
class Post:
    """A POST as the superuser (or as a reader): a form's usual data with `changes`."""

    url: str
    form: Callable[[], dict]
    changes: tuple[tuple[str, str], ...] = ()
    reader: bool = False

    def __call__(self, w: World) -> Outcome:
        client = w.reader if self.reader else w.editor
        return outcome(client.post(self.url, self.form() | dict(self.changes)))


def post(path: str, form: Callable[[], dict], /, **changes: str) -> Post:
    return Post(path, form, tuple(changes.items()))


def run_command(name: str, *args: object) -> Outcome:
    out = io.StringIO()
    try:
        call_command(name, *args, stdout=out, stderr=out)
    except CommandError as exc:
        return Outcome("CommandError", f"{out.getvalue()}\n{exc}")
    except SystemExit as exc:
        return Outcome(f"exit {exc.code}", out.getvalue())
    return Outcome("exit 0", out.getvalue())


@dataclass(frozen=True)
class ImportStats:
    """manage.py import_stats FILE... (`limit`: its size limit in bytes, instead of 50 MB)."""

    specs: tuple[Spec, ...]
    limit: int | None = None

    def __call__(self, w: World) -> Outcome:
        if self.limit is not None:
            w.monkeypatch.setattr(
                "tradewatch.management.commands.import_stats.MAX_BYTES", self.limit
            )
        return run_command("import_stats", *(spec.make(w.tmp) for spec in self.specs))


def import_stats(*specs: Spec, limit: int | None = None) -> ImportStats:
    return ImportStats(specs, limit)


@dataclass(frozen=True)
class Upload:
    """The admin's upload → preview → confirm, as far as it goes. `form_limit`: the upload
    form's size limit; `reader_limit`: the file reader's (statistics_files.MAX_BYTES)."""

    file: File | None
    form_limit: int | None = None
    reader_limit: int | None = None

    def __call__(self, w: World) -> Outcome:
        if self.form_limit is not None:
            w.monkeypatch.setattr("tradewatch.admin_import.MAX_BYTES", self.form_limit)
        if self.reader_limit is not None:
            w.monkeypatch.setattr("tradewatch.statistics_files.MAX_BYTES", self.reader_limit)
        # A browser's POST always holds the CSRF token, so the form is bound even without a file.
        data = {"csrfmiddlewaretoken": "not-checked-in-tests"}
        if self.file:
            data["file"] = SimpleUploadedFile(self.file.name, self.file.data)
        response = w.editor.post(UPLOAD_URL, data)
        if response.status_code != 302:
            return outcome(response)
        preview_url = response["Location"]
        preview = outcome(w.editor.get(preview_url))
        # A file with errors is gone once previewed: confirming anyway (a second tab, a
        # replayed POST) finds nothing to import.
        assert w.editor.post(preview_url).status_code == 404
        return preview


@dataclass(frozen=True)
class Ingest:
    """manage.py ingest PATH... (`limit`: the report size limit in bytes, instead of 1 MiB)."""

    specs: tuple[Spec, ...]
    limit: int | None = None

    def __call__(self, w: World) -> Outcome:
        if self.limit is not None:
            w.monkeypatch.setattr("tradewatch.ingest.files.MAX_BYTES", self.limit)
        return run_command("ingest", *(str(spec.make(w.tmp)) for spec in self.specs))


def ingest(*specs: Spec, limit: int | None = None) -> Ingest:
    return Ingest(specs, limit)


# --- The admin forms' usual data ---------------------------------------------------------------


def figure_add() -> dict:
    return {
        "status": "accepted",
        "country_a": "BLR",
        "country_b": "KGZ",
        "flow": "turnover",
        "exporter": "",
        "side": "BLR",
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "value_usd": "210000000",
        "qualifier": "exact",
        "change_qualifier": "exact",
        "source": "2",
        "speaker": "Test Speaker",
        "quote": "trade reached $210 million in 2025",
    }


def kgz_2022() -> Figure:
    return Figure.objects.get(quote__startswith="$160.2 million in 2022", derived=False)


def change_form(instance) -> dict:
    """A change form as it was opened: every field, and the version it was read at."""
    data = model_to_dict(instance, exclude=["id", "duplicate_of"])
    return {k: ("" if v is None else v) for k, v in data.items()}


def figure_change() -> dict:
    return change_form(kgz_2022())


def figure_change_url() -> str:
    return f"/admin/tradewatch/figure/{kgz_2022().pk}/change/"


def target_add() -> dict:
    return {
        "country_a": "BLR",
        "country_b": "KGZ",
        "flow": "turnover",
        "exporter": "",
        "value_usd": "600000000",
        "qualifier": "exact",
        "deadline": "2032-12-31",
        "stated_on": "2026-01-01",
        "description": "Bring mutual trade to $600 million by 2032",
        "superseded_by": "",
        "currency": "USD",
        "amount": "",
        "usd_rate": "",
        "usd_rate_basis": "",
        "change_reason": "",
        "statements-TOTAL_FORMS": "0",
        "statements-INITIAL_FORMS": "0",
        "statements-MIN_NUM_FORMS": "0",
        "statements-MAX_NUM_FORMS": "1000",
    }


def new_statement() -> dict:
    """An inline target statement in the first row of the target's form."""
    statement = {
        "status": "accepted",
        "source": "2",
        "side": "BLR",
        "speaker": "Test Speaker",
        "stated_on": "2026-01-01",
        "deadline_as_stated": "2032-12-31",
        "value_as_stated": "",
        "firmness": "remark",
        "wording": "$600 million by 2032",
        "quote": "we will reach $600 million by 2032",
        "quote_start": "",
        "quote_end": "",
    }
    inline = {f"statements-0-{key}": value for key, value in statement.items()}
    return inline | {"statements-TOTAL_FORMS": "1"}


def target_with_statement() -> dict:
    return target_add() | new_statement()


def target_change() -> dict:
    """Target 1 (Belarus–Kyrgyzstan, $500M by 2030), its statements left as they are."""
    management = {k: v for k, v in target_add().items() if k.startswith("statements-")}
    return change_form(Target.objects.get(pk=1)) | management | {"change_reason": ""}


def target_change_with_statement() -> dict:
    return target_change() | new_statement()


def statement_add() -> dict:
    return {
        "target": "1",
        "status": "accepted",
        "source": "2",
        "side": "BLR",
        "speaker": "Test Speaker",
        "stated_on": "2026-01-01",
        "deadline_as_stated": "2030-12-31",
        "value_as_stated": "",
        "firmness": "remark",
        "wording": "$500 million by 2030",
        "quote": "trade of $500 million by 2030",
        "quote_start": "",
        "quote_end": "",
        "change_reason": "",
    }


def source_add() -> dict:
    return {
        "title": "Ministry of Trade briefing",
        "kind": "statement",
        "publisher": "",
        "url": "",
        "file_name": "",
        "published": "2026-01-01",
        "date_precision": "day",
        "date_note": "",
        "text": "",
    }


def country_add() -> dict:
    return {"iso3": "ZZZ", "name": "Zedland", "aliases": "[]", "initial-aliases": "[]"}


def event_add() -> dict:
    return {
        "country_a": "BLR",
        "country_b": "KGZ",
        "happened_on": "2026-01-01",
        "date_precision": "day",
        "title": "Intergovernmental commission, 20th session",
        "source": "2",
        "quote": "",
    }


def correction() -> dict:
    """A reader's correction of the Kyrgyz 2022 figure (FIGURE_CORRECTION)."""
    return {"message": "It was $160.3 million.", "email": "", "page": "/pairs/BLR-KGZ/"}


def figure_list_edit() -> dict:
    """The figure list's editable "side" column, for the Kyrgyz 2022 figure."""
    return {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": str(kgz_2022().pk),
        "form-0-side": "BLR",
        "_save": "Save",
    }


@dataclass(frozen=True)
class FigureChange(Post):
    """The change form of the Kyrgyz 2022 figure (its pk is known only once seeded)."""

    def __call__(self, w: World) -> Outcome:
        return outcome(w.editor.post(figure_change_url(), self.form() | dict(self.changes)))


def figure_change_post(**changes: str) -> FigureChange:
    return FigureChange("", figure_change, tuple(changes.items()))


FIGURE_ADD = "/admin/tradewatch/figure/add/"
TARGET_ADD = "/admin/tradewatch/target/add/"
STATEMENT_ADD = "/admin/tradewatch/targetstatement/add/"
SOURCE_ADD = "/admin/tradewatch/source/add/"
TARGET_CHANGE = "/admin/tradewatch/target/1/change/"
FIGURE_CORRECTION = "/pairs/BLR-KGZ/figures/1/correction/"
ABOVE_WORLD_TRADE = "99999999999999"  # $100 trillion: world merchandise trade is about $25T
LONG = 10_000


def case(case_id: str, *values: object):
    return pytest.param(*values, id=case_id)


# --- The table ---------------------------------------------------------------------------------
# (id, action, expected status, expected message). Admin forms answer 200 with the errors.

CASES = [
    # Admin forms, as a superuser.
    ("figure-add-negative-value", post(FIGURE_ADD, figure_add, value_usd="-5"), 200,
     "A trade value cannot be negative."),
    ("figure-add-value-1e14", post(FIGURE_ADD, figure_add, value_usd="100000000000000"), 200,
     "Ensure that there are no more than 14 digits before the decimal point."),
    case("figure-add-value-above-world-trade",
            post(FIGURE_ADD, figure_add, value_usd=ABOVE_WORLD_TRADE), 200, FORM_ERRORS),
    ("figure-add-value-not-a-number", post(FIGURE_ADD, figure_add, value_usd="lots"), 200,
     "Enter a number."),
    ("figure-add-value-three-decimals", post(FIGURE_ADD, figure_add, value_usd="1.005"), 200,
     "Ensure that there are no more than 2 decimal places."),
    ("figure-add-no-value", post(FIGURE_ADD, figure_add, value_usd=""), 200,
     "Give a value, a change in %, or a growth factor."),
    ("figure-add-period-backwards",
     post(FIGURE_ADD, figure_add, period_start="2025-06-01", period_end="2025-01-01"), 200,
     "The period cannot end before it starts."),
    ("figure-add-impossible-date", post(FIGURE_ADD, figure_add, period_start="2025-13-45"),
     200, "Enter a valid date."),
    ("figure-add-unknown-iso3", post(FIGURE_ADD, figure_add, country_b="ZZZ"), 200,
     "Select a valid choice."),
    ("figure-add-pair-of-one-country", post(FIGURE_ADD, figure_add, country_b="BLR"), 200,
     "A pair needs two different countries."),
    ("figure-add-side-not-in-pair", post(FIGURE_ADD, figure_add, side="UZB"), 200,
     "The side must be one of the pair (or unknown)."),
    ("figure-add-exporter-not-in-pair",
     post(FIGURE_ADD, figure_add, flow="exports", exporter="UZB"), 200,
     "For exports, name which of the pair exports."),
    ("figure-add-quote-ends-before-start",
     post(FIGURE_ADD, figure_add, quote_start="50", quote_end="10"), 200,
     "The quote cannot end before it starts."),
    ("figure-add-quote-start-overflow",
     post(FIGURE_ADD, figure_add, quote_start="9" * 20), 200,
     "Ensure this value is less than or equal to"),
    ("figure-change-negative-value", figure_change_post(value_usd="-1"), 200,
     "A trade value cannot be negative."),
    case("figure-change-period-backwards", figure_change_post(period_end="2021-01-01"), 200,
            "The period cannot end before it starts."),
    ("figure-change-preferred-without-reason",
     figure_change_post(preferred="on", preferred_reason=" "), 200,
     "Say why this value should be used for progress."),
    ("figure-change-stale-version", figure_change_post(version="7", value_usd="1"), 200,
     "after you opened it"),
    ("figure-add-version-abc", post(FIGURE_ADD, figure_add, version="abc"), 200,
     "Enter a whole number."),
    ("figure-list-edit-side-not-in-pair",
     Post("/admin/tradewatch/figure/", figure_list_edit, (("form-0-side", "UZB"),)), 200,
     "The side must be one of the pair (or unknown)."),
    ("target-add-deadline-before-statement",
     post(TARGET_ADD, target_add, deadline="2020-12-31"), 200,
     "The deadline cannot be before the date the target was stated."),
    ("target-add-superseded-by-another-pair",
     post(TARGET_ADD, target_add, superseded_by="2"), 200,
     "The target replacing this one must be of the same pair."),
    ("target-add-pair-of-one-country", post(TARGET_ADD, target_add, country_a="KGZ"), 200,
     "A pair needs two different countries."),
    ("target-add-negative-value", post(TARGET_ADD, target_add, value_usd="-600000000"), 200,
     "A trade value cannot be negative."),
    case("target-add-value-above-world-trade",
            post(TARGET_ADD, target_add, value_usd=ABOVE_WORLD_TRADE), 200, FORM_ERRORS),
    ("target-add-unknown-currency", post(TARGET_ADD, target_add, currency="ZZZ"), 200,
     "“ZZZ” is not an ISO 4217 currency code."),
    ("target-add-euros-without-amount", post(TARGET_ADD, target_add, currency="EUR"), 200,
     "Give the amount in EUR as stated."),
    ("target-add-statement-deadline-before-its-date",
     Post(TARGET_ADD, target_with_statement, (("statements-0-deadline_as_stated", "2020-01-01"),)),
     200, "The deadline cannot be before the statement date."),
    ("target-change-supersedes-itself",
     Post(TARGET_CHANGE, target_change, (("superseded_by", "1"),)), 200,
     "A target cannot supersede itself."),
    ("statement-add-deadline-before-statement",
     post(STATEMENT_ADD, statement_add, deadline_as_stated="2025-12-31"), 200,
     "The deadline cannot be before the statement date."),
    ("statement-add-side-not-in-pair", post(STATEMENT_ADD, statement_add, side="UZB"), 200,
     "The side must be one of the pair (or unknown)."),
    ("statement-add-negative-value",
     post(STATEMENT_ADD, statement_add, value_as_stated="-500000000"), 200,
     "A trade value cannot be negative."),
    ("statement-add-unknown-target", post(STATEMENT_ADD, statement_add, target="999999"), 200,
     "Select a valid choice."),
    ("source-add-no-title", post(SOURCE_ADD, source_add, title=""), 200,
     "This field is required."),
    ("source-add-javascript-url", post(SOURCE_ADD, source_add, url="javascript:alert(1)"), 200,
     "Enter a valid URL."),
    ("source-add-date-in-words", post(SOURCE_ADD, source_add, published="yesterday"), 200,
     "Enter a valid date."),
    ("source-add-unknown-kind", post(SOURCE_ADD, source_add, kind="rumour"), 200,
     "Select a valid choice. rumour is not one of the available choices."),
    ("country-add-unknown-iso3", post("/admin/tradewatch/country/add/", country_add), 200,
     "“ZZZ” is not an ISO 3166-1 alpha-3 country code."),
    ("country-add-lowercase-iso3",
     post("/admin/tradewatch/country/add/", country_add, iso3="abc"), 200,
     "Use three capital letters."),
    ("event-add-pair-of-one-country",
     post("/admin/tradewatch/event/add/", event_add, country_b="BLR"), 200,
     "A pair needs two different countries."),
    ("admin-figure-unknown-pk", Get("/admin/tradewatch/figure/abc/change/", editor=True), 302,
     "Location: /admin/\n"),
    ("admin-figure-huge-pk",
     Get("/admin/tradewatch/figure/99999999999999999999999/change/", editor=True), 302,
     "Location: /admin/\n"),
    ("admin-list-bad-date-filter",
     Get("/admin/tradewatch/figure/?period_end__gte=abc", editor=True), 302,
     "Location: /admin/tradewatch/figure/?e=1"),
    ("admin-list-bad-date-hierarchy",
     Get("/admin/tradewatch/source/?published__year=abc", editor=True), 302,
     "Location: /admin/tradewatch/source/?e=1"),
    ("admin-list-bad-ordering", Get("/admin/tradewatch/figure/?o=abc", editor=True), 200,
     "Select figure to change"),
    ("admin-history-unknown-record",
     Get("/admin/tradewatch/figure/1/history/999999/", editor=True), 404, NOT_FOUND),
    ("admin-import-preview-unknown", Get(UPLOAD_URL + "999999/", editor=True), 404, NOT_FOUND),
    ("admin-import-as-a-reader",
     Post(UPLOAD_URL, lambda: {"file": SimpleUploadedFile("t.csv", template(GOOD_TEMPLATE_ROW))},
          reader=True),
     302, "Location: /admin/login/?next=/admin/tradewatch/source/import-statistics/"),
    # manage.py import_stats
    ("import-bad-row-in-the-middle",
     import_stats(File("middle.csv", comtrade(bad_value_in_the_middle))), "CommandError",
     "primaryValue: 'lots' is not a number"),
    case("import-error-names-its-column-once",
            import_stats(File("middle.csv", comtrade(bad_value_in_the_middle))), "CommandError",
            "line 4: primaryValue: 'lots' is not a number"),
    ("import-empty-file", import_stats(File("empty.csv", b"")), "CommandError",
     "the file is empty"),
    ("import-blank-lines-only", import_stats(File("blank.csv", b"\n \r\n\t\n")),
     "CommandError", "the file is empty"),
    ("import-header-only", import_stats(File("header.csv", template())), "CommandError",
     "there are no data rows below the header row"),
    ("import-binary-file", import_stats(File("photo.csv", BINARY)), "CommandError",
     "the file is neither CSV text nor an .xlsx workbook"),
    ("import-utf16-without-bom",
     import_stats(File("utf16.csv", template(GOOD_TEMPLATE_ROW, encoding="utf-16-le"))),
     "CommandError", "the file is neither CSV text nor an .xlsx workbook"),
    ("import-formula-in-publisher",
     import_stats(File("formula.csv", template(
         'BLR,KGZ,turnover,2021,150000000,USD,"=HYPERLINK(""http://x"",""y"")",'))),
     "CommandError", "looks like a spreadsheet formula"),
    ("import-over-the-size-limit",
     import_stats(File("big.csv", template(*[GOOD_TEMPLATE_ROW] * 40)), limit=1024),
     "CommandError", "larger than"),
    ("import-unknown-iso3",
     import_stats(File("zzz.csv", template(GOOD_TEMPLATE_ROW.replace("KGZ", "ZZZ")))),
     "CommandError", "'ZZZ' is not a country's ISO 3166 alpha-3 code"),
    ("import-duplicate-rows",
     import_stats(File("twice.csv", template(GOOD_TEMPLATE_ROW, GOOD_TEMPLATE_ROW))),
     "CommandError", "year: the same reporter, partner, flow and period as line 2"),
    ("import-same-country-twice",
     import_stats(File("blr-blr.csv", comtrade(same_country_twice))), "CommandError",
     "the same country as reporterISO"),
    ("import-value-above-world-trade",
     import_stats(File("huge.csv", template(HUGE_ROW))),
     "CommandError", "is more than 10^13"),
    ("import-csv-named-xlsx", import_stats(File("template.xlsx", XLSX_NAMED_CSV)),
     "CommandError", "the file is named .xlsx but is not an Excel workbook"),
    ("import-zip-not-a-workbook",
     import_stats(File("data.xlsx", zip_of("data.csv", template(GOOD_TEMPLATE_ROW)))),
     "CommandError", "the file is a zip archive, not an Excel workbook"),
    ("import-gzip", import_stats(File("data.csv.gz", gzip.compress(template(GOOD_TEMPLATE_ROW)))),
     "CommandError", "gzip-compressed"),
    ("import-unclosed-quote",
     import_stats(File("quote.csv", template('BLR,KGZ,turnover,2021,"150000000,USD,x,'))),
     "CommandError", "a quotation mark opened on line 2 is never closed"),
    ("import-a-good-and-a-bad-file",
     import_stats(File("good.csv", template(GOOD_TEMPLATE_ROW)), File("bad.csv", BINARY)),
     "CommandError", "1 error(s): nothing was imported."),
    ("import-missing-file", import_stats(Missing("nope.csv")), "CommandError", "no such file"),
    ("import-a-directory", import_stats(Folder("folder")), "CommandError", "no such file"),
    # The admin's upload → preview → confirm.
    ("upload-bad-row-in-the-middle", Upload(File("middle.csv", comtrade(bad_value_in_the_middle))),
     200, "'lots' is not a number"),
    ("upload-no-file", Upload(None), 200, "This field is required."),
    ("upload-empty-file", Upload(File("empty.csv", b"")), 200, "The submitted file is empty."),
    ("upload-binary-file", Upload(File("photo.csv", BINARY)), 200,
     "the file is neither CSV text nor an .xlsx workbook"),
    ("upload-utf16-without-bom",
     Upload(File("utf16.csv", template(GOOD_TEMPLATE_ROW, encoding="utf-16-le"))), 200,
     "the file is neither CSV text nor an .xlsx workbook"),
    ("upload-formula-in-publisher",
     Upload(File("formula.csv", template(
         'BLR,KGZ,turnover,2021,150000000,USD,"=HYPERLINK(""http://x"",""y"")",'))),
     200, "looks like a spreadsheet formula"),
    ("upload-over-the-form-limit",
     Upload(File("big.csv", template(*[GOOD_TEMPLATE_ROW] * 40)), form_limit=1024), 200,
     "can be imported at once. Split it and upload the parts."),
    ("upload-over-the-reader-limit",
     Upload(File("big.csv", template(*[GOOD_TEMPLATE_ROW] * 40)), reader_limit=1024), 200,
     "bytes, over the"),
    ("upload-unknown-iso3",
     Upload(File("zzz.csv", template(GOOD_TEMPLATE_ROW.replace("KGZ", "ZZZ")))), 200,
     "'ZZZ' is not a country's ISO 3166 alpha-3 code"),
    ("upload-duplicate-rows",
     Upload(File("twice.csv", template(GOOD_TEMPLATE_ROW, GOOD_TEMPLATE_ROW))), 200,
     "the same reporter, partner, flow and period as line 2"),
    # manage.py ingest
    ("ingest-empty-file", ingest(File("empty.txt", b"")), "exit 1", "empty file"),
    ("ingest-binary-file", ingest(File("photo.txt", BINARY)), "exit 1",
     "binary file (contains NUL bytes)"),
    ("ingest-missing-path", ingest(Missing("nope.txt")), "exit 1", "file not found"),
    ("ingest-folder-without-reports",
     ingest(Folder("reports", (File("scan.pdf", BINARY), File("notes.csv", b"a,b\n")))),
     "exit 0", "0 added, 2 skipped, 0 errors"),
    ("ingest-empty-folder", ingest(Folder("reports")), "exit 0", "0 added, 0 skipped, 0 errors"),
    ("ingest-latin1-text", ingest(File("latin1.txt", "Minsk, 1 März: Handel".encode("latin-1"))),
     "exit 1", "not UTF-8"),
    ("ingest-html-without-text",
     ingest(File("page.html", b"<html><script>var x = 1;</script></html>")), "exit 1",
     "HTML without visible text"),
    ("ingest-over-the-size-limit", ingest(File("long.txt", b"trade " * 400), limit=1024),
     "exit 1", "too large"),
    # URL parameters: the dashboard.
    ("pair-from-abc", Get("/pairs/BLR-KGZ/?from=abc"), 400, "“From” must be a year such as 2022."),
    ("pair-to-1800", Get("/pairs/BLR-KGZ/?to=1800"), 400,
     "Ensure this value is greater than or equal to 1990."),
    ("pair-from-after-to", Get("/pairs/BLR-KGZ/?from=2025&to=2020"), 400,
     "The end year cannot be before the start year."),
    ("pair-flow-smuggling", Get("/pairs/BLR-KGZ/?flow=smuggling"), 400,
     "Select a valid choice. smuggling is not one of the available choices."),
    ("pair-as-of-future", Get("/pairs/BLR-KGZ/?as_of=2999-01-01"), 400,
     "“as_of” cannot be in the future"),
    ("pair-as-of-yesterday", Get("/pairs/BLR-KGZ/?as_of=yesterday"), 400,
     "“as_of” must be a date such as 2026-05-01."),
    ("pair-as-of-year-one", Get("/pairs/BLR-KGZ/?as_of=0001-01-01"), 200, "Belarus"),
    ("pair-growth-abc", Get("/pairs/BLR-KGZ/?growth=abc"), 400,
     "Growth must be a number of percent a year, such as 12.5."),
    ("pair-growth-nan", Get("/pairs/BLR-KGZ/?growth=NaN"), 400,
     "Growth must be a number of percent a year, such as 12.5."),
    ("pair-growth-1e999", Get("/pairs/BLR-KGZ/?growth=1e999"), 400, "Growth"),
    ("pair-growth-5000", Get("/pairs/BLR-KGZ/?growth=5000"), 400,
     "Growth above 1000% a year is not a pace of trade."),
    case("pair-page-minus-one", Get("/pairs/BLR-KGZ/?page=-1"), 400, "page"),
    case("pair-page-abc", Get("/pairs/BLR-KGZ/?page=abc"), 400, "page"),
    ("pair-page-999999", Get("/pairs/BLR-KGZ/?page=999999"), 200, "Belarus"),
    ("pair-10000-digit-year", Get("/pairs/BLR-KGZ/?from=" + "9" * LONG), 400,
     "“From” must be a year such as 2022."),
    ("pair-10000-digit-growth", Get("/pairs/BLR-KGZ/?growth=" + "1" * LONG), 400,
     "Growth"),
    case("pair-10000-digit-page", Get("/pairs/BLR-KGZ/?page=" + "9" * LONG), 400, "page"),
    ("pair-10000-characters-unknown-parameter", Get("/pairs/BLR-KGZ/?q=" + "x" * LONG), 200,
     "Belarus"),
    ("pair-2000-parameters", Get("/pairs/BLR-KGZ/?" + "a=1&" * 2000), 400, "Bad Request (400)"),
    ("pair-unknown-iso3", Get("/pairs/BLR-ZZZ/"), 404, NOT_FOUND),
    ("pair-of-one-country", Get("/pairs/BLR-BLR/"), 404, NOT_FOUND),
    ("pair-with-underscore", Get("/pairs/blr_kgz/"), 404, NOT_FOUND),
    ("pair-four-letters", Get("/pairs/BLRX-KGZ/"), 404, NOT_FOUND),
    ("pair-posted-to", Post("/pairs/BLR-KGZ/", dict, reader=True), 405, ""),  # no page: 405
    # The report, the CSV, the changes page and feed.
    ("report-format-docx", Get("/pairs/BLR-KGZ/report/?format=docx"), 400,
     "format must be html or pdf."),
    ("report-from-after-to", Get("/pairs/BLR-KGZ/report/?from=2025&to=2020"), 400,
     "The end year cannot be before the start year."),
    ("report-unknown-iso3", Get("/pairs/ZZZ-KGZ/report/"), 404, NOT_FOUND),
    ("csv-to-1800", Get("/pairs/BLR-KGZ/figures.csv?to=1800"), 400,
     "Ensure this value is greater than or equal to 1990."),
    ("csv-as-of-yesterday", Get("/pairs/BLR-KGZ/figures.csv?as_of=yesterday"), 400,
     "“as_of” must be a date such as 2026-05-01."),
    ("changes-unknown-iso3", Get("/pairs/BLR-ZZZ/changes/"), 404, NOT_FOUND),
    ("feed-pair-of-one-country", Get("/pairs/KGZ-KGZ/changes/feed/"), 404, NOT_FOUND),
    ("old-partner-url-unknown-iso3", Get("/partners/ZZZ/"), 404, NOT_FOUND),
    # The overview, country and source pages.
    ("overview-sort-nonsense", Get("/?sort=nonsense"), 400, "Sort by one of the table's columns."),
    ("overview-country-zzz", Get("/?country=ZZZ"), 400, "No country with the ISO 3166 code “ZZZ”."),
    ("overview-country-10000-characters", Get("/?country=" + "A" * LONG), 400,
     "Use a three-letter ISO 3166 code such as BLR."),
    ("overview-status-nonsense", Get("/?status=thriving"), 400, "Select a valid choice."),
    ("overview-page-minus-one", Get("/?page=-1"), 400,
     "Ensure this value is greater than or equal to 1."),
    ("overview-page-abc", Get("/?page=abc"), 400, "Enter a whole number."),
    ("overview-page-999999", Get("/?page=999999"), 200, "Kyrgyzstan"),
    ("overview-as-of-future", Get("/?as_of=2999-01-01"), 400, "“as_of” cannot be in the future"),
    ("overview-as-of-year-one", Get("/?as_of=0001-01-01"), 200, "TradeWatch"),
    ("country-as-of-yesterday", Get("/countries/BLR/?as_of=yesterday"), 400,
     "“as_of” must be a date such as 2026-05-01."),
    ("country-as-of-year-one", Get("/countries/BLR/?as_of=0001-01-01"), 200, "Belarus"),
    ("country-unknown", Get("/countries/ZZZ/"), 404, NOT_FOUND),
    ("source-unknown", Get("/sources/999999/"), 404, NOT_FOUND),
    ("source-huge-pk", Get("/sources/99999999999999999999999/"), 404, NOT_FOUND),
    ("source-negative-pk", Get("/sources/-1/"), 404, NOT_FOUND),
    # htmx partials.
    ("htmx-results-from-abc", Get("/pairs/BLR-KGZ/?from=abc", htmx=HTMX_RESULTS), 400,
     "“From” must be a year such as 2022."),
    ("htmx-results-flow-smuggling", Get("/pairs/BLR-KGZ/?flow=smuggling", htmx=HTMX_RESULTS),
     400, "Showing all years and turnover instead."),
    ("htmx-results-as-of-future", Get("/pairs/BLR-KGZ/?as_of=2999-01-01", htmx=HTMX_RESULTS),
     400, "“as_of” cannot be in the future"),
    ("htmx-what-if-growth-abc", Get("/pairs/BLR-KGZ/?growth=abc", htmx=HTMX_WHAT_IF), 400,
     "Growth must be a number of percent a year, such as 12.5."),
    ("htmx-what-if-growth-5000", Get("/pairs/BLR-KGZ/?growth=5000", htmx=HTMX_WHAT_IF), 400,
     "Growth above 1000% a year is not a pace of trade."),
    ("htmx-what-if-growth-minus-99", Get("/pairs/BLR-KGZ/?growth=-99", htmx=HTMX_WHAT_IF), 400,
     "Growth cannot be below −95% a year."),
    ("htmx-unknown-target", Get("/pairs/BLR-KGZ/?to=1800", htmx="body"), 400,
     "Ensure this value is greater than or equal to 1990."),
    ("htmx-unknown-pair", Get("/pairs/BLR-ZZZ/?growth=5", htmx=HTMX_WHAT_IF), 404, NOT_FOUND),
    # Readers' corrections (POST as a reader; the thank-you for a robot stores nothing either).
    ("correction-unknown-figure", Get("/pairs/BLR-KGZ/figures/999999/correction/"), 404,
     NOT_FOUND),
    ("correction-figure-abc", Get("/pairs/BLR-KGZ/figures/abc/correction/"), 404, NOT_FOUND),
    ("correction-figure-huge-id",
     Get("/pairs/BLR-KGZ/figures/99999999999999999999999/correction/"), 404, NOT_FOUND),
    ("correction-figure-of-another-pair", Get("/pairs/BLR-KAZ/figures/1/correction/"), 404,
     NOT_FOUND),
    ("correction-target-unknown", Post("/pairs/BLR-KGZ/targets/999/correction/", correction,
     reader=True), 404, NOT_FOUND),
    ("correction-unknown-pair", Get("/pairs/BLR-ZZZ/figures/1/correction/"), 404, NOT_FOUND),
    ("correction-sources-kind", Get("/pairs/BLR-KGZ/sources/1/correction/"), 404, NOT_FOUND),
    ("correction-empty-message", Post(FIGURE_CORRECTION, correction, (("message", "  "),),
     reader=True), 400, "Say what is wrong with this number."),
    ("correction-2001-characters", Post(FIGURE_CORRECTION, correction,
     (("message", "x" * 2001),), reader=True), 400,
     "Ensure this value has at most 2000 characters (it has 2001)."),
    ("correction-nul-character", Post(FIGURE_CORRECTION, correction,
     (("message", "wrong\x00value"),), reader=True), 400, "Null characters are not allowed."),
    ("correction-bad-email", Post(FIGURE_CORRECTION, correction, (("email", "me@"),),
     reader=True), 400, "Enter a valid email address."),
    ("correction-300-character-email", Post(FIGURE_CORRECTION, correction,
     (("email", "a" * 290 + "@example.org"),), reader=True), 400,
     "Ensure this value has at most 254 characters"),
    ("correction-3-mb-body", Post(FIGURE_CORRECTION, correction,
     (("message", "x" * 3_000_000),), reader=True), 400, "Bad Request (400)"),
    ("correction-robot", Post(FIGURE_CORRECTION, correction, (("website", "http://spam"),),
     reader=True), 200, "Thank you"),
    # The API: 400 with the errors as JSON.
    ("api-from-abc", Get("/api/pairs/BLR-KGZ/?from=abc"), 400,
     '{"errors": {"from": [{"message": "“From” must be a year such as 2022.", '
     '"code": "invalid"}]}}'),
    ("api-flow-smuggling", Get("/api/pairs/BLR-KGZ/?flow=smuggling"), 400, '"flow": [{'),
    ("api-from-after-to", Get("/api/pairs/BLR-KGZ/?from=2025&to=2020"), 400,
     "The end year cannot be before the start year."),
    ("api-as-of-future", Get("/api/pairs/BLR-KGZ/?as_of=2999-01-01"), 400,
     "“as_of” cannot be in the future"),
    ("api-10000-digit-year", Get("/api/pairs/BLR-KGZ/?to=" + "1" * LONG), 400, '"to": [{'),
    ("api-unknown-iso3", Get("/api/pairs/BLR-ZZZ/"), 404, '"error": "No country with the ISO'),
    ("api-pair-of-one-country", Get("/api/pairs/KGZ-KGZ/"), 404, "two different countries"),
]  # fmt: skip

BAD_INPUT = [pytest.param(*c[1:], id=c[0]) if type(c) is tuple else c for c in CASES]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The seed, loaded once for this module's many cases and rolled back after them: each
    case runs in its own savepoint inside this transaction, as with the `seed` fixture."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("loaddata", "seed", verbosity=0)
        current_token()  # the cache's data version row, made by the first request otherwise
        yield
        transaction.set_rollback(True)


@pytest.fixture
def world(seeded, client, admin_client, tmp_path, monkeypatch) -> World:
    cache.clear()  # every case renders its own response
    return World(client, admin_client, tmp_path, monkeypatch)


@pytest.mark.parametrize(("action", "status", "message"), BAD_INPUT)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(world, action, status, message):
    before = snapshot(exclude=(StatisticsUpload,))
    staged_before = StatisticsUpload.objects.count()
    result = action(world)
    assert result.status != 500
    assert result.status == status, result.text[-3000:]
    assert message in result.text, result.text[-3000:]
    assert changed_tables(before, snapshot(exclude=(StatisticsUpload,))) == set()
    # The admin keeps an uploaded file for its preview, and nothing else.
    assert StatisticsUpload.objects.count() == staged_before + result.staged


# --- Controls: the snapshot sees every table and every change; the usual data is accepted ------


def test_the_snapshot_holds_every_table(world):
    assert set(snapshot()) == set(connection.introspection.table_names())
    assert snapshot()["tradewatch_figure"]  # the seed is there to be changed


def test_the_snapshot_sees_a_change_in_any_table(world):
    before = snapshot()
    add_figure(year=2025)
    assert {"tradewatch_figure", "tradewatch_historicalfigure", "tradewatch_source"} <= (
        changed_tables(before, snapshot())
    )


USUAL = [
    pytest.param(Post(FIGURE_ADD, figure_add), id="figure-add"),
    pytest.param(figure_change_post(), id="figure-change"),
    pytest.param(Post("/admin/tradewatch/figure/", figure_list_edit), id="figure-list-edit"),
    pytest.param(Post(TARGET_ADD, target_add), id="target-add"),
    pytest.param(Post(TARGET_ADD, target_with_statement), id="target-add-with-statement"),
    pytest.param(Post(TARGET_CHANGE, target_change), id="target-change"),
    pytest.param(Post(STATEMENT_ADD, statement_add), id="statement-add"),
    pytest.param(Post(SOURCE_ADD, source_add), id="source-add"),
    pytest.param(Post("/admin/tradewatch/event/add/", event_add), id="event-add"),
    pytest.param(import_stats(File("good.csv", template(GOOD_TEMPLATE_ROW))), id="import-template"),
    pytest.param(import_stats(File("comtrade.csv", comtrade())), id="import-comtrade"),
]


@pytest.mark.parametrize("action", USUAL)
def test_the_usual_data_of_each_form_and_file_is_accepted(world, action):
    """Each bad row differs from these in one field or cell, so it fails for that reason."""
    before = snapshot()
    result = action(world)
    assert result.status in (302, "exit 0"), result.text[-3000:]
    assert changed_tables(before, snapshot())


HIDDEN_INPUT = re.compile(r'<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?')


def blank_version(case_id: str, url: str, form: Callable[[], dict], inline: bool = False):
    return pytest.param(url, form, inline, id=case_id)


@pytest.mark.parametrize(
    ("url", "form", "inline"),
    [
        blank_version("figure-add", FIGURE_ADD, figure_add),
        blank_version("target-add", TARGET_ADD, target_add),
        blank_version("target-add-with-statement", TARGET_ADD, target_with_statement, True),
        blank_version(
            "target-change-add-statement", TARGET_CHANGE, target_change_with_statement, True
        ),
        blank_version("statement-add", STATEMENT_ADD, statement_add),
    ],
)
def test_a_new_fact_posted_as_the_browser_renders_its_form_is_saved(world, url, form, inline):
    """A browser sends every hidden input the page holds, as rendered."""
    page = world.editor.get(url).content.decode()
    hidden = {name: html.unescape(value) for name, value in HIDDEN_INPUT.findall(page)}
    if inline:  # "Add another target statement" copies the empty row the page holds
        hidden = {k: v for k, v in hidden.items() if not k.startswith("statements-0-")}
        hidden["statements-0-version"] = hidden["statements-__prefix__-version"]
    response = world.editor.post(url, hidden | form())
    assert response.status_code == 302


# --- A file in a one-byte encoding is read as written, or refused: never stored garbled ------
# Either is right for cp1251 (read it as cp1251, or refuse it with a message), so this is not a
# row of the unchanged-database table.

PUBLISHERS = {
    "iso-8859-1": "Instituto Nacional de Estadística",  # ISO-8859-1 is read on purpose
    "cp1251": "Национальный статистический комитет",
}


def import_by(way: str, w: World, file: File) -> None:
    if way == "command":
        run_command("import_stats", file.make(w.tmp))
        return
    response = w.editor.post(UPLOAD_URL, {"file": SimpleUploadedFile(file.name, file.data)})
    preview = response["Location"]
    w.editor.get(preview)
    w.editor.post(preview)  # confirm


@pytest.mark.parametrize("way", ["command", "upload"])
@pytest.mark.parametrize(
    "encoding",
    [
        "iso-8859-1",
        "cp1251",
    ],
)
def test_a_one_byte_encoding_is_read_as_written_or_refused(world, way, encoding):
    publisher = PUBLISHERS[encoding]
    row = GOOD_TEMPLATE_ROW.replace("National Statistical Committee", publisher)
    before = snapshot(exclude=(StatisticsUpload,))
    publishers = set(Source.objects.values_list("publisher", flat=True))
    import_by(way, world, File(f"{encoding}.csv", template(row, encoding=encoding)))
    added = set(Source.objects.values_list("publisher", flat=True)) - publishers
    if encoding == "iso-8859-1":
        assert added == {publisher}
    if added:  # read: under the publisher's own name
        assert added == {publisher}
        assert Figure.objects.filter(quote__startswith=f"{publisher}: ").count() == 1
    else:  # refused: nothing written
        assert changed_tables(before, snapshot(exclude=(StatisticsUpload,))) == set()


# --- Markup typed by an editor is stored as text and escaped wherever it is shown ------------


ESCAPED = html.escape(SCRIPT, quote=False)  # &lt;script&gt;alert(1)&lt;/script&gt;


def test_markup_in_quotes_and_titles_is_escaped_everywhere(world):
    editor = world.editor
    source = {"title": SCRIPT, "publisher": SCRIPT, "text": f"Before. {SCRIPT} After."}
    assert editor.post(SOURCE_ADD, source_add() | source).status_code == 302
    source_pk = Source.objects.get(title=SCRIPT).pk
    figure = {"source": str(source_pk), "quote": SCRIPT, "speaker": SCRIPT, "change_reason": SCRIPT}
    assert editor.post(FIGURE_ADD, figure_add() | figure).status_code == 302
    target = target_with_statement() | {
        "description": SCRIPT,
        "statements-0-source": str(source_pk),
        "statements-0-quote": SCRIPT,
        "statements-0-wording": SCRIPT,
    }
    assert editor.post(TARGET_ADD, target).status_code == 302
    event = event_add() | {"title": SCRIPT, "source": str(source_pk)}
    assert editor.post("/admin/tradewatch/event/add/", event).status_code == 302

    shown = {
        "/pairs/BLR-KGZ/": True,
        "/pairs/BLR-KGZ/report/": True,
        f"/sources/{source_pk}/": True,
        "/pairs/BLR-KGZ/changes/": True,
        "/": False,
        "/countries/KGZ/": False,
        "/admin/tradewatch/figure/": True,
        "/admin/tradewatch/source/": True,
        f"/admin/tradewatch/source/{source_pk}/change/": True,
    }
    for url, visible in shown.items():
        client = editor if url.startswith("/admin/") else world.reader
        response = client.get(url)
        page = response.content.decode()
        assert response.status_code == 200, url
        assert SCRIPT not in page, url  # nowhere raw: not in the markup, nor in inline JSON
        if visible:
            assert ESCAPED in page, url
    htmx = world.reader.get("/pairs/BLR-KGZ/", headers={"HX-Request": "true"}).content.decode()
    assert SCRIPT not in htmx and ESCAPED in htmx

    feed = world.reader.get("/pairs/BLR-KGZ/changes/feed/")
    assert feed.status_code == 200 and SCRIPT.encode() not in feed.content

    # JSON and CSV are data, not markup: the text comes back exactly as typed, in a type no
    # browser renders as a page.
    api = world.reader.get("/api/pairs/BLR-KGZ/")
    assert api["Content-Type"] == "application/json"
    assert api["X-Content-Type-Options"] == "nosniff"
    assert SCRIPT in [f["quote"] for f in api.json()["figures"]]
    export = world.reader.get("/pairs/BLR-KGZ/figures.csv")
    assert export["Content-Type"].startswith("text/csv")
    assert export["Content-Disposition"].startswith("attachment;")
    assert export["X-Content-Type-Options"] == "nosniff"
    rows = list(csv.DictReader(io.StringIO(export.content.decode())))
    assert SCRIPT in {row["quote"] for row in rows}
    assert SCRIPT in {row["source_title"] for row in rows}
