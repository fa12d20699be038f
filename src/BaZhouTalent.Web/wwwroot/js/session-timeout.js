// The idle timeout, made visible: the server ends a session after data-idle seconds without a request. From
// data-warning seconds before that, a banner counts down with a button to stay signed in. Before warning or
// leaving, the server is asked how long is really left (another tab may have kept the session alive).
(function () {
    'use strict';
    var banner = document.getElementById('session-timeout');
    if (!banner) return;
    var idle = parseInt(banner.getAttribute('data-idle'), 10);
    var warning = parseInt(banner.getAttribute('data-warning'), 10);
    var probe = banner.getAttribute('data-probe');
    var login = banner.getAttribute('data-login');
    var left = banner.querySelector('[data-session-left]');
    var keep = banner.querySelector('[data-session-keep]');
    var deadline = Date.now() + idle * 1000;
    var timer = null;

    function leave() {
        window.location.assign(login + '&ReturnUrl=' + encodeURIComponent(window.location.pathname + window.location.search));
    }

    function format(seconds) {
        var m = Math.floor(seconds / 60), s = seconds % 60;
        return m + ' 分 ' + (s < 10 ? '0' : '') + s + ' 秒';
    }

    function ask(then) {
        fetch(probe, { credentials: 'same-origin', redirect: 'manual', headers: { 'Accept': 'application/json' } })
            .then(function (response) { return response.ok ? response.json() : { seconds: 0 }; })
            .then(function (answer) { then(answer.seconds); })
            .catch(function () { then(Math.max(0, Math.round((deadline - Date.now()) / 1000))); });
    }

    function schedule(seconds) {
        deadline = Date.now() + seconds * 1000;
        clearTimeout(timer);
        if (seconds <= 0) { leave(); return; }
        if (seconds > warning) {
            banner.hidden = true;
            timer = setTimeout(function () { ask(schedule); }, (seconds - warning) * 1000);
            return;
        }
        banner.hidden = false;
        tick();
    }

    function tick() {
        var seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        left.textContent = format(seconds);
        if (seconds <= 0) { ask(schedule); return; }
        timer = setTimeout(tick, 1000);
    }

    keep.addEventListener('click', function () {
        fetch(probe + '?handler=KeepAlive', { credentials: 'same-origin', redirect: 'manual' })
            .then(function (response) { if (response.status === 204) { ask(schedule); } else { leave(); } })
            .catch(leave);
    });

    schedule(idle);
}());
