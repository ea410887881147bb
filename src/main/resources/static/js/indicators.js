// The trend chart of an indicator page: values, the target line and the projection to the target year.
(function () {
  var el = document.getElementById('trend-chart');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.getAttribute('data-chart'));
  var series = [{ name: data.labels.actual, type: 'line', data: data.actual, symbolSize: 6 }];
  if (data.target) {
    series.push({ name: data.labels.target, type: 'line', data: data.target, symbol: 'none',
      lineStyle: { type: 'solid', color: '#1a7f37', width: 2 } });
  }
  if (data.projection) {
    series.push({ name: data.labels.projection, type: 'line', data: data.projection,
      lineStyle: { type: 'dashed', color: '#b35900' } });
  }
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: data.unit, scale: true },
    series: series
  });
  window.addEventListener('resize', function () { chart.resize(); });
  el.setAttribute('data-rendered', 'true');
})();
