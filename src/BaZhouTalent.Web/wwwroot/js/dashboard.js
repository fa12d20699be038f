// 总览: draws each chart from the table beneath it, so a chart can never show other figures than its table.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') return;
  document.querySelectorAll('[data-chart-for]').forEach(function (box) {
    var table = document.getElementById(box.getAttribute('data-chart-for'));
    if (!table) { box.hidden = true; return; }
    var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      return { name: row.cells[0].textContent.trim(), value: Number(row.cells[1].textContent.trim()) };
    });
    var chart = echarts.init(box, null, { renderer: 'svg' });
    var option = table.getAttribute('data-chart') === 'pie'
      ? { tooltip: { trigger: 'item' }, series: [{ type: 'pie', radius: ['35%', '65%'], data: rows, label: { formatter: '{b}：{c}' } }] }
      : {
          tooltip: { trigger: 'axis' },
          grid: { left: 40, right: 16, top: 16, bottom: 56 },
          xAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0 } },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'bar', data: rows.map(function (r) { return r.value; }), itemStyle: { color: '#0d3b7a' }, label: { show: true, position: 'top' } }]
        };
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
