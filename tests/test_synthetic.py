import pytest
from django.core.management import CommandError, call_command

from tradewatch.models import Figure, Target

pytestmark = pytest.mark.django_db


def seed(**sizes) -> None:
    call_command("seed_synthetic", **{"figures": 600, "pairs": 20, "sources": 10} | sizes)


def snapshot() -> list[tuple]:
    return list(
        Figure.objects.order_by("pk").values_list(
            "country_a", "country_b", "side", "period_start", "period_end", "value_usd", "status"
        )
    )


def test_synthetic_data_has_the_shape_of_real_data(db):
    seed()
    figures = Figure.objects.all()
    assert figures.count() == 600
    assert figures.values("country_a", "country_b").distinct().count() == 20
    assert {f.side_id in f.pair for f in figures} == {True}  # both sides of a pair report
    assert figures.values("side").distinct().count() > 20
    assert {"accepted", "proposed", "rejected"} <= set(figures.values_list("status", flat=True))
    assert figures.filter(period_end__month=6).exists()  # part-year figures
    assert Target.objects.filter(statements__isnull=False).distinct().count() >= 20


def test_the_same_seed_gives_the_same_data(db):
    seed(seed=7)
    first = [row[:3] + row[5:] for row in snapshot()]
    Figure.objects.all().delete()
    Target.objects.all().delete()
    seed(seed=7)
    assert [row[:3] + row[5:] for row in snapshot()] == first


def test_it_refuses_a_database_with_real_documents(db):
    call_command("load_seed")
    with pytest.raises(CommandError, match="not synthetic"):
        seed()
    assert Figure.objects.count() == 9  # the seed facts only


def test_force_writes_beside_real_documents(db):
    call_command("load_seed")
    seed(force=True)
    assert Figure.objects.count() == 609


def test_more_pairs_than_exist_is_a_clear_error(db):
    with pytest.raises(CommandError, match="at most"):
        seed(pairs=10**6)


def test_seeded_figures_are_valid_and_their_keys_still_guard_the_table(db):
    from django.db import IntegrityError, connection, transaction

    def keys_and_indexes() -> dict:
        with connection.cursor() as cursor:
            return connection.introspection.get_constraints(cursor, Figure._meta.db_table)

    before = keys_and_indexes()
    seed()
    assert keys_and_indexes() == before  # dropped for the bulk load and built again
    for figure in Figure.objects.order_by("pk")[::50]:
        figure.full_clean()  # every column a figure needs, with the model's own defaults
    figure = Figure.objects.first()
    Figure.objects.filter(pk=figure.pk).update(source_id=10**9)  # no such source
    with pytest.raises(IntegrityError), transaction.atomic():
        connection.check_constraints()
    Figure.objects.filter(pk=figure.pk).update(source_id=figure.source_id)
