"""The words the domain writes for readers, in the reader's language.

The domain imports no Django: the app installs Django's gettext here when it starts
(apps.py), so "on track" reads "в графике" on a Russian page and stays English elsewhere.
`_` translates now; `N_` only marks a string for the catalogue (makemessages is told of it)
where the English text is also a stored value, such as a status.
"""

from collections.abc import Callable


def _english_separators() -> tuple[str, str]:
    return ".", ","


def _english() -> str:
    return "en"


_translate: Callable[[str], str] = str
_separators: Callable[[], tuple[str, str]] = _english_separators
_language: Callable[[], str] = _english
# A page asks for the same few hundred words thousands of times (a month, a money pattern per
# value); the catalogues do not change while the process runs, so each answer is kept.
_known: dict[tuple[str, str], str] = {}
_known_separators: dict[str, tuple[str, str]] = {}
MAX_KNOWN = 10_000  # only constant strings come here; a bound all the same


def install(
    translate: Callable[[str], str],
    separators: Callable[[], tuple[str, str]],
    language: Callable[[], str],
) -> None:
    """`separators` gives the reader's decimal mark and thousands separator, `language`
    the reader's language code."""
    global _translate, _separators, _language
    _translate, _separators, _language = translate, separators, language
    _known.clear()
    _known_separators.clear()


def _(message: str) -> str:
    key = (_language(), message)
    found = _known.get(key)
    if found is None:
        if len(_known) >= MAX_KNOWN:
            _known.clear()
        found = _known[key] = _translate(message)
    return found


def N_(message: str) -> str:
    return message


def localize_number(text: str) -> str:
    """'1,234.5' as the reader writes numbers ('1 234,5' in Russian)."""
    language = _language()
    if language not in _known_separators:
        _known_separators[language] = _separators()
    decimal, thousands = _known_separators[language]
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


MONTHS = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)  # fmt: skip


def month_abbr(month: int) -> str:
    return _(MONTHS[month - 1])
