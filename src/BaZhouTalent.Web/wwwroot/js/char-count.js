// Shows how much of its limit a textarea marked data-count has used ("已输入 120 / 2000 字"), counted as the
// server counts it: a line break is one character. The limit is the textarea's maxlength, which the page takes
// from the same figure as the validator and the typesetter.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-count][maxlength]"), function (area) {
    var limit = parseInt(area.getAttribute("maxlength"), 10);
    var note = document.createElement("div");
    note.className = "form-text text-end";
    note.setAttribute("aria-live", "polite");
    note.id = (area.id || "text") + "-count";
    area.insertAdjacentElement("afterend", note);
    var described = area.getAttribute("aria-describedby");
    area.setAttribute("aria-describedby", described ? described + " " + note.id : note.id);
    function update() {
      var used = area.value.replace(/\r\n/g, "\n").length;
      note.textContent = "已输入 " + used + " / " + limit + " 字";
      note.classList.toggle("text-danger", used >= limit);
    }
    area.addEventListener("input", update);
    update();
  });
})();
