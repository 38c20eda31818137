// Upload progress for the attendance import (htmx). The form works without this file.
(function () {
  if (window.samverkaImports) { return; }
  window.samverkaImports = true;

  function parts(event) {
    var form = event.target.closest && event.target.closest("form[data-upload-progress]");
    if (!form) { return null; }
    return {
      form: form,
      box: form.querySelector("[data-progress]"),
      bar: form.querySelector("progress"),
      text: form.querySelector("[data-progress-text]"),
      button: form.querySelector("button[type=submit]"),
    };
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var p = parts(event);
    if (!p || !p.box) { return; }
    p.box.hidden = false;
    p.bar.value = 0;
    p.text.textContent = "0 %";
    if (p.button) { p.button.disabled = true; }
  });

  document.addEventListener("htmx:xhr:progress", function (event) {
    var p = parts(event);
    if (!p || !p.bar || !event.detail.lengthComputable) { return; }
    var percent = Math.round((event.detail.loaded / event.detail.total) * 100);
    // The download of the answer reports progress too; the bar only moves forward.
    if (percent < p.bar.value) { return; }
    p.bar.value = percent;
    p.text.textContent = percent >= 100 ? p.form.dataset.checking : percent + " %";
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var p = parts(event);
    if (!p) { return; }
    if (p.button) { p.button.disabled = false; }
    if (!event.detail.successful && p.box) { p.box.hidden = true; }
  });
})();
