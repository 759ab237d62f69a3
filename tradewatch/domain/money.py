"""USD amounts with the qualifier a source attached to them ("about", "more than")."""

import math
from decimal import Decimal
from enum import StrEnum

from tradewatch.domain.words import N_, _, localize_number


class Qualifier(StrEnum):
    EXACT = "exact"
    ABOUT = "about"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"


QUALIFIER_PREFIX = {
    Qualifier.EXACT: "",
    Qualifier.ABOUT: "≈ ",
    Qualifier.MORE_THAN: "> ",
    Qualifier.LESS_THAN: "< ",
}

SCALES = (  # "{amount} млрд {symbol}" in Russian
    (Decimal(10) ** 12, N_("{symbol}{amount}T")),
    (Decimal(10) ** 9, N_("{symbol}{amount}B")),
    (Decimal(10) ** 6, N_("{symbol}{amount}M")),
)


def format_usd(amount: Decimal | None, qualifier: Qualifier = Qualifier.EXACT) -> str:
    """'$160.2M', '≈ $170M', '> $1B': short, with the qualifier visible."""
    if amount is None:
        return _("no value stated")
    return QUALIFIER_PREFIX[qualifier] + short_usd(amount)


CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


def short_usd(amount: Decimal) -> str:
    return short_money(amount, "USD")


def short_money(amount: Decimal, currency: str) -> str:
    """'$160.2M', '€2B', 'THB 45.5B': scaled, with the currency's symbol where it has one."""
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    for scale, pattern in SCALES:
        if abs(amount) >= scale:
            scaled = (amount / scale).quantize(Decimal("0.1"))
            text = localize_number(f"{scaled:f}".removesuffix(".0"))
            return _(pattern).format(symbol=symbol, amount=text).strip()
    text = localize_number(f"{amount.quantize(Decimal(1)):,f}")
    return _("{symbol}{amount}").format(symbol=symbol, amount=text).strip()


def format_percent(fraction: Decimal | float | None, *, signed: bool = False) -> str:
    if fraction is None or not math.isfinite(fraction):
        return "—"
    pct = Decimal(str(fraction)) * 100
    text = localize_number(f"{pct.quantize(Decimal('0.1')):f}") + "%"
    return f"+{text}" if signed and pct > 0 else text


AGREEMENT_TOLERANCE = Decimal("0.01")  # two values within 1% state the same thing


def values_agree(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= AGREEMENT_TOLERANCE * max(abs(a), abs(b))
