"""Dashboard data -> Plotly figure (no request, no HTML). svg() renders it for print/PDF.

Figures are plain dicts in plotly.js's own schema: plotly's graph objects validate every
property on the way in, which took 17.4 ms for a 200-figure chart against 1.5 ms for these
dicts; the browser tests and kaleido check that what we write draws."""

import math
import threading
from datetime import date, timedelta
from decimal import Decimal

from django.utils.formats import date_format, get_format
from django.utils.html import escape
from django.utils.translation import gettext as _

from tradewatch.domain.money import QUALIFIER_PREFIX, Qualifier, format_percent, format_usd
from tradewatch.domain.words import localize_number
from tradewatch.models import Figure, QualifierChoice, Target
from tradewatch.queries import Dashboard

MILLION = Decimal(10) ** 6
# Okabe–Ito colours, told apart with every common colour-vision deficiency; each series
# also differs by marker or dash, so nothing is told by colour alone.
COLOURS = {"target": "#a8477f", "path": "#7f8c8d", "projection": "#009e73"}
# Per side (first country as written, second, not stated): full-year and part-year colours.
SIDE_COLOURS = (("#0072b2", "#56b4e9"), ("#d55e00", "#e69f00"), ("#444444", "#999999"))
CONFLICT_OUTLINE = "#000000"
QUALIFIER_MARK = {q: prefix.strip() for q, prefix in QUALIFIER_PREFIX.items()}
MAX_YEAR_LABELS = 16  # on the x axis of a desktop-wide chart (phones halve it: charts.js)
YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100)
# The look of plotly's "plotly_white" template, written out: only what a scatter chart uses.
GRID = {
    "gridcolor": "#EBF0F8",
    "linecolor": "#EBF0F8",
    "zerolinecolor": "#EBF0F8",
    "zerolinewidth": 2,
    "ticks": "",
    "automargin": True,
}
STYLE = {
    "paper_bgcolor": "white",
    "plot_bgcolor": "white",
    "hovermode": "closest",
    "hoverlabel": {"align": "left"},
    "font": {"family": "Helvetica, Arial, sans-serif", "size": 12, "color": "#2a3f5f"},
}


# Below the plot: tick labels, the legend (rows of entries), then the two-line source line.
# static/js/charts.js redoes this sum with one entry a row on a narrow screen.
PLOT_HEIGHT, TICKS, LEGEND_ROW, SOURCE_LINES, LEGEND_COLUMNS = 300, 50, 20, 40, 2
SOURCE_LINE_SHIFT = SOURCE_LINES  # the source line's top sits this far above the bottom edge


def bottom_margin(entries: int, columns: int) -> int:
    return TICKS + LEGEND_ROW * math.ceil(entries / columns) + SOURCE_LINES


CHAR_PX, SYMBOL_PX, SIDE_MARGINS_PX = 6.5, 45, 80  # legend text at 12 px, its symbol
DASHBOARD_WIDTH = 1000  # the chart's width on a desktop dashboard


def legend_columns(data: list[dict], width: int) -> int:
    """Legend entries a row: two when the longest fits half the width, else one (plotly
    puts an entry that does not fit on its own row; Russian names are longer)."""
    longest = max((len(trace.get("name", "")) for trace in data), default=0)
    fits_two = 2 * (longest * CHAR_PX + SYMBOL_PX) <= width - SIDE_MARGINS_PX
    return LEGEND_COLUMNS if fits_two else 1


def scatter(**properties: object) -> dict:
    return {"type": "scatter", **properties}


def millions(value: Decimal) -> float:
    return float(value / MILLION)


def midpoint(start: date, end: date) -> str:
    """Plot a period at its middle, so a 2022 value sits over 2022 rather than at 2023's edge."""
    return (start + (end - start) / 2).isoformat()


def mid_year(year: int) -> str:
    return midpoint(date(year, 1, 1), date(year, 12, 31))


def hover_text(figure: Figure, conflicting: bool) -> str:
    lines = [
        f"<b>{figure.value_label}</b> · {figure.period.label}",
        # Not get_qualifier_display(): it hashes every choice's lazy label, a translation each.
        _("qualifier: {qualifier}").format(qualifier=QualifierChoice(figure.qualifier).label),
    ]
    if figure.change_pct is not None:
        change = localize_number(f"{figure.change_pct.normalize():+f}")
        lines.append(_("change: {change}% year on year").format(change=change))
    if figure.derived:
        lines.append(_("derived: {how}").format(how=figure.derivation))
    side = figure.side.shown_name if figure.side else _("side not stated")
    speaker = figure.speaker or _("Report")
    lines.append(f"{speaker} ({side}) — {figure.source.title[:60]}")
    if conflicting:
        lines.append(_("⚠ conflicts with another figure for this period"))
    return "<br>".join(lines)


def figure_trace(
    name: str, figures: list[Figure], conflicts: frozenset[int], shift_days: int = 0, **marker
) -> dict:
    shift = timedelta(days=shift_days)
    return scatter(
        name=name,
        x=[midpoint(f.period_start + shift, f.period_end + shift) for f in figures],
        y=[millions(f.value_usd) for f in figures],
        mode="markers+text",
        text=[QUALIFIER_MARK[Qualifier(f.qualifier)] for f in figures],
        textposition="top center",
        hovertext=[hover_text(f, f.pk in conflicts) for f in figures],
        hoverinfo="text",
        marker={
            "size": 11,
            "line": {
                "width": [3 if f.pk in conflicts else 1 for f in figures],
                "color": [CONFLICT_OUTLINE if f.pk in conflicts else "#ffffff" for f in figures],
            },
            **marker,
        },
    )


def required_path(dashboard: Dashboard) -> dict | None:
    progress = dashboard.assessment.progress
    if progress.required_growth is None or progress.latest_period is None:
        return None
    start_year = progress.latest_period.end.year
    years = list(range(start_year, progress.deadline.year + 1))
    values = [
        millions(progress.latest_value) * (1 + progress.required_growth) ** (y - start_year)
        for y in years
    ]
    return scatter(
        name=_("Path required: {rate} a year").format(
            rate=format_percent(progress.required_growth)
        ),
        x=[mid_year(y) for y in years],
        y=values,
        mode="lines",
        line={"dash": "dash", "color": COLOURS["path"], "width": 2},
        hovertemplate=_("%{x|%Y}: $%{y:.0f}M needed") + "<extra></extra>",
    )


def target_trace(dashboard: Dashboard) -> dict | None:
    targets = [t for t in dashboard.targets if t.value_usd is not None and t.deadline]
    if not targets:
        return None
    return scatter(
        name=_("Target"),
        x=[mid_year(t.deadline.year) for t in targets],
        y=[millions(t.value_usd) for t in targets],
        mode="markers+text",
        text=[
            _("Target {value} by {year}").format(
                value=format_usd(t.value_usd, Qualifier(t.qualifier)), year=t.deadline.year
            )
            for t in targets
        ],
        textposition="middle left",
        hovertext=[
            _("<b>Target {value}</b> by {deadline}").format(
                value=format_usd(t.value_usd, Qualifier(t.qualifier)),
                deadline=date_format(t.deadline, "M Y"),
            )
            + "<br>"
            + _("{count} statement(s); first stated {day}").format(
                count=len(t.accepted_statements), day=date_format(t.stated_on, "M Y")
            )
            for t in targets
        ],
        hoverinfo="text",
        marker={"symbol": "star", "size": 18, "color": COLOURS["target"]},
    )


def undated_target_lines(dashboard: Dashboard) -> list[dict]:
    """Goals with a value but no deadline ("approach $1 billion") as a dotted level."""
    start, end = year_range(dashboard)
    return [
        scatter(
            name=_("Goal {value}, no deadline").format(
                value=format_usd(t.value_usd, Qualifier(t.qualifier))
            ),
            x=[start, end],
            y=[millions(t.value_usd)] * 2,
            mode="lines",
            line={"dash": "dot", "color": COLOURS["target"], "width": 1.5},
            hovertemplate=f"{t.description}<extra></extra>",
        )
        for t in dashboard.targets
        if t.value_usd is not None and t.deadline is None
    ]


def year_span(dashboard: Dashboard) -> tuple[int, int]:
    """The first figure's year and the last deadline's (or figure's)."""
    years = [f.period_start.year for f in dashboard.figures]
    years += [f.period_end.year for f in dashboard.figures]
    years += [t.deadline.year for t in dashboard.targets if t.deadline]
    return (min(years), max(years)) if years else (2020, 2030)


def year_range(dashboard: Dashboard) -> list[str]:
    """Whole years from the first figure to the last deadline, so one point is not zoomed in."""
    first, last = year_span(dashboard)
    return [f"{first - 1}-10-01", f"{last + 1}-03-01"]


def year_label_step(first: int, last: int) -> str:
    """Plotly's dtick for the year labels: every year on a short axis; on a long one every
    2, 5, 10… years, so at most MAX_YEAR_LABELS labels stay upright and readable (a label
    for each of 78 years was tilted, overlapping, and took plotly ~0.4 s to measure)."""
    years = last - first + 2  # the range reaches into the years either side
    step = next((n for n in YEAR_STEPS if years / n <= MAX_YEAR_LABELS), YEAR_STEPS[-1])
    return f"M{12 * step}"


def flow_words(dashboard: Dashboard) -> str:
    flow, pair = dashboard.filters.flow, dashboard.pair
    first, second = pair.first.shown_name, pair.second.shown_name
    if flow == "exports":
        return _("exports of {first} to {second}").format(first=first, second=second)
    if flow == "imports":
        return _("imports of {first} from {second}").format(first=first, second=second)
    return _("turnover")


# Each side's points sit a few weeks apart, so two sides' values for one year do not hide
# each other when they are close.
SIDE_SHIFT_DAYS = (-30, 30, 0)


def side_groups(dashboard: Dashboard) -> list[tuple[str, list[Figure], int, dict]]:
    """One series per side and kind of period, so each side's numbers are told apart."""
    groups = []
    for index, (side, figures) in enumerate(dashboard.sides()):
        stated = [
            f for f in figures if f.value_usd is not None and not f.derived and not f.is_statistics
        ]
        slot = index if side else 2
        full, part = SIDE_COLOURS[slot]
        who = _("{side}'s figures").format(side=side.shown_name) if side else _("Side not stated")
        shift = SIDE_SHIFT_DAYS[slot]
        groups += [
            (_("{who} (full year)").format(who=who),
             [f for f in stated if f.period.is_full_year], shift,
             {"color": full, "symbol": "circle"}),
            (_("{who} (part of a year)").format(who=who),
             [f for f in stated if f.period.is_partial], shift,
             {"color": part, "symbol": "diamond"}),
        ]  # fmt: skip
    return groups


def statistics_traces(dashboard: Dashboard) -> list[dict]:
    """Official statistics as a line per reporting side: a country's own figures and its
    partner's mirror figures, apart from the marked points of officials' statements."""
    traces = []
    for index, (side, figures) in enumerate(dashboard.sides()):
        series = [f for f in figures if f.value_usd is not None and f.is_statistics]
        if not series or side is None:
            continue
        colour = SIDE_COLOURS[index][0]
        traces.append(
            scatter(
                name=_("{side}'s official statistics").format(side=side.shown_name),
                x=[midpoint(f.period_start, f.period_end) for f in series],
                y=[millions(f.value_usd) for f in series],
                mode="lines+markers",
                line={"color": colour, "width": 2.5},
                marker={"size": 6, "color": colour, "symbol": "square"},
                hovertext=[hover_text(f, False) for f in series],
                hoverinfo="text",
            )
        )
    return traces


def projection_trace(dashboard: Dashboard) -> dict | None:
    """Where the observed pace leads: a projection, drawn unlike any reported value."""
    projection = dashboard.projection
    progress = dashboard.assessment.progress
    if projection is None or len(projection.years) < 2:
        return None
    return scatter(
        name=(
            _("Projection at the observed pace ({rate} a year): target in {year}")
            if projection.reached_in
            else _("Projection at the observed pace ({rate} a year): target {never}")
        ).format(
            rate=format_percent(progress.observed_growth),
            year=projection.reached_in,
            never=projection.reached_label,
        ),
        x=[mid_year(y) for y in projection.years],
        y=[v / 1e6 for v in projection.values],
        mode="lines",
        line={"dash": "dot", "color": COLOURS["projection"], "width": 2},
        hovertemplate=_("%{x|%Y}: $%{y:.0f}M projected, not reported") + "<extra></extra>",
    )


def source_line(dashboard: Dashboard) -> str:
    """Printed under the chart itself, so a screenshot keeps its provenance."""
    names = sorted({s.publisher or s.title for s in dashboard.sources})
    documents = "; ".join(names)
    if len(documents) > 110:
        documents = documents[:109] + "…"
    first = _("Source: TradeWatch · {pair} {flow}, USD million").format(
        pair=dashboard.pair.name, flow=flow_words(dashboard)
    )
    if not dashboard.sources:  # nothing reported yet: no empty list of documents
        return first
    count = _("{count} documents: {documents}").format(
        count=len(dashboard.sources), documents=documents
    )
    return first + "<br>" + count


def target_chart(dashboard: Dashboard, width: int = DASHBOARD_WIDTH) -> dict:
    """The dashboard chart as a Plotly figure dict, ready for json_script or svg()."""
    conflicts = dashboard.conflicting_ids
    valued = [f for f in dashboard.figures if f.value_usd is not None]
    groups = side_groups(dashboard)
    groups.append(
        (_("Derived from stated growth"), [f for f in valued if f.derived], 0,
         {"color": COLOURS["path"], "symbol": "circle-open"}),
    )  # fmt: skip
    data = [
        figure_trace(name, figures, conflicts, shift, **marker)
        for name, figures, shift, marker in groups
        if figures
    ]
    data = statistics_traces(dashboard) + data
    extras = [
        required_path(dashboard),
        projection_trace(dashboard),
        target_trace(dashboard),
        *undated_target_lines(dashboard),
    ]
    data += [extra for extra in extras if extra is not None]
    bottom = bottom_margin(len(data), legend_columns(data, width))
    annotations = [
        {
            "text": source_line(dashboard),
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "yshift": SOURCE_LINE_SHIFT - bottom,  # pixels: below the legend, whatever its rows
            "showarrow": False,
            "xanchor": "left",
            "yanchor": "top",
            "align": "left",
            "font": {"size": 10, "color": "#555"},
        }
    ]
    if not valued and target_trace(dashboard) is None:
        annotations.append(
            {
                "text": _("No reported figures yet"),
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "showarrow": False,
                "font": {"size": 16},
            }
        )
    layout = {
        **STYLE,
        "height": PLOT_HEIGHT + bottom,
        "margin": {"l": 60, "r": 20, "t": 30, "b": bottom},
        "yaxis": {
            **GRID,
            "title": {"text": _("USD million"), "standoff": 15},
            "rangemode": "tozero",
        },
        "separators": get_format("DECIMAL_SEPARATOR") + get_format("THOUSAND_SEPARATOR"),
        "xaxis": {
            **GRID,
            "type": "date",
            "range": year_range(dashboard),
            "dtick": year_label_step(*year_span(dashboard)),
            "tickformat": "%Y",
            "ticklabelmode": "period",
        },
        "legend": {"orientation": "h", "y": -0.1, "yanchor": "top"},
        "annotations": annotations,
    }
    return {"data": data, "layout": layout}


def chart_title(dashboard: Dashboard) -> str:
    return _("%(pair)s: %(flow)s against the target") % {
        "pair": dashboard.pair.name,
        "flow": flow_words(dashboard),
    }


def credit_line(dashboard: Dashboard, *, today: date) -> str:
    """Who drew the chart and when: a past view (?as_of=) is dated by the day it shows."""
    day = date_format(dashboard.filters.as_of or today, "j E Y")
    if dashboard.filters.as_of:
        return _("TradeWatch, as shown on %(day)s") % {"day": day}
    return _("TradeWatch, %(day)s") % {"day": day}


# A shared image travels without its page: the title, the source and the date go into it.
IMAGE_WIDTH, IMAGE_HEIGHT, IMAGE_TOP = 1200, 675, 70


def image_chart(dashboard: Dashboard, *, today: date) -> dict:
    """The dashboard chart for chart.png / chart.svg: titled, sourced and dated."""
    spec = target_chart(dashboard, width=IMAGE_WIDTH)
    layout = spec["layout"]
    source = layout["annotations"][0]
    layout["margin"] = {**layout["margin"], "t": IMAGE_TOP}
    layout["title"] = {
        "text": f"<b>{escape(chart_title(dashboard))}</b>",
        "x": 0,
        "xref": "paper",
        "xanchor": "left",
        "font": {"size": 18, "color": "#1d2733"},
    }
    layout["annotations"].append(
        {**source, "text": escape(credit_line(dashboard, today=today)), "x": 1, "xanchor": "right"}
    )
    return spec


def embed_chart(dashboard: Dashboard) -> dict:
    """The chart for a small iframe: the page prints the source line under it, and the
    legend takes the room it needs (plotly pushes the margin) instead of a fixed sum."""
    spec = target_chart(dashboard)
    layout = spec["layout"]
    layout["annotations"] = layout["annotations"][1:]
    layout["margin"] = {"l": 50, "r": 10, "t": 10, "b": 20}
    layout["legend"] = {**layout["legend"], "font": {"size": 10}}
    return spec


_kaleido_lock = threading.Lock()
_kaleido_started = False


def image(spec: dict, *, format: str, width: int, height: int, scale: float = 1) -> bytes:
    """Render a figure dict to "svg" or "png" with kaleido (Chromium), one server per process.
    The lock serialises calls: the one server draws one figure at a time."""
    global _kaleido_started
    import kaleido

    opts = {"format": format, "width": width, "height": height, "scale": scale}
    with _kaleido_lock:
        if not _kaleido_started:
            kaleido.start_sync_server(mathjax=False, silence_warnings=True)
            _kaleido_started = True
        data = kaleido.calc_fig_sync(spec, opts=opts)
    return data if isinstance(data, bytes) else data.encode()


def svg(spec: dict, *, width: int = 900, height: int = 440) -> str:
    return image(spec, format="svg", width=width, height=height).decode()


def chart_summary(dashboard: Dashboard) -> str:
    """The chart in one sentence, for readers who do not see it (and for everyone)."""
    a, p = dashboard.assessment, dashboard.assessment.progress
    words = f"{dashboard.pair.name} {flow_words(dashboard)}"
    if a.latest is None:
        parts = [_("{words}: no full-year value reported").format(words=words)]
    else:
        latest = format_usd(a.latest.value_usd, Qualifier(a.latest.qualifier))
        template = _("{words} {period}: {value} ({side}'s figure)")
        if a.latest.side is None:
            template = _("{words} {period}: {value} (a source's figure)")
        side = a.latest.side.shown_name if a.latest.side else ""
        parts = [
            template.format(words=words, period=a.latest.period.label, value=latest, side=side)
        ]
    if a.target and a.target.value_usd is not None:
        target = format_usd(a.target.value_usd, Qualifier(a.target.qualifier))
        if a.target.deadline:
            parts.append(
                _("target {value} by {year}").format(value=target, year=a.target.deadline.year)
            )
        else:
            parts.append(_("target {value}").format(value=target))
    if p.required_growth is not None:
        parts.append(_("needs {rate} a year").format(rate=format_percent(p.required_growth)))
    if p.observed_growth is not None:
        parts.append(_("observed {rate} a year").format(rate=format_percent(p.observed_growth)))
    parts.append(_("status: {status}").format(status=_(p.status)))
    return "; ".join(parts) + "."


def chart_points(dashboard: Dashboard) -> list[tuple[str, Figure | Target]]:
    """What the chart draws, series by series: each figure and each valued target (the
    chart's data table and its CSV/JSON export both list these)."""
    points: list[tuple[str, Figure | Target]] = []
    for name, figures, *_shift_and_marker in side_groups(dashboard):
        points += [(name, f) for f in figures]
    for f in dashboard.figures:
        if f.value_usd is not None and f.is_statistics:
            who = f.side.shown_name if f.side else _("unknown side")
            points.append((_("{side}'s official statistics").format(side=who), f))
    points += [(_("Target"), t) for t in dashboard.targets if t.value_usd is not None]
    return points


def point_cells(fact: Figure | Target) -> tuple[str, str]:
    """A point's period and value as the chart's data table shows them."""
    if isinstance(fact, Figure):
        return fact.period.label, fact.value_label
    deadline = str(fact.deadline.year) if fact.deadline else _("no deadline")
    return deadline, format_usd(fact.value_usd, Qualifier(fact.qualifier))


def chart_rows(dashboard: Dashboard) -> list[tuple[str, str, str]]:
    """What the chart draws, as rows: series, period, value (targets included)."""
    return [(series, *point_cells(fact)) for series, fact in chart_points(dashboard)]
