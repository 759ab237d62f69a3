"""Countries, source documents, reported figures, targets and their statements.

One-row rules live in clean() (shared by admin, import and code) and are mirrored by
database constraints, so no path can store a negative value or a backwards period.
"""

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
)
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tradewatch.country_names import localized_country_name
from tradewatch.domain.money import Qualifier, format_usd, short_money
from tradewatch.domain.periods import Period
from tradewatch.domain.words import localize_number


class Flow(models.TextChoices):
    """What a reader asks for, seen from the first country of a pair as written (A-B)."""

    TURNOVER = "turnover", _("Turnover")
    EXPORTS = "exports", _("Exports")
    IMPORTS = "imports", _("Imports")


class StoredFlow(models.TextChoices):
    """How a fact is stored: turnover has no direction; every one-way flow is stored as the
    exports of its `exporter`, so A's exports to B and B's imports from A are one series."""

    TURNOVER = "turnover", _("Turnover")
    EXPORTS = "exports", _("Exports of the exporter to the other country")


class QualifierChoice(models.TextChoices):
    EXACT = Qualifier.EXACT.value, _("exact")
    ABOUT = Qualifier.ABOUT.value, _("about")
    MORE_THAN = Qualifier.MORE_THAN.value, _("more than")
    LESS_THAN = Qualifier.LESS_THAN.value, _("less than")


class ReviewStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class SourceKind(models.TextChoices):
    """How much a number weighs: statistics over statements (domain/sides.py)."""

    STATISTICS = "statistics", _("Official statistics")
    STATEMENT = "statement", _("An official's statement")
    PRESS = "press", _("Press estimate")


class Firmness(models.TextChoices):
    """How binding a target statement is, weakest first (domain/firmness.py ranks them)."""

    REMARK = "remark", _("Remark (meeting, interview)")
    PLAN = "plan", _("Plan (commission decision, roadmap)")
    AGREEMENT = "agreement", _("Signed agreement")
    LAW = "law", _("Law")


def validate_iso3(value: str) -> None:
    if pycountry.countries.get(alpha_3=value) is None:
        raise ValidationError(f"“{value}” is not an ISO 3166-1 alpha-3 country code.")


# All the world's trade in goods and services is about $33 trillion a year: a value between
# two countries above $40 trillion is a typing error, not a number to publish.
WORLD_TRADE_USD = Decimal(40 * 10**12)
NON_NEGATIVE = [MinValueValidator(Decimal(0), "A trade value cannot be negative.")]
USD_VALUE = [
    *NON_NEGATIVE,
    MaxValueValidator(
        WORLD_TRADE_USD, "More than all the world's trade ($40 trillion): check the digits."
    ),
]
MONEY = {"max_digits": 16, "decimal_places": 2}


class Country(models.Model):
    iso3 = models.CharField(
        "ISO 3166-1 alpha-3",
        max_length=3,
        primary_key=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", "Use three capital letters."), validate_iso3],
    )
    name = models.CharField(max_length=100)
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other names and adjectives, e.g. “Kyrgyz Republic”."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(
                condition=Q(iso3__regex=r"^[A-Z]{3}$"), name="country_iso3_upper_alpha3"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("country-detail", args=[self.iso3])

    @property
    def shown_name(self) -> str:
        """The name in the reader's language (CLDR's, through Babel); the stored English
        name where the language is English or CLDR has none."""
        return localized_country_name(self.iso3, get_language()) or self.name


class Source(models.Model):
    title = models.CharField(max_length=300)
    kind = models.CharField(
        max_length=10,
        choices=SourceKind.choices,
        default=SourceKind.STATEMENT,
        help_text="Official statistics (a statistics office, customs, UN Comtrade, the IMF), "
        "an official's statement, or a press estimate.",
    )
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=500, blank=True)
    file_name = models.CharField(max_length=300, blank=True)
    published = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    date_inferred = models.BooleanField(
        default=False, help_text="The document prints no full date; it was inferred from the text."
    )
    date_note = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True, help_text="Full text, when the document was ingested.")
    content_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        ordering = ["-published", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("source-detail", args=[self.pk])


def pair_constraints(model: str) -> list[models.CheckConstraint]:
    """A pair is stored once, in alphabetical order of ISO3 codes."""
    return [
        models.CheckConstraint(
            condition=Q(country_a__lt=F("country_b")), name=f"{model}_pair_ordered"
        )
    ]


def flow_constraints(model: str) -> list[models.CheckConstraint]:
    """Turnover has no exporter; exports name one of the pair as the exporter."""
    return [
        models.CheckConstraint(
            condition=Q(flow=StoredFlow.TURNOVER, exporter__isnull=True)
            | Q(flow=StoredFlow.EXPORTS, exporter=F("country_a"))
            | Q(flow=StoredFlow.EXPORTS, exporter=F("country_b")),
            name=f"{model}_exporter_in_pair",
        )
    ]


def side_constraints(model: str) -> list[models.CheckConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(side__isnull=True) | Q(side=F("country_a")) | Q(side=F("country_b")),
            name=f"{model}_side_in_pair",
        )
    ]


class RemembersAsRead(models.Model):
    """Keeps the AS_READ fields as the database held them when the instance was read or last
    saved, so a save can tell what it changed: a fact moved to another pair or target, or
    given another status, changes more pages than an edit in place (tradewatch/summaries.py).
    Empty for an instance not read from the database."""

    AS_READ: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        self.as_read = {name: getattr(self, name) for name in self.AS_READ}

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance.as_read = {name: instance.__dict__.get(name) for name in cls.AS_READ}
        return instance

    as_read: Mapping[str, object] = MappingProxyType({})


class Paired(RemembersAsRead):
    """Belongs to a pair of countries, stored in one canonical order (see pair_constraints)."""

    AS_READ = ("country_a_id", "country_b_id")

    country_a = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="+", verbose_name="country A"
    )
    country_b = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="+", verbose_name="country B"
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self.order_pair()
        super().save(*args, **kwargs)

    @property
    def pair(self) -> tuple[str, str]:
        return (self.country_a_id, self.country_b_id)

    @property
    def loaded_pair(self) -> tuple[str, str] | None:
        """The pair as read: a save that moves the fact to another pair changes both pairs'
        pages."""
        a, b = self.as_read.get("country_a_id"), self.as_read.get("country_b_id")
        return (a, b) if a and b else None

    def order_pair(self) -> None:
        """Editors may enter the countries either way round; storage has one order."""
        if self.country_a_id and self.country_b_id and self.country_a_id > self.country_b_id:
            self.country_a, self.country_b = self.country_b, self.country_a

    def clean(self) -> None:
        super().clean()
        if self.country_a_id and self.country_a_id == self.country_b_id:
            raise ValidationError({"country_b": "A pair needs two different countries."})
        self.order_pair()


class Fact(Paired):
    """Fields shared by everything a source states about a country pair."""

    AS_READ = (*Paired.AS_READ, "status")  # a new status may make or end a partnership

    flow = models.CharField(max_length=8, choices=StoredFlow.choices, default=StoredFlow.TURNOVER)
    exporter = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text="For exports: the exporting country (one of the pair). Empty for turnover.",
    )
    status = models.CharField(
        max_length=8, choices=ReviewStatus.choices, default=ReviewStatus.ACCEPTED
    )

    class Meta:
        abstract = True

    @property
    def importer_id(self) -> str | None:
        """The other country of the pair, for exports; None for turnover."""
        if not self.exporter_id:
            return None
        return self.country_b_id if self.exporter_id == self.country_a_id else self.country_a_id

    @property
    def flow_label(self) -> str:
        if self.flow == StoredFlow.TURNOVER:
            return "turnover"
        return f"exports {self.exporter_id} → {self.importer_id}"

    def clean(self) -> None:
        super().clean()
        if self.flow == StoredFlow.TURNOVER:
            self.exporter = None
        elif self.exporter_id not in (self.country_a_id, self.country_b_id):
            raise ValidationError({"exporter": "For exports, name which of the pair exports."})


class StaleEdit(Exception):
    """Someone saved this fact after it was read: the save is refused rather than letting
    the later writer silently overwrite the earlier one."""

    def __init__(self, instance: models.Model) -> None:
        self.message = stale_message(instance)
        super().__init__(self.message)


def stale_message(instance: models.Model) -> str:
    """Who saved the fact last, and when, in words for the editor whose save was refused."""
    last = instance.history.order_by("-history_date").select_related("history_user").first()
    what = instance._meta.verbose_name
    if last is None:
        return f"This {what} was changed after you opened it. Reload it and edit again."
    user = last.history_user
    who = (user.get_full_name() or user.get_username()) if user else "An import or review"
    return (
        f"{who} saved this {what} at {last.history_date:%d %b %Y %H:%M} UTC, after you "
        "opened it. Your changes were not saved: reload the page to see theirs, then edit "
        "again."
    )


class Versioned(models.Model):
    """Optimistic locking: a save carries the version it was read at, and is refused
    (StaleEdit) when the stored one has moved on. Saves of chosen fields only
    (update_fields: a status kept in step, a duplicate link) are bookkeeping, not edits."""

    version = models.PositiveIntegerField(default=0, help_text="How many times it was saved.")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self._state.adding or kwargs.get("update_fields") is not None:
            return super().save(*args, **kwargs)
        with transaction.atomic():
            stored = (
                type(self)
                ._default_manager.select_for_update()
                .filter(pk=self.pk)
                .values_list("version", flat=True)
                .first()
            )
            if stored is not None and stored != self.version:
                raise StaleEdit(self)
            self.version = (stored or 0) + 1
            super().save(*args, **kwargs)


class Sided(models.Model):
    """Whose number it is: the country whose official, agency or statistics office states it."""

    side = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text="The country whose official, agency or statistics office states this; "
        "empty when the source does not say.",
    )

    class Meta:
        abstract = True

    def check_side(self, pair: tuple[str, str]) -> None:
        if self.side_id and self.side_id not in pair:
            raise ValidationError({"side": "The side must be one of the pair (or unknown)."})


def validate_currency(value: str) -> None:
    if pycountry.currencies.get(alpha_3=value) is None:
        raise ValidationError(f"“{value}” is not an ISO 4217 currency code.")


class InCurrency(models.Model):
    """An amount as the source states it, when that is not US dollars, and how (and whether)
    it was converted: value_usd is then the ECB-rate conversion, or empty where no rate
    exists (see tradewatch/rates.py)."""

    currency = models.CharField(
        max_length=3, default="USD", validators=[validate_currency], help_text="ISO 4217"
    )
    amount = models.DecimalField(
        "amount in that currency",
        **MONEY,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text="The value as stated, when the currency is not USD.",
    )
    usd_rate = models.DecimalField(
        "USD per unit", max_digits=14, decimal_places=6, null=True, blank=True
    )
    usd_rate_basis = models.CharField(max_length=200, blank=True)

    class Meta:
        abstract = True

    def check_currency(self) -> None:
        if self.currency != "USD" and self.amount is None:
            raise ValidationError({"amount": f"Give the amount in {self.currency} as stated."})


class Quoted(models.Model):
    """Who said it, where, and the exact words (with their span in the source text)."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    speaker = models.CharField(max_length=200, blank=True)
    quote = models.TextField(help_text="Verbatim words from the source.")
    quote_start = models.PositiveIntegerField(null=True, blank=True)
    quote_end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        start, end = self.quote_start, self.quote_end
        if start is not None and end is not None and end < start:
            raise ValidationError({"quote_end": "The quote cannot end before it starts."})


class Figure(Versioned, Fact, Sided, InCurrency, Quoted):
    """A reported value (or a reported change) for one period."""

    period_start = models.DateField()
    period_end = models.DateField()
    value_usd = models.DecimalField(
        "value (USD)", **MONEY, null=True, blank=True, validators=USD_VALUE
    )
    qualifier = models.CharField(
        max_length=9, choices=QualifierChoice.choices, default=QualifierChoice.EXACT
    )
    change_pct = models.DecimalField(
        "change vs a year earlier (%)",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="e.g. 24 for “up by 24% year-on-year”.",
    )
    change_qualifier = models.CharField(
        max_length=9, choices=QualifierChoice.choices, default=QualifierChoice.EXACT
    )
    growth_factor = models.DecimalField(
        max_digits=8,
        decimal_places=3,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
        help_text="e.g. 2.5 for “increased 2.5 times” over the period.",
    )
    derived = models.BooleanField(
        default=False, help_text="Computed from other figures rather than stated."
    )
    derivation = models.CharField(max_length=300, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="corroborations",
        help_text="Another source stating the same figure (within 1%): shown with it, not twice.",
    )
    preferred = models.BooleanField(
        "use for progress",
        default=False,
        help_text="An editor's choice: this value is the one the progress numbers use for its "
        "period, whatever the rule would pick. Give the reason.",
    )
    preferred_reason = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["period_end", "period_start", "pk"]
        indexes = [
            models.Index(fields=["country_a", "country_b", "flow", "status", "period_end"]),
            models.Index(fields=["country_b", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(value_usd__isnull=True) | Q(value_usd__gte=0),
                name="figure_value_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="figure_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(value_usd__isnull=False)
                | Q(amount__isnull=False)
                | Q(change_pct__isnull=False)
                | Q(growth_factor__isnull=False),
                name="figure_has_value_or_change",
            ),
            *pair_constraints("figure"),
            *flow_constraints("figure"),
            *side_constraints("figure"),
        ]

    def __str__(self) -> str:
        a, b = self.pair
        # An unsaved edit may hold a period that ends before it starts: say so, don't fail.
        try:
            period = self.period.label
        except (TypeError, ValueError):
            period = f"{self.period_start}–{self.period_end}"
        return f"{a}–{b} {self.flow_label} {period}: {self.value_label}"

    @property
    def anchor(self) -> str:
        return f"figure-{self.pk}"

    @property
    def is_statistics(self) -> bool:
        """From official statistics rather than an official's statement or the press."""
        return self.source.kind == SourceKind.STATISTICS

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end)

    @property
    def value_label(self) -> str:
        if self.value_usd is None:
            return "—"
        return format_usd(self.value_usd, Qualifier(self.qualifier))

    @property
    def value_shown(self) -> str:
        """The value as the figures table shows it (and the exports repeat): US dollars, else
        the amount as stated, else the stated change or growth factor."""
        if self.value_usd is not None:
            return self.value_label
        if self.amount is not None:
            return short_money(self.amount, self.currency)
        if self.change_pct is not None:
            worded = self.change_qualifier in (Qualifier.MORE_THAN, Qualifier.ABOUT)
            prefix = str(QualifierChoice(self.change_qualifier).label) if worded else ""
            change = localize_number(f"{self.change_pct.normalize():+f}%")
            return f"{prefix} {change}" if prefix else change
        if self.growth_factor:
            whole = self.growth_factor == self.growth_factor.to_integral_value()
            return "×" + localize_number(f"{self.growth_factor:.{0 if whole else 2}f}")
        return ""

    def clean(self) -> None:
        super().clean()
        self.check_side(self.pair)
        self.check_currency()
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = "The period cannot end before it starts."
        stated = (self.value_usd, self.amount, self.change_pct, self.growth_factor)
        if all(v is None for v in stated):
            errors["value_usd"] = "Give a value, a change in %, or a growth factor."
        if self.preferred and not self.preferred_reason.strip():
            errors["preferred_reason"] = "Say why this value should be used for progress."
        if errors:
            raise ValidationError(errors)


class Target(Versioned, Fact, InCurrency):
    """A stated goal. Several statements (sources) may state the same target."""

    value_usd = models.DecimalField(
        "value (USD)",
        **MONEY,
        null=True,
        blank=True,
        validators=USD_VALUE,
        help_text="Empty for goals without a number (“significantly increase”).",
    )
    qualifier = models.CharField(
        max_length=9, choices=QualifierChoice.choices, default=QualifierChoice.EXACT
    )
    deadline = models.DateField(null=True, blank=True)
    stated_on = models.DateField(help_text="When the target was first stated.")
    description = models.CharField(max_length=300, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
        help_text="A later target that replaces this one; only live targets are tracked.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["deadline", "pk"]
        # A dashboard's partner switch probes each country's pair with this one (partners_of).
        indexes = [models.Index(fields=["country_a", "country_b", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(value_usd__isnull=True) | Q(value_usd__gte=0),
                name="target_value_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(deadline__isnull=True) | Q(deadline__gte=F("stated_on")),
                name="target_deadline_after_statement",
            ),
            *pair_constraints("target"),
            *flow_constraints("target"),
        ]

    def __str__(self) -> str:
        value = format_usd(self.value_usd, Qualifier(self.qualifier)) if self.value_usd else "—"
        by = f" by {self.deadline.year}" if self.deadline else ""
        a, b = self.pair
        return f"{a}–{b} {self.flow_label} target {value}{by}"

    def sync_status(self) -> None:
        """A target is shown exactly while a source states it: accepted with an accepted
        statement, proposed while one awaits review, rejected once all are rejected."""
        statuses = set(self.statements.values_list("status", flat=True))
        if ReviewStatus.ACCEPTED in statuses:
            status = ReviewStatus.ACCEPTED
        elif ReviewStatus.PROPOSED in statuses or not statuses:
            status = ReviewStatus.PROPOSED
        else:
            status = ReviewStatus.REJECTED
        if status != self.status:
            self.status = status
            self.save(update_fields=["status"])

    def clean(self) -> None:
        super().clean()
        self.check_currency()
        if self.superseded_by_id is not None:
            if self.superseded_by_id == self.pk:
                raise ValidationError({"superseded_by": "A target cannot supersede itself."})
            if self.superseded_by.pair != self.pair:
                raise ValidationError(
                    {"superseded_by": "The target replacing this one must be of the same pair."}
                )
        if self.deadline and self.stated_on and self.deadline < self.stated_on:
            raise ValidationError(
                {"deadline": "The deadline cannot be before the date the target was stated."}
            )


class TargetStatement(RemembersAsRead, Versioned, Sided, Quoted):
    """One source stating a target, with its own wording and deadline as stated."""

    AS_READ = ("target_id",)  # a statement moved to another target changes both pairs' pages

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="statements")
    stated_on = models.DateField()
    deadline_as_stated = models.DateField(null=True, blank=True)
    wording = models.CharField(
        max_length=200, blank=True, help_text="e.g. “$500 million over the next five years”."
    )
    value_as_stated = models.DecimalField(
        "value as stated (USD)",
        **MONEY,
        null=True,
        blank=True,
        validators=USD_VALUE,
        help_text="Empty when this statement gives the target's value.",
    )
    firmness = models.CharField(
        max_length=9,
        choices=Firmness.choices,
        default=Firmness.REMARK,
        help_text="Proposed by the extractor from the wording; set by editors.",
    )
    status = models.CharField(
        max_length=8, choices=ReviewStatus.choices, default=ReviewStatus.ACCEPTED
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["stated_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline_as_stated__isnull=True)
                | Q(deadline_as_stated__gte=F("stated_on")),
                name="statement_deadline_after_statement",
            )
        ]

    def __str__(self) -> str:
        return f"{self.speaker or 'Unattributed'}, {self.stated_on:%d %b %Y}"

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # Whichever screen saved the statement, its target follows.
        self.target.sync_status()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.target.sync_status()
        return result

    def clean(self) -> None:
        super().clean()
        if self.target_id:
            self.check_side(self.target.pair)
        if self.deadline_as_stated and self.stated_on and self.deadline_as_stated < self.stated_on:
            raise ValidationError(
                {"deadline_as_stated": "The deadline cannot be before the statement date."}
            )

    @property
    def anchor(self) -> str:
        return f"statement-{self.pk}"


class Event(Paired):
    """A dated milestone for the timeline (a roadmap signed, a commission session)."""

    happened_on = models.DateField()
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    title = models.CharField(max_length=300)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    quote = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["happened_on", "pk"]
        constraints = pair_constraints("event")

    def __str__(self) -> str:
        return f"{self.happened_on}: {self.title}"


class PairSummary(Paired):
    """What the overview and country pages show of one pair's turnover, kept up to date by
    tradewatch/summaries.py on every write, so those pages read one row per pair instead of
    every figure. Recomputed when `as_of` is not today (a status can change with the date)."""

    # "Belarus – Kyrgyzstan": the default order, kept here so sorting needs no join.
    pair_name = models.CharField(max_length=200, default="")
    latest = models.ForeignKey(Figure, on_delete=models.SET_NULL, null=True, related_name="+")
    latest_reason = models.CharField(max_length=300, blank=True)
    latest_a = models.ForeignKey(Figure, on_delete=models.SET_NULL, null=True, related_name="+")
    latest_b = models.ForeignKey(Figure, on_delete=models.SET_NULL, null=True, related_name="+")
    target = models.ForeignKey(Target, on_delete=models.SET_NULL, null=True, related_name="+")
    # Copies of the numbers above, for filtering and sorting in SQL.
    latest_value = models.DecimalField(**MONEY, null=True)
    latest_year = models.PositiveSmallIntegerField(null=True)
    target_value = models.DecimalField(**MONEY, null=True)
    share_of_target = models.FloatField(null=True)
    required_growth = models.FloatField(null=True)
    status = models.CharField(max_length=20)
    status_order = models.PositiveSmallIntegerField()
    as_of = models.DateField()
    # What the overview showed on any past day (?as_of=): a row each time the row changed.
    history = HistoricalRecords(excluded_fields=["as_of"])

    class Meta:
        constraints = [
            *pair_constraints("pairsummary"),
            models.UniqueConstraint(fields=["country_a", "country_b"], name="one_summary_a_pair"),
        ]
        indexes = [
            models.Index(fields=["country_b"]),
            models.Index(fields=["pair_name"]),
            models.Index(fields=["status_order"]),
            models.Index(fields=["latest_value"]),
            models.Index(fields=["latest_year"]),
            models.Index(fields=["target_value"]),
            models.Index(fields=["share_of_target"]),
            models.Index(fields=["required_growth"]),
            models.Index(fields=["as_of"]),
        ]

    def __str__(self) -> str:
        a, b = self.pair
        return f"{a}–{b}: {self.status}"


class DataVersion(models.Model):
    """One row whose token changes with every write of published data, in the writer's own
    transaction. Cached page fragments are keyed by it (tradewatch/cache.py), so an edit shows
    on the next request from any app server, and a rolled-back write's token is never reused."""

    token = models.CharField(max_length=32)
    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"data version {self.number}"


class PageVersion(models.Model):
    """A token per scope of pages — one pair's pages, one country's pages, or "all" — that
    every write touching the scope replaces in the writer's own transaction (tradewatch/cache.py).
    A pair's pages are keyed by these instead of DataVersion, so an edit elsewhere leaves them
    cached."""

    scope = models.CharField(max_length=24, primary_key=True)
    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.scope


class StatisticsUpload(models.Model):
    """A statistics file an editor uploaded in the admin, kept between its preview and the
    confirmation (in the database, so any app server can confirm it); deleted once imported."""

    name = models.CharField(max_length=300)
    data = models.BinaryField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class CorrectionStatus(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted")
    DISMISSED = "dismissed", _("Dismissed")


class CorrectionQuerySet(models.QuerySet):
    def open(self) -> "CorrectionQuerySet":
        """Awaiting an editor's decision, oldest first (the review queue's order)."""
        return self.filter(status=CorrectionStatus.NEW).order_by("created_at", "pk")


class Correction(models.Model):
    """A reader's report that a published figure or target is wrong. Not published data:
    it changes no page (no data-version bump) until an editor acts on it."""

    MAX_MESSAGE = 2000

    # One of the two (correction_of_one_fact). A fact deleted takes its reports with it: its
    # own history records the deletion, and a report about nothing helps no editor.
    figure = models.ForeignKey(
        Figure, on_delete=models.CASCADE, null=True, blank=True, related_name="corrections"
    )
    target = models.ForeignKey(
        Target, on_delete=models.CASCADE, null=True, blank=True, related_name="corrections"
    )
    page = models.CharField(_("page"), max_length=300, blank=True)
    message = models.TextField(
        _("what is wrong"), max_length=MAX_MESSAGE, validators=[MaxLengthValidator(MAX_MESSAGE)]
    )
    email = models.EmailField(_("reply to (optional)"), blank=True)
    # A keyed hash (HMAC with SECRET_KEY) of the sender's IP address, not the address: the
    # rate limit and spotting a flood only need "same sender or not", and a raw IP is
    # personal data we would otherwise keep for ever. Unkeyed, the 2³² IPv4 addresses could
    # be hashed in minutes to reverse it.
    sender = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=9, choices=CorrectionStatus.choices, default=CorrectionStatus.NEW
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(figure__isnull=False, target__isnull=True)
                | Q(figure__isnull=True, target__isnull=False),
                name="correction_of_one_fact",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()}: {self.fact}"

    @property
    def fact(self) -> "Figure | Target | None":
        return self.figure or self.target

    def clean(self) -> None:
        super().clean()
        if (self.figure_id is None) == (self.target_id is None):
            raise ValidationError(_("A correction concerns exactly one figure or one target."))


class ExtractorRun(models.Model):
    """What the extractor proposed for one ingested document, kept as it proposed it, beside
    the facts editors then accepted, corrected, rejected or added: `make score` measures the
    extractor against their decisions (tradewatch/review_score.py)."""

    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="extractor_run")
    # Ingested with --accept: published without review, so there is no decision to score.
    accepted_unreviewed = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"extractor run on {self.source}"


class Proposal(models.Model):
    """One fact as the extractor proposed it, and the fact stored from it (none when it could
    not be stored, or was deleted since)."""

    run = models.ForeignKey(ExtractorRun, on_delete=models.CASCADE, related_name="proposals")
    fact = models.JSONField(help_text="As `manage.py extract --format json` prints it.")
    figure = models.OneToOneField(
        Figure, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposal"
    )
    statement = models.OneToOneField(
        TargetStatement, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposal"
    )
    not_stored = models.CharField(max_length=300, blank=True, help_text="Why, if it was not.")

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.fact.get('kind')}: {self.fact.get('quote', '')[:60]}"
