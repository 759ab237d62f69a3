"""Official statistics beside officials' claims, target lineage and firmness, projections
and the what-if, as a reader sees them on the Belarus–Kyrgyzstan dashboard."""

import csv
import io
import re
from datetime import date
from decimal import Decimal
from html import unescape

import pytest

from tests.conftest import add_figure
from tradewatch.charts import target_chart
from tradewatch.models import Source, SourceKind, Target, TargetStatement
from tradewatch.queries import Filters, pair_dashboard, pair_or_404

pytestmark = pytest.mark.django_db


def text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def add_statistics(side: str, value: str, year: int = 2022, published=date(2024, 6, 1)):
    source = Source.objects.create(
        title=f"Trade statistics of {side}",
        kind=SourceKind.STATISTICS,
        publisher=f"Statistics office of {side}",
        published=published,
    )
    return add_figure(year=year, value=value, side=side, source=source, quote=f"{side} {year}")


@pytest.fixture
def statistics(seed):
    """Each side's statistics office reports 2021 and 2022 turnover."""
    add_statistics("BLR", "97000000", 2021)
    add_statistics("KGZ", "99500000", 2021)
    own = add_statistics("BLR", "162500000")
    mirror = add_statistics("KGZ", "158000000")
    return own, mirror


def test_statistics_are_a_line_per_side_and_statements_stay_points(statistics):
    spec = target_chart(
        pair_dashboard(pair_or_404("BLR", "KGZ"), Filters(), as_of=date(2026, 1, 1))
    )
    lines = {t["name"]: t for t in spec["data"] if "official statistics" in t["name"]}
    assert set(lines) == {"Belarus's official statistics", "Kyrgyzstan's official statistics"}
    assert all(t["mode"] == "lines+markers" and len(t["y"]) == 2 for t in lines.values())
    points = [t for t in spec["data"] if t["name"].startswith("Belarus's figures")]
    assert points and all("lines" not in t["mode"] for t in points)
    assert all(162.5 not in t["y"] for t in points)  # statistics are not drawn as statements


def test_a_statement_shows_its_distance_from_the_statistics(client, statistics):
    page = text(client.get("/pairs/BLR-KGZ/").content.decode())
    # "some $170 million" (Lukashenko, 2022) against Belarus's own statistics, $162.5M.
    assert "Official statistics for 2022: $162.5M (Belarus" in page
    assert "this statement is +4.6% above them" in page


def test_progress_uses_the_own_statistics_and_says_why(client, statistics):
    page = text(client.get("/pairs/BLR-KGZ/").content.decode())
    used = "Value used: Belarus's statistics: Belarus's own statistics, where the other is"
    assert used + " its partner's mirror" in page
    assert re.search(r"Latest full-year value \$162\.5M", page)
    mirror_view = text(client.get("/pairs/KGZ-BLR/").content.decode())
    assert re.search(r"Latest full-year value \$158M", mirror_view)  # Kyrgyzstan's own


def test_statistics_of_one_side_that_differ_are_a_revision_not_a_conflict(client, statistics):
    add_statistics("BLR", "163100000", published=date(2025, 3, 1))  # revised
    response = client.get("/pairs/BLR-KGZ/")
    page = text(response.content.decode())
    assert "the newest source (a later revision)" in page and "$163.1M" in page
    assert all(
        not any(f.source.kind == "statistics" for f in c.figures)
        for c in response.context["d"].conflicts
    )


def test_the_kgz_target_has_one_timeline_of_statements_with_firmness(client, seed):
    html = client.get("/pairs/BLR-KGZ/").content.decode()
    lineage = text(html.split('class="lineage"')[1].split("</table>")[0])
    rows = [
        "29 Sep 2025 report text (Belarus) ≈ $500M 2029 changed"
        " $500 million over the next five years (adopted November 2024) plan",
        "30 Sep 2025 Aleksandr Lukashenko (Belarus) ≈ $500M 2030"
        " approximately $500 million … by 2030 remark",
        "30 Sep 2025 Adylbek Kasymaliev (Kyrgyzstan) ≈ $500M 2030"
        " a trade of $500 million by 2030 remark",
    ]
    assert all(row in lineage for row in rows), lineage
    assert "firmest: plan" in text(html)
    assert Target.objects.filter(country_b="KGZ").count() == 1  # one target, three steps


def test_a_superseded_target_is_shown_but_no_longer_tracked(client, seed):
    old = Target.objects.get(country_b="KGZ")
    new = Target.objects.create(
        country_a_id="BLR", country_b_id="KGZ", value_usd=Decimal("700000000"),
        deadline=date(2032, 12, 31), stated_on=date(2026, 3, 1), description="New goal",
    )  # fmt: skip
    TargetStatement.objects.create(
        target=new, source=old.statements.first().source, quote="q", stated_on=date(2026, 3, 1)
    )
    old.superseded_by = new
    old.full_clean()
    old.save()
    page = text(client.get("/pairs/BLR-KGZ/").content.decode())
    assert "Superseded by $700M by 2032 : no longer tracked" in page
    overview = text(client.get("/").content.decode())
    assert "$700M" in overview and "by 2032" in overview
    assert not re.search(r"Kyrgyzstan .{0,80}\$500M", overview)


def test_a_target_cannot_be_superseded_by_another_pairs(seed):
    from django.core.exceptions import ValidationError

    kgz, kaz = Target.objects.get(country_b="KGZ"), Target.objects.filter(country_b="KAZ").first()
    kgz.superseded_by = kaz
    with pytest.raises(ValidationError, match="same pair"):
        kgz.full_clean()


def test_the_projection_is_its_own_trace_and_says_when_the_pace_arrives(client, seed):
    dashboard = pair_dashboard(pair_or_404("BLR", "KGZ"), Filters(), as_of=date(2026, 1, 1))
    spec = target_chart(dashboard)
    projections = [t for t in spec["data"] if t["name"].startswith("Projection")]
    assert len(projections) == 1 and projections[0]["line"]["dash"] == "dot"
    assert "target in 2031" in projections[0]["name"]
    for trace in spec["data"]:
        if trace is not projections[0] and "hovertext" in trace:
            assert "projected" not in " ".join(trace["hovertext"])
    assert "projected, not reported" in projections[0]["hovertemplate"]
    page = text(client.get("/pairs/BLR-KGZ/").content.decode())
    assert "At the observed pace 2031 projection, not a reported value" in page


def test_what_if_with_and_without_javascript(client, seed):
    plain = text(client.get("/pairs/BLR-KGZ/?growth=10").content.decode())
    assert "At 10.0% a year from $160.2M in 2022, the target of $500M is reached in 2034" in plain
    assert "in 2030, the deadline, trade would be $343.4M" in plain
    part = client.get(
        "/pairs/BLR-KGZ/?growth=10", headers={"HX-Request": "true", "HX-Target": "what-if"}
    )
    html = part.content.decode()
    assert html.lstrip().startswith('<section id="what-if"') and "reached in <strong>2034" in html


@pytest.mark.parametrize(
    ("growth", "message"),
    [("abc", "Growth must be a number"), ("5000", "not a pace of trade"), ("-99", "below −95%")],
)
def test_a_bad_what_if_rate_is_refused_with_a_message(client, seed, growth, message):
    response = client.get(f"/pairs/BLR-KGZ/?growth={growth}")
    assert response.status_code == 400 and message in response.content.decode()


def test_the_api_and_csv_carry_kind_side_firmness_and_the_gap(client, statistics):
    data = client.get("/api/pairs/BLR-KGZ/").json()
    claim = next(f for f in data["figures"] if f["quote"].startswith("We had some $170 million"))
    assert claim["source"]["kind"] == "statement" and claim["side"] == "BLR"
    assert claim["statistics_gap"]["spread"] == pytest.approx(0.0462, abs=1e-4)
    stats = [f for f in data["figures"] if f["source"]["kind"] == "statistics"]
    assert {f["side"] for f in stats} == {"BLR", "KGZ"}
    target = data["targets"][0]
    assert target["firmest"] == "plan"
    assert [s["firmness"] for s in target["statements"]] == ["plan", "remark", "remark"]
    assert data["progress"]["projected_year_target_reached"] == 2031
    rows = list(
        csv.DictReader(io.StringIO(client.get("/pairs/BLR-KGZ/figures.csv").content.decode()))
    )
    assert {"source_kind", "statistics_gap_spread", "statement_firmness", "side"} <= set(rows[0])
    assert {r["statement_firmness"] for r in rows if r["kind"] == "target"} == {"plan", "remark"}
