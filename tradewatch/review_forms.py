"""Forms of the review desk: one field of a fact edited in place, and a fact the extractor
missed, added from words selected in the document. Both save through tradewatch/review.py,
so validation, duplicate links and history are the admin's."""

import calendar
import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tradewatch.domain.money import values_agree
from tradewatch.models import (
    Country,
    Figure,
    Firmness,
    QualifierChoice,
    ReviewStatus,
    Source,
    StoredFlow,
    Target,
    TargetStatement,
)
from tradewatch.review import save_figure, save_statement

SCALES = {
    "": 1,
    "k": 10**3,
    "thousand": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "million": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "billion": 10**9,
    "t": 10**12,
    "tn": 10**12,
    "trillion": 10**12,
}
USD_RE = re.compile(r"^\$?\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>[a-z]*)\.?$")
PERIOD_RE = re.compile(
    r"^(?P<y1>\d{4})(?:-(?P<m1>\d{1,2}))?(?:\s*\.\.\s*(?P<y2>\d{4})-(?P<m2>\d{1,2}))?$"
)
# A target deadline "by 2030" read as "before 2030 is over", as the extractor reads it.
DEADLINE_SLACK_YEARS = 1


def parse_usd(text: str) -> Decimal | None:
    """'160.2M', '$1.5 bn', '800k', '160,200,000' -> dollars; '' -> None."""
    text = text.strip().lower()
    if not text:
        return None
    found = USD_RE.match(text)
    if not found or found["scale"] not in SCALES:
        raise ValidationError(
            _("Write an amount in US dollars, such as 160.2M, 1.5bn or 160200000."),
            code="invalid",
        )
    try:
        number = Decimal(found["number"].replace(",", ""))
    except InvalidOperation as err:  # "1,2,3.4.5" slips past the pattern's commas
        raise ValidationError(_("That is not a number."), code="invalid") from err
    return (number * SCALES[found["scale"]]).quantize(Decimal("0.01"))


def usd_input(value: Decimal | None) -> str:
    """The way an editor would type it back: 160200000 -> '160.2M'."""
    if value is None:
        return ""
    for suffix, scale in (("bn", 10**9), ("M", 10**6)):
        if abs(value) >= scale:
            return f"{(value / scale).normalize():f}{suffix}"
    return f"{value.normalize():f}"


class UsdField(forms.CharField):
    def to_python(self, value: str | None) -> Decimal | None:
        return parse_usd(super().to_python(value) or "")


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str) -> tuple[date, date] | None:
    """'2022' (the year), '2024-07' (a month), '2023-01..2023-08' (whole months)."""
    text = text.strip()
    if not text:
        return None
    found = PERIOD_RE.match(text)
    problem = _("Write a year (2022), a month (2024-07) or months (2023-01..2023-08).")
    if not found or (found["y2"] and not found["m1"]):
        raise ValidationError(problem, code="invalid")
    y1, m1 = int(found["y1"]), int(found["m1"] or 1)
    y2 = int(found["y2"] or y1)
    m2 = int(found["m2"] or (found["m1"] or 12))
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        raise ValidationError(problem, code="invalid")
    start, end = date(y1, m1, 1), last_day(y2, m2)
    if end < start:
        raise ValidationError(_("The period cannot end before it starts."), code="invalid")
    return start, end


def period_input(start: date | None, end: date | None) -> str:
    if start is None or end is None:
        return ""
    if (start.month, end.month) == (1, 12) and start.year == end.year:
        return str(start.year)
    first, last = f"{start:%Y-%m}", f"{end:%Y-%m}"
    return first if first == last else f"{first}..{last}"


class PeriodField(forms.CharField):
    def to_python(self, value: str | None) -> tuple[date, date] | None:
        return parse_period(super().to_python(value) or "")


class YearField(forms.IntegerField):
    """A deadline year, stored as its last day (a target "by 2030")."""

    def __init__(self, **kwargs) -> None:
        super().__init__(min_value=1990, max_value=2100, **kwargs)


def as_deadline(year: int | None) -> date | None:
    return None if year is None else date(year, 12, 31)


# One field of a card, edited in place.


class FactForm(forms.ModelForm):
    """The version the card was read at travels with the form: a save over someone else's
    newer one is refused (models.Versioned raises StaleEdit)."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "side" in self.fields:
            record = self.instance if isinstance(self.instance, Figure) else self.instance.target
            self.fields["side"].queryset = Country.objects.filter(pk__in=record.pair)
            self.fields["side"].empty_label = _("not stated")

    def save_with(self, reason: str) -> Figure | TargetStatement:
        fact = self.instance
        fact._change_reason = reason  # read by simple-history
        return save_figure(fact) if isinstance(fact, Figure) else save_statement(fact)


class FigureSideForm(FactForm):
    class Meta:
        model = Figure
        fields = ["side", "version"]


class FigureValueForm(FactForm):
    value_usd = UsdField(
        label=gettext_lazy("Value in US dollars"),
        required=False,
        help_text=gettext_lazy("such as 160.2M or 1.5bn"),
    )

    class Meta:
        model = Figure
        fields = ["value_usd", "version"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.initial["value_usd"] = usd_input(self.instance.value_usd)


class FigureQualifierForm(FactForm):
    class Meta:
        model = Figure
        fields = ["qualifier", "version"]


class FigureChangeForm(FactForm):
    class Meta:
        model = Figure
        fields = ["change_pct", "change_qualifier", "growth_factor", "version"]


class FigurePeriodForm(FactForm):
    period = PeriodField(
        label=gettext_lazy("Period"), help_text=gettext_lazy("2022, 2024-07 or 2023-01..2023-08")
    )

    class Meta:
        model = Figure
        fields = ["version"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        f = self.instance
        self.initial["period"] = period_input(f.period_start, f.period_end)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("period"):
            self.instance.period_start, self.instance.period_end = data["period"]
        return data


class FigureSpeakerForm(FactForm):
    class Meta:
        model = Figure
        fields = ["speaker", "version"]


class StatementSideForm(FactForm):
    class Meta:
        model = TargetStatement
        fields = ["side", "version"]


class StatementValueForm(FactForm):
    value_as_stated = UsdField(
        label=gettext_lazy("Value in US dollars"),
        required=False,
        help_text=gettext_lazy("empty: the target's own value"),
    )

    class Meta:
        model = TargetStatement
        fields = ["value_as_stated", "version"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        s = self.instance
        shown = s.value_as_stated if s.value_as_stated is not None else s.target.value_usd
        self.initial["value_as_stated"] = usd_input(shown)


class StatementDeadlineForm(FactForm):
    deadline = YearField(label=gettext_lazy("Deadline (year)"), required=False)

    class Meta:
        model = TargetStatement
        fields = ["version"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        deadline = self.instance.deadline_as_stated or self.instance.target.deadline
        self.initial["deadline"] = deadline.year if deadline else None

    def clean(self) -> dict:
        data = super().clean()
        if "deadline" in data:
            self.instance.deadline_as_stated = as_deadline(data["deadline"])
        return data


class StatementFirmnessForm(FactForm):
    class Meta:
        model = TargetStatement
        fields = ["firmness", "version"]


class StatementSpeakerForm(FactForm):
    class Meta:
        model = TargetStatement
        fields = ["speaker", "version"]


EDIT_FORMS: dict[tuple[str, str], type[FactForm]] = {
    ("figure", "side"): FigureSideForm,
    ("figure", "value"): FigureValueForm,
    ("figure", "qualifier"): FigureQualifierForm,
    ("figure", "change"): FigureChangeForm,
    ("figure", "period"): FigurePeriodForm,
    ("figure", "speaker"): FigureSpeakerForm,
    ("statement", "side"): StatementSideForm,
    ("statement", "value"): StatementValueForm,
    ("statement", "deadline"): StatementDeadlineForm,
    ("statement", "firmness"): StatementFirmnessForm,
    ("statement", "speaker"): StatementSpeakerForm,
}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", "accept"), ("reject", "reject"), ("reopen", "reopen")]
    )

    STATUS = {
        "accept": ReviewStatus.ACCEPTED,
        "reject": ReviewStatus.REJECTED,
        "reopen": ReviewStatus.PROPOSED,
    }

    def status(self) -> str:
        return self.STATUS[self.cleaned_data["decision"]]


# A fact the extractor missed.

KIND_CHOICES = [
    ("figure", gettext_lazy("a value (trade in a period)")),
    ("growth", gettext_lazy("a change (growth in %)")),
    ("target", gettext_lazy("a target (a goal with a deadline)")),
]
FLOW_CHOICES = [
    ("turnover", gettext_lazy("turnover")),
    ("first", gettext_lazy("exports of the first country to the second")),
    ("second", gettext_lazy("exports of the second country to the first")),
]
SIDE_CHOICES = [
    ("", gettext_lazy("not stated")),
    ("first", gettext_lazy("the first country")),
    ("second", gettext_lazy("the second country")),
]


def locate(text: str, quote: str, start: int | None) -> tuple[int, int] | None:
    """Where the quoted words are in the text: at `start` when they are there (the selection
    made), else the occurrence nearest to it, else the first; None when they are nowhere."""
    if start is not None and text[start : start + len(quote)] == quote:
        return start, start + len(quote)
    found = [m.start() for m in re.finditer(re.escape(quote), text)]
    if not found:
        return None
    at = min(found, key=lambda i: abs(i - start)) if start is not None else found[0]
    return at, at + len(quote)


class AddFactForm(forms.Form):
    quote = forms.CharField(
        label=gettext_lazy("Exact words"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Select them in the text, or paste them exactly."),
    )
    quote_start = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    kind = forms.ChoiceField(label=gettext_lazy("It states"), choices=KIND_CHOICES)
    first = forms.ModelChoiceField(Country.objects.all(), label=gettext_lazy("First country"))
    second = forms.ModelChoiceField(Country.objects.all(), label=gettext_lazy("Second country"))
    flow = forms.ChoiceField(label=gettext_lazy("Flow"), choices=FLOW_CHOICES)
    side = forms.ChoiceField(
        label=gettext_lazy("Whose number"), choices=SIDE_CHOICES, required=False
    )
    value = UsdField(
        label=gettext_lazy("Value in US dollars"),
        required=False,
        help_text=gettext_lazy("such as 160.2M or 1.5bn"),
    )
    qualifier = forms.ChoiceField(
        label=gettext_lazy("Qualifier"), choices=QualifierChoice.choices, initial="exact"
    )
    change_pct = forms.DecimalField(
        # xgettext:no-python-format
        label=gettext_lazy("Change in % on a year earlier"),
        required=False,
        max_digits=8,
        decimal_places=2,
    )
    period = PeriodField(
        label=gettext_lazy("Period"),
        required=False,
        help_text=gettext_lazy("2022, 2024-07 or 2023-01..2023-08"),
    )
    deadline = YearField(label=gettext_lazy("Deadline (year)"), required=False)
    firmness = forms.ChoiceField(
        label=gettext_lazy("Firmness"), choices=Firmness.choices, initial=Firmness.REMARK
    )
    speaker = forms.CharField(label=gettext_lazy("Speaker"), max_length=200, required=False)

    def __init__(self, *args, source: Source, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.source = source
        self.span: tuple[int, int] | None = None

    def clean_quote(self) -> str:
        # Browsers send line breaks in a textarea as CR LF; the text has LF.
        return self.cleaned_data["quote"].replace("\r\n", "\n").strip()

    def clean(self) -> dict:
        data = super().clean()
        quote = data.get("quote")
        if quote:
            self.span = locate(self.source.text, quote, data.get("quote_start"))
            if self.span is None:
                self.add_error(
                    "quote",
                    _("These words are not in the document: select them in the text, or "
                      "paste them exactly."),
                )  # fmt: skip
        first, second = data.get("first"), data.get("second")
        if first and first == second:
            self.add_error("second", _("A pair needs two different countries."))
        kind = data.get("kind")
        if kind in ("figure", "growth") and not data.get("period"):
            self.add_error("period", _("Give the period this number is for."))
        if kind == "figure" and data.get("value") is None:
            self.add_error("value", _("Give the value."))
        if kind == "growth" and data.get("change_pct") is None:
            self.add_error("change_pct", _("Give the change in %."))
        return data

    def where(self) -> dict:
        """The pair in stored order and the flow as the exports of its exporter."""
        data = self.cleaned_data
        first, second = data["first"], data["second"]
        a, b = sorted((first.iso3, second.iso3))
        exporter = {"first": first.iso3, "second": second.iso3}.get(data["flow"])
        return {
            "country_a_id": a,
            "country_b_id": b,
            "flow": StoredFlow.EXPORTS if exporter else StoredFlow.TURNOVER,
            "exporter_id": exporter,
        }

    def common(self) -> dict:
        data = self.cleaned_data
        side = {"first": data["first"].iso3, "second": data["second"].iso3}.get(data["side"])
        start, end = self.span
        return {
            "source": self.source,
            "side_id": side,
            "speaker": data["speaker"],
            "quote": self.source.text[start:end],
            "quote_start": start,
            "quote_end": end,
            "status": ReviewStatus.ACCEPTED,
        }

    @transaction.atomic
    def save(self, reason: str) -> Figure | TargetStatement:
        """An editor's own finding is accepted at once."""
        data = self.cleaned_data
        if data["kind"] == "target":
            return self.save_target(reason)
        start, end = data["period"]
        figure = Figure(
            **self.where(),
            **self.common(),
            period_start=start,
            period_end=end,
            value_usd=data["value"] if data["kind"] == "figure" else None,
            qualifier=data["qualifier"],
            change_pct=data["change_pct"],
            change_qualifier=data["qualifier"] if data["kind"] == "growth" else "exact",
        )
        figure._change_reason = reason
        return save_figure(figure)

    def save_target(self, reason: str) -> TargetStatement:
        data = self.cleaned_data
        stated_on = self.source.published or timezone.localdate()
        deadline = as_deadline(data["deadline"])
        target = matching_target(self.where(), data["value"], deadline)
        if target is None:
            target = Target(
                **self.where(),
                value_usd=data["value"],
                qualifier=data["qualifier"],
                deadline=deadline,
                stated_on=stated_on,
                description=self.common()["quote"][:300],
                status=ReviewStatus.PROPOSED,  # accepted with its statement, below
            )
            target.full_clean()
            target.save()
        common = self.common()
        statement = TargetStatement(
            **common,
            target=target,
            stated_on=stated_on,
            deadline_as_stated=deadline,
            wording=common["quote"][:200],
            value_as_stated=data["value"] if data["value"] != target.value_usd else None,
            firmness=data["firmness"],
        )
        statement._change_reason = reason
        return save_statement(statement)


def matching_target(where: dict, value: Decimal | None, deadline: date | None) -> Target | None:
    """A live target of the pair with the same value and deadline (accepted ones first), as
    ingest links a restated target (ingest/store.py)."""
    near = Q(deadline__isnull=True) if deadline is None else Q(
        deadline__year__gte=deadline.year - DEADLINE_SLACK_YEARS,
        deadline__year__lte=deadline.year + DEADLINE_SLACK_YEARS,
    )  # fmt: skip
    candidates = Target.objects.filter(near, **where).exclude(status=ReviewStatus.REJECTED)
    for target in sorted(candidates, key=lambda t: (t.status != ReviewStatus.ACCEPTED, t.pk)):
        if values_agree(target.value_usd, value):
            return target
    return None
