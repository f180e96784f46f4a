// Moved out of the page so that the Content-Security-Policy can forbid inline scripts.
// The x axis names every report (interval 0), each label wrapped inside its own category's
// width; when the reports need more room than the screen gives, the chart grows wider and
// scrolls inside its frame (.chart-frame) instead of rotating, truncating or overlapping labels.
// SVG, so the labels are text a reader (and a test) can select.
(function () {
  var rows = JSON.parse(document.getElementById('chart-data').textContent);
  var el = document.getElementById('desk-chart');
  if (!window.echarts || !el) { return; }
  var PER_LABEL = 84; // px a category needs for a label wrapped on at most three lines
  var AXIS = 64; // px left of the first category (the value axis)
  var chart = echarts.init(el, null, { renderer: 'svg' });
  var current = 0;
  function show(i) {
    var c = rows[i];
    current = i;
    var room = el.parentNode.clientWidth;
    el.style.width = Math.max(room, AXIS + c.x.length * PER_LABEL) + 'px';
    chart.resize();
    var per = (el.clientWidth - AXIS - 16) / c.x.length;
    chart.setOption({
      tooltip: {},
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category', data: c.x,
        axisLabel: { interval: 0, rotate: 0, width: Math.floor(per) - 8, overflow: 'break', lineHeight: 15 }
      },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', label: { show: true, position: 'top' }, data: c.y.map(function (v, k) {
        return { value: v, itemStyle: { color: c.outlier[k] ? '#C00000' : '#5470C6' } };
      }) }]
    }, true);
  }
  document.getElementById('chart-pick').addEventListener('change', function (e) { show(+e.target.value); });
  window.addEventListener('resize', function () { show(current); });
  show(0);
})();
