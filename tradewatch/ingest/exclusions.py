"""Whether an amount in a sentence is the pair's trade at all.

Decides which amounts are set aside before they become facts: investments, loans and other
money that is not trade, changes ("grew by $20 million") and comparison bases ("up from $3
billion"), balances (surpluses, deficits), a commodity's share of a flow, the value of a
quantity of goods, and totals whose other party is a bloc (EU, CIS, ASEAN) rather than a
country.  `TRADE_RE` is the wording that makes a clause about trade.
"""

from __future__ import annotations

import re

from . import numbers
from .countries import CountryMention

TRADE_RE = re.compile(
    r"\b(?:trade|trading|turnover|commerce|commercial\s+exchanges?|exports?|exported|exporting"
    r"|imports?|imported|importing"
    r"|supplies|supply|shipments|deliveries|sales)\b",
    re.IGNORECASE,
)

_NOT_TRADE_RE = re.compile(
    r"\b(?:invest\w*|loans?|credit(?: lines?)?|GDP|budget|funds?|grants?|aid|capital|projects?"
    r"|contracts?|deals?|agreements?|portfolio|costs?|prices?|salar\w+|revenues?|profits?|debts?"
    r"|reserves|financing|assets|capitali[sz]ation|remittances)\b",
    re.IGNORECASE,
)
_DELTA_BEFORE_RE = re.compile(
    r"\b(?:increased|grew|rose|expanded|decreased|fell|declined|dropped|up|down|added|growth|"
    r"increase|decline|decrease)\b[^.;]{0,40}\bby\s*$",
    re.IGNORECASE,
)
FROM_BEFORE_RE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
# "up from $3 billion in 2014": a base with its own year is that year's figure.
_OWN_YEAR_AFTER_RE = re.compile(r"^\s*(?:in\s+|\(\s*)(?:19|20)\d\d\b", re.IGNORECASE)
# Balances are differences of two flows, not trade values: an amount is one when the nearest
# word before it names a balance rather than a flow, or a balance word follows it directly.
BALANCE_RE = re.compile(
    r"\b(?:balance\s+of\s+trade|(?:trade\s+)?(?:balance|surplus(?:es)?|deficits?|imbalances?))\b",
    re.IGNORECASE,
)
_FLOW_AFTER_RE = re.compile(r"\s*(?:of\s+)?(?:exports?|imports?)\b", re.I)
_BALANCE_AFTER_RE = re.compile(r"\s*(?:trade\s+)?(?:deficit|surplus|imbalance)\b", re.I)
# A commodity's share of a flow ("coal exports", "266 million tonnes of iron ore (A$21.7
# billion)", "A$3.4 billion in agricultural goods") is not the pair's trade ("non-oil" is).
_COMMODITY = (
    r"(?<!non-)\b(?:iron\s+ore|coal|wool|crude(?:\s+oil)?|oil|natural\s+gas|gas|LNG|wheat|rice"
    r"|grain|maize|corn|barley|soy(?:beans?|a)?|cotton|beef|meat|dairy|copper|gold|steel"
    r"|aluminium|aluminum|timber|palm\s+oil|rubber|coffee|tea|sugar|fertili[sz]ers?|potash"
    r"|agricultural\s+(?:goods|products|exports?)|seafood|fish|fruits?|vegetables|textiles"
    r"|garments|cars|vehicles|machinery|electronics|pharmaceuticals|arms|weapons|diamonds)\b"
)
_COMMODITY_RE = re.compile(
    rf"{_COMMODITY}\s+(?:exports?|imports?|shipments|sales)\b"
    r"|\b(?:exports?|imports?|exported|imported)\s+(?:of\s+)?"
    rf"(?:[\d.,]+\s+(?:million\s+|thousand\s+)?(?:tonnes|tons)\s+of\s+)?{_COMMODITY}",
    re.IGNORECASE,
)
_COMMODITY_AFTER_RE = re.compile(rf"\s+(?:in|of|worth\s+of)\s+{_COMMODITY}", re.IGNORECASE)
# "shrank by 6.6 percent due to lower gas imports and amounted to ...": a commodity named as the
# cause is not what the amount measures.
CAUSE_BEFORE_RE = re.compile(
    r"\b(?:due to|because of|owing to|thanks to|driven by|on the back of|amid)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)


# "266,141 tonnes worth A$1.38 billion": the value of a quantity of goods is that shipment's,
# not the pair's trade.
_QUANTITY_WORTH_RE = re.compile(
    r"\b(?:tonnes|tons|barrels|units|head|cubic\s+met(?:re|er)s|kilograms|kg)\s+"
    r"(?:worth|valued\s+at|with\s+a\s+value\s+of|for)\s*$",
    re.IGNORECASE,
)


def commodity_before(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names a commodity flow that is not only given as a cause."""
    return any(
        not CAUSE_BEFORE_RE.search(text, max(start, m.start() - 40), m.start())
        for m in _COMMODITY_RE.finditer(text, start, end)
    )


# "US$10 billion in Official Development Assistance (ODA) loans": money of another kind.
_IN_NOT_TRADE_AFTER_RE = re.compile(
    r"\s+(?:in|of)\s+(?:[\w()-]+\s+){0,5}?(?:loans?|investments?|aid|assistance|grants?|credits?"
    r"|financing|funds?|projects?|contracts?|deals?)\b",
    re.IGNORECASE,
)
# A group of countries as the other party ("trade between Tajikistan and CIS countries"): its
# totals are not a country pair's.
_BLOC_RE = re.compile(
    r"\b(?:between|and|with|to|from|by)\s+(?:the\s+)?(?:(?:\d+|two|three|four|five|six|seven"
    r"|eight|nine|ten)\s+)?(?:CIS|EU|E\.U\.|EAEU|ASEAN|GCC"
    r"|European\s+Union|European\s+(?:states|countries|nations)|Eurasian\s+Economic\s+Union"
    r"|Gulf\s+(?:Cooperation\s+Council|states)|Mercosur|ECOWAS|SADC|African\s+Union|Visegrad"
    r"|BRICS)\b",
)


def excluded(body: str, segment: str, rel: int, amount: numbers.Money, trade_here: bool) -> bool:
    """Amounts that are not trade values: investments, deltas ("grew by $20 million"), bases."""
    before = segment[max(0, rel - 60) : rel]
    after = segment[rel + (amount.end - amount.start) : rel + (amount.end - amount.start) + 30]
    not_trade = _NOT_TRADE_RE.search(before) or _NOT_TRADE_RE.search(after)
    if not_trade and not TRADE_RE.search(before[-25:]):
        return True
    if _DELTA_BEFORE_RE.search(before):
        return True
    if FROM_BEFORE_RE.search(before) and not _OWN_YEAR_AFTER_RE.match(after):
        return True
    if _BALANCE_AFTER_RE.match(body, amount.end):
        return True
    if commodity_before(segment, 0, rel) or _COMMODITY_AFTER_RE.match(body, amount.end):
        return True
    if _QUANTITY_WORTH_RE.search(before):
        return True
    if _IN_NOT_TRADE_AFTER_RE.match(body, amount.end):
        return True
    if _is_balance(body, amount) and not _FLOW_AFTER_RE.match(body, amount.end):
        return True  # but "imbalance of $5 billion ($11 billion import and $6 billion export)"
    if not trade_here and not amount.bare and not TRADE_RE.search(segment):
        return _NOT_TRADE_RE.search(body) is not None
    return False


def _is_balance(body: str, amount: numbers.Money) -> bool:
    """Whether the nearest trade or balance word before the amount names a balance."""
    balances = [m.span() for m in BALANCE_RE.finditer(body, 0, amount.start)]
    if not balances:
        return False
    flows = [
        m.end()
        for m in TRADE_RE.finditer(body, 0, amount.start)
        if not any(s <= m.start() < e for s, e in balances)
    ]
    return balances[-1][1] > max(flows, default=-1)


def bloc_party(text: str, mentions: list[CountryMention], start: int, at: int) -> bool:
    """Whether text[start:at] makes a bloc (EU, CIS, ASEAN) the other party of what follows:
    no country (of `mentions`) is named between the bloc and `at`."""
    blocs = list(_BLOC_RE.finditer(text, start, at))
    return bool(blocs) and not any(blocs[-1].end() <= m.start < at for m in mentions)
