from django import forms
from django.core.exceptions import ValidationError

from tradewatch.models import Flow
from tradewatch.queries import Filters


def year_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1990,
        max_value=2100,
        error_messages={"invalid": f"“{label}” must be a year such as 2022."},
    )


class DashboardFilterForm(forms.Form):
    """All query-string validation for the partner dashboard: ?flow=&from=&to=."""

    flow = forms.ChoiceField(choices=Flow.choices, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, so these two cannot be class attributes.
        self.fields["from"] = year_field("From")
        self.fields["to"] = year_field("To")

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
        )


class ReportForm(DashboardFilterForm):
    format = forms.ChoiceField(
        choices=[("html", "HTML"), ("pdf", "PDF")],
        required=False,
        error_messages={"invalid_choice": "format must be html or pdf."},
    )
