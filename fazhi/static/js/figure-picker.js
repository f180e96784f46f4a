// 插入数据 (reports/_part_form.html): a row's 插入 button puts its figure token at the cursor of
// its part's textarea (replacing a selection), then puts the cursor after it. The listener sits on
// the document, so part forms that htmx swaps in later work without binding anything again; a
// textarea keeps its selection when it loses focus to the button.
(function () {
  if (window.fazhiFigurePicker) return;
  window.fazhiFigurePicker = true;
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-fig-token]");
    if (!button) return;
    var part = button.closest(".report-part");
    var area = part && part.querySelector("textarea[name=text]");
    if (!area) return;
    event.preventDefault();
    var token = button.getAttribute("data-fig-token");
    var start = area.selectionStart, end = area.selectionEnd;
    area.setRangeText(token, start, end, "end");
    area.focus();
    area.setSelectionRange(start + token.length, start + token.length);
    area.dispatchEvent(new Event("input", { bubbles: true }));
    var status = part.querySelector("[data-picker-status]");
    if (status) status.textContent = "已在光标处插入“" + button.getAttribute("data-fig-name") + "”，保存后显示数值。";
  });
})();
