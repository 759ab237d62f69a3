from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from tradewatch.domain.progress import Status
from tradewatch.models import Country, Flow
from tradewatch.queries import Filters


def year_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1990,
        max_value=2100,
        error_messages={"invalid": f"“{label}” must be a year such as 2022."},
    )


def as_of_field() -> forms.DateField:
    """?as_of=YYYY-MM-DD: a page as TradeWatch showed it at the end of that day."""
    return forms.DateField(
        label="As shown on",
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "“as_of” must be a date such as 2026-05-01."},
    )


def past_day(day: date | None) -> date | None:
    if day is not None and day > timezone.localdate():
        raise ValidationError("“as_of” cannot be in the future: no page was shown then yet.")
    return day


class PastDayForm(forms.Form):
    """Only ?as_of= (the country page)."""

    as_of = as_of_field()

    def clean_as_of(self) -> date | None:
        return past_day(self.cleaned_data.get("as_of"))


class DashboardFilterForm(forms.Form):
    """All query-string validation for the partner dashboard: ?flow=&from=&to=."""

    flow = forms.ChoiceField(choices=Flow.choices, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, so these two cannot be class attributes.
        self.fields["from"] = year_field("From")
        self.fields["to"] = year_field("To")
        self.fields["as_of"] = as_of_field()
        self.fields["page"] = forms.IntegerField(
            required=False,
            min_value=1,
            error_messages={
                "invalid": "“page” must be a whole number such as 2.",
                "min_value": "“page” starts at 1.",
            },
        )

    def clean_as_of(self) -> date | None:
        return past_day(self.cleaned_data.get("as_of"))

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start is not None and end is not None and end < start:
            raise ValidationError("The end year cannot be before the start year.")
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            flow=data.get("flow") or Flow.TURNOVER,
            year_from=data.get("from"),
            year_to=data.get("to"),
            as_of=data.get("as_of"),
        )


class WhatIfForm(forms.Form):
    """The reader's own pace: ?growth=12.5 (% a year)."""

    growth = forms.DecimalField(
        label="Annual growth, %",
        required=False,
        min_value=-95,
        max_value=1000,
        max_digits=7,
        decimal_places=2,
        error_messages={
            "invalid": "Growth must be a number of percent a year, such as 12.5.",
            "min_value": "Growth cannot be below −95%% a year.",  # %% : Django formats these
            "max_value": "Growth above 1000%% a year is not a pace of trade.",
        },
    )

    def rate(self) -> float | None:
        """The entered rate as a fraction (0.125), or None when none was entered."""
        growth = self.cleaned_data.get("growth")
        return None if growth is None else float(growth) / 100


class ReportForm(DashboardFilterForm):
    format = forms.ChoiceField(
        choices=[("html", "HTML"), ("pdf", "PDF")],
        required=False,
        error_messages={"invalid_choice": "format must be html or pdf."},
    )


SORTS = {
    "pair": "pair",
    "latest": "latest value",
    "year": "year of the latest value",
    "target": "target",
    "share": "share of target",
    "required": "growth still required",
    "status": "status",
}


class OverviewForm(forms.Form):
    """?country=&status=&sort=&page= for the list of every tracked pair."""

    country = forms.CharField(
        required=False,
        max_length=3,
        label="Country",
        error_messages={"max_length": "Use a three-letter ISO 3166 code such as BLR."},
    )
    status = forms.ChoiceField(
        choices=[("", "any status"), *((s.value, s.value) for s in Status)], required=False
    )
    sort = forms.ChoiceField(
        choices=[(f"{sign}{key}", label) for key, label in SORTS.items() for sign in ("", "-")],
        required=False,
        error_messages={"invalid_choice": "Sort by one of the table's columns."},
    )
    page = forms.IntegerField(required=False, min_value=1)
    as_of = as_of_field()

    def clean_as_of(self) -> date | None:
        return past_day(self.cleaned_data.get("as_of"))

    def clean_country(self) -> str:
        code = self.cleaned_data["country"].strip().upper()
        if code and not Country.objects.filter(pk=code).exists():
            raise ValidationError(f"No country with the ISO 3166 code “{code}”.")
        return code
