"""Old /partners/<ISO3>/... URLs: permanent redirects to the home country's pair pages."""

from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.urls import reverse

from tradewatch.queries import home_pair_or_404


def old_partner_url(view_name: str):
    def redirect(request: HttpRequest, iso3: str) -> HttpResponsePermanentRedirect:
        pair = home_pair_or_404(iso3)
        url = reverse(view_name, args=[pair.first.iso3, pair.second.iso3])
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    redirect.__name__ = f"old_{view_name.replace('-', '_')}"
    return redirect
