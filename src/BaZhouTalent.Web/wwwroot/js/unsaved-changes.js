// Warns before leaving a form page with changes that were not saved. A form opts in with
// data-warn-unsaved; data-dirty="true" marks a page re-rendered with unsaved input (e.g. after an error).
(function () {
  "use strict";
  var forms = Array.prototype.slice.call(document.querySelectorAll("form[data-warn-unsaved]"));
  if (forms.length === 0) return;
  var dirty = forms.some(function (f) { return f.getAttribute("data-dirty") === "true"; });
  var submitting = false;

  forms.forEach(function (form) {
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
  });
  // Any form post (save, import, submit, row buttons) carries the typed data with it.
  document.addEventListener("submit", function () { submitting = true; }, true);

  window.addEventListener("beforeunload", function (event) {
    if (!dirty || submitting) return;
    event.preventDefault();
    event.returnValue = "";
  });
})();
