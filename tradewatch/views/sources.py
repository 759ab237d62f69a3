from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from tradewatch.highlight import anchors_in, highlighted_segments
from tradewatch.queries import source_with_facts


@require_safe
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source, figures, statements = source_with_facts(pk)
    spans = [(f.quote_start, f.quote_end, f.anchor) for f in figures]
    spans += [(s.quote_start, s.quote_end, s.anchor) for s in statements]
    segments = highlighted_segments(source.text, spans)
    context = {
        "source": source,
        "figures": figures,
        "statements": statements,
        "segments": segments,
        # Facts found in the highlighted text are linked to it; the others (no text, or a
        # missing or invalid span) carry their anchor on their entry in the facts list.
        "in_text": anchors_in(segments),
    }
    return render(request, "sources/detail.html", context)
