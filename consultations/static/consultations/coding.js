// Theme coding without a reload per answer. Every coding form works as a plain POST; with this
// script it is sent in the background, the page's checkboxes and counts take the new codes and
// the status region says what happened. On any failure the form is submitted the ordinary way.
(function () {
  "use strict";
  var status = document.querySelector("[data-coding-status]");

  function say(message, failed) {
    if (!status) return;
    status.textContent = message;
    if (failed) status.setAttribute("data-error", "");
    else status.removeAttribute("data-error");
  }

  function show(result) {
    Object.keys(result.answers || {}).forEach(function (answer) {
      var coded = result.answers[answer].map(String);
      document.querySelectorAll('input[name="themes"][data-answer="' + answer + '"]').forEach(function (box) {
        box.checked = coded.indexOf(box.value) !== -1;
      });
      var selected = document.getElementById("select-" + answer);
      if (selected) selected.checked = false;
    });
    Object.keys(result.counts || {}).forEach(function (theme) {
      var cell = document.querySelector('[data-theme-count="' + theme + '"]');
      if (cell) cell.textContent = result.counts[theme];
    });
  }

  document.querySelectorAll("form[data-coding-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.FormData || form.dataset.plain) return;
      event.preventDefault();
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) {
        data.set(event.submitter.name, event.submitter.value);
      }
      var buttons = form.querySelectorAll("button");
      buttons.forEach(function (button) { button.disabled = true; });
      fetch(form.getAttribute("action") || window.location.href, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.json().then(function (result) {
            return { ok: response.ok, result: result };
          });
        })
        .then(function (reply) {
          buttons.forEach(function (button) { button.disabled = false; });
          if (!reply.ok) {
            say(reply.result.message, true);
            return;
          }
          show(reply.result);
          say(reply.result.message, false);
        })
        .catch(function () {
          buttons.forEach(function (button) { button.disabled = false; });
          form.dataset.plain = "1";
          if (form.requestSubmit) form.requestSubmit(event.submitter || undefined);
          else form.submit();
        });
    });
  });
})();
