from datetime import date

import pytest

from tradewatch.charts import target_chart
from tradewatch.queries import Filters, partner_dashboard, partner_or_404

pytestmark = pytest.mark.django_db
AS_OF = date(2026, 11, 24)


def chart(iso3: str, **filters) -> dict:
    return target_chart(partner_dashboard(partner_or_404(iso3), Filters(**filters), as_of=AS_OF))


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
    assert by_name["Reported (part of a year)"]["y"] == [103.3]
    assert by_name["Derived from stated growth"]["y"] == [pytest.approx(97.09, abs=0.01)]
    full = by_name["Reported (full year)"]
    assert sorted(full["y"]) == [160.2, 170.0]
    assert full["text"][full["y"].index(170.0)] == "≈"  # approximate values are marked
    assert "Source: TradeWatch" in spec["layout"]["annotations"][0]["text"]


def test_conflicting_values_get_an_outline(seed):
    full = traces(chart("KGZ"))["Reported (full year)"]
    assert full["marker"]["line"]["width"] == [3, 3]


def test_goal_without_deadline_is_a_level_line(seed):
    by_name = traces(chart("KAZ"))
    assert "Goal ≈ $1B, no deadline" in by_name
    assert "Target" not in by_name


def test_empty_flow_says_so(seed):
    spec = chart("KGZ", flow="exports")
    assert spec["data"] == []
    assert spec["layout"]["annotations"][-1]["text"] == "No reported figures yet"
