// Preview only: reloads the page when the content changes, and marks the
// words the checks found on it. The published site has no scripts.
(function () {
  "use strict";
  var me = document.currentScript;
  var version = me ? me.getAttribute("data-version") : "0";

  function wait() {
    fetch("/__promise/wait?v=" + version)
      .then(function (r) { return r.text(); })
      .then(function (now) {
        if (now.trim() !== version) {
          location.reload();
        } else {
          wait();
        }
      }, function () { setTimeout(wait, 1000); });
  }
  wait();

  var data = document.getElementById("promise-findings");
  if (!data) { return; }
  var findings = JSON.parse(data.textContent);
  var main = document.querySelector("main") || document.body;
  findings.forEach(function (f) {
    if (!f.text) { return; }
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var at = node.data.indexOf(f.text);
      if (at < 0 || node.parentNode.closest(".promise-note")) { continue; }
      var hit = node.splitText(at);
      hit.splitText(f.text.length);
      var mark = document.createElement("mark");
      mark.className = "promise-finding promise-" + f.severity;
      hit.parentNode.replaceChild(mark, hit);
      mark.appendChild(hit);
      var note = document.createElement("span");
      note.className = "promise-note";
      note.textContent = f.message + " (line " + f.line + ")";
      mark.parentNode.insertBefore(note, mark.nextSibling);
      break;
    }
  });
}());
