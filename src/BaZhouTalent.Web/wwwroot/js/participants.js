// 现参与人员: 添加一行 / 删除 / 上移 / 下移 in place. Without this script each button posts the form and the
// server re-renders the list (the page works either way); with it no reload happens and the focus stays
// where the researcher is working — in the new row's first field after 添加一行.
(function () {
  "use strict";
  var list = document.querySelector("[data-participants]");
  var template = document.querySelector("template[data-participant-template]");
  if (!list || !template) return;
  var form = list.closest("form");
  var empty = document.querySelector("[data-participants-empty]");
  var status = document.querySelector("[data-participants-status]");
  var addButton = document.querySelector("[data-participant-add]");

  function rows() { return Array.prototype.slice.call(list.children); }

  // Names, ids and labels carry the row index (Input.Participants[i].Name), so they follow the row's place.
  function renumber() {
    var all = rows();
    all.forEach(function (row, i) {
      var n = String(i + 1);
      row.querySelectorAll("[name^='Input.Participants[']").forEach(function (el) {
        el.name = el.name.replace(/Participants\[[^\]]*\]/, "Participants[" + i + "]");
      });
      row.querySelectorAll("[id^='Input_Participants_']").forEach(function (el) {
        el.id = el.id.replace(/^Input_Participants_(?:\d+|__i__)__/, "Input_Participants_" + i + "__");
      });
      row.querySelectorAll("label[for^='Input_Participants_']").forEach(function (el) {
        el.htmlFor = el.htmlFor.replace(/^Input_Participants_(?:\d+|__i__)__/, "Input_Participants_" + i + "__");
      });
      row.querySelectorAll("[data-valmsg-for]").forEach(function (el) {
        el.setAttribute("data-valmsg-for", el.getAttribute("data-valmsg-for").replace(/Participants\[[^\]]*\]/, "Participants[" + i + "]"));
      });
      row.querySelector(".participant-no").textContent = n;
      var up = row.querySelector("button[value^='up:']");
      var down = row.querySelector("button[value^='down:']");
      var remove = row.querySelector("button[value^='remove:']");
      up.value = "up:" + i; up.disabled = i === 0; up.setAttribute("aria-label", "第 " + n + " 行上移");
      down.value = "down:" + i; down.disabled = i === all.length - 1; down.setAttribute("aria-label", "第 " + n + " 行下移");
      remove.value = "remove:" + i; remove.setAttribute("aria-label", "删除第 " + n + " 行");
    });
    if (empty) empty.hidden = all.length > 0;
  }

  function changed(message) {
    renumber();
    if (status) status.textContent = message;
    // unsaved-changes.js listens for this: the list differs from what was saved.
    form.dispatchEvent(new Event("change", { bubbles: true }));
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button[name='row']");
    if (!button || !form.contains(button)) return;
    event.preventDefault();
    var value = button.value;
    if (value === "add") {
      var row = template.content.firstElementChild.cloneNode(true);
      list.appendChild(row);
      changed("已添加第 " + rows().length + " 行");
      row.querySelector("input").focus();
      return;
    }
    var parts = value.split(":");
    var current = rows();
    var i = parseInt(parts[1], 10);
    var target = current[i];
    if (!target) return;
    if (parts[0] === "remove") {
      target.remove();
      changed("已删除第 " + (i + 1) + " 行");
      var next = rows()[i] || rows()[i - 1];
      (next ? next.querySelector("input") : addButton).focus();
    } else if (parts[0] === "up" && i > 0) {
      list.insertBefore(target, current[i - 1]);
      changed("第 " + (i + 1) + " 行已上移为第 " + i + " 行");
      var up = target.querySelector("button[value^='up:']");
      (up.disabled ? target.querySelector("button[value^='down:']") : up).focus();
    } else if (parts[0] === "down" && i < current.length - 1) {
      list.insertBefore(current[i + 1], target);
      changed("第 " + (i + 1) + " 行已下移为第 " + (i + 2) + " 行");
      var down = target.querySelector("button[value^='down:']");
      (down.disabled ? target.querySelector("button[value^='up:']") : down).focus();
    }
  });
})();
