// The article change page: keep the word count and reading time current
// while the body is edited.
(function () {
  "use strict";
  function update() {
    var body = document.getElementById("id_body");
    var out = document.querySelector(".desk-length");
    if (!body || !out) return;
    // The rich-text editor's own view when it is on, else the textarea;
    // DOMParser runs no scripts and loads no images from the pasted HTML.
    var editor = document.querySelector(".ProseMirror[contenteditable]");
    var text = editor
      ? editor.textContent
      : new DOMParser().parseFromString(body.value, "text/html").body.textContent;
    text = (text || "").trim();
    var words = text ? text.split(/\s+/).length : 0;
    var perMinute = parseInt(out.dataset.wordsPerMinute, 10) || 200;
    out.querySelector(".desk-length__words").textContent = words;
    out.querySelector(".desk-length__minutes").textContent =
      Math.max(1, Math.ceil(words / perMinute));
  }
  document.addEventListener("input", update);
  document.addEventListener("DOMContentLoaded", update);
})();
