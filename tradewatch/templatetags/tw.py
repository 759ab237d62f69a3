from decimal import Decimal

from django import template

from tradewatch.domain.money import Qualifier, format_percent, format_usd

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
