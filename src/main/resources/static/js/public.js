// Public pages: charts drawn from the data embedded in each page (the same numbers as its tables), and
// the digest check. Everything still reads without JavaScript: tables carry every figure.
(function () {
  function charts() {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var option = JSON.parse(el.getAttribute('data-chart'));
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option);
      window.addEventListener('resize', function () { chart.resize(); });
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
  document.addEventListener('DOMContentLoaded', function () { charts(); verify(); });
})();
