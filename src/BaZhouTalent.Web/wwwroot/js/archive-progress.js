// 归档: while a year's archive is being prepared, the table of year archives is fetched again every few seconds and
// replaced in place (progress, then the 下载 link). Without script the page refreshes itself (<noscript> meta refresh).
(function () {
  'use strict';
  var box = document.querySelector('[data-archive-jobs]');
  if (!box || !window.fetch || !window.DOMParser) return;
  var every = 3000;

  function underWay() { return box.getAttribute('data-under-way') === 'true'; }

  function poll() {
    fetch(window.location.href, { credentials: 'same-origin', redirect: 'manual', headers: { 'X-Requested-With': 'fetch' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        var fresh = html && new DOMParser().parseFromString(html, 'text/html').querySelector('[data-archive-jobs]');
        if (!fresh) { box.setAttribute('data-under-way', 'false'); return; } // signed out, or the page is gone: stop asking
        box.innerHTML = fresh.innerHTML;
        box.setAttribute('data-under-way', fresh.getAttribute('data-under-way'));
      })
      .catch(function () { /* a network hiccup: ask again next time */ })
      .then(function () { if (underWay()) setTimeout(poll, every); });
  }

  if (underWay()) setTimeout(poll, every);
})();
