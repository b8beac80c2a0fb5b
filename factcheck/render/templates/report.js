/* Filters for the discrepancy report: severity, rule, topic and free-text search. No server, no libraries. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.topic"));
  var ruleSelect = document.getElementById("rule-filter");
  var topicSelect = document.getElementById("topic-filter");
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");
  var empty = document.getElementById("empty");
  var texts = cards.map(function (card) { return card.textContent.toLowerCase().replace(/\s+/g, " "); });

  function apply() {
    var severities = {};
    form.querySelectorAll("input[name=severity]").forEach(function (box) { severities[box.value] = box.checked; });
    var rule = ruleSelect.value, topic = topicSelect.value;
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    cards.forEach(function (card, i) {
      var visible = severities[card.dataset.severity] !== false &&
        (!rule || card.dataset.rule === rule) &&
        (!topic || card.dataset.topic === topic) &&
        words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      card.hidden = !visible;
      if (visible) { count += 1; }
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("article.finding:not([hidden])");
    });
    shown.textContent = "Showing " + count + " of " + cards.length + " finding" + (cards.length === 1 ? "" : "s");
    empty.hidden = count !== 0;
  }

  // On a wide screen the filters are open; on a phone they stay folded so the first finding is on screen.
  var panel = document.getElementById("filter-panel");
  if (panel && window.matchMedia && window.matchMedia("(min-width: 641px)").matches) { panel.open = true; }
  // Printing shows every statement and the whole of each sentence.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.more, details.whole").forEach(function (d) { d.open = true; });
  });

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  var pending = null;
  form.addEventListener("input", function (event) {
    // Typing in the search box waits for a pause, so long reports stay responsive.
    if (event.target !== search) { apply(); return; }
    clearTimeout(pending);
    pending = setTimeout(apply, 120);
  });
  form.addEventListener("change", apply);
  apply();
})();
