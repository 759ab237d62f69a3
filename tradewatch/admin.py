from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tradewatch.models import Country, Event, Figure, Source, Target, TargetStatement

admin.site.site_header = "TradeWatch editors"
admin.site.site_title = "TradeWatch"


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ["iso3", "name", "aliases"]
    search_fields = ["iso3", "name"]


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "publisher", "published", "date_inferred", "file_name"]
    list_filter = ["publisher", "date_inferred", "date_precision"]
    search_fields = ["title", "publisher", "url", "file_name"]
    date_hierarchy = "published"
    readonly_fields = ["content_hash", "created"]


@admin.register(Figure)
class FigureAdmin(SimpleHistoryAdmin):
    list_display = [
        "partner",
        "flow",
        "period_start",
        "period_end",
        "value_usd",
        "qualifier",
        "change_pct",
        "speaker",
        "source",
        "status",
        "derived",
    ]
    list_filter = ["status", "partner", "flow", "qualifier", "derived"]
    list_editable = ["status"]
    search_fields = ["quote", "speaker", "source__title"]
    autocomplete_fields = ["reporter", "partner", "source"]
    list_select_related = ["partner", "source"]
    fieldsets = [
        (None, {"fields": ["status", "reporter", "partner", "flow"]}),
        (
            "Value",
            {
                "fields": [
                    ("period_start", "period_end"),
                    ("value_usd", "qualifier"),
                    ("change_pct", "change_qualifier"),
                    "growth_factor",
                    ("derived", "derivation"),
                ]
            },
        ),
        ("Provenance", {"fields": ["source", "speaker", "quote", ("quote_start", "quote_end")]}),
    ]


class TargetStatementInline(admin.StackedInline):
    model = TargetStatement
    extra = 0
    autocomplete_fields = ["source"]
    fields = [
        "status",
        "source",
        "speaker",
        ("stated_on", "deadline_as_stated"),
        "wording",
        "quote",
        ("quote_start", "quote_end"),
    ]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["partner", "flow", "value_usd", "qualifier", "deadline", "stated_on", "status"]
    list_filter = ["status", "partner", "flow"]
    search_fields = ["description", "statements__quote", "statements__speaker"]
    autocomplete_fields = ["reporter", "partner"]
    inlines = [TargetStatementInline]


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["happened_on", "partner", "title", "source"]
    list_filter = ["partner"]
    search_fields = ["title", "quote"]
    autocomplete_fields = ["partner", "source"]
