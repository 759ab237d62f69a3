// The language links name the page to return to; after htmx has changed the address (a
// filter, a partner) they are out of date, so they take the current address when followed.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".languages a[href]");
    if (!link) return;
    var url = new URL(link.href, window.location.href);
    url.searchParams.set("next", window.location.pathname + window.location.search);
    link.href = url.toString();
  });
})();
