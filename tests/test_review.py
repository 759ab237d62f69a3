"""Review decisions through every screen leave the pages right (one write path)."""

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.forms.models import model_to_dict

from tradewatch.ingest.store import ingest_document
from tradewatch.models import Figure, ReviewStatus, Target, TargetStatement
from tradewatch.review import review_figures

pytestmark = pytest.mark.django_db

TARGET_DOC = (
    "MINSK, 6 October 2025 (BelTA) – Belarus and Kyrgyzstan intend to bring mutual trade to "
    "$900 million by 2032, the Belarusian foreign ministry said.\n"
)


def doc(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def kgz_2025(value: str) -> str:
    return (
        "MINSK, 3 February 2026 (BelTA) – Trade between Belarus and Kyrgyzstan amounted to "
        f"${value} million in 2025, the Belarusian foreign ministry said.\n"
    )


@pytest.fixture
def admin_client(client, seed):
    client.force_login(User.objects.create_superuser("root", password="pw"))
    return client


def act(client, model: str, action: str, pks: list[int]) -> None:
    response = client.post(
        f"/admin/tradewatch/{model}/",
        {"action": action, "_selected_action": pks, "index": "0"},
    )
    assert response.status_code == 302


def kgz_page(client) -> str:
    return client.get("/pairs/BLR-KGZ/").content.decode()


def test_a_target_whose_only_statement_is_rejected_leaves_the_dashboard(tmp_path, admin_client):
    ingest_document(doc(tmp_path, "goal.txt", TARGET_DOC))
    statement = TargetStatement.objects.get(wording__contains="$900 million")
    act(admin_client, "targetstatement", "mark_accepted", [statement.pk])
    assert "$900M" in kgz_page(admin_client)
    act(admin_client, "targetstatement", "mark_rejected", [statement.pk])
    statement.target.refresh_from_db()
    assert statement.target.status == ReviewStatus.REJECTED
    page = kgz_page(admin_client)
    assert "$900M" not in page and "0 statements" not in page


def test_rejecting_the_statement_in_the_target_form_hides_the_target(tmp_path, admin_client):
    ingest_document(doc(tmp_path, "goal.txt", TARGET_DOC), accept=True)
    target = Target.objects.get(value_usd=900_000_000)
    statement = target.statements.get()
    form = {k: v for k, v in model_to_dict(target).items() if v is not None}
    prefix = "statements"
    form |= {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "1",
        f"{prefix}-0-id": str(statement.pk),
        f"{prefix}-0-target": str(target.pk),
    }
    for key, value in model_to_dict(statement).items():
        if value is not None and key not in {"id", "target"}:
            form[f"{prefix}-0-{key}"] = str(value)
    form[f"{prefix}-0-status"] = ReviewStatus.REJECTED
    response = admin_client.post(f"/admin/tradewatch/target/{target.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    target.refresh_from_db()
    assert target.status == ReviewStatus.REJECTED
    assert "$900M" not in kgz_page(admin_client)


def test_two_proposals_of_one_figure_become_one_row_once_accepted(tmp_path, admin_client):
    first = ingest_document(doc(tmp_path, "a.txt", kgz_2025("210"))).source
    second = ingest_document(doc(tmp_path, "b.txt", kgz_2025("210.5"))).source
    pks = list(Figure.objects.filter(source__in=[first, second]).values_list("pk", flat=True))
    assert len(pks) == 2
    act(admin_client, "figure", "mark_accepted", pks)
    primary, copy = Figure.objects.filter(pk__in=pks).order_by("pk")
    assert primary.duplicate_of is None and copy.duplicate_of == primary
    dashboard = admin_client.get("/pairs/BLR-KGZ/").context["d"]
    rows_2025 = [f for f in dashboard.figures if f.period_end.year == 2025]
    assert rows_2025 == [primary]  # one row, not two
    assert "Also stated" in kgz_page(admin_client)


def test_the_same_figure_ingested_twice_with_accept_is_linked(tmp_path, seed):
    ingest_document(doc(tmp_path, "a.txt", kgz_2025("210")), accept=True)
    result = ingest_document(doc(tmp_path, "b.txt", kgz_2025("210.5")), accept=True)
    assert result.linked == 1
    assert Figure.objects.get(source=result.source).duplicate_of is not None


def figure_change_form(figure: Figure, **changes) -> dict:
    data = model_to_dict(figure, exclude=["id", "duplicate_of"])
    return {k: ("" if v is None else v) for k, v in data.items()} | changes


def test_rejecting_a_primary_in_its_change_form_keeps_its_corroboration_shown(
    tmp_path, admin_client
):
    ingest_document(doc(tmp_path, "a.txt", kgz_2025("210")), accept=True)
    ingest_document(doc(tmp_path, "b.txt", kgz_2025("210.5")), accept=True)
    primary = Figure.objects.get(value_usd=210_000_000)
    copy = Figure.objects.get(value_usd=210_500_000)
    assert copy.duplicate_of == primary
    response = admin_client.post(
        f"/admin/tradewatch/figure/{primary.pk}/change/",
        figure_change_form(primary, status=ReviewStatus.REJECTED),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    copy.refresh_from_db()
    assert copy.duplicate_of is None and copy.status == ReviewStatus.ACCEPTED
    assert "$210.5M" in kgz_page(admin_client)


def test_editing_a_value_away_from_its_primary_unlinks_it(tmp_path, admin_client):
    ingest_document(doc(tmp_path, "a.txt", kgz_2025("210")), accept=True)
    ingest_document(doc(tmp_path, "b.txt", kgz_2025("210.5")), accept=True)
    copy = Figure.objects.get(value_usd=210_500_000)
    response = admin_client.post(
        f"/admin/tradewatch/figure/{copy.pk}/change/",
        figure_change_form(copy, value_usd="250000000"),
    )
    assert response.status_code == 302
    copy.refresh_from_db()
    assert copy.duplicate_of is None
    assert "$250M" in kgz_page(admin_client)


def test_rejecting_through_the_action_releases_corroborations_to_review(tmp_path, seed):
    ingest_document(doc(tmp_path, "a.txt", kgz_2025("210")), accept=True)
    copy = Figure.objects.get(
        source=ingest_document(doc(tmp_path, "b.txt", kgz_2025("210.5"))).source
    )
    primary = copy.duplicate_of
    review_figures(Figure.objects.filter(pk=primary.pk), ReviewStatus.REJECTED)
    copy.refresh_from_db()
    assert copy.duplicate_of is None and copy.status == ReviewStatus.PROPOSED


def test_a_source_with_only_a_proposed_target_counts_it_to_review(tmp_path, admin_client):
    source = ingest_document(doc(tmp_path, "goal.txt", TARGET_DOC)).source
    assert not Figure.objects.filter(source=source).exists()
    page = admin_client.get("/admin/tradewatch/source/")
    counts = {s.pk: s.proposed_count for s in page.context["cl"].result_list}
    assert counts[source.pk] == 1
