// 报告审查台: filter the checklist of reports in fazhi and count what is ticked (no inline script,
// the Content-Security-Policy forbids it).
(function () {
  var box = document.getElementById('report-pick');
  var filter = document.getElementById('pick-filter');
  if (!box) { return; }
  var count = document.getElementById('pick-count');
  function counted() {
    var n = box.querySelectorAll('input[name=reports]:checked').length;
    count.textContent = n ? '（已勾选 ' + n + ' 份）' : '';
  }
  function filtered() {
    var words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    box.querySelectorAll('.pick-year').forEach(function (group) {
      var inGroup = 0;
      group.querySelectorAll('.pick-item').forEach(function (item) {
        var text = item.getAttribute('data-search').toLowerCase();
        var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
        item.hidden = !ok;
        inGroup += ok ? 1 : 0;
      });
      group.hidden = inGroup === 0;
      if (words.length && inGroup) { group.open = true; }
      shown += inGroup;
    });
    document.getElementById('pick-none').hidden = shown > 0;
  }
  box.addEventListener('change', counted);
  if (filter) { filter.addEventListener('input', filtered); }
  // A ticked report in a closed year stays in view.
  box.querySelectorAll('input[name=reports]:checked').forEach(function (el) {
    el.closest('details').open = true;
  });
  counted();
})();
