// juryn's only script, and an optional one: every page works without it. On the entry form it
// counts words as you type and saves a draft now and then. Served from /static, allowed by the
// Content-Security-Policy as 'self'; no inline script anywhere.
(function () {
  'use strict';
  function countWords(text) {
    // Close to the server's count: markup characters alone are not words.
    return text.split(/\s+/).filter(function (w) { return /[\p{L}\p{N}]/u.test(w); }).length;
  }
  document.querySelectorAll('textarea[data-word-limit]').forEach(function (area) {
    var counter = document.getElementById(area.id + '-count');
    var words = counter && counter.querySelector('.words');
    if (!words) return;
    var limit = parseInt(area.getAttribute('data-word-limit'), 10);
    var update = function () {
      var n = countWords(area.value);
      words.textContent = n;
      counter.classList.toggle('over', n > limit);
    };
    area.addEventListener('input', update);
  });

  var form = document.querySelector('form.entry-form[data-autosave]');
  if (!form || !window.fetch) return;
  var status = document.getElementById('autosave-status');
  var dirty = false;
  var stopped = false;
  form.addEventListener('input', function () { dirty = true; });
  function save() {
    if (!dirty || stopped) return;
    dirty = false;
    var data = new URLSearchParams(new FormData(form));
    data.set('action', 'autospara');
    fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (res) { return res.json().then(function (body) { return { ok: res.ok, status: res.status, body: body }; }); })
      .then(function (r) {
        if (r.ok) {
          form.querySelector('input[name=version]').value = r.body.version;
          if (status) status.textContent = r.body.message;
        } else {
          stopped = r.status === 409;
          if (status) status.textContent = r.body.message;
        }
      })
      .catch(function () { dirty = true; });
  }
  setInterval(save, 20000);
})();
