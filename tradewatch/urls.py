from django.contrib import admin
from django.urls import path, register_converter

from tradewatch.views import (
    changes,
    countries,
    exports,
    health,
    overview,
    pairs,
    redirects,
    reports,
    sources,
)


class Iso3Converter:
    """Three letters, either case: /pairs/blr-kgz/ works; anything else is no route (404)."""

    regex = "[A-Za-z]{3}"

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value: str) -> str:
        return value.upper()


register_converter(Iso3Converter, "iso3")

PAIR = "pairs/<iso3:a>-<iso3:b>/"

urlpatterns = [
    path("", overview.overview, name="overview"),
    path("methodology/", overview.methodology, name="methodology"),
    path("healthz", health.healthz, name="healthz"),
    path("countries/<iso3:iso3>/", countries.country_detail, name="country-detail"),
    path(PAIR, pairs.pair_detail, name="pair-detail"),
    path(PAIR + "report/", reports.pair_report, name="pair-report"),
    path(PAIR + "figures.csv", exports.pair_csv, name="pair-csv"),
    path(PAIR + "changes/", changes.pair_changes_page, name="pair-changes"),
    path(PAIR + "changes/feed/", changes.PairChangesFeed(), name="pair-changes-feed"),
    path("api/" + PAIR, exports.pair_api, name="pair-api"),
    path("partners/<iso3:iso3>/", redirects.old_partner_url("pair-detail")),
    path("partners/<iso3:iso3>/report/", redirects.old_partner_url("pair-report")),
    path("partners/<iso3:iso3>/figures.csv", redirects.old_partner_url("pair-csv")),
    path("api/partners/<iso3:iso3>/", redirects.old_partner_url("pair-api")),
    path("sources/<int:pk>/", sources.source_detail, name="source-detail"),
    path("admin/", admin.site.urls),
]
