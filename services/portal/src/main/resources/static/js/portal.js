// Progressive enhancement only: the pages work without this script.
// The territory field proposes communes, EPCI, départements and régions as the visitor types (a <datalist>); the
// chosen label ("Lyon (Commune 69123)") is understood by the server as is.
(function () {
  'use strict';
  var input = document.getElementById('territoire');
  var list = document.getElementById('territoires-proposes');
  if (!input || !list || !window.fetch) {
    return;
  }
  var timer = null;
  var last = '';
  input.addEventListener('input', function () {
    var text = input.value.trim();
    if (text.length < 2 || text === last || /\)$/.test(text)) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(function () {
      last = text;
      fetch('/territoires?q=' + encodeURIComponent(text), {headers: {'Accept': 'application/json'}})
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (choices) {
          list.innerHTML = '';
          choices.forEach(function (choice) {
            var option = document.createElement('option');
            option.value = choice.label;
            list.appendChild(option);
          });
        })
        .catch(function () { /* the form still works: the server resolves what was typed */ });
    }, 250);
  });
}());

// A harvest run in progress (#avancement[data-suivi]): its page is re-read every few seconds and its progress
// replaced in place, instead of the whole page reloading (what <noscript><meta http-equiv="refresh"> does without
// this script). The live region #etat-moisson (role="status", polite) changes only when the run's status does, so a
// screen reader hears "Moisson terminée…" once, not every count. "?actualisation=non" turns both off.
(function () {
  'use strict';
  var progress = document.getElementById('avancement');
  var status = document.getElementById('etat-moisson');
  if (!progress || !status || !progress.hasAttribute('data-suivi') || !window.fetch || !window.DOMParser) {
    return;
  }
  var every = 3000;
  function schedule() {
    setTimeout(poll, every);
  }
  function poll() {
    fetch(window.location.href, {headers: {'Accept': 'text/html'}, credentials: 'same-origin', cache: 'no-store'})
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var fresh = page.getElementById('avancement');
        var freshStatus = page.getElementById('etat-moisson');
        if (!fresh || !freshStatus) {
          schedule();
          return;
        }
        // a parsed document runs no script: its <noscript> would show as content here
        Array.prototype.forEach.call(fresh.querySelectorAll('noscript'), function (n) { n.remove(); });
        progress.innerHTML = fresh.innerHTML;
        if (freshStatus.textContent !== status.textContent) {
          status.textContent = freshStatus.textContent;
        }
        document.title = page.title;
        if (fresh.hasAttribute('data-suivi')) {
          schedule();
        } else {
          progress.removeAttribute('data-suivi');
        }
      })
      .catch(function () { schedule(); /* a missed answer: the next one will do */ });
  }
  schedule();
}());
