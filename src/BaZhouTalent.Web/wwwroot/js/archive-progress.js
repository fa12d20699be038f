// 归档: while a year's archive is being prepared, the table of year archives is fetched again every few seconds and
// replaced in place (progress, then the 下载 link). Without script the page refreshes itself (<noscript> meta refresh).
(function () {
  'use strict';
  var box = document.querySelector('[data-archive-jobs]');
  if (!box || !window.fetch || !window.DOMParser) return;
  var every = 3000;

  function poll() {
    fetch(window.location.href, { credentials: 'same-origin', redirect: 'manual', headers: { 'X-Requested-With': 'fetch' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        var fresh = html && new DOMParser().parseFromString(html, 'text/html').querySelector('[data-archive-jobs]');
        if (!fresh) { box.removeAttribute('data-under-way'); return; } // signed out, or the page is gone: stop asking
        box.innerHTML = fresh.innerHTML;
        if (fresh.hasAttribute('data-under-way')) box.setAttribute('data-under-way', ''); else box.removeAttribute('data-under-way');
      })
      .catch(function () { /* a network hiccup: ask again next time */ })
      .then(function () { if (box.hasAttribute('data-under-way')) setTimeout(poll, every); });
  }

  if (box.hasAttribute('data-under-way')) setTimeout(poll, every);
})();
