// Keyboard and screen-reader users keep their place when htmx replaces part of a page: if
// the element that had focus went away with the old content (a partner link, a page link),
// focus moves to the new content's first heading, or to the new content itself.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) return;
    var target = event.detail.target;
    if (!target || !document.contains(target)) target = document.getElementById(event.detail.elt.id);
    if (!target) return;
    var place = target.querySelector("h1, h2, [role=alert], [role=status]") || target;
    if (!place.hasAttribute("tabindex")) place.setAttribute("tabindex", "-1");
    place.focus({ preventScroll: false });
  });
})();

// Back and Forward restore a page htmx kept, but a form control shows what its HTML said,
// not what was chosen: the filters take their values from the restored address instead.
(function () {
  "use strict";
  document.addEventListener("htmx:historyRestore", function () {
    var params = new URLSearchParams(window.location.search);
    document.querySelectorAll("form.filters").forEach(function (form) {
      form.querySelectorAll("select[name], input[name]:not([type=hidden])").forEach(function (control) {
        var value = params.get(control.name);
        if (value === null) value = control.tagName === "SELECT" ? control.options[0].value : "";
        control.value = value;
      });
    });
  });
})();
