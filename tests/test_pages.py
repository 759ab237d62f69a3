import csv
import io
import re
from datetime import date

import pytest
from django.urls import reverse

from tests.conftest import add_figure
from tradewatch.models import Source, Target, TargetStatement

pytestmark = pytest.mark.django_db

KGZ_QUOTE = "Belarus and Kyrgyzstan are capable of reaching a trade of $500 million by 2030"


def test_overview_lists_partners_with_target_and_status(client, seed):
    html = client.get("/").content.decode()
    assert "Kyrgyzstan" in html and "Kazakhstan" in html
    assert "$160.2M" in html and "in 2022" in html  # the year travels with the value
    assert "≈ $500M" in html and "by 2030" in html
    assert "15.3% a year" in html
    assert "on track" in html and "target reached" in html


def test_kgz_dashboard_shows_target_figures_and_quotes(client, seed):
    response = client.get("/pairs/BLR-KGZ/")
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("500", "2030", "$160.2M", "15.3%", KGZ_QUOTE, "Adylbek Kasymaliev"):
        assert text in html
    assert "Jan–Aug 2023" in html
    assert "date inferred" in html
    assert 'data-chart="chart-partner"' in html and 'id="chart-partner"' in html


def test_dashboard_calls_out_the_spread_between_the_two_sides(client, seed):
    html = client.get("/pairs/BLR-KGZ/").content.decode()
    assert "Where the two sides differ" in html
    # Belarus's president: some $170 million; Kyrgyzstan's ambassador: $160.2 million.
    assert "Belarus reports ≈ $170M" in html and "Kyrgyzstan $160.2M" in html
    assert "a spread of <strong>6.1%</strong>" in html
    assert "We had some $170 million in trade last year" in html


def test_two_deadlines_of_one_target_are_both_shown(client, seed):
    html = client.get("/pairs/BLR-KGZ/").content.decode()
    assert "$500 million over the next five years" in html
    lineage = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.split('class="lineage"')[1]))
    assert "2029 changed $500 million over the next five years" in lineage
    assert "2030 approximately $500 million … by 2030" in lineage


def test_iso3_is_case_insensitive(client, seed):
    assert client.get("/pairs/BLR-kgz/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/pairs/BLR-XXX/",
        "/pairs/BLR-BLR/",
        "/api/pairs/BLR-ZZZ/",
        "/partners/NOPE/report/",
        "/sources/999/",
    ],
)
def test_unknown_things_are_404_pages(client, seed, url):
    response = client.get(url)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query", ["?from=abc", "?flow=smuggling", "?from=2025&to=2020", "?to=99999"]
)
def test_malformed_filters_are_400_with_a_message(client, seed, query):
    response = client.get("/pairs/BLR-KGZ/" + query)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert client.get("/api/pairs/BLR-KGZ/" + query).status_code == 400
    assert client.get("/pairs/BLR-KGZ/figures.csv" + query).status_code == 400
    report = client.get("/pairs/BLR-KGZ/report/" + query)
    assert report.status_code == 400 and 'role="alert"' in report.content.decode()


def test_unknown_report_format_is_400(client, seed):
    response = client.get("/pairs/BLR-KGZ/report/?format=docx")
    assert response.status_code == 400
    assert "format must be html or pdf" in response.content.decode()


def test_download_links_keep_the_filters(client, seed):
    html = client.get("/pairs/BLR-KGZ/?flow=turnover&from=2022").content.decode()
    assert "/pairs/BLR-KGZ/figures.csv?flow=turnover&amp;from=2022" in html
    assert "/pairs/BLR-KGZ/report/?flow=turnover&amp;from=2022&amp;format=pdf" in html


def test_htmx_filter_request_gets_only_the_results(client, seed):
    headers = {"HX-Request": "true", "HX-Target": "dashboard-results"}
    response = client.get("/pairs/BLR-KGZ/?flow=turnover&from=2022", headers=headers)
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="dashboard-results"')
    assert "<html" not in html and '<form class="filters"' not in html
    assert "HX-Request" in response["Vary"] and "HX-Target" in response["Vary"]


def test_htmx_partner_switch_gets_the_whole_panel(client, seed):
    response = client.get("/pairs/BLR-KAZ/", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith("<title>Belarus–Kazakhstan trade")  # htmx updates the title
    assert '<div id="dashboard-panel"' in html and "<form" in html


def test_period_filter_narrows_the_table(client, seed):
    html = client.get("/pairs/BLR-KGZ/?from=2023&to=2023").content.decode()
    assert "Jan–Aug 2023" in html
    assert "We had some $170 million" not in html


def test_exports_flow_without_data_says_so(client, seed):
    html = client.get("/pairs/BLR-KGZ/?flow=exports").content.decode()
    assert "No figures for this flow" in html
    assert "insufficient data" in html


def test_api_returns_progress(client, seed):
    data = client.get("/api/pairs/BLR-kgz/").json()
    assert data["partner"]["iso3"] == "KGZ"
    progress = data["progress"]
    assert progress["latest_value_usd"] == 160200000
    assert progress["latest_period_end"] == "2022-12-31"
    assert progress["target_value_usd"] == 500000000
    assert progress["deadline"] == "2030-12-31"
    assert progress["share_of_target"] == pytest.approx(0.3204, abs=1e-4)
    assert progress["required_annual_growth"] == pytest.approx(0.153, abs=5e-4)
    assert progress["status"] == "on track"
    assert len(data["targets"][0]["statements"]) == 3
    assert progress["latest_value_side"] == "KGZ"
    sides = {f["value_usd"]: f["side"] for f in data["figures"]}
    assert sides[160200000] == "KGZ" and sides[170000000] == "BLR"
    assert data["spreads"][0]["spread"] == pytest.approx(0.0612, abs=1e-4)


def test_csv_has_figures_and_target_statements(client, seed):
    response = client.get("/pairs/BLR-KGZ/figures.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    figures = [r for r in rows if r["kind"] == "figure"]
    assert 160_200_000 in {float(r["value_usd"]) for r in figures if r["value_usd"]}
    growth = next(r for r in figures if r["period_label"] == "2024")
    assert (growth["change_pct"], growth["change_qualifier"]) == ("15.0", "more_than")
    assert {"source_title", "quote", "speaker", "derivation"} <= set(rows[0])
    statements = [r for r in rows if r["kind"] == "target"]
    assert len(statements) == 3
    assert {r["statement_deadline_as_stated"] for r in statements} == {"2029-12-31", "2030-12-31"}


def test_csv_neutralises_formulas(client, seed):
    add_figure(year=2025, quote='=HYPERLINK("http://evil")')
    body = client.get("/pairs/BLR-KGZ/figures.csv").content.decode()
    assert "'=HYPERLINK" in body


def test_source_page_lists_its_facts(client, seed):
    html = client.get("/sources/3/").content.decode()
    assert "Meeting with Kyrgyzstan Ambassador" in html
    assert "$160.2 million in 2022" in html and "date inferred" in html


def test_source_page_highlights_quotes_in_full_text(client, seed):
    source = Source.objects.create(title="Wire", text="Intro. Trade hit $9 million in 2024. End.")
    add_figure(
        year=2024,
        value="9000000",
        source=source,
        quote="Trade hit $9 million in 2024",
        quote_start=7,
        quote_end=35,
    )
    html = client.get(source.get_absolute_url()).content.decode()
    assert '<mark id="figure-' in html and "Trade hit $9 million in 2024</mark>" in html


def test_methodology_page_explains_the_rule(client):
    html = client.get(reverse("methodology")).content.decode()
    assert "Open SDG" in html and "95%" in html and "acceleration needed" in html


def test_report_page_has_progress_and_quotes(client, seed):
    html = client.get("/pairs/BLR-KGZ/report/").content.decode()
    assert "15.3%" in html and KGZ_QUOTE in html and "print.css" in html


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/countries/BLR/",
        "/pairs/BLR-KGZ/",
        "/pairs/KGZ-BLR/",
        "/api/pairs/BLR-KGZ/",
        "/pairs/BLR-KGZ/figures.csv",
        "/pairs/BLR-KGZ/report/",
        "/sources/3/",
    ],
)
def test_query_count_does_not_grow_with_figures(client, seed, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    source = Source.objects.get(pk=3)  # the page /sources/3/ shows it, so it grows too
    for year in range(1990, 2040):
        add_figure(year=year, source=source)
        add_figure(year=year, source=source, side="KGZ", value="210000000")
        add_figure("UZB", year=year, source=source, side="UZB")  # another pair grows too
    for offset in range(10):
        target = Target.objects.create(
            country_a_id="BLR",
            country_b_id="KGZ",
            value_usd=600_000_000 + offset,
            deadline=date(2031 + offset, 12, 31),
            stated_on=date(2025, 1, 1),
        )
        for _ in range(3):
            TargetStatement.objects.create(
                target=target, source=source, quote="q", stated_on=date(2025, 1, 1)
            )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_new_figure_appears_on_dashboard_at_once(client, seed):
    add_figure(year=2025, value="250000000", quote="trade reached $250 million in 2025")
    html = client.get("/pairs/BLR-KGZ/").content.decode()
    assert "$250M" in html and "trade reached $250 million in 2025" in html
    assert "in 2025" in html


@pytest.mark.parametrize(
    ("url", "budget"),
    [("/", 10), ("/countries/BLR/", 10), ("/pairs/BLR-KGZ/", 8), ("/api/pairs/BLR-KGZ/", 4)],
)
def test_each_page_keeps_its_query_budget_at_two_data_sizes(
    client, seed, url, budget, django_assert_max_num_queries
):
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200
    for year in range(1990, 2030):
        add_figure(year=year)
        add_figure(year=year, side="KGZ", value="150000000")
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200


def test_a_long_table_shows_the_newest_figures_and_pages_back(client, seed):
    source = Source.objects.create(title="Monthly bulletin")
    for year in range(1900, 2020):
        add_figure(year=year, value=str(100_000_000 + year), source=source)
    response = client.get("/pairs/BLR-KGZ/")
    shown = [f.period_end.year for f in response.context["figures"].object_list]
    assert len(shown) == 50 and 2022 in shown and 1900 not in shown
    assert "50 of 126 figures, page 1 of 3 (newest first)" in response.content.decode()
    earliest = client.get("/pairs/BLR-KGZ/?page=3").context["figures"].object_list
    assert earliest[0].period_end.year == 1900 and len(earliest) == 26
    assert len(response.context["chart"]["data"][0]["x"]) > 100  # the chart keeps them all
