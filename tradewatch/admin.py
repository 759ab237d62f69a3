from django import forms
from django.contrib import admin, messages
from django.db.models import Case, Count, Exists, OuterRef, Q, When
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from simple_history.admin import SimpleHistoryAdmin

from tradewatch.admin_import import export_view, preview_view, upload_view
from tradewatch.corrections import decide_corrections
from tradewatch.domain.money import AGREEMENT_TOLERANCE
from tradewatch.models import (
    Correction,
    CorrectionStatus,
    Country,
    Event,
    Figure,
    ReviewStatus,
    Source,
    StoredFlow,
    Target,
    TargetStatement,
    stale_message,
)
from tradewatch.review import review_figures, review_statements, save_figure, save_statement

admin.site.site_header = "TradeWatch editors"
admin.site.site_title = "TradeWatch"


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ["iso3", "name", "aliases"]
    search_fields = ["iso3", "name"]


class PairCountryFilter(admin.SimpleListFilter):
    """Facts of every pair that includes a country, whichever side of the pair it is on."""

    title = "country (either of the pair)"
    parameter_name = "country"
    prefix = ""  # the lookup path to the pair, e.g. "target__" for statements

    def lookups(self, request, model_admin):
        queryset = model_admin.model.objects.all()  # not the admin's annotated list query
        codes = set(queryset.values_list(f"{self.prefix}country_a", flat=True).distinct())
        codes |= set(queryset.values_list(f"{self.prefix}country_b", flat=True).distinct())
        return [(c.iso3, f"{c.name} ({c.iso3})") for c in Country.objects.filter(pk__in=codes)]

    def queryset(self, request, queryset):
        code = self.value()
        if not code:
            return queryset
        either = Q(**{f"{self.prefix}country_a": code}) | Q(**{f"{self.prefix}country_b": code})
        return queryset.filter(either)


class StatementCountryFilter(PairCountryFilter):
    prefix = "target__"


def in_text_link(fact: Figure | TargetStatement) -> str:
    if fact.status == ReviewStatus.REJECTED:
        return "—"  # source pages leave rejected facts out
    url = reverse("source-detail", args=[fact.source_id]) + f"#{fact.anchor}"
    return format_html('<a href="{}" target="_blank">in the text</a>', url)


def review_action(writer, status: ReviewStatus, verb: str):
    def action(modeladmin, request, queryset) -> None:
        changed = writer(queryset, status)
        modeladmin.message_user(request, f"{changed} {verb}.", messages.SUCCESS)

    action.__name__ = f"mark_{status.value}"
    return admin.action(description=f"Mark selected as {status.value}")(action)


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "kind",
        "publisher",
        "published",
        "date_inferred",
        "file_name",
        "proposed",
        "public_page",
    ]
    list_filter = ["kind", "publisher", "date_inferred", "date_precision"]
    search_fields = ["title", "publisher", "url", "file_name"]
    date_hierarchy = "published"
    readonly_fields = ["content_hash", "created"]

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("import-statistics/", wrap(upload_view), name="tradewatch_statistics_upload"),
            path(
                "import-statistics/<int:pk>/",
                wrap(preview_view),
                name="tradewatch_statistics_preview",
            ),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        def proposed(model) -> Coalesce:
            count = (
                model.objects.filter(source=OuterRef("pk"), status=ReviewStatus.PROPOSED)
                .values("source")
                .annotate(n=Count("pk"))
                .values("n")
            )
            return Coalesce(count, 0)

        return (
            super()
            .get_queryset(request)
            .annotate(proposed_count=proposed(Figure) + proposed(TargetStatement))
        )

    @admin.display(description="to review")
    def proposed(self, source: Source) -> int | str:
        if not source.proposed_count:
            return 0
        url = reverse("review-source", args=[source.pk])  # the review desk
        return format_html('<a href="{}">{}</a>', url, source.proposed_count)

    @admin.display(description="facts highlighted")
    def public_page(self, source: Source) -> str:
        return format_html('<a href="{}">open</a>', source.get_absolute_url())


def conflicting_figure() -> Exists:
    """Another live, stated figure for the same period that values_agree() would reject
    (|a - b| > tolerance x the larger), accepted or proposed, so both sides are flagged."""
    same_period = (
        Figure.objects.filter(
            country_a=OuterRef("country_a"),
            country_b=OuterRef("country_b"),
            flow=OuterRef("flow"),
            period_start=OuterRef("period_start"),
            period_end=OuterRef("period_end"),
            duplicate_of__isnull=True,
            derived=False,
        )
        # Turnover has no exporter, and NULL never equals NULL in SQL.
        .filter(Q(exporter=OuterRef("exporter")) | Q(flow=StoredFlow.TURNOVER))
        .exclude(pk=OuterRef("pk"))
        .exclude(status=ReviewStatus.REJECTED)
    )
    keep = 1 - AGREEMENT_TOLERANCE
    low, high = OuterRef("value_usd") * keep, OuterRef("value_usd") / keep
    return Exists(same_period.filter(Q(value_usd__lt=low) | Q(value_usd__gt=high)))


class VersionCheckForm(forms.ModelForm):
    """Refuses a save when someone saved the fact since this form was opened, naming them."""

    def clean(self) -> dict:
        data = super().clean()
        instance = self.instance
        if "version" in self.fields and not instance.pk:
            data["version"] = 0  # a new fact: nobody can have saved it before
        elif instance.pk and "version" in self.fields:
            stored = type(instance).objects.filter(pk=instance.pk).values_list("version", flat=True)
            if stored.first() not in (None, data.get("version")):
                raise forms.ValidationError(stale_message(instance), code="stale")
        return data


class HiddenVersion:
    """The version a form was opened at travels with it, out of sight."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "version":
            return forms.IntegerField(widget=forms.HiddenInput, required=False)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class ChangeReasonForm(VersionCheckForm):
    """Every fact's form asks why it changed; the reason goes into its history and onto the
    pair's public list of changes (/pairs/<A>-<B>/changes/)."""

    change_reason = forms.CharField(
        label="Reason for this change",
        max_length=100,
        required=False,
        help_text="Shown to readers on the pair's list of changes, e.g. “corrected to the "
        "ministry's revised figure”.",
    )


class ReasonedAdmin(HiddenVersion, SimpleHistoryAdmin):
    form = ChangeReasonForm

    def save_model(self, request, obj, form, change: bool) -> None:
        obj._change_reason = form.cleaned_data.get("change_reason", "")  # read by the history
        self.write(obj)

    def write(self, obj) -> None:
        obj.save()


@admin.register(Figure)
class FigureAdmin(ReasonedAdmin):
    list_display = [
        "country_a", "country_b", "flow_label", "side", "period_start", "period_end",
        "value_usd", "qualifier", "change_pct", "speaker", "source", "status", "derived",
        "conflict", "duplicate_of", "quote_link",
    ]  # fmt: skip
    list_filter = ["status", PairCountryFilter, "side", "flow", "qualifier", "derived"]
    list_editable = ["side"]  # reviewers correct whose number it is straight from the list
    search_fields = ["quote", "speaker", "source__title"]
    autocomplete_fields = ["country_a", "country_b", "exporter", "side", "source"]
    # Set by the one duplicate rule on every save (review.py), never by hand.
    readonly_fields = ["duplicate_of"]
    list_select_related = ["country_a", "country_b", "side", "source", "duplicate_of"]
    actions = [
        review_action(review_figures, ReviewStatus.ACCEPTED, "accepted"),
        review_action(review_figures, ReviewStatus.REJECTED, "rejected"),
    ]
    fieldsets = [
        (None, {"fields": ["status", ("country_a", "country_b"), ("flow", "exporter"), "side"]}),
        (
            "Value",
            {
                "fields": [
                    ("period_start", "period_end"),
                    ("value_usd", "qualifier"),
                    ("change_pct", "change_qualifier"),
                    "growth_factor",
                    ("derived", "derivation"),
                    "duplicate_of",
                    ("preferred", "preferred_reason"),
                ]
            },
        ),
        ("Provenance", {"fields": ["source", "speaker", "quote", ("quote_start", "quote_end")]}),
        ("Why", {"fields": ["change_reason", "version"]}),
    ]

    def write(self, obj: Figure) -> None:
        save_figure(obj)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        facts = {"kind": "facts"}
        return [
            path("export-facts/", wrap(export_view), name="tradewatch_facts_export"),
            path("import-facts/", wrap(upload_view), facts, name="tradewatch_facts_upload"),
            path(
                "import-facts/<int:pk>/",
                wrap(preview_view),
                facts,
                name="tradewatch_facts_preview",
            ),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        conflict = Q(conflicting_figure(), derived=False)
        return super().get_queryset(request).annotate(has_conflict=conflict)

    @admin.display(boolean=True, description="disagrees")
    def conflict(self, figure: Figure) -> bool:
        return figure.has_conflict

    @admin.display(description="quote")
    def quote_link(self, figure: Figure) -> str:
        return in_text_link(figure)


class TargetStatementInline(HiddenVersion, admin.StackedInline):
    model = TargetStatement
    form = VersionCheckForm
    extra = 0
    autocomplete_fields = ["source", "side"]
    fields = [
        "status",
        "source",
        "side",
        "speaker",
        ("stated_on", "deadline_as_stated"),
        ("value_as_stated", "firmness"),
        "wording",
        "quote",
        ("quote_start", "quote_end"),
        "version",
    ]


@admin.register(Target)
class TargetAdmin(ReasonedAdmin):
    list_display = [
        "country_a", "country_b", "flow_label", "value_usd", "qualifier", "deadline",
        "stated_on", "status", "superseded_by",
    ]  # fmt: skip
    list_filter = ["status", PairCountryFilter, "flow"]
    list_select_related = ["country_a", "country_b", "superseded_by"]
    search_fields = ["description", "statements__quote", "statements__speaker"]
    autocomplete_fields = ["country_a", "country_b", "exporter", "superseded_by"]
    inlines = [TargetStatementInline]
    # Follows the statements: shown exactly while one of them is accepted.
    readonly_fields = ["status"]

    def save_related(self, request, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        form.instance.sync_status()


@admin.register(TargetStatement)
class TargetStatementAdmin(ReasonedAdmin):
    list_display = [
        "target",
        "side",
        "speaker",
        "stated_on",
        "deadline_as_stated",
        "firmness",
        "source",
        "status",
        "quote_link",
    ]
    list_filter = ["status", StatementCountryFilter, "side", "firmness"]
    list_editable = ["side", "firmness"]  # set by editors, proposed from the wording
    search_fields = ["quote", "speaker", "source__title"]
    autocomplete_fields = ["source", "side"]
    list_select_related = ["target", "side", "source"]
    actions = [
        review_action(review_statements, ReviewStatus.ACCEPTED, "accepted"),
        review_action(review_statements, ReviewStatus.REJECTED, "rejected"),
    ]

    def write(self, obj: TargetStatement) -> None:
        save_statement(obj)

    @admin.display(description="quote")
    def quote_link(self, statement: TargetStatement) -> str:
        return in_text_link(statement)


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["happened_on", "country_a", "country_b", "title", "source"]
    list_filter = [PairCountryFilter]
    search_fields = ["title", "quote"]
    autocomplete_fields = ["country_a", "country_b", "source"]


def correction_action(status: CorrectionStatus, description: str):
    def action(modeladmin, request, queryset) -> None:
        changed = decide_corrections(queryset, status, request.user)
        message = ngettext(
            "%(count)d correction marked %(status)s.",
            "%(count)d corrections marked %(status)s.",
            changed,
        ) % {"count": changed, "status": status.label.lower()}
        modeladmin.message_user(request, message, messages.SUCCESS)

    action.__name__ = f"mark_{status.value}"
    return admin.action(description=description, permissions=["change"])(action)


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    """Readers' corrections: new ones first, each with its fact, page and message. Readers
    write them and editors decide them, so nothing but the status is editable here."""

    list_display = [
        "created_at", "status", "fact_link", "page_link", "message_excerpt", "reply_to",
        "decided",
    ]  # fmt: skip
    list_filter = ["status"]
    search_fields = ["message", "email"]
    list_select_related = ["figure", "target", "decided_by"]
    ordering = [Case(When(status=CorrectionStatus.NEW, then=0), default=1).asc(), "-created_at"]
    actions = [
        correction_action(CorrectionStatus.ACCEPTED, gettext_lazy("Mark selected as accepted")),
        correction_action(CorrectionStatus.DISMISSED, gettext_lazy("Dismiss selected")),
    ]
    fields = [
        "status", "fact_link", "page_link", "message", "email", "created_at", "decided_by",
        "decided_at",
    ]  # fmt: skip
    readonly_fields = fields[1:]

    def has_add_permission(self, request) -> bool:
        return False  # readers send them, from the pages

    def save_model(self, request, obj: Correction, form, change: bool) -> None:
        if "status" in form.changed_data:  # the same record of who decided as the actions
            decide_corrections(Correction.objects.filter(pk=obj.pk), obj.status, request.user)

    @admin.display(description=gettext_lazy("fact"))
    def fact_link(self, correction: Correction) -> str:
        fact = correction.fact
        kind = fact._meta.model_name
        change = reverse(f"admin:tradewatch_{kind}_change", args=[fact.pk])
        public = reverse("pair-detail", args=fact.pair) + f"#{kind}-{fact.pk}"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>', change, fact, public, _("on its page")
        )

    @admin.display(description=gettext_lazy("sent from"))
    def page_link(self, correction: Correction) -> str:
        # A path on this site (checked when sent): never a link elsewhere.
        return format_html('<a href="{}">{}</a>', correction.page, correction.page)

    @admin.display(description=gettext_lazy("message"))
    def message_excerpt(self, correction: Correction) -> str:
        return Truncator(correction.message).chars(200)

    @admin.display(description=gettext_lazy("reply to"), ordering="email")
    def reply_to(self, correction: Correction) -> str:
        return correction.email or "—"

    @admin.display(description=gettext_lazy("decided"), ordering="decided_at")
    def decided(self, correction: Correction) -> str:
        if correction.decided_at is None:
            return "—"
        when = date_format(localtime(correction.decided_at), "j M Y H:i")
        return f"{correction.decided_by or _('a former editor')}, {when}"
