// Draws every <div data-chart="ID"> from the JSON in <script id="ID" type="application/json">.
(function () {
  "use strict";

  // Break a text at spaces into lines of at most `width` characters (plotly does not wrap).
  function wrap(text, width) {
    return text.split("<br>").map(function (line) {
      var out = [], current = "";
      line.split(" ").forEach(function (word) {
        if (current && (current + " " + word).length > width) { out.push(current); current = word; }
        else current = current ? current + " " + word : word;
      });
      out.push(current);
      return out.join("<br>");
    }).join("<br>");
  }

  function lines(text) { return text.split("<br>").length; }

  // Half as many year labels as the server chose for a desktop-wide chart ("M12" → "M24"),
  // so they stay upright on a phone.
  function fewerYears(axis) {
    var months = parseInt(String(axis.dtick || "M12").slice(1), 10) || 12;
    axis.dtick = "M" + months * 2;
  }

  // On a narrow screen the legend has one entry a row and long names wrap; the source line
  // wraps too and keeps below the legend (the same sum as bottom_margin() in charts.py);
  // the years are labelled half as often so they stay upright.
  function fitNarrow(el, spec) {
    var layout = spec.layout, source = (layout.annotations || [])[0];
    if (el.clientWidth >= 600 || !layout.margin || !source) return;
    var legendChars = Math.max(16, Math.floor((el.clientWidth - 70) / 6.5));
    var sourceChars = Math.max(20, Math.floor((el.clientWidth - 30) / 6));
    var rows = 0;
    spec.data.forEach(function (trace) {
      if (trace.name && trace.showlegend !== false) {
        trace.name = wrap(trace.name, legendChars);
        rows += lines(trace.name);
      }
    });
    source.text = wrap(source.text, sourceChars);
    var bottom = 50 + 18 * rows + 13 * lines(source.text) + 10;
    layout.height += bottom - layout.margin.b;
    layout.margin.b = bottom;
    source.yshift = 13 * lines(source.text) + 10 - bottom;
    fewerYears(layout.xaxis);
  }

  function draw(root) {
    if (!window.Plotly) return;
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      var data = document.getElementById(el.dataset.chart);
      if (!data) return;
      var spec = JSON.parse(data.textContent);
      // data-chart-fill (the embed): the chart takes its box's height, whatever the iframe's;
      // a short frame leaves no room for the legend, and the caption below says it in words.
      if (el.hasAttribute("data-chart-fill")) {
        delete spec.layout.height;
        if (el.clientHeight < 320) spec.layout.showlegend = false;
        if (el.clientWidth < 500) fewerYears(spec.layout.xaxis);  // upright year labels
      } else fitNarrow(el, spec);
      window.Plotly.newPlot(el, spec.data, spec.layout, {
        responsive: true,
        displaylogo: false,
        modeBarButtonsToRemove: ["lasso2d", "select2d"],
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.body.addEventListener("htmx:afterSwap", function (event) { draw(event.detail.elt.parentNode || document); });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      if (el.data) window.Plotly.Plots.resize(el);
    });
  });
})();
