// Keyboard screening for litscan serve. Every action is an ordinary link or form button of the page,
// so the page works without this script; the script only gives them keys.
(function () {
  "use strict";

  const page = document.body.dataset.page;
  const help = document.getElementById("help");

  function typing(target) {
    return target instanceof Element && target.closest("input, textarea, select, [contenteditable]") !== null;
  }

  function follow(selector) {
    const link = document.querySelector(selector);
    if (link) window.location.assign(link.href);
  }

  let sent = false; // one decision per page: a key held down must not post it twice

  function press(form, value) {
    const button = form && form.querySelector('button[name="choice"][value="' + value + '"]');
    if (button) submit(form, button);
  }

  function submit(form, button) {
    if (sent) return;
    sent = true;
    form.requestSubmit(button);
  }

  function toggleHelp() {
    if (help.open) help.close();
    else help.showModal();
  }

  document.querySelectorAll("[data-help]").forEach(function (button) {
    button.addEventListener("click", toggleHelp);
  });

  // One record at a time: i, m, e (then the reason's number), n/j, p/k, c, l.
  function recordKeys(event) {
    const form = document.getElementById("decide");
    const reasons = form.querySelector(".reasons");
    if (reasons && reasons.classList.contains("picking")) {
      const numbered = reasons.querySelector('[data-number="' + event.key + '"]');
      if (numbered) {
        submit(form, numbered);
        return true;
      }
      if (event.key === "Escape") {
        reasons.classList.remove("picking");
        document.activeElement.blur();
        return true;
      }
    }
    switch (event.key) {
      case "i": press(form, "include"); return true;
      case "m": press(form, "maybe"); return true;
      case "e":
        if (!reasons) { press(form, "exclude"); return true; }
        reasons.classList.add("picking");
        reasons.querySelector("button").focus();
        return true;
      case "n": case "j": follow('a[rel~="next"]'); return true;
      case "p": case "k": follow('a[rel~="prev"]'); return true;
      case "l": follow("a[data-list]"); return true;
      case "c": document.getElementById("note").focus(); return true;
      default: return false;
    }
  }

  // Arrows move between the reasons while picking one.
  const reasonSet = document.querySelector("#decide .reasons");
  if (reasonSet) {
    reasonSet.addEventListener("keydown", function (event) {
      const buttons = Array.from(reasonSet.querySelectorAll("button"));
      const at = buttons.indexOf(document.activeElement);
      const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
      if (at < 0 || !step) return;
      buttons[(at + step + buttons.length) % buttons.length].focus();
      event.preventDefault();
    });
    reasonSet.addEventListener("focusout", function (event) {
      if (!reasonSet.contains(event.relatedTarget)) reasonSet.classList.remove("picking");
    });
  }

  // The list: j/k (or n/p) move between rows, Enter opens one, i/m/e decide the current row.
  const rows = Array.from(document.querySelectorAll("li.row"));

  function currentRow() {
    return document.activeElement instanceof Element ? document.activeElement.closest("li.row") : null;
  }

  function focusRow(row) {
    if (!row) return;
    row.querySelector("a.open").focus();
    row.scrollIntoView({ block: "nearest" });
  }

  function listKeys(event) {
    const row = currentRow();
    const at = rows.indexOf(row);
    const form = row && row.querySelector("form");
    switch (event.key) {
      case "j": case "n": focusRow(rows[Math.min(at + 1, rows.length - 1)]); return true;
      case "k": case "p": focusRow(rows[Math.max(at - 1, 0)]); return true;
      case "i": press(form, "include"); return true;
      case "m": press(form, "maybe"); return true;
      case "e": {
        if (!form) return true;
        const select = form.querySelector("select");
        if (select) select.focus();
        else press(form, "exclude");
        return true;
      }
      default: return false;
    }
  }

  // In the list, Enter on a row's reason excludes with it; Escape goes back to the row.
  document.querySelectorAll("li.row select").forEach(function (select) {
    select.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        press(select.form, "exclude");
      } else if (event.key === "Escape") {
        event.preventDefault();
        focusRow(select.closest("li.row"));
      }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (typing(event.target)) {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    if (event.key === "?") {
      toggleHelp();
      event.preventDefault();
      return;
    }
    if (help.open) return;
    const handled = page === "record" ? recordKeys(event) : page === "list" ? listKeys(event) : false;
    if (handled) event.preventDefault();
  });

  // Back in the list after a decision: the next row has the focus.
  // (On "load": the browser's own scroll to the fragment would otherwise take the focus back.)
  if (page === "list" && window.location.hash.startsWith("#r-")) {
    window.addEventListener("load", function () {
      focusRow(document.getElementById(window.location.hash.slice(1)));
    });
  }
})();
