from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy

from tradewatch.corrections import local_path
from tradewatch.domain.progress import Status
from tradewatch.models import Correction, Country, Flow
from tradewatch.queries import Filters


def year_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1990,
        max_value=2100,
        error_messages={
            "invalid": format_lazy(
                gettext_lazy("“{label}” must be a year such as 2022."), label=label
            )
        },
    )


def as_of_field() -> forms.DateField:
    """?as_of=YYYY-MM-DD: a page as TradeWatch showed it at the end of that day."""
    return forms.DateField(
        label=gettext_lazy("As shown on"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "“as_of” must be a date such as 2026-05-01."},
    )


def past_day(day: date | None) -> date | None:
    if day is not None and day > timezone.localdate():
        raise ValidationError(
            gettext("“as_of” cannot be in the future: no page was shown then yet.")
        )
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
        self.fields["from"] = year_field(gettext_lazy("From"))
        self.fields["to"] = year_field(gettext_lazy("To"))
        self.fields["as_of"] = as_of_field()
        self.fields["page"] = forms.IntegerField(
            required=False,
            min_value=1,
            error_messages={
                "invalid": gettext_lazy("“page” must be a whole number such as 2."),
                "min_value": gettext_lazy("“page” starts at 1."),
            },
        )

    def clean_as_of(self) -> date | None:
        return past_day(self.cleaned_data.get("as_of"))

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start is not None and end is not None and end < start:
            raise ValidationError(gettext("The end year cannot be before the start year."))
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            flow=data.get("flow") or Flow.TURNOVER,
            year_from=data.get("from"),
            year_to=data.get("to"),
            as_of=data.get("as_of"),
        )


class DecimalCommaField(forms.DecimalField):
    """A number typed with a decimal comma ("12,5", as Russian readers write it) is read
    as one typed with a point; a comma beside a point stays an error."""

    def to_python(self, value: object) -> object:
        if isinstance(value, str) and "," in value and "." not in value:
            value = value.replace(",", ".", 1) if value.count(",") == 1 else value
        return super().to_python(value)


class WhatIfForm(forms.Form):
    """The reader's own pace: ?growth=12.5 (% a year)."""

    growth = DecimalCommaField(
        label=gettext_lazy("Annual growth, %"),
        required=False,
        min_value=-95,
        max_value=1000,
        max_digits=7,
        decimal_places=2,
        error_messages={
            "invalid": gettext_lazy("Growth must be a number of percent a year, such as 12.5."),
            # %% : Django formats these
            "min_value": gettext_lazy("Growth cannot be below −95%% a year."),
            "max_value": gettext_lazy("Growth above 1000%% a year is not a pace of trade."),
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
        error_messages={"invalid_choice": gettext_lazy("format must be html or pdf.")},
    )


SORTS = {
    "pair": gettext_lazy("pair"),
    "latest": gettext_lazy("latest value"),
    "year": gettext_lazy("year of the latest value"),
    "target": gettext_lazy("target"),
    "share": gettext_lazy("share of target"),
    "required": gettext_lazy("growth still required"),
    "status": gettext_lazy("status"),
}


class OverviewForm(forms.Form):
    """?country=&status=&sort=&page= for the list of every tracked pair."""

    country = forms.CharField(
        required=False,
        max_length=3,
        label=gettext_lazy("Country"),
        error_messages={
            "max_length": gettext_lazy("Use a three-letter ISO 3166 code such as BLR.")
        },
    )
    status = forms.ChoiceField(
        choices=[
            ("", gettext_lazy("any status")),
            *((s.value, gettext_lazy(s.value)) for s in Status),
        ],
        required=False,
    )
    sort = forms.ChoiceField(
        choices=[(f"{sign}{key}", label) for key, label in SORTS.items() for sign in ("", "-")],
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Sort by one of the table's columns.")},
    )
    page = forms.IntegerField(required=False, min_value=1)
    as_of = as_of_field()

    def clean_as_of(self) -> date | None:
        return past_day(self.cleaned_data.get("as_of"))

    def clean_country(self) -> str:
        code = self.cleaned_data["country"].strip().upper()
        if code and not Country.objects.filter(pk=code).exists():
            raise ValidationError(
                gettext("No country with the ISO 3166 code “{code}”.").format(code=code)
            )
        return code


class CorrectionForm(forms.ModelForm):
    """A reader's correction of one figure or target (the instance names it). The rules are
    the model's: message required and at most 2,000 characters, a valid email or none."""

    # Hidden from people (CSS, aria-hidden, no tab stop) but not from robots, which fill in
    # every field: a filled one gets the thank-you and nothing is stored.
    website = forms.CharField(
        required=False,
        label=gettext_lazy("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    page = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Correction
        fields = ["message", "email", "page"]
        labels = {
            "message": gettext_lazy("What is wrong, and what is right?"),
            "email": gettext_lazy("Your email, if you would like a reply (optional)"),
        }
        help_texts = {
            "message": gettext_lazy(
                "Up to 2,000 characters. A link to a source helps the editors check it."
            ),
        }
        error_messages = {
            "message": {"required": gettext_lazy("Say what is wrong with this number.")},
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 5, "autofocus": True}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, default_page: str, **kwargs) -> None:
        super().__init__(*args, label_suffix="", **kwargs)  # the labels are questions
        self.default_page = default_page

    def clean_page(self) -> str:
        """The page it was sent from; the fact's dashboard when that is not a page of ours
        (a hidden field: its reader cannot act on an error in it)."""
        return local_path(self.cleaned_data.get("page"), host="") or self.default_page

    def full_clean(self) -> None:
        super().full_clean()
        # Focus lands on the first field to fix (htmx and browsers honour autofocus).
        if first := next((name for name in self.fields if name in self.errors), None):
            for field in self.fields.values():
                field.widget.attrs.pop("autofocus", None)
            self.fields[first].widget.attrs["autofocus"] = True

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
