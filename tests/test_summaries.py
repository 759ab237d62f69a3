"""The overview and country pages read one summary row per pair, kept right on every write."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from tests.conftest import add_figure
from tradewatch.ingest.store import ingest_document
from tradewatch.models import Country, Figure, PairSummary
from tradewatch.summaries import refresh_all

pytestmark = pytest.mark.django_db

RUSSIA_INDIA = """NEW DELHI, 8 July 2025 (TASS) - Trade between Russia and India reached \
$68.7 billion in 2024, Russian Deputy Prime Minister Denis Manturov said on Tuesday.
"""


def listed(client, url: str = "/") -> list[str]:
    return [row.pair.slug for row in client.get(url).context["rows"]]


def test_a_fact_accepted_in_the_admin_reaches_the_overview_at_once(tmp_path, seed, client):
    path = tmp_path / "rus-ind.txt"
    path.write_text(RUSSIA_INDIA)
    source = ingest_document(path).source
    assert "IND-RUS" not in listed(client)  # a proposal is not shown
    client.force_login(User.objects.create_superuser("root", password="pw"))
    figure = Figure.objects.get(source=source)
    client.post(
        "/admin/tradewatch/figure/",
        {"action": "mark_accepted", "_selected_action": [figure.pk], "index": "0"},
    )
    assert "IND-RUS" in listed(client)
    summary = PairSummary.objects.get(country_a="IND", country_b="RUS")
    assert summary.latest == figure and summary.latest_year == 2024


def test_an_edit_and_a_delete_update_the_summary(seed, client):
    figure = add_figure("UZB", year=2024, value="50000000")
    assert PairSummary.objects.get(country_b="UZB").latest_value == 50_000_000
    figure.value_usd = 70_000_000
    figure.save()
    assert PairSummary.objects.get(country_b="UZB").latest_value == 70_000_000
    figure.delete()
    assert not PairSummary.objects.filter(country_b="UZB").exists()
    assert "BLR-UZB" not in listed(client)


def test_a_summary_from_an_earlier_day_is_recomputed_when_read(seed, client):
    PairSummary.objects.update(as_of=date.today() - timedelta(days=1), status="moving away")
    rows = {row.pair.slug: row for row in client.get("/").context["rows"]}
    assert rows["BLR-KGZ"].progress.status == "on track"
    assert set(PairSummary.objects.values_list("as_of", flat=True)) == {date.today()}


def test_summaries_are_rebuilt_from_the_facts(seed):
    before = sorted(PairSummary.objects.values_list("country_b", "status", "latest_value"))
    PairSummary.objects.all().delete()
    assert refresh_all() == 2
    assert sorted(PairSummary.objects.values_list("country_b", "status", "latest_value")) == before


def test_synthetic_data_gets_its_summaries(db):
    call_command("seed_synthetic", figures=300, pairs=12, sources=5)
    assert PairSummary.objects.count() == 12


def test_the_overview_reads_a_page_of_summaries_in_constant_queries(
    seed, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8) as few:
        client.get("/")
    codes = [c for c in Country.objects.values_list("pk", flat=True) if c != "BLR"][:80]
    for code in codes:
        add_figure(code, year=2024, value="2000000", side=code)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/?sort=-share")
    assert len(response.context["rows"]) == 50


def test_every_overview_filter_and_ordering_uses_a_stored_column(seed, client):
    add_figure("UZB", year=2024, value="50000000", side="UZB")
    assert listed(client, "/?sort=latest") == ["BLR-UZB", "BLR-KGZ", "BLR-KAZ"]
    assert listed(client, "/?sort=-required")[-1] == "BLR-UZB"  # no target: last either way
    assert listed(client, "/?sort=required")[-1] == "BLR-UZB"
    assert listed(client, "/?country=KGZ") == ["KGZ-BLR"]
