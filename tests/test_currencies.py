"""Amounts stated in other currencies: kept as stated, converted only at a published rate."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from tests.conftest import add_figure
from tradewatch.ingest.extract import Fact
from tradewatch.ingest.store import IngestResult, store_fact
from tradewatch.models import Figure, ReviewStatus, Source, Target
from tradewatch.rates import usd_rate

pytestmark = pytest.mark.django_db

YEAR_2023 = (date(2023, 1, 1), date(2023, 12, 31))


def test_the_euro_is_converted_at_the_mean_ecb_rate_of_the_period():
    rate = usd_rate("EUR", *YEAR_2023)
    assert rate.rate == pytest.approx(Decimal("1.0813"), abs=Decimal("0.001"))
    assert (
        rate.basis == "€1 = $1.0816, the mean of the ECB's daily reference rates 1 Jan–31 Dec 2023"
    )


@pytest.mark.parametrize(
    ("currency", "period"),
    [("RUB", YEAR_2023), ("KZT", YEAR_2023), ("EUR", (date(1990, 1, 1), date(1990, 12, 31)))],
)
def test_no_rate_is_invented_where_the_ecb_has_none(currency, period):
    assert usd_rate(currency, *period) is None


def fact(**fields) -> Fact:
    base = Fact(
        kind="figure",
        reporter="DEU",
        partner="KAZ",
        flow="turnover",
        value_usd=None,
        qualifier="exact",
        period_start=YEAR_2023[0],
        period_end=YEAR_2023[1],
        growth_pct=None,
        growth_factor=None,
        deadline=None,
        speaker=None,
        quote="trade reached 2 billion euros in 2023",
        start=0,
        end=37,
    )
    return replace(base, **fields)


def store(stated: Fact) -> str:
    source = Source.objects.create(title="Report", published=date(2024, 2, 1))
    result = IngestResult("x.txt", "added", source)
    return store_fact(stated, source, ReviewStatus.ACCEPTED, result, set())


def test_an_amount_in_euros_is_kept_and_converted():
    assert store(fact(currency="EUR", value=Decimal(2_000_000_000))) == ""
    figure = Figure.objects.get()
    assert (figure.currency, figure.amount) == ("EUR", Decimal(2_000_000_000))
    assert figure.value_usd == pytest.approx(Decimal("2162600000"), rel=Decimal("0.002"))
    assert figure.usd_rate_basis.startswith("€1 = $1.08")


def test_dollars_given_beside_the_other_currency_win():
    stated = fact(currency="EUR", value=Decimal(2_000_000_000), value_usd=Decimal(2_150_000_000))
    store(stated)
    figure = Figure.objects.get()
    assert figure.value_usd == Decimal(2_150_000_000) and figure.usd_rate is None
    assert figure.usd_rate_basis == "US dollars as stated in the source"


def test_an_amount_without_a_rate_stays_in_its_currency():
    store(fact(currency="RUB", value=Decimal(500_000_000_000)))
    figure = Figure.objects.get()
    assert figure.value_usd is None and figure.amount == Decimal(500_000_000_000)
    assert figure.usd_rate_basis == "no ECB reference rate for RUB then"


def test_a_target_in_euros_is_converted_at_the_rates_of_the_year_it_was_stated():
    stated = fact(kind="target", currency="EUR", value=Decimal(10**10), deadline=date(2030, 12, 31))
    assert store(stated) == ""
    target = Target.objects.get()
    assert target.currency == "EUR" and target.value_usd > Decimal(10**10)
    assert "Feb 2024" in target.usd_rate_basis


def test_the_dashboard_shows_the_amount_as_stated_beside_the_dollars(client, seed):
    add_figure(
        year=2023,
        value="216260000",
        currency="EUR",
        amount=Decimal(200_000_000),
        usd_rate=Decimal("1.0813"),
        usd_rate_basis="1 = $1.0813, mean ECB reference rates 02 Jan 2023–29 Dec 2023",
    )
    html = client.get("/pairs/BLR-KGZ/").content.decode()
    assert "$216.3M" in html and "(€200M as stated)" in html
    assert "in US dollars at 1 = $1.0813, mean ECB reference rates" in html
    data = client.get("/api/pairs/BLR-KGZ/").json()
    euro = next(f for f in data["figures"] if f["currency"] == "EUR")
    assert euro["amount"] == 200_000_000 and euro["usd_rate"] == 1.0813


def test_a_currency_without_its_amount_is_refused(seed):
    figure = Figure.objects.get(value_usd=160_200_000)
    figure.currency = "EUR"
    with pytest.raises(Exception, match="Give the amount in EUR"):
        figure.full_clean()


def test_an_unknown_currency_code_is_refused(seed):
    figure = Figure.objects.get(value_usd=160_200_000)
    figure.currency, figure.amount = "XYZ", Decimal(1)
    with pytest.raises(Exception, match="not an ISO 4217 currency code"):
        figure.full_clean()
