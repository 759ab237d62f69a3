from decimal import Decimal

from django import template

from tradewatch.domain.money import Qualifier, format_percent, format_usd, short_money

register = template.Library()


@register.filter
def usd(value: Decimal | None, qualifier: str = "exact") -> str:
    return format_usd(value, Qualifier(qualifier or "exact"))


@register.filter
def pct(fraction: float | None) -> str:
    return format_percent(fraction)


@register.filter
def signed_pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.normalize():+f}%"


@register.filter
def slug(text: str) -> str:
    return str(text).replace(" ", "-")


@register.filter
def money(amount: Decimal | None, currency: str = "USD") -> str:
    return "—" if amount is None else short_money(amount, currency)
