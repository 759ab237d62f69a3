from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.conftest import add_figure
from tradewatch.models import Country, Figure, Source, Target, TargetStatement

pytestmark = pytest.mark.django_db


def new_figure(**kw) -> Figure:
    fields = {
        "country_a_id": "BLR",
        "country_b_id": "KGZ",
        "period_start": date(2024, 1, 1),
        "period_end": date(2024, 12, 31),
        "value_usd": Decimal(1000),
        "source": Source.objects.create(title="Doc"),
        "quote": "q",
    } | kw
    return Figure(**fields)


def test_negative_value_is_refused_with_a_message(seed):
    with pytest.raises(ValidationError) as err:
        new_figure(value_usd=Decimal(-5)).full_clean()
    assert "cannot be negative" in str(err.value.message_dict["value_usd"])


def test_negative_value_is_refused_by_the_database(seed):
    with pytest.raises(IntegrityError), transaction.atomic():
        new_figure(value_usd=Decimal(-5)).save()
    assert Figure.objects.count() == 9  # the seed's figures, unchanged


def test_period_ending_before_start_is_refused(seed):
    figure = new_figure(period_start=date(2024, 5, 1), period_end=date(2024, 1, 31))
    with pytest.raises(ValidationError) as err:
        figure.full_clean()
    assert "period_end" in err.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        figure.save()


def test_figure_needs_a_value_or_a_change(seed):
    with pytest.raises(ValidationError):
        new_figure(value_usd=None).full_clean()


def test_a_pair_needs_two_countries(seed):
    with pytest.raises(ValidationError):
        new_figure(country_b_id="BLR").full_clean()


def test_deadline_before_statement_is_refused(seed):
    target = Target(
        country_a_id="BLR",
        country_b_id="KGZ",
        value_usd=Decimal(5),
        deadline=date(2020, 1, 1),
        stated_on=date(2025, 1, 1),
    )
    with pytest.raises(ValidationError) as err:
        target.full_clean()
    assert "deadline" in err.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        target.save()


def test_statement_deadline_before_statement_is_refused(seed):
    statement = TargetStatement(
        target_id=1,
        source_id=1,
        quote="q",
        stated_on=date(2025, 9, 30),
        deadline_as_stated=date(2024, 12, 31),
    )
    with pytest.raises(ValidationError):
        statement.full_clean()


@pytest.mark.parametrize("code", ["XXX", "kgz", "KG", "ZZZ"])
def test_unknown_iso3_is_refused(code):
    with pytest.raises(ValidationError):
        Country(iso3=code, name="Nowhere").full_clean()


def test_known_iso3_is_accepted(db):
    Country(iso3="UZB", name="Uzbekistan").full_clean(validate_unique=False)


def test_edits_keep_history(seed):
    figure = add_figure(year=2025, value="100")
    figure.value_usd = Decimal("160300000")
    figure.save()
    newest, oldest = figure.history.all()
    assert (oldest.value_usd, newest.value_usd) == (Decimal(100), Decimal("160300000"))
    assert newest.diff_against(oldest).changed_fields == ["value_usd", "version"]


def test_builder_makes_valid_figures(seed):
    add_figure(year=2025).full_clean()
