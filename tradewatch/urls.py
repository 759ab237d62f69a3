from django.contrib import admin
from django.urls import path

from tradewatch.views import exports, overview, partners, reports, sources

urlpatterns = [
    path("", overview.overview, name="overview"),
    path("methodology/", overview.methodology, name="methodology"),
    path("partners/<str:iso3>/", partners.partner_detail, name="partner-detail"),
    path("partners/<str:iso3>/report/", reports.partner_report, name="partner-report"),
    path("partners/<str:iso3>/figures.csv", exports.partner_csv, name="partner-csv"),
    path("api/partners/<str:iso3>/", exports.partner_api, name="partner-api"),
    path("sources/<int:pk>/", sources.source_detail, name="source-detail"),
    path("admin/", admin.site.urls),
]
