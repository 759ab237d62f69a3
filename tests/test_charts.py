from datetime import date

import pytest

from tests.conftest import add_figure
from tradewatch.charts import target_chart
from tradewatch.queries import Filters, pair_dashboard, pair_or_404

pytestmark = pytest.mark.django_db
AS_OF = date(2026, 11, 24)


def chart(iso3: str, **filters) -> dict:
    return target_chart(pair_dashboard(pair_or_404("BLR", iso3), Filters(**filters), as_of=AS_OF))


def traces(spec: dict) -> dict[str, dict]:
    return {t["name"].split(":")[0]: t for t in spec["data"]}


def test_kgz_chart_has_values_target_and_required_path(seed):
    spec = chart("KGZ")
    by_name = traces(spec)
    assert by_name["Target"]["y"] == [500.0]
    assert by_name["Target"]["x"][0].startswith("2030")
    path = by_name["Path required"]
    assert path["line"]["dash"] == "dash"
    assert path["y"][0] == pytest.approx(160.2) and path["y"][-1] == pytest.approx(500, rel=1e-6)
    assert by_name["Kyrgyzstan's figures (part of a year)"]["y"] == [103.3]
    assert by_name["Derived from stated growth"]["y"] == [pytest.approx(97.09, abs=0.01)]
    # Each side's values are their own series: Kyrgyzstan's exact $160.2M, Belarus's ≈ $170M.
    assert by_name["Kyrgyzstan's figures (full year)"]["y"] == [160.2]
    belarus = by_name["Belarus's figures (full year)"]
    assert belarus["y"] == [170.0] and belarus["text"] == ["≈"]  # approximate values are marked
    assert (
        "Source: TradeWatch · Belarus–Kyrgyzstan turnover"
        in spec["layout"]["annotations"][0]["text"]
    )


def test_conflicting_values_of_one_side_get_an_outline(seed):
    add_figure(year=2022, value="190000000", side="BLR")  # Belarus: ≈ $170M and $190M
    belarus = traces(chart("KGZ"))["Belarus's figures (full year)"]
    assert belarus["marker"]["line"]["width"] == [3, 3]
    kyrgyzstan = traces(chart("KGZ"))["Kyrgyzstan's figures (full year)"]
    assert kyrgyzstan["marker"]["line"]["width"] == [1]  # the other side's value is no conflict


def test_goal_without_deadline_is_a_level_line(seed):
    by_name = traces(chart("KAZ"))
    assert "Goal ≈ $1B, no deadline" in by_name
    assert "Target" not in by_name


def test_empty_flow_says_so(seed):
    spec = chart("KGZ", flow="exports")
    assert spec["data"] == []
    assert spec["layout"]["annotations"][-1]["text"] == "No reported figures yet"


def test_two_sides_values_for_one_year_sit_apart(seed):
    by_name = traces(chart("KGZ"))
    belarus = by_name["Belarus's figures (full year)"]["x"][0]
    kyrgyzstan = by_name["Kyrgyzstan's figures (full year)"]["x"][0]
    assert belarus.startswith("2022") and kyrgyzstan.startswith("2022")
    assert belarus < kyrgyzstan


def test_the_chart_has_a_text_summary_and_its_values_as_a_table(client, seed):
    html = client.get("/pairs/BLR-KGZ/").content.decode()
    summary = html.split('class="chart-summary">')[1].split("</figcaption>")[0]
    assert summary == (
        "Belarus–Kyrgyzstan turnover 2022: $160.2M (Kyrgyzstan&#x27;s figure); target ≈ $500M "
        "by 2030; needs 15.3% a year; observed 15.0% a year; status: on track."
    )
    table = html.split('class="chart-data"')[1].split("</details>")[0]
    assert "<td>Target</td><td>2030</td><td>≈ $500M</td>" in table
    assert "<td>2022</td><td>$160.2M</td>" in table


@pytest.mark.django_db
def test_a_pair_with_nothing_reported_has_no_empty_list_of_documents(client, seed):
    response = client.get("/pairs/KGZ-BLR/?flow=exports")
    source = response.context["chart"]["layout"]["annotations"][0]["text"]
    assert (
        source
        == "Source: TradeWatch · Kyrgyzstan–Belarus exports of Kyrgyzstan to Belarus, USD million"
    )


def year_labels(spec: dict) -> int:
    """How many year labels plotly draws for the chart's x range and dtick."""
    start, end = (int(day[:4]) for day in spec["layout"]["xaxis"]["range"])
    step = int(spec["layout"]["xaxis"]["dtick"].removeprefix("M")) // 12
    return len(range(start, end + 1, step))


def test_a_short_span_labels_every_year(seed):
    spec = chart("KGZ")
    assert spec["layout"]["xaxis"]["dtick"] == "M12" and year_labels(spec) <= 16


@pytest.mark.parametrize(("first_year", "step"), [(2012, "M24"), (1995, "M60"), (1950, "M120")])
def test_a_long_span_labels_fewer_years_so_they_stay_readable(seed, first_year, step):
    add_figure(partner="KGZ", year=first_year, value="10000000")
    spec = chart("KGZ")
    assert spec["layout"]["xaxis"]["dtick"] == step
    assert 4 <= year_labels(spec) <= 16


def test_chart_json_is_written_as_django_json_script_writes_it():
    from django.utils.html import json_script

    from tradewatch.templatetags.tw import json_data

    value = {"name": "Беларусь – Kyrgyzstan <b>&</b>", "y": [1.5, None], "at": date(2025, 1, 1)}
    assert json_data(value, "chart-x") == json_script(value, "chart-x")
    assert "<b>" not in json_data(value, "chart-x")  # cannot close the script tag early
