"""?as_of= reproduces what TradeWatch showed at the end of a past day, from the audit
history; /pairs/<A>-<B>/changes/ lists every change with its reason, also as Atom."""

import csv
import io
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import add_figure
from tradewatch.history import record_initial_history
from tradewatch.models import Figure, PairSummary, ReviewStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(seed):
    """The seed as loaded three days ago; today an editor corrects and adds."""
    loaded = timezone.now() - timedelta(days=3)
    record_initial_history(at=loaded)
    PairSummary.history.update(history_date=loaded)  # the overview as computed at loading
    figure = Figure.objects.get(value_usd=160_200_000, derived=False)
    figure.value_usd = 171_300_000
    figure._change_reason = "the embassy's corrected figure"
    figure.save()
    add_figure(year=2025, value="250000000", quote="trade reached $250 million in 2025")
    return timezone.localdate() - timedelta(days=1)


def test_yesterdays_page_is_unchanged_by_todays_edits(client, history):
    yesterday = client.get(f"/pairs/BLR-KGZ/?as_of={history:%Y-%m-%d}").content.decode()
    assert "$160.2M" in yesterday and "$171.3M" not in yesterday
    assert "trade reached $250 million in 2025" not in yesterday
    assert "A past view: the facts as TradeWatch showed them at the end of" in yesterday
    today = client.get("/pairs/BLR-KGZ/").content.decode()
    assert "$171.3M" in today and "trade reached $250 million in 2025" in today


def test_a_fact_rejected_today_still_shows_on_yesterdays_page(client, history):
    claim = Figure.objects.get(value_usd=170_000_000)
    claim.status = ReviewStatus.REJECTED
    claim.save()
    assert "We had some $170 million" not in client.get("/pairs/BLR-KGZ/").content.decode()
    past = client.get(f"/pairs/BLR-KGZ/?as_of={history:%Y-%m-%d}").content.decode()
    assert "We had some $170 million" in past


def test_before_anything_was_loaded_the_page_is_empty(client, history):
    long_ago = history - timedelta(days=30)
    page = client.get(f"/pairs/BLR-KGZ/?as_of={long_ago:%Y-%m-%d}").content.decode()
    assert "No figures for this flow and period range." in page


def test_the_api_csv_and_report_take_as_of_too(client, history):
    day = f"{history:%Y-%m-%d}"
    data = client.get(f"/api/pairs/BLR-KGZ/?as_of={day}").json()
    assert data["as_of"] == day
    assert 160_200_000 in [f["value_usd"] for f in data["figures"]]
    assert 171_300_000 not in [f["value_usd"] for f in data["figures"]]
    rows = csv.DictReader(
        io.StringIO(client.get(f"/pairs/BLR-KGZ/figures.csv?as_of={day}").content.decode())
    )
    assert "171300000.0" not in {r["value_usd"] for r in rows}
    report = client.get(f"/pairs/BLR-KGZ/report/?as_of={day}").content.decode()
    assert "A past view" in report and "$171.3M" not in report


@pytest.mark.parametrize(
    ("as_of", "message"),
    [("2999-01-01", "cannot be in the future"), ("yesterday", "must be a date such as")],
)
def test_a_bad_as_of_is_refused_with_a_message(client, seed, as_of, message):
    response = client.get(f"/pairs/BLR-KGZ/?as_of={as_of}")
    assert response.status_code == 400 and message in response.content.decode()
    assert client.get(f"/api/pairs/BLR-KGZ/?as_of={as_of}").status_code == 400


def test_the_changes_page_lists_the_edit_with_its_reason(client, history):
    page = client.get("/pairs/BLR-KGZ/changes/").content.decode()
    assert "<strong>Changed</strong> (figure)" in page
    assert "value usd: 160200000.00 → 171300000.00" in page
    assert 'Reason: <span lang="en">the embassy&#x27;s corrected figure' in page
    assert "<strong>Added</strong> (figure)" in page
    assert page.index("changed") < page.index("loaded from the seed fixture")  # newest first


def test_the_changes_feed_is_atom_with_the_reason(client, history):
    response = client.get("/pairs/BLR-KGZ/changes/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(response.content)
    entries = feed.findall("a:entry", ns)
    assert (
        entries
        and "Changed (figure)" in entries[0].find("a:title", ns).text
        or any("Changed (figure)" in e.find("a:title", ns).text for e in entries)
    )
    summaries = " ".join(e.find("a:summary", ns).text or "" for e in entries)
    assert "Reason: the embassy's corrected figure" in summaries


def test_yesterdays_overview_and_country_page(client, history):
    day = f"{history:%Y-%m-%d}"
    today = client.get("/").content.decode()
    past = client.get(f"/?as_of={day}").content.decode()
    assert "$250M" in today and "$250M" not in past
    assert "A past view: the pairs as TradeWatch showed them" in past
    assert "Kyrgyzstan" in past and "Kazakhstan" in past
    country = client.get(f"/countries/KGZ/?as_of={day}").content.decode()
    assert "$250M" not in country and "Belarus" in country
    assert "$250M" in client.get("/countries/KGZ/").content.decode()
    assert client.get("/countries/KGZ/?as_of=nonsense").status_code == 400


def test_the_changes_page_reads_a_fixed_number_of_queries(
    client, history, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12) as few:
        client.get("/pairs/BLR-KGZ/changes/?n=1")
    figure = Figure.objects.get(quote__startswith="$160.2 million in 2022", derived=False)
    for value in range(171_400_000, 171_410_000, 1_000):  # ten more corrections
        figure.value_usd = value
        figure.save()
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/pairs/BLR-KGZ/changes/?n=2").content.decode()
    assert "value usd: 171400000.00 → 171401000.00" in page
