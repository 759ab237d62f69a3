// Draws every <div data-chart="ID"> from the JSON in <script id="ID" type="application/json">.
(function () {
  "use strict";

  // On a narrow screen the legend has one entry a row: make room for it and keep the source
  // line below it (the same sum as bottom_margin() in tradewatch/charts.py).
  function fitLegend(el, spec) {
    var layout = spec.layout, source = (layout.annotations || [])[0];
    if (el.clientWidth >= 600 || !layout.margin || !source) return;
    var bottom = 50 + 20 * spec.data.length + 40;
    layout.height += bottom - layout.margin.b;
    layout.margin.b = bottom;
    source.yshift = 40 - bottom;
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
        if (el.clientWidth < 500) spec.layout.xaxis.dtick = "M24";  // upright year labels
      } else fitLegend(el, spec);
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
