from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

LANGUAGE_CODES = {code for code, _ in settings.LANGUAGES}
ONE_YEAR = 365 * 24 * 3600


@require_safe
def choose_language(request: HttpRequest, code: str) -> HttpResponseRedirect:
    """A plain link sets the reader's language (a cookie) and returns to the page. Not a form:
    pages are cached whole for every reader, so they cannot carry a per-reader CSRF token,
    and a language preference is not worth guarding."""
    if code not in LANGUAGE_CODES:
        raise Http404("No such language.")
    back = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "/"
    response = HttpResponseRedirect(back)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=ONE_YEAR,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
