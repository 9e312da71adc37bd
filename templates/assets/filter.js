/* Filters and search for the release index. A classic script (no modules, no fetch) so it works from file://.
   It reads the rows' data attributes; without JavaScript every release stays listed. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var table = document.getElementById("releases");
  if (!form || !table) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var count = document.getElementById("result-count");
  var none = document.getElementById("no-results");
  var params = new URLSearchParams(window.location.search);
  ["project", "workflow", "service", "label", "q"].forEach(function (name) {
    var value = params.get(name);
    if (value !== null && form.elements[name]) form.elements[name].value = value;
  });

  function splitList(value) {
    return value ? value.split("\n") : [];
  }

  function apply() {
    var project = form.elements.project.value;
    var workflow = form.elements.workflow.value;
    var service = form.elements.service.value;
    var label = form.elements.label.value;
    var words = form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var d = row.dataset;
      var match =
        (!project || d.project === project) &&
        (!workflow || d.workflow === workflow) &&
        (!service || splitList(d.services).indexOf(service) !== -1) &&
        (!label || splitList(d.labels).indexOf(label) !== -1) &&
        words.every(function (word) { return d.search.indexOf(word) !== -1; });
      row.hidden = !match;
      if (match) shown++;
    });
    count.textContent = "Showing " + shown + " of " + rows.length + " releases";
    none.hidden = shown !== 0;
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
