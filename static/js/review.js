// The review desk (templates/review/source.html): one current card, single-key shortcuts,
// cards and their sentences linked both ways, focus kept in place across htmx swaps, and a
// missed fact added from words selected in the text. Without it every control still works
// as a plain link or form.
(function () {
  "use strict";

  var desk = document.querySelector("[data-desk]");
  if (!desk) return;
  var STORE = "tradewatch.review.shortcuts";
  var DECISIONS = { a: "accept", r: "reject", u: "reopen" };
  var KIND_FIELDS = {
    figure: ["value", "qualifier", "period", "change_pct"],
    growth: ["change_pct", "qualifier", "period"],
    target: ["value", "qualifier", "deadline", "firmness"],
  };
  var BY_KIND = ["value", "qualifier", "period", "change_pct", "deadline", "firmness"];
  var wide = window.matchMedia("(min-width: 900px)");
  var currentAnchor = null;
  var pending = null; // what the htmx request in flight was for: {anchor, action}
  var lastDecided = null;  // "u" undoes it even after focus moved on to the next card

  function cards() {
    return Array.prototype.slice.call(desk.querySelectorAll(".card"));
  }

  function cardOf(anchor) {
    return anchor ? document.getElementById("card-" + anchor) : null;
  }

  function highlightOf(anchor) {
    var el = document.getElementById("text-" + anchor);
    return el ? el.closest("mark") : null;
  }

  function current() {
    var focused = document.activeElement && document.activeElement.closest(".card");
    return focused || cardOf(currentAnchor) || desk.querySelector(".card[data-status=proposed]") || cards()[0] || null;
  }

  // Scroll `el` into view inside its own pane only (side by side, the page itself stays put).
  function reveal(el, center) {
    var pane = wide.matches && el.closest(".desk-text, .desk-cards");
    if (!pane) {
      el.scrollIntoView({ block: center ? "center" : "nearest" });
      return;
    }
    var box = pane.getBoundingClientRect(), at = el.getBoundingClientRect();
    if (!center && at.top >= box.top && at.bottom <= box.bottom) return;
    pane.scrollTop += at.top - box.top - (center ? (pane.clientHeight - at.height) / 2 : 8);
  }

  // Make `card` the current one; optionally focus it and bring its sentence into view.
  function setCurrent(card, options) {
    options = options || {};
    desk.querySelectorAll(".is-current").forEach(function (el) { el.classList.remove("is-current"); });
    if (!card) return;
    currentAnchor = card.dataset.anchor;
    card.classList.add("is-current");
    var mark = highlightOf(currentAnchor);
    if (mark) {
      mark.classList.add("is-current");
      // Side by side, the text follows the cards; on a phone it would pull the card away.
      if (options.showText && wide.matches) reveal(mark, true);
    }
    if (options.focus) {
      card.focus({ preventScroll: true });
      reveal(card, false);
    }
  }

  function move(step) {
    var all = cards();
    var at = all.indexOf(current());
    var next = all[Math.min(Math.max(at + step, 0), all.length - 1)];
    if (next) setCurrent(next, { focus: true, showText: true });
  }

  function showInText(card) {
    var mark = card && highlightOf(card.dataset.anchor);
    if (!mark) return;
    setCurrent(card);
    reveal(mark, true);
    var link = mark.querySelector("a");
    if (link) link.focus({ preventScroll: true }); // Enter on it leads back to the card
  }

  function shortcutsOn() {
    return window.localStorage.getItem(STORE) !== "off";
  }

  function typing(el) {
    return el && el.closest && el.closest("input, textarea, select, [contenteditable]");
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      var inCard = current();
      var editing = (event.target.closest && event.target.closest(".card-edit")) || (inCard && inCard.querySelector(".card-edit"));
      var cancel = editing && editing.querySelector("[data-cancel]");
      if (cancel) { event.preventDefault(); cancel.click(); }
      return;
    }
    if (!shortcutsOn() || typing(event.target)) return;
    var card = current();
    var key = event.key;
    if (key === "j" || key === "k") {
      move(key === "j" ? 1 : -1);
    } else if (DECISIONS[key] && card) {
      var target = card;
      if (key === "u" && !card.querySelector('[data-decision="reopen"]') && lastDecided) {
        target = cardOf(lastDecided) || card;
      }
      var button = target.querySelector('[data-decision="' + DECISIONS[key] + '"]');
      if (!button) return;
      button.click();
    } else if (key === "e" && card) {
      var edit = card.querySelector('.card-edit-link[data-field="value"]') || card.querySelector(".card-edit-link");
      if (!edit) return;
      edit.click();
    } else if (key === "t" && card) {
      showInText(card);
    } else {
      return;
    }
    event.preventDefault();
  });

  desk.addEventListener("click", function (event) {
    var jump = event.target.closest("[data-jump]");
    if (jump) {
      event.preventDefault();
      showInText(jump.closest(".card"));
      return;
    }
    var markLink = event.target.closest("mark a");
    if (markLink) {
      var anchor = markLink.getAttribute("href").replace("#card-", "");
      var target = cardOf(anchor);
      if (target) {
        event.preventDefault();
        setCurrent(target, { focus: true });
        reveal(target, true);
      }
      return;
    }
    var card = event.target.closest(".card");
    if (card && !event.target.closest("a, button, input, select, textarea, label")) {
      setCurrent(card, { showText: true });
    }
  });

  desk.addEventListener("focusin", function (event) {
    var card = event.target.closest(".card");
    if (card && card.dataset.anchor !== currentAnchor) setCurrent(card);
  });

  // After a swap, focus goes where the editor's next keystroke should act.
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    var card = elt.closest && elt.closest(".card");
    if (!card) return;
    var action = "show";
    if (elt.matches(".card-actions")) action = "decide";
    else if (elt.matches(".card-edit-link")) action = "edit";
    pending = { anchor: card.dataset.anchor, action: action };
  });

  document.body.addEventListener("htmx:afterSettle", function () {
    if (!pending) return;
    var card = cardOf(pending.anchor);
    var action = pending.action;
    pending = null;
    if (!card) return;
    var mark = highlightOf(card.dataset.anchor);
    if (mark && mark.id === "text-" + card.dataset.anchor) {
      mark.className = "mark-" + card.dataset.status;
    }
    var field = card.querySelector(".card-edit input:not([type=hidden]), .card-edit select");
    if (field) {
      var invalid = card.querySelector(".card-edit [aria-invalid=true]");
      (invalid || field).focus();
      if ((invalid || field).select) (invalid || field).select();
      setCurrent(card);
      return;
    }
    if (action === "decide") lastDecided = card.dataset.status === "proposed" ? null : card.dataset.anchor;
    var next = action === "decide" && card.dataset.next ? cardOf(card.dataset.next) : null;
    setCurrent(next || card, { focus: true, showText: Boolean(next) });
  });

  // Shortcuts can be turned off (WCAG 2.1.4): the help and its switch appear with this script.
  var help = desk.querySelector("[data-shortcuts-help]");
  var toggle = desk.querySelector("[data-shortcuts-toggle]");
  if (help && toggle) {
    help.hidden = false;
    toggle.checked = shortcutsOn();
    toggle.addEventListener("change", function () {
      window.localStorage.setItem(STORE, toggle.checked ? "on" : "off");
    });
  }

  // A fact the extractor missed, from words selected in the text.
  var text = desk.querySelector("[data-text]");
  var bar = desk.querySelector("[data-selection-bar]");
  var form = desk.querySelector("[data-add-form]");
  var selected = null;

  function selectionInText() {
    var selection = window.getSelection();
    if (!text || !selection || selection.isCollapsed || !selection.rangeCount) return null;
    var range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
    var before = document.createRange();
    before.selectNodeContents(text);
    before.setEnd(range.startContainer, range.startOffset);
    var raw = range.toString();
    var quote = raw.trim();
    if (!quote) return null;
    return { start: before.toString().length + raw.indexOf(quote), quote: quote };
  }

  function showKindFields() {
    var kind = form.elements.kind.value;
    BY_KIND.forEach(function (name) {
      var wrapper = form.querySelector('[data-field="' + name + '"]');
      if (wrapper) wrapper.hidden = KIND_FIELDS[kind].indexOf(name) === -1;
    });
  }

  if (form) {
    form.elements.kind.addEventListener("change", showKindFields);
    showKindFields();
  }

  if (text && bar && form) {
    document.addEventListener("selectionchange", function () {
      var found = selectionInText();
      if (found) selected = found;
      bar.hidden = !found;
    });
    var add = bar.querySelector("[data-add-selection]");
    // Pressing the button must not clear the selection it is about.
    add.addEventListener("mousedown", function (event) { event.preventDefault(); });
    add.addEventListener("click", function () {
      var found = selectionInText() || selected;
      if (!found) return;
      form.elements.quote.value = found.quote;
      form.elements.quote_start.value = found.start;
      var details = form.closest("details");
      if (details) details.open = true;
      form.elements.kind.focus();
      form.scrollIntoView({ block: "start" });
    });
  }

  // On load: the card the URL names (after a decision without JavaScript), or the one whose
  // field form is open (?edit=), or the first still open.
  var editingCard = desk.querySelector(".card[data-editing]");
  var start = window.location.hash.indexOf("#card-") === 0 ? cardOf(window.location.hash.slice(6)) : null;
  setCurrent(editingCard || start || current(), { focus: Boolean(start), showText: true });
  var firstField = editingCard && editingCard.querySelector(".card-edit input:not([type=hidden]), .card-edit select");
  if (firstField) firstField.focus();
})();
