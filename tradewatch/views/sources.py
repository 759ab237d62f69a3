from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from tradewatch.highlight import highlighted_segments
from tradewatch.queries import source_with_facts


@require_safe
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source, figures, statements = source_with_facts(pk)
    spans = [(f.quote_start, f.quote_end, f.anchor) for f in figures]
    spans += [(s.quote_start, s.quote_end, s.anchor) for s in statements]
    context = {
        "source": source,
        "figures": figures,
        "statements": statements,
        "segments": highlighted_segments(source.text, spans),
    }
    return render(request, "sources/detail.html", context)
