// Public pages: charts drawn from the data embedded in each page (the same numbers as its tables), table
// filters, the province grid's measure and the digest check. Every figure is readable without JavaScript.
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
  document.addEventListener('DOMContentLoaded', function () { charts(); filters(); grid(); verify(); });
})();
