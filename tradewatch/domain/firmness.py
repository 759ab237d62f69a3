"""How binding a target statement is. A target is as firm as its firmest statement: a remark
restated at a commission that adopts a plan has become a plan."""

from collections.abc import Iterable

from tradewatch.domain.words import N_

ORDER = ("remark", "plan", "agreement", "law")  # weakest first
LABELS = {  # in English; translated where shown
    "remark": N_("remark"),
    "plan": N_("plan"),
    "agreement": N_("signed agreement"),
    "law": N_("law"),
}


def strongest(firmnesses: Iterable[str]) -> str:
    """The firmest of these; a target with no statement is a remark at most."""
    return max(firmnesses, key=ORDER.index, default=ORDER[0])
