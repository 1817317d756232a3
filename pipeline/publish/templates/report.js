/* The report's only script, allowed by its hash in the page's Content-Security-Policy.
   Optional: without it the report is complete, only the filter and decision forms stay hidden.
   Text from the records is only ever read and written as text (textContent, value), never as HTML. */
(function () {
  "use strict";
  if (!document.querySelectorAll || !window.JSON) { return; }

  /* ---- filter */
  var filter = document.getElementById("filter");
  if (filter) {
    filter.hidden = false;
    filter.addEventListener("submit", function (event) { event.preventDefault(); });
    var q = filter.elements.q, st = filter.elements.status;
    var apply = function () {
      var text = q.value.trim().toLowerCase(), status = st.value;
      var items = document.querySelectorAll("[data-filterable]");
      for (var i = 0; i < items.length; i++) {
        var el = items[i], ok = !text || el.textContent.toLowerCase().indexOf(text) >= 0;
        if (status && el.hasAttribute("data-status")) { ok = ok && el.getAttribute("data-status") === status; }
        el.hidden = !ok;
      }
      if (text) {
        var details = document.querySelectorAll("details");
        for (var j = 0; j < details.length; j++) { details[j].open = true; }
      }
    };
    q.addEventListener("input", apply);
    st.addEventListener("change", apply);
  }

  /* ---- a link to a folded part (a document's details, a claim inside them) unfolds it */
  var unfold = function () {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!target) { return; }
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
    }
    target.scrollIntoView();
  };
  window.addEventListener("hashchange", unfold);
  unfold();

  /* ---- decisions: each conflict card's form adds one entry; the panel collects them */
  var panel = document.getElementById("decisions");
  var output = document.getElementById("decisions-json");
  var count = document.getElementById("decisions-count");
  var collected = [];
  if (!panel || !output) { return; }

  function today() { return new Date().toISOString().slice(0, 10); }

  function show() {
    output.value = collected.length ? JSON.stringify(collected, null, 2) + "\n" : "";
    count.textContent = String(collected.length);
    panel.hidden = collected.length === 0;
  }

  function entryFrom(form) {
    var checked = form.querySelector("input[name=value]:checked");
    var reason = form.elements.reason.value.trim();
    var by = form.elements.by.value.trim();
    if (!checked || !reason || !by) { return null; }
    return {
      conflict_id: form.getAttribute("data-conflict"),
      value: JSON.parse(checked.getAttribute("data-json")),
      decided_by: by,
      reason: reason,
      decided_at: today(),
      values_seen: JSON.parse(form.getAttribute("data-values"))
    };
  }

  var forms = document.querySelectorAll("form.decide");
  for (var k = 0; k < forms.length; k++) {
    (function (form) {
      form.hidden = false;
      var message = form.querySelector(".form-msg");
      var pre = form.querySelector("pre.entry");
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var entry = entryFrom(form);
        if (!entry) {
          message.textContent = "Choose a value, and give a reason and your name.";
          return;
        }
        collected = collected.filter(function (e) { return e.conflict_id !== entry.conflict_id; });
        collected.push(entry);
        pre.textContent = JSON.stringify(entry);
        pre.hidden = false;
        message.textContent = "Added to “Your decisions” below.";
        var name = form.elements.by.value;
        for (var m = 0; m < forms.length; m++) {
          if (!forms[m].elements.by.value) { forms[m].elements.by.value = name; }
        }
        show();
      });
    })(forms[k]);
  }

  var copy = document.getElementById("decisions-copy");
  var download = document.getElementById("decisions-download");
  var status = document.getElementById("decisions-status");
  copy.addEventListener("click", function () {
    var done = function () { status.textContent = "Copied."; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(output.value).then(done, function () {
        output.select();
        status.textContent = "Selected: press Ctrl+C (or ⌘C) to copy.";
      });
    } else {
      output.select();
      status.textContent = "Selected: press Ctrl+C (or ⌘C) to copy.";
    }
  });
  download.addEventListener("click", function () {
    var blob = new Blob([output.value], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "decisions.json";
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    status.textContent = "Downloaded decisions.json.";
  });
  show();
})();
