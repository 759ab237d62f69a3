import re
from collections.abc import Iterable
from decimal import Decimal

from django import template
from django.utils.translation import gettext

from tradewatch.domain.firmness import LABELS, strongest
from tradewatch.domain.money import Qualifier, format_percent, format_usd, short_money
from tradewatch.domain.words import localize_number

register = template.Library()


@register.filter
def usd(value: Decimal | float | None, qualifier: str = "exact") -> str:
    if isinstance(value, float):  # a projected value: whole dollars are plenty
        value = Decimal(round(value))
    return format_usd(value, Qualifier(qualifier or "exact"))


@register.filter
def pct(fraction: float | None) -> str:
    return format_percent(fraction)


@register.filter
def signed_pct(value: Decimal | None) -> str:
    return "—" if value is None else localize_number(f"{value.normalize():+f}%")


@register.filter
def slug(text: str) -> str:
    return str(text).replace(" ", "-")


@register.filter
def money(amount: Decimal | None, currency: str = "USD") -> str:
    return "—" if amount is None else short_money(amount, currency)


@register.filter
def signed_pct_fraction(fraction: float | None) -> str:
    """0.041 -> "+4.1%"; a fraction, as differences between two values are kept."""
    return "—" if fraction is None else localize_number(f"{fraction:+.1%}")


@register.filter
def get_item(mapping: dict, key: object) -> object:
    return mapping.get(key)


@register.filter
def strongest_firmness(statements: Iterable) -> str:
    return strongest(s.firmness for s in statements)


@register.filter
def firmness_label(firmness: str) -> str:
    return gettext(LABELS[firmness]) if firmness in LABELS else firmness


CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@register.filter
def lang_of(text: object) -> str:
    """The language of a text we show as written (a quote, a title): Russian when it is in
    Cyrillic, else English, so screen readers pronounce it right on either language's page."""
    return "ru" if CYRILLIC.search(str(text or "")) else "en"
