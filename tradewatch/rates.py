"""USD values for amounts stated in other currencies, from the ECB's reference rates.

The rates ship inside the `currencyconverter` package (no network): daily ECB reference rates
for about 40 currencies, each within its own date range (RUB stops in March 2022; KZT, BYN
and UZS are not there). A value for a period is converted at the mean of the daily rates
over that period; where the ECB has no rate for the period's start, there is no conversion:
the amount stays in its own currency and says so. A rate is never invented.
"""

import contextlib
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from currency_converter import CurrencyConverter, RateNotFoundError

from tradewatch.domain.money import short_money

SOURCE = "ECB's daily reference rates"


@dataclass(frozen=True, slots=True)
class UsdRate:
    currency: str
    rate: Decimal  # US dollars per unit of the currency
    first: date  # the days whose rates were averaged
    last: date

    @property
    def basis(self) -> str:
        """'€1 = $1.0816, the mean of the ECB's daily reference rates 1 Jan–31 Dec 2023'."""
        first, last = f"{self.first.day} {self.first:%b %Y}", f"{self.last.day} {self.last:%b %Y}"
        if self.first.year == self.last.year:
            first = first.removesuffix(f" {self.first.year}")
        days = last if self.first == self.last else f"{first}–{last}"
        unit = short_money(Decimal(1), self.currency)
        return f"{unit} = ${self.rate.normalize():f}, the mean of the {SOURCE} {days}"


@lru_cache(maxsize=1)
def converter() -> CurrencyConverter:
    # Missing days inside a currency's range (weekends, holidays) are interpolated; days
    # outside it raise, so nothing is made up beyond what the ECB published.
    return CurrencyConverter(fallback_on_missing_rate=True)


def known_currency(code: str) -> bool:
    return code == "USD" or code in converter().currencies


@lru_cache(maxsize=4096)
def usd_rate(currency: str, first: date, last: date) -> UsdRate | None:
    """The mean USD rate of `currency` over first..last (clipped to the ECB's data), or None
    when the ECB has no rate for `first`."""
    if currency == "USD":
        return UsdRate("USD", Decimal(1), first, last)
    rates = converter()
    if currency not in rates.currencies:
        return None
    bounds = [rates.bounds[currency], rates.bounds["USD"]]
    if any(not (b.first_date <= first <= b.last_date) for b in bounds):
        return None
    last = min([last, *(b.last_date for b in bounds)])
    values, day = [], first
    while day <= last:
        with contextlib.suppress(RateNotFoundError):
            values.append(rates.convert(1, currency, "USD", date=day))
        day += timedelta(days=1)
    if not values:
        return None
    mean = Decimal(str(sum(values) / len(values))).quantize(Decimal("0.0001"))
    return UsdRate(currency, mean, first, last)


def to_usd(amount: Decimal, rate: UsdRate) -> Decimal:
    return (amount * rate.rate).quantize(Decimal("0.01"))
