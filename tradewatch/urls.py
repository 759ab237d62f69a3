from django.contrib import admin
from django.urls import path, register_converter

from tradewatch.views import (
    changes,
    corrections,
    countries,
    embeds,
    exports,
    health,
    language,
    overview,
    pairs,
    redirects,
    reports,
    review_desk,
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


class ExportFormatConverter:
    """csv or json; anything else is no route (404)."""

    regex = "csv|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class PairTableConverter(ExportFormatConverter):
    """A dashboard table that has exports (tradewatch.tables.PAIR_TABLES)."""

    regex = "figures|targets|statements|chart"


register_converter(ExportFormatConverter, "format")
register_converter(PairTableConverter, "pair_table")

PAIR = "pairs/<iso3:a>-<iso3:b>/"
REVIEW_FACT = "review/sources/<int:pk>/<str:kind>/<int:fact>/"

urlpatterns = [
    path("", overview.overview, name="overview"),
    path("methodology/", overview.methodology, name="methodology"),
    path("healthz", health.healthz, name="healthz"),
    path("countries/<iso3:iso3>/", countries.country_detail, name="country-detail"),
    path(PAIR, pairs.pair_detail, name="pair-detail"),
    path(PAIR + "report/", reports.pair_report, name="pair-report"),
    path(PAIR + "figures.csv", exports.pair_csv, name="pair-csv"),
    path(PAIR + "tables/<pair_table:table>.<format:fmt>", exports.pair_table, name="pair-table"),
    path(PAIR + "export.zip", exports.pair_zip, name="pair-zip"),
    path("pairs.<format:fmt>", exports.overview_table, name="overview-table"),
    path(
        "countries/<iso3:iso3>/partners.<format:fmt>", exports.country_table, name="country-table"
    ),
    path(PAIR + "embed/", embeds.pair_embed, name="pair-embed"),
    path(PAIR + "chart.png", embeds.pair_chart_png, name="pair-chart-png"),
    path(PAIR + "chart.svg", embeds.pair_chart_svg, name="pair-chart-svg"),
    path(PAIR + "changes/", changes.pair_changes_page, name="pair-changes"),
    path(
        PAIR + "figures/<int:pk>/correction/",
        corrections.correction,
        {"kind": "figure"},
        name="figure-correction",
    ),
    path(
        PAIR + "targets/<int:pk>/correction/",
        corrections.correction,
        {"kind": "target"},
        name="target-correction",
    ),
    path(PAIR + "changes/feed/", changes.PairChangesFeed(), name="pair-changes-feed"),
    path("api/" + PAIR, exports.pair_api, name="pair-api"),
    path("partners/<iso3:iso3>/", redirects.old_partner_url("pair-detail")),
    path("partners/<iso3:iso3>/report/", redirects.old_partner_url("pair-report")),
    path("partners/<iso3:iso3>/figures.csv", redirects.old_partner_url("pair-csv")),
    path("api/partners/<iso3:iso3>/", redirects.old_partner_url("pair-api")),
    path("sources/<int:pk>/", sources.source_detail, name="source-detail"),
    path("review/", review_desk.review_queue_page, name="review-queue"),
    path("review/sources/<int:pk>/", review_desk.review_source, name="review-source"),
    path("review/sources/<int:pk>/add/", review_desk.review_add, name="review-add"),
    path(
        "review/sources/<int:pk>/accept-all/",
        review_desk.review_accept_all,
        name="review-accept-all",
    ),
    path(REVIEW_FACT, review_desk.review_card, name="review-card"),
    path(REVIEW_FACT + "decide/", review_desk.review_decide, name="review-decide"),
    path(REVIEW_FACT + "edit/<str:field>/", review_desk.review_edit, name="review-edit"),
    path("language/<str:code>/", language.choose_language, name="choose-language"),
    path("admin/", admin.site.urls),
]
