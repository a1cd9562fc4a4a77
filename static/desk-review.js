// Review queue keys: j/k move between claims; c, d, x choose a stance and put the cursor in the source box.
// The forms work without this script; it only saves reaching for the mouse.
(function () {
  "use strict";
  var STANCES = { c: "corroborates", d: "disputes", x: "denies" };

  function cards() {
    return Array.prototype.slice.call(document.querySelectorAll(".review-card"));
  }

  function currentCard() {
    var active = document.activeElement;
    var card = active && active.closest ? active.closest(".review-card") : null;
    return card || document.querySelector(".review-card.is-current") || cards()[0] || null;
  }

  function select(card) {
    cards().forEach(function (other) { other.classList.toggle("is-current", other === card); });
    card.focus();
    card.scrollIntoView({ block: "nearest" });
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" && target.type !== "radio" || tag === "TEXTAREA" || tag === "SELECT" ||
      (target && target.isContentEditable);
  }

  // On load the current claim is the one the address names (the next one after a mark), else the first.
  function start() {
    var named = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    var card = named && named.classList.contains("review-card") ? named : cards()[0];
    if (card) {
      cards().forEach(function (other) { other.classList.toggle("is-current", other === card); });
      card.focus({ preventScroll: !named });
      if (named) {
        card.scrollIntoView({ block: "nearest" });
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) {
      return;
    }
    var card = currentCard();
    if (!card) {
      return;
    }
    var key = event.key.toLowerCase();
    if (key === "j" || key === "k") {
      var all = cards();
      var next = all[all.indexOf(card) + (key === "j" ? 1 : -1)];
      if (next) {
        select(next);
      }
      event.preventDefault();
    } else if (STANCES[key]) {
      var radio = card.querySelector('input[type="radio"][value="' + STANCES[key] + '"]');
      var source = card.querySelector("[data-mark-source]");
      if (radio && source) {
        radio.checked = true;
        select(card);
        source.focus();
        event.preventDefault();
      }
    }
  });
})();
