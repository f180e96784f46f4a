// On a phone (< 576 px) tables marked .stack-on-phone are shown as stacked cards (fazhi.css):
// each cell needs its column's name, copied here from the table's header once the page loads: the
// header's own data-label when it has one (a short name for a header with a note beneath it).
(function () {
  function label(table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.getAttribute("data-label") || th.textContent.trim();
    });
    table.querySelectorAll("tbody tr").forEach(function (tr) {
      Array.prototype.forEach.call(tr.children, function (td, i) {
        if (heads[i] && !td.hasAttribute("colspan")) td.setAttribute("data-label", heads[i]);
      });
    });
  }
  function all() { document.querySelectorAll("table.stack-on-phone").forEach(label); }
  document.addEventListener("DOMContentLoaded", all);
  document.addEventListener("htmx:afterSwap", all);
})();
