// Progressive enhancement for the survey pages: a question that depends on an answer on the
// same page is hidden until that answer is chosen. Without JavaScript it stays visible with a
// note ("answer only if ..."), and the server drops its answer when the condition is not met.
(function () {
  "use strict";
  var form = document.querySelector("form[data-respond]");
  if (!form) return;
  var dependents = form.querySelectorAll("[data-condition]");
  if (!dependents.length) return;

  function chosen(name) {
    var values = [];
    form.querySelectorAll("[name='" + name.replace(/'/g, "\\'") + "']").forEach(function (input) {
      if ((input.type !== "radio" && input.type !== "checkbox") || input.checked) {
        if (input.value) values.push(input.value.trim());
      }
    });
    return values;
  }

  function update() {
    dependents.forEach(function (question) {
      var wanted = question.getAttribute("data-condition-values").split(" ");
      var given = chosen(question.getAttribute("data-condition"));
      question.hidden = !given.some(function (value) { return wanted.indexOf(value) !== -1; });
    });
  }

  form.addEventListener("change", update);
  update();
})();
