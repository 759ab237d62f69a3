"""Every country pair, and whose numbers they are."""

from datetime import date
from html import unescape
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from tests.conftest import add_figure
from tradewatch.ingest.store import ingest_document
from tradewatch.models import Country, Figure, StoredFlow

pytestmark = pytest.mark.django_db

RUSSIA_INDIA = """NEW DELHI, 8 July 2025 (TASS) - Trade between Russia and India reached \
$68.7 billion in 2024, Russian Deputy Prime Minister Denis Manturov said on Tuesday.
The two countries aim to bring bilateral trade to $100 billion by 2030, Manturov added.
"""


def ingest_text(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    result = ingest_document(path, accept=True)
    assert result.status == "added", result.reason


def test_a_russia_india_report_shows_on_every_page(tmp_path, seed, client):
    ingest_text(tmp_path, "rus-ind.txt", RUSSIA_INDIA)
    overview = client.get("/").content.decode()
    assert "Russia – India" in overview or "India – Russia" in overview
    assert "$100B" in overview and "by 2030" in overview
    page = client.get("/pairs/RUS-IND/").content.decode()
    assert "$68.7B" in page and "in 2024" in page
    assert "$100B" in page and "by 2030" in page
    assert "Trade between Russia and India reached $68.7 billion in 2024" in page
    india = client.get("/countries/IND/").content.decode()
    assert "Russia" in india and "/pairs/IND-RUS/" in india


def test_belarus_kyrgyzstan_keeps_its_numbers_and_names_their_sides(client, seed):
    response = client.get("/pairs/BLR-KGZ/")
    html = unescape(response.content.decode())
    for text in ("$160.2M", "in 2022", "$500M", "by 2030", "15.3%"):
        assert text in html
    rows = {f.value_usd: f.side_id for f in response.context["d"].figures}
    assert rows[160_200_000] == "KGZ" and rows[170_000_000] == "BLR"
    assert "Value used: Kyrgyzstan's figure: exact, where the other is approximate" in html


def test_the_country_page_puts_its_own_side_first(client, seed):
    response = client.get("/countries/KGZ/")
    row = response.context["rows"][0]
    assert (row.pair.first.iso3, row.pair.second.iso3) == ("KGZ", "BLR")
    own, partners = row.latest_by_side
    assert own.value_usd == 160_200_000 and partners.value_usd == 170_000_000
    html = response.content.decode()
    assert html.index("$160.2M") < html.index("≈ $170M")


def test_exports_follow_the_order_of_the_pair_in_the_url(client, seed):
    add_figure(year=2024, value="90000000", side="KGZ", flow=StoredFlow.EXPORTS, exporter_id="KGZ")
    kgz_exports = client.get("/pairs/KGZ-BLR/?flow=exports").context["d"].figures
    blr_imports = client.get("/pairs/BLR-KGZ/?flow=imports").context["d"].figures
    blr_exports = client.get("/pairs/BLR-KGZ/?flow=exports").context["d"].figures
    assert [f.value_usd for f in kgz_exports] == [90_000_000]
    assert [f.value_usd for f in blr_imports] == [90_000_000]  # one series, either way round
    assert list(blr_exports) == []


def test_an_editors_choice_with_its_reason_wins(client, seed):
    belarus = Figure.objects.get(value_usd=170_000_000)
    belarus.preferred, belarus.preferred_reason = True, "Belstat's final data agree with it"
    belarus.save()
    html = unescape(client.get("/pairs/BLR-KGZ/").content.decode())
    assert "Value used: Belarus's figure: an editor's choice — Belstat's final data" in html


def test_an_editors_choice_needs_a_reason(seed):
    figure = Figure.objects.get(value_usd=170_000_000)
    figure.preferred = True
    with pytest.raises(Exception, match="Say why"):
        figure.full_clean()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/partners/KGZ/", "/pairs/BLR-KGZ/"),
        ("/partners/kgz/?flow=exports&from=2020", "/pairs/BLR-KGZ/?flow=exports&from=2020"),
        ("/partners/KGZ/report/?format=pdf", "/pairs/BLR-KGZ/report/?format=pdf"),
        ("/partners/KGZ/figures.csv", "/pairs/BLR-KGZ/figures.csv"),
        ("/api/partners/KGZ/", "/api/pairs/BLR-KGZ/"),
    ],
)
def test_old_partner_urls_redirect_permanently(client, seed, old, new):
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == new


@pytest.mark.parametrize(
    "url",
    [
        "/pairs/BLR-ZZZ/",
        "/pairs/BLR-BLR/",
        "/pairs/blr_kgz/",
        "/pairs/BLR-KGZZ/",
        "/countries/ZZZ/",
        "/pairs/ZZZ-KGZ/report/",
        "/partners/ZZZ/",
        "/partners/BLR/",
    ],
)
def test_unknown_or_malformed_pairs_are_a_404_page(client, seed, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"<html" in response.content  # the friendly page, not a traceback


def test_the_api_answers_an_unknown_pair_in_json(client, seed):
    response = client.get("/api/pairs/BLR-BLR/")
    assert response.status_code == 404
    assert response.json() == {"error": "A pair needs two different countries."}


def test_a_pair_written_in_lower_case_works(client, seed):
    assert client.get("/pairs/kgz-blr/").status_code == 200


def test_a_pair_without_data_says_so(client, seed):
    html = client.get("/pairs/FRA-PER/").content.decode()
    assert "No figures for this flow" in html and "No targets stated" in html


def test_every_iso_country_is_available(db):
    assert Country.objects.count() >= 249
    assert Country.objects.get(pk="RUS").name == "Russia"
    assert Country.objects.get(pk="KOR").name == "South Korea"


def test_the_overview_filters_by_country_and_status_and_sorts(client, seed):
    add_figure("UZB", year=2024, value="50000000", side="UZB")
    everything = client.get("/").context["rows"]
    assert len(everything) == 3
    uzbek = client.get("/?country=uzb").context["rows"]
    assert [r.pair.slug for r in uzbek] == ["UZB-BLR"]  # the country asked for comes first
    reached = client.get("/?status=target+reached").context["rows"]
    assert [r.pair.second.iso3 for r in reached] == ["KAZ"]
    by_value = client.get("/?sort=-latest").context["rows"]
    assert [r.pair.second.iso3 for r in by_value] == ["KAZ", "KGZ", "UZB"]
    by_value = client.get("/?sort=latest").context["rows"]
    assert [r.pair.second.iso3 for r in by_value] == ["UZB", "KGZ", "KAZ"]


def test_the_overview_refuses_an_unknown_country_filter_with_a_message(client, seed):
    response = client.get("/?country=ZZZ")
    assert response.status_code == 400
    assert "No country with the ISO 3166 code “ZZZ”" in response.content.decode()


def test_the_overview_paginates(client, seed):
    codes = [c for c in Country.objects.values_list("pk", flat=True) if c != "BLR"][:60]
    for code in codes:
        add_figure(code, year=2024, value="1000000")
    first = client.get("/").context["page"]
    assert first.paginator.num_pages == 2 and len(first.object_list) == 50
    html = client.get("/?page=2").content.decode()
    assert "Page 2 of 2" in html


def test_admin_filters_by_either_country_and_by_side(client, seed):
    client.force_login(User.objects.create_superuser("root", password="pw"))
    add_figure("UZB", first="KGZ", year=2024, side="UZB")  # a pair without Belarus
    page = client.get("/admin/tradewatch/figure/?country=KGZ")
    pairs = {f.pair for f in page.context["cl"].result_list}
    assert pairs == {("BLR", "KGZ"), ("KGZ", "UZB")}
    page = client.get("/admin/tradewatch/figure/?side__iso3__exact=KGZ")
    assert {f.side_id for f in page.context["cl"].result_list} == {"KGZ"}
    html = page.content.decode()
    assert 'name="form-0-side"' in html  # the side can be corrected from the list


def test_a_side_outside_the_pair_is_refused(seed):
    figure = Figure.objects.get(value_usd=170_000_000)
    figure.side_id = "UZB"
    with pytest.raises(Exception, match="side must be one of the pair"):
        figure.full_clean()


def test_countries_entered_either_way_round_are_stored_in_one_order(seed):
    figure = add_figure(year=2025)
    figure.country_a_id, figure.country_b_id = "KGZ", "BLR"
    figure.full_clean()
    figure.save()
    figure.refresh_from_db()
    assert figure.pair == ("BLR", "KGZ")
    assert figure.period_start == date(2025, 1, 1)


def test_switching_partner_keeps_the_flow_and_years_but_not_the_page(client, seed):
    html = client.get("/pairs/BLR-KGZ/?flow=exports&from=2020&page=1&growth=5").content.decode()
    assert 'href="/pairs/BLR-KAZ/?flow=exports&amp;from=2020"' in html


def add_disagreements(years: range) -> None:
    """For each year: Belarus and Kyrgyzstan far apart (a spread) and Belarus against itself
    (a conflict)."""
    for year in years:
        add_figure(partner="KGZ", year=year, value=str(100_000_000 + year), side="BLR")
        add_figure(partner="KGZ", year=year, value=str(300_000_000 + year), side="BLR")
        add_figure(partner="KGZ", year=year, value=str(150_000_000 + year), side="KGZ")


def test_the_dashboard_shows_the_latest_spreads_and_conflicts_and_says_where_the_rest_are(
    seed, client
):
    add_disagreements(range(2000, 2012))
    response = client.get("/pairs/BLR-KGZ/")
    page = response.content.decode()
    spreads, conflicts = response.context["d"].spreads, response.context["d"].conflicts
    assert len(spreads) > 10 and len(conflicts) > 10
    assert page.count('<div class="spread">') == 10 and page.count('<div class="conflict">') == 10
    assert f"The 10 latest of {len(spreads)} periods where the sides differ." in page
    assert f"The 10 latest of {len(conflicts)} periods with conflicting figures." in page
    assert "<strong>2011:</strong>" in page and "<strong>2000:</strong>" not in page
    report = client.get("/pairs/BLR-KGZ/report/").content.decode()
    assert report.count("<strong>2000:</strong>") == 2  # the report lists every one of both
    api = client.get("/api/pairs/BLR-KGZ/").json()
    assert len(api["spreads"]) == len(spreads)


def test_a_few_spreads_are_all_shown_without_a_note(seed, client):
    add_disagreements(range(2000, 2003))
    page = client.get("/pairs/BLR-KGZ/").content.decode()
    assert "<strong>2000:</strong>" in page and "latest of" not in page


def test_the_partner_switch_lists_every_country_with_published_facts_in_either_order(seed):
    from tradewatch.models import Target
    from tradewatch.queries import partners_of

    add_figure(partner="BLR", first="UZB", side="UZB")  # stored as BLR–UZB
    add_figure(partner="ARM", first="BLR", status="rejected")
    add_figure(partner="AZE", first="BLR", status="proposed")
    Target.objects.create(country_a_id="BLR", country_b_id="VNM", stated_on=date(2025, 1, 1))
    Target.objects.create(
        country_a_id="BLR", country_b_id="GEO", stated_on=date(2025, 1, 1), status="rejected"
    )
    belarus = Country.objects.get(pk="BLR")
    assert {c.iso3 for c in partners_of(belarus)} == {"KAZ", "KGZ", "UZB", "VNM"}
    assert [c.iso3 for c in partners_of(Country.objects.get(pk="UZB"))] == ["BLR"]
