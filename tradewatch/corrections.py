"""Readers' reports that a published figure or target is wrong: who sent one (as a keyed
hash), how many one sender may send, and the one place they are stored and decided.

Corrections are not published data: nothing here bumps the cache's data version, and no
page shows them to readers. An editor who agrees edits the fact itself in the admin.
"""

import ipaddress
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.crypto import salted_hmac

from tradewatch.models import Correction, CorrectionStatus

if TYPE_CHECKING:
    from tradewatch.forms import CorrectionForm

RATE_LIMIT = 5  # corrections one sender may send per window: plenty for a careful reader
RATE_WINDOW = 3600  # seconds
MAX_PAGE = Correction._meta.get_field("page").max_length
SENDER_SALT = "tradewatch.corrections.sender"
IPV6_NETWORK = 64  # one home or phone is given a whole /64: it is one sender, not 2⁶⁴


def network_of(address: str | None) -> str:
    """The sender's address as the rate limit counts it: an IPv4 address, or the /64 an IPv6
    address is in (rotating through one's own /64 must not reset the count)."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return "unknown"  # no usable address: all such requests share one allowance
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/{IPV6_NETWORK}", strict=False))
    return str(ip)


def sender_of(address: str | None) -> str:
    """A keyed hash (HMAC with SECRET_KEY) of the sender's network, stored instead of the
    address: see Correction.sender."""
    return salted_hmac(SENDER_SALT, network_of(address), algorithm="sha256").hexdigest()


def take_slot(sender: str) -> bool:
    """Count one correction against the sender's allowance for the hour; False once it is
    used up. add() then incr() is atomic in Redis and in the local-memory cache, so two
    simultaneous posts cannot both take the last slot."""
    key = f"tw-correction-rate:{sender}"
    cache.add(key, 0, RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add() and incr(): a new one starts
        cache.add(key, 1, RATE_WINDOW)
        count = 1
    return count <= RATE_LIMIT


def local_path(url: str | None, host: str) -> str:
    """The path and query of a URL on this site (as the Referer or htmx's HX-Current-URL give
    it), or "" for anything else: another site, another scheme, control characters, too long.
    Editors click it in the admin, so it must never lead elsewhere."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return ""
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", host):
        return ""
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    unsafe = path.startswith("//") or "\\" in path or any(ord(c) < 32 for c in path)
    if not path.startswith("/") or unsafe or len(path) > MAX_PAGE:
        return ""
    return path


def record_correction(form: "CorrectionForm", *, sender: str) -> Correction:
    """Store a validated correction (the form's instance already names its fact)."""
    correction = form.save(commit=False)
    correction.sender = sender
    correction.save()
    return correction


def decide_corrections(
    corrections: QuerySet[Correction], status: CorrectionStatus, editor: AbstractBaseUser
) -> int:
    """Accept or dismiss corrections, recording who decided and when; the number changed.
    A later decision replaces an earlier one (an editor may change their mind); back to new,
    nobody has decided."""
    if status == CorrectionStatus.NEW:
        return corrections.update(status=status, decided_by=None, decided_at=None)
    return corrections.update(status=status, decided_by=editor, decided_at=timezone.now())
