// Moved out of the page so that the Content-Security-Policy can forbid inline scripts.
(function () {
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  function draw(el, points, type) {
    if (!el) return;
    var c = echarts.init(el);
    c.setOption({
      tooltip: {trigger: "axis"},
      grid: {left: 48, right: 16, top: 24, bottom: 32},
      xAxis: {type: "category", data: points.map(function (p) { return p.label; })},
      yAxis: {type: "value", name: data.unit},
      series: [{type: type, data: points.map(function (p) { return p.value; }), label: {show: true, position: "top"}}]
    });
    // Each point is a link to the rows behind it.
    c.on("click", function (e) { var p = points[e.dataIndex]; if (p && p.url) { window.location.href = p.url; } });
  }
  draw(document.getElementById("chart-trend"), data.trend, "line");
  draw(document.getElementById("chart-children"), data.children, "bar");
})();
