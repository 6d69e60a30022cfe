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
