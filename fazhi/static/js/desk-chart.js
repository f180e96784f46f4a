// Moved out of the page so that the Content-Security-Policy can forbid inline scripts.
(function () {
  var rows = JSON.parse(document.getElementById('chart-data').textContent);
  var el = document.getElementById('desk-chart');
  if (!window.echarts || !el) { return; }
  var chart = echarts.init(el);
  function show(i) {
    var c = rows[i];
    chart.setOption({
      title: { text: c.title, textStyle: { fontSize: 14 } },
      tooltip: {},
      grid: { bottom: 70 },
      xAxis: { type: 'category', data: c.x, axisLabel: { rotate: 15, interval: 0 } },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', label: { show: true, position: 'top' }, data: c.y.map(function (v, k) {
        return { value: v, itemStyle: { color: c.outlier[k] ? '#C00000' : '#5470C6' } };
      }) }]
    }, true);
  }
  document.getElementById('chart-pick').addEventListener('change', function (e) { show(+e.target.value); });
  window.addEventListener('resize', function () { chart.resize(); });
  show(0);
})();
