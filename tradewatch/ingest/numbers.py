"""Money amounts (in any currency) and growth phrases in news text.

An amount is money only with a currency marker: a symbol or code before the number ($, US$, A$,
€, £, ₹, Rs, SR, RM, USD, EUR ...) or a currency word after it (dollars, euros, yuan, rubles,
rupees, baht ...).  "9 million people", "4.5 years", "15%" and "2025" are never money.  The one
exception is `allow_bare=True`, used by the extractor for a continuation sentence right after an
amount ("we already have a billion and more"); bare amounts still need a scale word, must not be
followed by a noun, and are read as dollars.

`find_money` keeps its historic meaning, dollar amounts only; `find_amounts` gives every
currency and joins an amount with the dollar equivalent the text gives for it ("16.13 billion
yuan (about 2.24 billion U.S. dollars)" -> CNY 16.13 billion with `usd` 2.24 billion).  Nothing
is converted at a rate: an amount stated only in another currency has no dollar value here.

Numbers may be written in words ("two billion", "a billion and a half", "1 billion 86 million"),
in Indian units ("Rs 9.56 lakh crore") or, in a document that writes "20,5%", with a decimal
comma ("US$ 1,345 billion" = 1.345 billion; see `uses_decimal_comma`).

Ranges ("$400-500 million", "between 1.2 and 1.5 bln dollars") give value = the upper bound and
keep the lower bound in `low` (`mid` is their midpoint); their qualifier is "about" unless a hedge
says otherwise.  "from 144 million to 240 million dollars" is two amounts, not a range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

EXACT, ABOUT, MORE_THAN, LESS_THAN = "exact", "about", "more_than", "less_than"
QUALIFIERS = (EXACT, ABOUT, MORE_THAN, LESS_THAN)

_SCALES = {
    "trillion": 10**12, "trillions": 10**12, "tln": 10**12, "trln": 10**12, "trn": 10**12,
    "tn": 10**12, "billion": 10**9, "billions": 10**9, "bln": 10**9, "bn": 10**9, "b": 10**9,
    "million": 10**6, "millions": 10**6, "mln": 10**6, "mn": 10**6, "m": 10**6,
    "thousand": 10**3, "k": 10**3, "crore": 10**7, "crores": 10**7, "lakh": 10**5,
    "lakhs": 10**5, "lakh crore": 10**12, "lakh crores": 10**12,
}  # fmt: skip
_UNITS = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_NUMBERS: dict[str, float] = {w: float(i) for i, w in enumerate(_UNITS)}
_WORD_NUMBERS |= {w: float(20 + 10 * i) for i, w in enumerate(_TENS)}
_WORD_NUMBERS |= {"a": 1, "an": 1, "a hundred": 100, "hundred": 100, "half a": 0.5,
                  "several": 2, "a few": 2, "a couple of": 2}  # fmt: skip
# "several billions" is read as "at least two billion": value 2 billion, qualifier more_than.
_VAGUE_WORDS = {"several": MORE_THAN, "a few": MORE_THAN}

_DIGITS = r"\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+|,\d{1,2}(?![\d,]))?"
_TENS_RE = "|".join(_TENS)
_WORDS = (
    rf"(?:{_TENS_RE})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|half a|a hundred|a couple of|a few|several|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|an?"
)
_NUMBER = rf"{_DIGITS}|(?i:(?:{_WORDS})(?:\s+and\s+a\s+half)?)"
_LONG_SCALE = r"trillions?|trln|tln|trn|billions?|bln|millions?|mln|lakh\s+crores?|crores?|lakhs?"
_LONG_SCALE += r"|thousand"
_SHORT_SCALE = r"tn|bn|mn|[bmk]"
# "1 billion 86 million", "a billion and a half": a smaller part after the scale word.
_TAIL = (
    r"(?:\s+(?:and\s+)?(?P<{g}>\d{{1,3}}(?:\.\d+)?)\s+(?:millions?|mln|thousand)\b"
    r"|(?P<{h}>\s+and\s+a\s+half))?"
)
_DASH = r"\s*(?:-|–|—)\s*"  # "to" ranges are joined later, so "from $4 to $5 million" stays apart

# Symbols and codes written before the number, longest first; a letter prefix must not end a word.
_PREFIXES: tuple[tuple[str, str], ...] = (
    (r"US\s?\$|U\.S\.\s?\$", "USD"), (r"A\$|AU\$", "AUD"), (r"C\$|CA\$|CAN\$", "CAD"),
    (r"NZ\$", "NZD"), (r"S\$", "SGD"), (r"HK\$", "HKD"), (r"R\$", "BRL"), (r"NT\$", "TWD"),
    (r"\$", "USD"), (r"€", "EUR"), (r"£", "GBP"), (r"₹|Rs\.?|INR", "INR"), (r"₦|N(?=\d)", "NGN"),
    (r"¥|JPY", "JPY"), (r"₽|RUB", "RUB"), (r"₩|KRW", "KRW"), (r"₺|TRY", "TRY"),
    (r"RM|MYR", "MYR"), (r"SR|SAR", "SAR"), (r"RMB|CNY", "CNY"), (r"Rp\.?|IDR", "IDR"),
    (r"USD", "USD"), (r"EUR", "EUR"), (r"GBP", "GBP"), (r"AUD", "AUD"), (r"THB", "THB"),
    (r"AED", "AED"), (r"CHF", "CHF"), (r"CAD", "CAD"), (r"KZT", "KZT"), (r"UZS", "UZS"),
    (r"ZAR", "ZAR"), (r"EGP", "EGP"), (r"PKR", "PKR"), (r"BDT", "BDT"), (r"VND", "VND"),
    (r"PHP", "PHP"), (r"SGD", "SGD"), (r"QAR", "QAR"), (r"NGN", "NGN"), (r"BRL", "BRL"),
    (r"KES", "KES"), (r"ETB", "ETB"), (r"GHS", "GHS"), (r"MXN", "MXN"), (r"SEK", "SEK"),
)  # fmt: skip
# Currency words written after the amount; a country adjective picks the right "dollar".
_SUFFIXES: tuple[tuple[str, str], ...] = (
    (r"Australian\s+dollars?", "AUD"), (r"Canadian\s+dollars?", "CAD"),
    (r"Singapore(?:an)?\s+dollars?", "SGD"), (r"Hong\s+Kong\s+dollars?", "HKD"),
    (r"New\s+Zealand\s+dollars?", "NZD"), (r"Taiwan(?:ese)?\s+dollars?", "TWD"),
    (r"(?:US|U\.S\.|American)\s+dollars?|dollars?|USD\b", "USD"),
    (r"euros?\b|EUR\b", "EUR"), (r"yuan|renminbi|RMB\b|CNY\b", "CNY"),
    (r"(?:Russian\s+)?r[ou]bles?|RUB\b", "RUB"), (r"Pakistani\s+rupees?", "PKR"),
    (r"Sri\s+Lankan\s+rupees?", "LKR"), (r"(?:Indian\s+)?rupees?|INR\b", "INR"),
    (r"baht|THB\b", "THB"), (r"Qatari\s+riyals?", "QAR"), (r"Omani\s+rials?", "OMR"),
    (r"Iranian\s+rials?|rials?", "IRR"), (r"(?:Saudi\s+)?riyals?|SAR\b", "SAR"),
    (r"ringgit|MYR\b", "MYR"), (r"Egyptian\s+pounds?", "EGP"),
    (r"(?:British\s+)?pounds?(?:\s+sterling)?|sterling|GBP\b", "GBP"), (r"naira", "NGN"),
    (r"yen|JPY\b", "JPY"), (r"(?:South\s+)?Korean\s+won", "KRW"),
    (r"(?:Turkish\s+)?liras?", "TRY"), (r"(?:UAE\s+|Emirati\s+)?dirhams?", "AED"),
    (r"tenge", "KZT"), (r"(?:Georgian\s+)?lari", "GEL"), (r"(?:Armenian\s+)?drams?", "AMD"),
    (r"hryvnias?", "UAH"), (r"(?:South\s+African\s+)?rand", "ZAR"),
    (r"reais|Brazilian\s+reals?", "BRL"), (r"Kenyan\s+shillings?", "KES"),
    (r"Tanzanian\s+shillings?", "TZS"), (r"Ugandan\s+shillings?", "UGX"), (r"birr", "ETB"),
    (r"cedis?", "GHS"), (r"taka", "BDT"), (r"dong", "VND"), (r"rupiah", "IDR"),
    (r"Swiss\s+francs?", "CHF"), (r"Mexican\s+pesos?", "MXN"), (r"Philippine\s+pesos?", "PHP"),
    (r"Argentine\s+pesos?", "ARS"), (r"Iraqi\s+dinars?", "IQD"), (r"Kuwaiti\s+dinars?", "KWD"),
    (r"Azerbaijani\s+manats?", "AZN"), (r"(?:Uzbek\s+)?so['ʻ‘’]?ums?", "UZS"),
)  # fmt: skip
_PREFIX_RES = tuple((re.compile(rf"(?:{p.replace('(?=\\d)', '')})$"), c) for p, c in _PREFIXES)
_SUFFIX_RES = tuple((re.compile(rf"(?:{p})$", re.I), c) for p, c in _SUFFIXES)
_PREFIX = "|".join(p for p, _ in _PREFIXES)
_SUFFIX = "(?i:" + "|".join(p for p, _ in _SUFFIXES) + ")"  # "Euros" as well as "euros"
_NOT_BEFORE = r"(?<![\w$€£₹¥₦₽₩₺])"

_PREFIXED = (
    rf"{_NOT_BEFORE}(?P<pre>{_PREFIX})\s?(?P<n1>{_DIGITS})"
    rf"(?:{_DASH}(?:{_PREFIX})?\s?(?P<n2>{_DIGITS}))?"
    rf"(?:\s?(?P<s1>{_SHORT_SCALE})\b|\s?(?P<s2>{_LONG_SCALE})\b)?"
    + _TAIL.format(g="t1", h="h1")
    + rf"(?:\s+(?P<suf1>{_SUFFIX}))?"
)
_SUFFIXED = (
    rf"(?<![\w$.,€£])(?P<n3>{_NUMBER})(?:{_DASH}(?P<n4>{_DIGITS}))?"
    rf"(?:\s*(?P<s3>{_LONG_SCALE})\b|(?P<s4>{_SHORT_SCALE})\b)"
    + _TAIL.format(g="t2", h="h2")
    + rf"\s+(?:of\s+)?(?P<suf2>{_SUFFIX})"
)
_MONEY_RE = re.compile(rf"{_PREFIXED}|{_SUFFIXED}")
_BARE_RE = re.compile(
    rf"(?<![\w$.,])(?P<n5>{_NUMBER})\s+(?P<s5>billions?|millions?|trillions?)\b"
    r"(?=(?:\s+(?:and|or)\s+(?:more|over|above))?\s*"
    r"(?:[.,;:!?)—–-]|$|in (?:mutual |bilateral )?trade))"
)
_BETWEEN_RE = re.compile(r"between\s*$", re.IGNORECASE)
_RANGE_GAP_RE = re.compile(r"^\s*(?:-|–|—|to|and)\s*$")
# A number without a currency just before an amount: "between 1.2 and 1.5 bln dollars",
# "around 6.5 and 7 billion dollars", "from 144 million to 240 million US dollars".
_LOW_BEFORE_RE = re.compile(
    rf"(?:\b(?P<lead>between|from|about|around|approximately|some|roughly|nearly)\s+)?"
    rf"(?<![\w$.,€£])(?P<lo>{_DIGITS})(?:\s*(?P<lo_scale>{_LONG_SCALE})\b)?"
    r"\s*(?P<join>-|–|—|to|and)\s*$",
    re.IGNORECASE,
)
# "RM375.02 billion (US$89.75 billion)", "16.13 billion yuan (about 2.24 billion U.S. dollars)"
_EQUIVALENT_GAP_RE = re.compile(
    r"^\s*(?:\(|,\s*or\s+|\bor\s+)\s*(?:about|approximately|around|some|roughly|nearly|almost"
    r"|approx\.|equivalent\s+to|~)?\s*$",
    re.IGNORECASE,
)

_BEFORE = (
    (MORE_THAN, r"more than|over|exceed(?:s|ed|ing)?|above|at least|in excess of|upwards of"
                r"|surpass(?:es|ed|ing)?|topp(?:ed|ing)|tops|beyond|no less than|not less than"),
    (LESS_THAN, r"less than|under|up to|below|no more than|not more than|just under|fewer than"),
    (ABOUT, r"about|approximately|approx\.|some|around|nearly|almost|roughly|close to|circa"
            r"|an estimated|estimated at|in the region of|in the order of|more or less"
            r"|approach(?:es|ed|ing)?"),
)  # fmt: skip
_BEFORE_RES = tuple(
    (q, re.compile(rf"(?<![\w])(?:{p})[\s,-]*(?:(?:that|this|the level of|a level of)\s+)?$", re.I))
    for q, p in _BEFORE
)
_AFTER_MORE_RE = re.compile(r"^\s*(?:(?:and|or)\s+(?:more|over|above)|plus\b|\+)", re.IGNORECASE)
_AFTER_LESS_RE = re.compile(r"^\s*or\s+(?:less|under|below)", re.IGNORECASE)
# A currency amount directly followed by "per ton" or "a barrel" is a price, not a trade value.
_PER_UNIT_RE = re.compile(
    r"^\s*(?:per|a|an|for each|/)\s*(?:metric\s+)?(?:ton|tonne|t|barrel|kg|kilogram|unit|head|"
    r"cubic|square|litre|liter|gallon|piece|hectare|ha|month|day|year|person|capita)\b",
    re.IGNORECASE,
)
_PER_YEAR_RE = re.compile(r"^\s*(?:per|a|an)\s+(?:year|annum)\b", re.IGNORECASE)


def _per_unit(after: str, scale: int) -> bool:
    """A price ("$220 per ton", "$500 a month"); "$5 billion per year" is an annual level."""
    if scale >= 1_000_000 and _PER_YEAR_RE.match(after):
        return False
    return bool(_PER_UNIT_RE.match(after))


_DECIMAL_COMMA_RE = re.compile(
    r"(?<![\d,.])\d{1,3},\d{1,2}(?![\d,])\s*(?:%|per\s*cent|percent|billion|million|trillion"
    r"|bln|mln|bn)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Money:
    """An amount found in text, in `currency`; `start`/`end` index the original text."""

    value: Decimal  # the amount (the upper bound of a range), in `currency`
    qualifier: str
    start: int
    end: int
    text: str
    low: Decimal | None = None  # lower bound of a range
    bare: bool = False  # no currency marker (accepted only for continuations)
    per_unit: bool = False  # "$300 per ton"
    scale: int = 1  # the multiplier written ("million" -> 10**6), to complete "$400 to $500 m"
    currency: str = "USD"  # ISO 4217
    usd: Decimal | None = None  # the dollar equivalent the text gives for a non-USD amount

    @property
    def mid(self) -> Decimal:
        """The value a fact stores: the midpoint of a range, else the amount."""
        return self.value if self.low is None else _tidy((self.low + self.value) / 2)

    @property
    def value_usd(self) -> Decimal | None:
        """Dollars as the text states them (never converted): None for another currency alone."""
        return self.mid if self.currency == "USD" else self.usd


def uses_decimal_comma(text: str) -> bool:
    """Whether a document writes decimals with a comma ("20,5%", "1,5 billion")."""
    return _DECIMAL_COMMA_RE.search(text) is not None


def _number(token: str, decimal_comma: bool = False) -> Decimal | None:
    cleaned = re.sub(r"\s+", " ", token.strip().lower())
    half = cleaned.endswith(" and a half")
    if half:
        cleaned = cleaned[: -len(" and a half")]
    if cleaned in _WORD_NUMBERS:
        return Decimal(str(_WORD_NUMBERS[cleaned] + (0.5 if half else 0)))
    parts = re.split(r"[-\s]", cleaned)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _WORD_NUMBERS:  # "twenty-five"
        return Decimal(str(_WORD_NUMBERS[parts[0]] + _WORD_NUMBERS[parts[1]]))
    if decimal_comma and "." not in cleaned and cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")  # "1,345 billion" in a text that writes "20,5%"
    elif re.fullmatch(r"\d+,\d{1,2}", cleaned):
        cleaned = cleaned.replace(",", ".")  # "2,5 billion" can only be a decimal
    cleaned = re.sub(r"[,\u00a0\u202f]", "", cleaned)
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _tidy(amount: Decimal) -> Decimal:
    """Whole units as an integer Decimal (500000000, not 5E+8)."""
    return Decimal(int(amount)) if amount == amount.to_integral_value() else amount.normalize()


def _scale(token: str | None) -> int:
    return _SCALES.get(re.sub(r"\s+", " ", token.lower()), 1) if token else 1


def _currency(prefix: str | None, suffix: str | None) -> str:
    if prefix:
        for regex, code in _PREFIX_RES:
            if regex.match(prefix.replace(" ", "")) or regex.match(prefix):
                return code
    if suffix:
        for regex, code in _SUFFIX_RES:
            if regex.match(suffix):
                return code
    return "USD"


def _qualifier_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 40) : start]
    for qualifier, regex in _BEFORE_RES:
        if regex.search(window):
            return qualifier
    return None


def _qualifier_after(text: str, end: int) -> str | None:
    window = text[end : end + 20]
    if _AFTER_MORE_RE.match(window):
        return MORE_THAN
    if _AFTER_LESS_RE.match(window):
        return LESS_THAN
    return None


def _from_match(text: str, m: re.Match[str], *, bare: bool, decimal_comma: bool) -> Money | None:
    g = m.groupdict()
    first = g.get("n1") or g.get("n3") or g.get("n5")
    second = g.get("n2") or g.get("n4")
    scale_word = g.get("s1") or g.get("s2") or g.get("s3") or g.get("s4") or g.get("s5")
    prefix = g.get("pre")
    if prefix and prefix[0] in "NR" and prefix not in ("RM", "RUB", "RMB") and not scale_word:
        return None  # "N3" or "Rp 5" without a scale word is rarely money
    high = _number(first or "", decimal_comma)
    if high is None:
        return None
    scale = _scale(scale_word)
    tail, half = g.get("t1") or g.get("t2"), g.get("h1") or g.get("h2")
    extra = Decimal(0)
    if tail and scale >= 10**9:  # "1 billion 86 million"
        extra = Decimal(tail) * 10**6
    elif half:
        extra = Decimal(scale) / 2
    low = None
    if second is not None:
        upper = _number(second, decimal_comma)
        if upper is None:
            return None
        low, high = high * scale, upper * scale + extra
    else:
        high = high * scale + extra
    qualifier = _qualifier_before(text, m.start()) or _qualifier_after(text, m.end())
    vague = _VAGUE_WORDS.get((first or "").lower())
    if qualifier is None:
        qualifier = vague or (ABOUT if low is not None else EXACT)
    end = m.end()
    return Money(
        value=_tidy(high),
        qualifier=qualifier,
        start=m.start(),
        end=end,
        text=text[m.start() : end],
        low=None if low is None else _tidy(low),
        bare=bare,
        per_unit=_per_unit(text[end : end + 30], scale),
        scale=scale,
        currency="USD" if bare else _currency(prefix, g.get("suf1") or g.get("suf2")),
    )


def _with_low_before(text: str, amount: Money, decimal_comma: bool) -> list[Money]:
    """A currency-less number just before a suffixed amount: a range's lower bound ("between
    1.2 and 1.5 bln dollars") or, after "from", an amount of its own ("from 144 million to 240
    million dollars")."""
    if amount.low is not None:
        return [amount]
    m = _LOW_BEFORE_RE.search(text, max(0, amount.start - 60), amount.start)
    if not m:
        return [amount]
    lo = _number(m.group("lo"), decimal_comma)
    lead = (m.group("lead") or "").lower()
    join = m.group("join").lower()
    if lo is None or (join == "and" and not lead):
        return [amount]
    lo_scale = _scale(m.group("lo_scale")) if m.group("lo_scale") else amount.scale
    lo_value = _tidy(lo * lo_scale)
    if lead == "from" or (m.group("lo_scale") and join == "and" and lead != "between"):
        start = m.start("lo")
        alone = replace(amount, value=lo_value, start=start, end=m.end("lo_scale") or m.end("lo"))
        alone = replace(alone, text=text[alone.start : alone.end], qualifier=EXACT)
        return [alone, amount]
    if lo_value >= amount.value:
        return [amount]
    start = m.start("lead") if lead and lead != "between" else m.start("lo")
    qualifier = _qualifier_before(text, m.start()) or ABOUT
    return [
        replace(
            amount, low=lo_value, start=start, text=text[start : amount.end], qualifier=qualifier
        )
    ]


def _merge_ranges(text: str, amounts: list[Money]) -> list[Money]:
    """Join "$400 million to $500 million" and "between $400 and $500 million" into one range."""
    merged: list[Money] = []
    for amount in amounts:
        if merged:
            prev = merged[-1]
            gap = text[prev.end : amount.start]
            before_prev = text[max(0, prev.start - 30) : prev.start]
            joined_by_dash = bool(_RANGE_GAP_RE.match(gap)) and "and" not in gap.lower()
            joined_by_between = gap.strip().lower() == "and" and _BETWEEN_RE.search(before_prev)
            starts_with_from = re.search(r"\bfrom\s*$", before_prev, re.IGNORECASE)
            same = prev.currency == amount.currency
            if same and ((joined_by_dash and not starts_with_from) or joined_by_between):
                low = prev.value
                if prev.scale == 1 and amount.scale > 1:  # "$400 to $500 million"
                    low = _tidy(prev.value * amount.scale)
                qualifier = prev.qualifier if prev.qualifier != EXACT else ABOUT
                merged[-1] = replace(
                    amount,
                    qualifier=qualifier,
                    start=prev.start,
                    text=text[prev.start : amount.end],
                    low=low,
                    bare=prev.bare and amount.bare,
                )
                continue
        merged.append(amount)
    return merged


def _join_equivalents(text: str, amounts: list[Money]) -> list[Money]:
    """One amount in another currency with the dollars the text gives for it, either order."""
    joined: list[Money] = []
    for amount in amounts:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and (prev.currency == "USD") != (amount.currency == "USD")
            and prev.usd is None
            and _EQUIVALENT_GAP_RE.match(text[prev.end : amount.start])
        ):
            other, dollars = (amount, prev) if prev.currency == "USD" else (prev, amount)
            joined[-1] = replace(
                other,
                qualifier=prev.qualifier,
                start=prev.start,
                end=amount.end,
                text=text[prev.start : amount.end],
                usd=dollars.mid,
                per_unit=prev.per_unit or amount.per_unit,
            )
            continue
        joined.append(amount)
    return joined


# Every amount has a digit or a scale word; most sentences have neither.
_AMOUNT_HINT_RE = re.compile(r"\d|illion|thousand", re.I)


def find_amounts(
    text: str, *, allow_bare: bool = False, decimal_comma: bool = False, equivalents: bool = True
) -> list[Money]:
    """All money amounts in `text`, any currency, in order; ranges merged and (unless
    `equivalents` is false) each amount joined with its stated dollar equivalent."""
    found: list[Money] = []
    if not _AMOUNT_HINT_RE.search(text):
        return found
    for m in _MONEY_RE.finditer(text):
        amount = _from_match(text, m, bare=False, decimal_comma=decimal_comma)
        if amount and m.group("pre"):
            found.append(amount)
        elif amount:
            found.extend(_with_low_before(text, amount, decimal_comma))
    if allow_bare:
        taken = [(a.start, a.end) for a in found]
        for m in _BARE_RE.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            amount = _from_match(text, m, bare=True, decimal_comma=decimal_comma)
            if amount:
                found.append(amount)
        found.sort(key=lambda a: a.start)
    merged = _elided_scales(text, _merge_ranges(text, found))
    return _join_equivalents(text, merged) if equivalents else merged


# "China with US$17 billion and the US with US$16.": a list item that ends the clause drops the
# scale word of the item before it.
_ELIDED_GAP_RE = re.compile(r"^(?:\s*(?:,|and|while|with|the|[A-Z][\w.]*)\b\.?)+\s*$")
_ELIDED_END_RE = re.compile(r"^\s*(?:[.,;:!?)\]\"”’]|$)")


def _elided_scales(text: str, amounts: list[Money]) -> list[Money]:
    out = list(amounts)
    for i in range(1, len(out)):
        prev, amount = out[i - 1], out[i]
        if (
            amount.scale == 1
            and prev.scale > 1
            and amount.low is None
            and amount.value < 1000
            and amount.currency == prev.currency
            and _ELIDED_GAP_RE.match(text[prev.end : amount.start])
            and _ELIDED_END_RE.match(text[amount.end :])
        ):
            out[i] = replace(amount, value=_tidy(amount.value * prev.scale), scale=prev.scale)
    return out


def find_money(text: str, *, allow_bare: bool = False) -> list[Money]:
    """All dollar amounts in `text`, in order, with ranges merged."""
    amounts = find_amounts(text, allow_bare=allow_bare, equivalents=False)
    return [a for a in amounts if a.currency == "USD"]


def parse_money(text: str) -> Money | None:
    """The first dollar amount in `text`, or None ("USD 160.2 mln" -> 160200000)."""
    amounts = find_money(text)
    return amounts[0] if amounts else None


def parse_number(token: str) -> Decimal | None:
    """A plain number: "1,200.5" -> 1200.5, "two" -> 2 (None if not a number)."""
    return _number(token)


# --------------------------------------------------------------------------- growth

_HEDGES = (
    r"more than|over|almost|nearly|about|around|approximately|some|roughly|less than|at least"
    r"|just over|just under|exceeds?|exceeded|exceeding"
)
_UP = (
    r"increased|increases|increasing|increase|grew|grown|grows|growing|growth|rose|risen|rises"
    r"|rising|rise|went up|goes up|jumped|jumps|jump|surged|surge|soared|climbed|climbs|gained"
    r"|advanced|expanded|higher|added|(?<!made )(?<!makes )(?<!make )up"
)
_DOWN = (
    r"decreased|decreases|decreasing|decrease|fell|fallen|falls|falling|declined|declines"
    r"|declining|decline|dropped|drops|dropping|drop|went down|contracted|contraction|down"
    r"|lower|less|shrank|shrunk|shrinking|slumped|slump|plunged|plummeted|tumbled|slid|slipped"
    r"|dipped|reduction|reduced"
)
_PCT_NUM = r"(?<![\d.,])\d+(?:[.,]\d+)?"
_PERCENT = r"\s*-?\s*(?:%|percent\b|per\s*cent\b|pct\b)"
_YOY = r"(?:(?:year[- ]on[- ]year|y-o-y|yoy|y/y|on-year|annual|annualized)\s+)?"
_FACTOR = rf"{_PCT_NUM}|two|three|four|five|six|seven|eight|nine|ten"


def _h(group: str) -> str:
    return rf"(?:(?P<{group}>{_HEDGES})\s+)?"


_GROWTH_RE = re.compile(
    # "rose 31%", "up by about 64%", "increased exports to Georgia by 2.2 percent",
    # "saw a year-on-year increase of 11.8 percent", "the increase ... exceeds 67%"
    rf"\b(?P<verb>{_UP}|{_DOWN})\b(?:(?:[^.;:%\d()]{{0,50}}?\s)?(?:by|of|is|was)\s+|\s+)"
    rf"{_h('q')}(?P<pct>{_PCT_NUM}){_PERCENT}"
    rf"|\b(?P<verb5>increase|growth|rise)\b[^.;:%\d()]{{0,50}}?\s(?P<q5>{_HEDGES})\s+"
    rf"(?P<pct5>{_PCT_NUM}){_PERCENT}"
    # "the highest year-on-year growth in trade with Iran ... during the period, with 15%"
    rf"|\b(?P<verb7>increase|growth|rise|decline|decrease|drop)\b[^.;:%()]{{0,80}}?,\s*"
    rf"with\s+{_h('q7')}(?P<pct7>{_PCT_NUM}){_PERCENT}"
    # "increase trade by between 20% and 25%": the midpoint
    rf"|\b(?P<verb6>{_UP}|{_DOWN})\b[^.;:%\d()]{{0,50}}?\s(?:by\s+)?between\s+"
    rf"(?P<lo6>{_PCT_NUM})(?:{_PERCENT})?\s+and\s+(?P<hi6>{_PCT_NUM}){_PERCENT}"
    # "a 29-percent rise", "a 29% YOY decline", "20,5% down"
    rf"|{_h('q2')}(?P<pct2>{_PCT_NUM}){_PERCENT}\s+{_YOY}(?P<verb2>{_UP}|{_DOWN})\b"
    # "(+2.27 per cent)", "(-7.09 per cent)"
    rf"|\(\s*(?P<sign>[+\-−–])\s?(?P<pct6>{_PCT_NUM}){_PERCENT}\s*\)"
    # "increased 15 times", "by 2.5 times", "683 times compared to"
    rf"|\b(?P<verb3>{_UP}|{_DOWN})\s+(?:by\s+)?{_h('q3')}"
    rf"(?P<factor>{_FACTOR})(?:\s*-?\s*fold\b|\s+times\b)"
    rf"|\b(?P<factor3>{_PCT_NUM})\s+times\s+(?=(?:compared|higher|more|larger|bigger|greater"
    r"|as\s+(?:much|high|large)|over|against)\b)"
    # "2% higher than the same period", "500% more was imported ... than the previous year"
    rf"|{_h('q4')}(?P<pct3>{_PCT_NUM}){_PERCENT}\s+(?P<verb4>more|less|higher|lower)\b"
    r"(?=[^.;]{0,80}\bthan\b)"
    rf"|\b(?P<factor2>{_FACTOR})-fold\s+(?:increase|growth|rise)\b"
    r"|\b(?P<mult>doubled|tripled|trebled|quadrupled)\b"
    r"|\b(?P<double>double|twice|triple)\s+(?:the\s+(?:value|volume|level|amount|figure)|that)\b"
    # index: "134.8% of the 2024 level", "amounted to 80.9% against last year"
    rf"|(?P<index>{_PCT_NUM}){_PERCENT}\s+(?:of\s+the\s+(?:(?:19|20)\d\d\s+|previous\s+year'?s?\s+"
    r"|last\s+year'?s?\s+)?level\b)"
    rf"|\b(?:amounted\s+to|made\s+up|reached|was|stood\s+at|constituted)\s+(?P<index2>{_PCT_NUM})"
    rf"{_PERCENT}\s+(?:as\s+)?against\b",
    re.IGNORECASE,
)
# "an increase of about 61% compared to 2021 and over 134% compared to 2020": the second
# number continues the first growth, with the same sign.
_AND_MORE_RE = re.compile(
    r"(?:\s+(?:compared\s+(?:to|with)|against|over|from|on|than)\s+[^.;%\d]{0,30}?"
    rf"(?:(?:19|20)\d\d|year))?\s*,?\s*and\s+(?:by\s+)?{_h('q')}(?P<pct>{_PCT_NUM}){_PERCENT}\s+"
    r"(?:compared|against|over|as against|from|on|than)\b",
    re.IGNORECASE,
)
_DOWN_RE = re.compile(rf"^(?:{_DOWN})$", re.IGNORECASE)
_FACTOR_WORDS = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0,
                 "eight": 8.0, "nine": 9.0, "ten": 10.0, "doubled": 2.0, "tripled": 3.0,
                 "trebled": 3.0, "quadrupled": 4.0, "double": 2.0, "twice": 2.0,
                 "triple": 3.0}  # fmt: skip
_GROWTH_QUALIFIER = {
    "more than": MORE_THAN, "over": MORE_THAN, "at least": MORE_THAN, "just over": MORE_THAN,
    "exceeds": MORE_THAN, "exceed": MORE_THAN, "exceeded": MORE_THAN, "exceeding": MORE_THAN,
    "less than": LESS_THAN, "just under": LESS_THAN,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Growth:
    """A growth rate (`pct`, declines negative) or multiple (`factor`) found in text."""

    pct: float | None
    factor: float | None
    qualifier: str
    start: int
    end: int


def _pct(token: str) -> float:
    return float(token.replace(",", "."))


def _growth(m: re.Match[str]) -> Growth | None:
    g = m.groupdict()
    q = next((g[k] for k in ("q", "q2", "q3", "q4", "q5", "q7") if g.get(k)), None)
    qualifier = _GROWTH_QUALIFIER.get(q.lower(), ABOUT) if q else EXACT
    verb = next(
        (g[k] for k in ("verb", "verb2", "verb3", "verb4", "verb5", "verb6", "verb7") if g.get(k)),
        "",
    )
    sign = -1.0 if _DOWN_RE.match(verb) else 1.0
    at = m.start(), m.end()
    if g.get("lo6"):
        return Growth(sign * (_pct(g["lo6"]) + _pct(g["hi6"])) / 2, None, ABOUT, *at)
    pct_text = g.get("pct") or g.get("pct2") or g.get("pct3") or g.get("pct5") or g.get("pct7")
    if pct_text:
        return Growth(sign * _pct(pct_text), None, qualifier, *at)
    if g.get("pct6"):
        return Growth((1.0 if g["sign"] == "+" else -1.0) * _pct(g["pct6"]), None, EXACT, *at)
    index = g.get("index") or g.get("index2")
    if index:  # "80.9% of last year's level" is a 19.1% decline
        return Growth(round(_pct(index) - 100.0, 4), None, EXACT, *at)
    factor_text = next(
        (g[k] for k in ("factor", "factor2", "factor3", "mult", "double") if g.get(k)), ""
    ).lower()
    factor = _FACTOR_WORDS.get(factor_text) or _pct(factor_text)
    return Growth(None, factor, qualifier, *at)


# Every growth phrase holds one of these; most sentences hold none, so the big regex is skipped.
_GROWTH_HINT_RE = re.compile(r"%|per\s*cent|pct|times|fold|doubl|tripl|trebl|quadrupl|twice", re.I)


def find_growths(text: str) -> list[Growth]:
    """Growth rates and multiples in `text`, in order ("fell by 12%" -> -12.0)."""
    found: list[Growth] = []
    if not _GROWTH_HINT_RE.search(text):
        return found
    for m in _GROWTH_RE.finditer(text):
        growth = _growth(m)
        if growth is None:
            continue
        found.append(growth)
        more = _AND_MORE_RE.match(text, m.end()) if growth.pct is not None else None
        if more and growth.pct is not None:
            q = more.group("q")
            sign = -1.0 if growth.pct < 0 else 1.0
            found.append(
                Growth(
                    sign * _pct(more.group("pct")),
                    None,
                    _GROWTH_QUALIFIER.get(q.lower(), ABOUT) if q else EXACT,
                    more.start("pct"),
                    more.end(),
                )
            )
    return found
