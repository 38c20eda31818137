// Small progressive enhancements. Every form works without this file.
document.addEventListener("DOMContentLoaded", function () {
  document.documentElement.classList.add("js");
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var target = document.getElementById(button.dataset.copy);
      if (target && navigator.clipboard) {
        navigator.clipboard.writeText(target.value || target.textContent);
        button.textContent = button.dataset.copied || button.textContent;
      }
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("[data-filter-taps]").forEach(function (input) {
    var form = document.querySelector(input.dataset.filterTaps);
    input.addEventListener("input", function () {
      var query = input.value.trim().toUpperCase();
      form.querySelectorAll(".tap").forEach(function (tap) {
        tap.hidden = query !== "" && tap.dataset.search.toUpperCase().indexOf(query) === -1;
      });
      if (query) { form.querySelectorAll("details.taps-more").forEach(function (d) { d.open = true; }); }
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); }
    });
  });
  document.querySelectorAll("[data-present-count]").forEach(function (counter) {
    var form = counter.closest("form");
    var template = counter.textContent.replace(/\d+/, "{n}");
    form.addEventListener("change", function () {
      var n = form.querySelectorAll("input[name=present]:checked").length;
      counter.textContent = template.replace("{n}", n);
    });
  });
  var focusTarget = document.querySelector("[data-focus-on-load]");
  if (focusTarget && document.activeElement !== focusTarget) { focusTarget.focus(); }
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
  });
});
