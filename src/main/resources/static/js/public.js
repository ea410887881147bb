// Public pages: charts drawn from the data embedded in each page (the same numbers as its tables), table
// filters, the province grid's measure, the provinces' map and the digest check. Every figure is readable
// without JavaScript.
(function () {
  function charts() {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(JSON.parse(el.getAttribute('data-chart')));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  function filters() {
    document.querySelectorAll('[data-filter-for]').forEach(function (box) {
      var table = document.getElementById(box.getAttribute('data-filter-for'));
      if (!table) { return; }
      var controls = box.querySelectorAll('[data-column]');
      function apply() {
        table.querySelectorAll('tbody tr').forEach(function (row) {
          var show = true;
          controls.forEach(function (c) {
            var want = c.value.trim().toLowerCase();
            var have = (row.getAttribute('data-' + c.getAttribute('data-column')) || '').toLowerCase();
            if (want && (c.tagName === 'SELECT' ? have !== want : have.indexOf(want) < 0)) { show = false; }
          });
          row.hidden = !show;
        });
      }
      controls.forEach(function (c) { c.addEventListener('input', apply); c.addEventListener('change', apply); });
    });
  }
  function grid() {
    var select = document.getElementById('measure');
    if (!select) { return; }
    select.addEventListener('change', function () {
      var m = select.value.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); });
      document.querySelectorAll('.province-grid .tile').forEach(function (tile) {
        tile.className = 'tile b' + tile.getAttribute('data-b-' + m);
        tile.querySelector('.tile-value').textContent = tile.getAttribute('data-t-' + m);
      });
      document.querySelectorAll('.grid-legend').forEach(function (legend) {
        legend.hidden = legend.getAttribute('data-measure') !== select.value;
      });
    });
  }
  // The map of the provinces: ECharts' map series on the simplified boundaries (vn-provinces.js), each province
  // in its band's colour for the chosen measure, its figure on hover, a click to its page.
  function map() {
    var el = document.getElementById('map-chart');
    if (!el || !window.echarts || !window.MANDATE_PROVINCES) { return; }
    var data = JSON.parse(el.getAttribute('data-map'));
    var byCode = {};
    data.provinces.forEach(function (p) { byCode[p.code] = p; });
    window.echarts.registerMap('vn34', window.MANDATE_PROVINCES);
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    var select = document.getElementById('map-measure');
    function draw() {
      var m = select ? select.value : 'percentDone';
      chart.setOption({
        animation: false,
        tooltip: {
          trigger: 'item',
          formatter: function (item) {
            var p = byCode[item.name];
            return p ? p.name + ': ' + p.texts[m] : item.name;
          }
        },
        series: [{
          type: 'map', map: 'vn34', roam: false, nameProperty: 'name', selectedMode: false,
          label: { show: false },
          itemStyle: { borderColor: '#4a5563', borderWidth: 0.5 },
          emphasis: { label: { show: false }, itemStyle: { borderColor: '#0b4f9c', borderWidth: 2 } },
          data: data.provinces.map(function (p) {
            return { name: p.code, value: p.values[m], itemStyle: { areaColor: p.colours[m] },
              emphasis: { itemStyle: { areaColor: p.colours[m] } } };
          })
        }]
      }, { replaceMerge: ['series'] });
      el.setAttribute('data-measure', m);
      document.querySelectorAll('.map-legend').forEach(function (legend) {
        legend.hidden = legend.getAttribute('data-measure') !== m;
      });
    }
    draw();
    if (select) { select.addEventListener('change', draw); }
    chart.on('click', function (item) {
      var p = byCode[item.name];
      if (p) { window.location.href = p.link; }
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function verify() {
    var button = document.getElementById('verify-button');
    if (!button) { return; }
    button.addEventListener('click', function () {
      var out = document.getElementById('verify-result');
      fetch('/api/v1/public/publications/' + button.getAttribute('data-publication') + '/verify')
        .then(function (r) { return r.json(); })
        .then(function (v) { out.textContent = v.valid ? out.getAttribute('data-ok') : out.getAttribute('data-broken'); })
        .catch(function () { out.textContent = out.getAttribute('data-offline'); });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { charts(); filters(); grid(); map(); verify(); });
})();
