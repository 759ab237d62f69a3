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
