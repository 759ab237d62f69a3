"""Bulk facts: export every figure and target statement with its source and quote to CSV or
XLSX, import it back with a dry run, all or nothing, and twice adds nothing. Export →
import into an empty database → export gives the same file."""

import io
from pathlib import Path

import pandas as pd
import pytest
from django.core.management import CommandError, call_command

from tests.test_import_stats import ROWS, write
from tradewatch.facts_io import export_rows
from tradewatch.models import Event, Figure, Source, Target, TargetStatement

pytestmark = pytest.mark.django_db(transaction=True)


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Figure, Source, Target, TargetStatement))


def empty_database() -> None:
    """No facts or sources, as a freshly migrated database (which has its countries)."""
    for model in (TargetStatement, Target, Figure, Event, Source):
        model.objects.all().delete()


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=out)
    return out.getvalue()


@pytest.fixture
def data(tmp_path):
    call_command("load_seed", stdout=io.StringIO())
    run("import_stats", write(tmp_path, ROWS))  # statistics too: another kind of source


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_into_an_empty_database_gives_the_same_facts(data, tmp_path, suffix):
    path = tmp_path / f"facts{suffix}"
    before = export_rows()
    assert f"{len(before)} facts written" in run("export_facts", path)
    empty_database()
    assert counts() == (0, 0, 0, 0)
    assert "would add" in run("import_facts", path, "--dry-run")
    assert counts() == (0, 0, 0, 0)  # a dry run writes nothing
    run("import_facts", path)
    assert export_rows() == before
    again = run("import_facts", path)
    assert "added 0" in again and export_rows() == before  # the same file twice adds nothing


def test_the_export_holds_sources_quotes_and_firmness(data, tmp_path):
    path = tmp_path / "facts.xlsx"
    run("export_facts", path)
    frame = pd.read_excel(path, dtype=str, keep_default_na=False)
    claim = frame[frame["quote"] == "We had some $170 million in trade last year"].iloc[0]
    assert claim["record"] == "figure" and claim["side"] == "BLR"
    assert claim["source_title"] == "Meeting with Kyrgyzstan Ambassador to Belarus Ermek Ibraimov"
    statements = frame[frame["record"] == "statement"]
    assert set(statements["statement_firmness"]) == {"plan", "remark"}
    assert (frame["source_kind"] == "statistics").any()


def test_a_bad_row_in_the_middle_writes_nothing_and_is_named(data, tmp_path):
    path = tmp_path / "facts.csv"
    run("export_facts", path)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[3, "value_usd"] = "-5"
    frame.loc[4, "country_b"] = "ZZZ"
    frame.to_csv(path, index=False)
    empty_database()
    out = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_facts", path, stdout=out, stderr=out)
    assert "line 5, value_usd: A trade value cannot be negative." in out.getvalue()
    assert "line 6, country_b" in out.getvalue()
    assert counts() == (0, 0, 0, 0)


def test_a_missing_column_is_a_file_error(db, tmp_path):
    path = Path(tmp_path / "x.csv")
    path.write_text("record,country_a\nfigure,BLR\n")
    with pytest.raises(CommandError):
        run("import_facts", path)


def test_editors_export_and_import_facts_in_the_admin(data, client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("editor", password="pw"))
    assert "Export facts (XLSX)" in client.get("/admin/tradewatch/figure/").content.decode()
    exported = client.get("/admin/tradewatch/figure/export-facts/")
    assert exported["Content-Type"].endswith("spreadsheetml.sheet")
    before = export_rows()
    empty_database()
    upload = io.BytesIO(exported.content)
    upload.name = "facts.xlsx"
    preview_url = client.post("/admin/tradewatch/figure/import-facts/", {"file": upload})[
        "Location"
    ]
    preview = client.get(preview_url).content.decode()
    assert f"would add <strong>{len(before)}</strong> facts" in preview
    assert counts() == (0, 0, 0, 0)  # the preview writes nothing
    done = client.post(preview_url, follow=True).content.decode()
    assert f"added {len(before)} facts" in done
    assert export_rows() == before
