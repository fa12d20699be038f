// Asks before a form with data-confirm="…" is posted (reset a password, unlock an account). Kept in a file
// rather than an onsubmit attribute: the Content-Security-Policy runs no inline script.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form instanceof HTMLFormElement ? form.getAttribute("data-confirm") : null;
    if (question && !window.confirm(question)) event.preventDefault();
  }, true);
})();
