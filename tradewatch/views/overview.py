from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from tradewatch.domain.progress import ACCELERATION_RATIO, ON_TRACK_RATIO, STATUS_RULES
from tradewatch.queries import home_country, overview_rows
from tradewatch.views.common import today


@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    as_of = today()
    context = {"rows": overview_rows(as_of=as_of), "home": home_country(), "as_of": as_of}
    return render(request, "overview.html", context)


@require_safe
def methodology(request: HttpRequest) -> HttpResponse:
    context = {
        "rules": STATUS_RULES,
        "on_track": int(ON_TRACK_RATIO * 100),
        "acceleration": int(ACCELERATION_RATIO * 100),
    }
    return render(request, "methodology.html", context)
