from datetime import datetime
from typing import NamedTuple

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tradewatch.cache import cached_response
from tradewatch.history import Change, pair_changes
from tradewatch.queries import Pair, pair_or_404


@require_safe
@cached_response
def pair_changes_page(request: HttpRequest, a: str, b: str) -> HttpResponse:
    pair = pair_or_404(a, b)
    context = {"pair": pair, "changes": pair_changes(pair.stored)}
    return render(request, "pairs/changes.html", context)


class FeedItem(NamedTuple):
    change: Change
    link: str


class PairChangesFeed(Feed):
    """The same list as an Atom feed, for readers who follow a pair."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, a: str, b: str) -> Pair:
        return pair_or_404(a, b)

    def title(self, pair: Pair) -> str:
        return _("TradeWatch: changes to {pair} trade figures and targets").format(pair=pair.name)

    def link(self, pair: Pair) -> str:
        return reverse("pair-changes", args=[pair.first.iso3, pair.second.iso3])

    def subtitle(self, pair: Pair) -> str:
        return _("Every figure and target added, corrected or withdrawn, with the editor's reason.")

    def items(self, pair: Pair) -> list[FeedItem]:
        page = self.link(pair)
        return [FeedItem(c, f"{page}#{c.anchor}") for c in pair_changes(pair.stored, limit=50)]

    def item_title(self, item: FeedItem) -> str:
        change = item.change
        return f"{_(change.action).capitalize()} ({_(change.kind)}): {change.label}"

    def item_description(self, item: FeedItem) -> str:
        change = item.change
        lines = [f"{_(field)}: {old} → {new}" for field, old, new in change.fields]
        if change.reason:
            lines.append(_("Reason: {reason}").format(reason=change.reason))
        return "; ".join(lines) or change.label

    def item_link(self, item: FeedItem) -> str:
        return item.link

    def item_pubdate(self, item: FeedItem) -> datetime:
        return item.change.when
