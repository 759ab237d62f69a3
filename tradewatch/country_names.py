"""Country names in the reader's language, from CLDR (through Babel).

The database keeps one English name per country (what editors type and search); other
languages take CLDR's names, so "Kyrgyzstan" reads "Киргизия" on a Russian page.
"""

from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError


@cache
def localized_country_name(iso3: str, language: str | None) -> str | None:
    """CLDR's name for the country in this language; None for English or when unknown."""
    if not language or language.split("-")[0] == "en":
        return None
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return None
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    return locale.territories.get(country.alpha_2)
