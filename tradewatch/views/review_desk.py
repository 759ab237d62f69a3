"""The editors' review desk: /review/ lists documents with open proposals; a document's page
shows its text beside its facts as cards, decided in place (htmx, or plain forms without
JavaScript). Every write goes through tradewatch/review.py, as the admin's do."""

from collections import Counter
from dataclasses import replace

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.middleware import HtmxDetails

from tradewatch.models import Figure, ReviewStatus, StaleEdit, TargetStatement
from tradewatch.review import review_figures, review_statements
from tradewatch.review_desk import (
    Card,
    Desk,
    accept_all_effect,
    card_of,
    card_or_404,
    edit_effect,
    effect_of,
    next_open_after,
    open_corrections,
    review_desk,
    review_queue,
    source_or_404,
    status_counts,
)
from tradewatch.review_forms import EDIT_FORMS, AddFactForm, DecisionForm


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def is_editor(user) -> bool:
    """Staff who may change facts: the Editors and Administrators groups, and superusers."""
    return user.is_active and user.is_staff and user.has_perm("tradewatch.change_figure")


# Anyone else goes to the login page (and back here after signing in).
editor_required = user_passes_test(is_editor)
WRITERS = {"figure": review_figures, "statement": review_statements}
MODELS = {"figure": Figure, "statement": TargetStatement}
REASONS = {
    "accept": "accepted on the review desk",
    "reject": "rejected on the review desk",
    "reopen": "reopened on the review desk",
}


def desk_url(pk: int, anchor: str = "") -> str:
    url = reverse("review-source", args=[pk])
    return url + (f"#card-{anchor}" if anchor else "")


@require_safe
@never_cache
@editor_required
def review_queue_page(request: HttpRequest) -> HttpResponse:
    corrections, open_count = open_corrections()
    context = {"queue": review_queue(), "corrections": corrections, "open_corrections": open_count}
    return render(request, "review/index.html", context)


def add_form_for(desk: Desk) -> AddFactForm:
    """Blank, with the pair most of the document's facts are about already chosen."""
    pairs = Counter((c.first.pk, c.second.pk) for c in desk.cards)
    first, second = pairs.most_common(1)[0][0] if pairs else (settings.TRADEWATCH_HOME, None)
    return AddFactForm(source=desk.source, initial={"first": first, "second": second})


def desk_page(request: HttpRequest, desk: Desk, *, add_form=None, status: int = 200):
    context = {
        "desk": desk,
        "add_form": add_form or add_form_for(desk),
        "add_open": add_form is not None or "add" in request.GET,
    }
    return render(request, "review/source.html", context, status=status)


@require_safe
@never_cache
@editor_required
def review_source(request: HttpRequest, pk: int) -> HttpResponse:
    desk = review_desk(pk)
    # ?edit=figure-12.value opens that field's form: the edit link without JavaScript.
    anchor, _dot, field = request.GET.get("edit", "").partition(".")
    card = next((c for c in desk.cards if c.anchor == anchor), None)
    if card and (card.kind, field) in EDIT_FORMS:
        desk = desk.with_card(editing(card, field))
    return desk_page(request, desk)


def editing(card: Card, field: str, data: dict | None = None) -> Card:
    """The card with one field's form open (ids unique on a page of many cards)."""
    form = EDIT_FORMS[card.kind, field](data, instance=card.fact, auto_id=f"{card.anchor}-%s")
    return replace(card, editing=field, form=form)


def render_card(
    request: HttpRequest, card: Card, *, status: int = 200, effect: str = "", move_on=False
) -> HttpResponse:
    """The card alone, with the desk's status line swapped out of band (htmx); after a
    decision it names the next open card, where the script moves the focus."""
    counts = status_counts([card.fact.source_id]).get(card.fact.source_id, Counter())
    context = {
        "card": card,
        "effect": effect,
        "open": counts[ReviewStatus.PROPOSED],
        "decided": counts.total() - counts[ReviewStatus.PROPOSED],
        "total": counts.total(),
        "next_anchor": next_open_after(card.fact.source, card) if move_on else "",
    }
    return render(request, "review/card_response.html", context, status=status)


@require_safe
@never_cache
@editor_required
def review_card(request: HtmxHttpRequest, pk: int, kind: str, fact: int) -> HttpResponse:
    card = card_or_404(source_or_404(pk), kind, fact)
    if not request.htmx:
        return redirect(desk_url(pk, card.anchor))
    return render_card(request, card)


@require_POST
@editor_required
def review_decide(request: HtmxHttpRequest, pk: int, kind: str, fact: int) -> HttpResponse:
    source = source_or_404(pk)
    card = card_or_404(source, kind, fact)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose accept, reject or reopen."))
    decision = form.cleaned_data["decision"]
    rows = MODELS[kind].objects.filter(pk=card.fact.pk)
    WRITERS[kind](rows, form.status(), reason=REASONS[decision])
    return after_change(request, card, effect_of(card), move_on=decision != "reopen")


def after_change(request: HtmxHttpRequest, card: Card, effect: str, *, move_on: bool):
    source = card.fact.source
    fresh = card_or_404(source, card.kind, card.fact.pk)
    if request.htmx:
        return render_card(request, fresh, effect=effect, move_on=move_on)
    messages.success(request, effect)
    anchor = (next_open_after(source, fresh) if move_on else "") or fresh.anchor
    return redirect(desk_url(source.pk, anchor))


@require_http_methods(["GET", "POST"])
@never_cache
@editor_required
def review_edit(
    request: HtmxHttpRequest, pk: int, kind: str, fact: int, field: str
) -> HttpResponse:
    source = source_or_404(pk)
    card = card_or_404(source, kind, fact)
    if (kind, field) not in EDIT_FORMS:
        return HttpResponseBadRequest(_("This field cannot be edited here."))
    if request.method == "GET":
        if not request.htmx:
            return redirect(reverse("review-source", args=[pk]) + f"?edit={card.anchor}.{field}")
        return render_card(request, editing(card, field))
    form = editing(card, field, request.POST).form
    if form.is_valid():
        try:
            form.save_with(f"edited on the review desk: {field}")
        except StaleEdit as stale:
            return refused(request, card, stale.message, status=409)
        return after_change(request, card, edit_effect(card), move_on=False)
    # Shown beside the stored values, not the half-applied ones the failed form left behind.
    shown = replace(editing(card_or_404(source, kind, fact), field), form=form)
    if request.htmx:
        return render_card(request, shown, status=400)
    return desk_page(request, review_desk(pk).with_card(shown), status=400)


def refused(request: HtmxHttpRequest, card: Card, message: str, *, status: int):
    fresh = replace(card_or_404(card.fact.source, card.kind, card.fact.pk), error=message)
    if request.htmx:
        return render_card(request, fresh, status=status)
    return desk_page(request, review_desk(card.fact.source.pk).with_card(fresh), status=status)


@require_POST
@editor_required
def review_accept_all(request: HttpRequest, pk: int) -> HttpResponse:
    source = source_or_404(pk, with_text=False)
    remaining = [c for c in review_desk(pk).cards if c.is_open]
    with transaction.atomic():
        for kind, writer in WRITERS.items():
            rows = MODELS[kind].objects.filter(source=source, status=ReviewStatus.PROPOSED)
            writer(rows, ReviewStatus.ACCEPTED, reason=REASONS["accept"])
    messages.success(request, accept_all_effect(remaining))
    return redirect(desk_url(pk))


@require_http_methods(["GET", "POST"])
@editor_required
def review_add(request: HttpRequest, pk: int) -> HttpResponse:
    source = source_or_404(pk)
    if request.method == "GET":
        return redirect(reverse("review-source", args=[pk]) + "?add=1#add-fact")
    form = AddFactForm(request.POST, source=source)
    if form.is_valid():
        try:  # the models' own rules, checked as it is saved (all or nothing)
            fact = form.save("added on the review desk: missed by the extractor")
        except ValidationError as invalid:
            form.add_error(None, invalid.messages)
    if form.errors:
        return desk_page(request, review_desk(pk), add_form=form, status=400)
    card = card_of("figure" if isinstance(fact, Figure) else "statement", fact)
    messages.success(request, effect_of(card))
    return redirect(desk_url(pk, card.anchor))
