"""manage.py backup FILE / restore FILE: a restore into an empty database loses nothing,
history included (runs on SQLite and on PostgreSQL, like the whole suite)."""

import io
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core import serializers
from django.core.management import CommandError, call_command

from tests.test_import_stats import ROWS, write
from tradewatch.models import Figure, PairSummary

pytestmark = pytest.mark.django_db(transaction=True)
NOT_KEPT = {"PairSummary", "DataVersion", "PageVersion", "StatisticsUpload", "ContentType",
            "Permission", "Session"}  # fmt: skip


def everything() -> dict[str, list]:
    """Every kept table's rows, keys by natural key where a model has one."""
    return {
        model.__name__: serializers.serialize(
            "python",
            model._default_manager.order_by("pk"),
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,  # a user or group is who it is, not its number
        )
        for model in apps.get_models()
        if model.__name__ not in NOT_KEPT
    }


def summaries() -> list[tuple]:
    return sorted(
        PairSummary.objects.values_list("country_a", "country_b", "latest_value", "status")
    )


@pytest.fixture
def edited(tmp_path: Path):
    """The seed, an editor's correction with its reason, and imported statistics."""
    call_command("load_seed", stdout=io.StringIO())
    anna = User.objects.create_user("anna", password="pw", first_name="Anna")
    figure = Figure.objects.get(quote__startswith="$160.2 million in 2022", derived=False)
    figure.value_usd = 171_300_000
    figure._change_reason = "the embassy's corrected figure"
    figure._history_user = anna
    figure.save()
    call_command("import_stats", write(tmp_path, ROWS), stdout=io.StringIO())


def test_backup_then_restore_into_an_empty_database_loses_nothing(edited, tmp_path, client):
    before, before_summaries = everything(), summaries()
    page_before = client.get("/pairs/BLR-KGZ/changes/").content
    assert before["HistoricalFigure"] and before["User"]
    path = tmp_path / "tradewatch-backup.xml.gz"
    call_command("backup", path, stdout=io.StringIO())

    call_command("flush", "--noinput")  # an empty database: no facts, users or history
    assert not Figure.objects.exists() and not Figure.history.exists()
    out = io.StringIO()
    call_command("restore", path, stdout=out)

    assert everything() == before
    assert summaries() == before_summaries
    assert client.get("/pairs/BLR-KGZ/changes/").content == page_before
    assert "Restored" in out.getvalue()


def test_restore_refuses_a_database_that_already_has_data(edited, tmp_path):
    path = tmp_path / "b.xml"
    call_command("backup", path, stdout=io.StringIO())
    count = Figure.objects.count()
    with pytest.raises(CommandError, match="already holds documents"):
        call_command("restore", path)
    assert Figure.objects.count() == count


def test_restore_of_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", tmp_path / "nope.xml")


def test_a_backup_name_that_would_lose_precision_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match=r"name the backup file \*\.xml"):
        call_command("backup", tmp_path / "backup.json")
