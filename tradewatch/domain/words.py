"""The words the domain writes for readers, in the reader's language.

The domain imports no Django: the app installs Django's gettext here when it starts
(apps.py), so "on track" reads "в графике" on a Russian page and stays English elsewhere.
`_` translates now; `N_` only marks a string for the catalogue (makemessages is told of it)
where the English text is also a stored value, such as a status.
"""

from collections.abc import Callable


def _english_separators() -> tuple[str, str]:
    return ".", ","


_translate: Callable[[str], str] = str
_separators: Callable[[], tuple[str, str]] = _english_separators


def install(translate: Callable[[str], str], separators: Callable[[], tuple[str, str]]) -> None:
    """`separators` gives the reader's decimal mark and thousands separator."""
    global _translate, _separators
    _translate, _separators = translate, separators


def _(message: str) -> str:
    return _translate(message)


def N_(message: str) -> str:
    return message


def localize_number(text: str) -> str:
    """'1,234.5' as the reader writes numbers ('1 234,5' in Russian)."""
    decimal, thousands = _separators()
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


MONTHS = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)  # fmt: skip


def month_abbr(month: int) -> str:
    return _(MONTHS[month - 1])
