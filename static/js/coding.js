// Coding text selections in a source (samverka/research). Progressive: without this file the
// form codes a pasted passage. With it, selecting text (mouse, touch, or the keyboard on a
// line: Enter selects it, Enter on another line extends, Escape clears, Ctrl+Enter goes to the
// code) fills the form's start and end, counted in Unicode code points as REFI-QDA does.
(function () {
  "use strict";

  function codePoints(text) { return Array.from(text).length; }

  function init(container) {
    var form = document.querySelector("[data-coding-form]");
    if (!form) { return; }
    var startInput = form.querySelector("input[name=start]");
    var endInput = form.querySelector("input[name=end]");
    var quote = form.querySelector("[data-coding-quote]");
    var occurrence = form.querySelector("input[name=occurrence]");
    var codeSelect = form.querySelector("select[name=code]");
    var preview = form.querySelector("[data-selection-preview]");
    var clearButton = form.querySelector("[data-clear-selection]");
    var label = container.dataset.selectedLabel || "";
    var jump = document.querySelector("[data-jump-to-code]");
    var text = container.textContent;
    var chars = Array.from(text);
    if (occurrence) { occurrence.closest(".field").hidden = true; }
    if (quote) { quote.closest(".field").classList.add("field-quote-fallback"); }

    function show(start, end) {
      if (end <= start) { return; }
      var passage = chars.slice(start, end).join("");
      startInput.value = start;
      endInput.value = end;
      if (quote) { quote.value = passage; }
      if (preview) {
        preview.hidden = false;
        preview.textContent = label + ": «" + (passage.length > 300 ? passage.slice(0, 300) + "…" : passage) + "»";
      }
      if (clearButton) { clearButton.hidden = false; }
      if (jump) { jump.hidden = false; }
      container.querySelectorAll(".line").forEach(function (line) {
        var a = Number(line.dataset.start), b = Number(line.dataset.end);
        line.classList.toggle("is-selected", b > a && a >= start && b <= end);
      });
    }

    function clear() {
      startInput.value = "";
      endInput.value = "";
      if (quote) { quote.value = ""; }
      if (preview) { preview.hidden = true; preview.textContent = ""; }
      if (clearButton) { clearButton.hidden = true; }
      if (jump) { jump.hidden = true; }
      container.querySelectorAll(".line.is-selected").forEach(function (line) {
        line.classList.remove("is-selected");
      });
    }

    function offsetOf(node, offset) {
      var range = document.createRange();
      range.setStart(container, 0);
      range.setEnd(node, offset);
      return codePoints(range.toString());
    }

    document.addEventListener("selectionchange", function () {
      var selection = document.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
      var range = selection.getRangeAt(0);
      if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) { return; }
      show(offsetOf(range.startContainer, range.startOffset), offsetOf(range.endContainer, range.endOffset));
    });

    container.addEventListener("keydown", function (event) {
      var line = event.target.closest(".line");
      if (!line) { return; }
      if (event.key === "Escape") { clear(); return; }
      if (event.key !== "Enter") { return; }
      event.preventDefault();
      if (event.ctrlKey || event.altKey || event.metaKey) {
        if (codeSelect) { codeSelect.focus(); }
        return;
      }
      var a = Number(line.dataset.start), b = Number(line.dataset.end);
      if (b <= a) { return; }
      if (startInput.value !== "" && endInput.value !== "") {
        a = Math.min(a, Number(startInput.value));
        b = Math.max(b, Number(endInput.value));
      }
      show(a, b);
    });

    if (clearButton) {
      clearButton.addEventListener("click", function () {
        var selection = document.getSelection();
        if (selection) { selection.removeAllRanges(); }
        clear();
      });
    }
    if (quote) {
      quote.addEventListener("input", function () { startInput.value = ""; endInput.value = ""; });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-coding-text]").forEach(init);
  });
})();
