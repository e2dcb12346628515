// juryn's only script, and an optional one: every page works without it. On the entry form it
// counts words as you type (red, with how many over, past the limit) and saves the draft a
// moment after you stop typing, says when it did (or why it could not), retries, and warns
// before the page is left with text not yet saved. Served from /static, allowed by the
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
    var over = counter && counter.querySelector('.over-by');
    if (!words) return;
    var limit = parseInt(area.getAttribute('data-word-limit'), 10);
    var template = over ? over.getAttribute('data-template') : '';
    var update = function () {
      var n = countWords(area.value);
      words.textContent = n;
      counter.classList.toggle('over', n > limit);
      if (over) over.textContent = n > limit ? template.replace('{n}', String(n - limit)) : '';
    };
    area.addEventListener('input', update);
    update();
  });

  var form = document.querySelector('form.entry-form[data-autosave]');
  if (!form || !window.fetch) return;
  // The buttons are named "action", which shadows form.action: read the attribute itself.
  var target = form.getAttribute('action');
  var status = document.getElementById('autosave-status');
  var texts = status ? status.dataset : {};
  var dirty = false;
  var saving = false;
  var stopped = false;
  var timer = null;
  var failures = 0;
  function say(text, bad) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('failed', !!bad);
  }
  function later(ms) {
    clearTimeout(timer);
    timer = setTimeout(save, ms);
  }
  function save() {
    if (!dirty || stopped) return;
    if (saving) { later(1000); return; }
    saving = true;
    dirty = false;
    var data = new URLSearchParams(new FormData(form));
    data.set('action', 'autospara');
    fetch(target, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (res) { return res.json().then(function (body) { return { ok: res.ok, status: res.status, body: body }; }); })
      .then(function (r) {
        saving = false;
        if (r.ok) {
          failures = 0;
          form.querySelector('input[name=version]').value = r.body.version;
          say(r.body.message, false);
        } else {
          // Refused (a conflict, the deadline, a problem in the text): the reason is the
          // server's; the text stays unsaved, so leaving still warns.
          dirty = true;
          stopped = r.status === 409;
          say(r.body.message, true);
        }
      })
      .catch(function () {
        // No answer: try again, later each time.
        saving = false;
        dirty = true;
        failures += 1;
        say(texts.offline || '', true);
        later(Math.min(60000, 2000 * Math.pow(2, failures)));
      });
  }
  form.addEventListener('input', function () {
    dirty = true;
    if (status && texts.unsaved) say(texts.unsaved, false);
    later(2000);
  });
  // Pressing a button saves by the form itself: nothing is lost by leaving then.
  form.addEventListener('submit', function () { dirty = false; stopped = true; clearTimeout(timer); });
  window.addEventListener('beforeunload', function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ''; }
  });
})();
