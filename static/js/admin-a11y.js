// Accessible names for controls that third-party admin scripts build
// without one (WCAG 4.1.2; axe: aria-input-field-name). Runs on every admin
// page (templates/admin/base_site.html) and on rows added to inlines later.
//
// - Select2 (the admin's autocomplete) names its combobox after the chosen
//   value alone, so an empty one has no name (select2/select2#6339, closed
//   upstream as a usage question): the field's <label> is added to it.
// - The admin's own SelectFilter2.js (filter_horizontal) puts aria-label on
//   a plain <span> icon, where ARIA does not allow it: it becomes an image.
// - django-prose-editor's Tiptap view is a role="textbox" with no name: it
//   takes the label of the textarea it edits.
(function () {
  "use strict";

  function labelId(fieldId) {
    var label = fieldId && document.querySelector('label[for="' + fieldId + '"]');
    if (!label) { return null; }
    if (!label.id) { label.id = fieldId + "-label"; }
    return label.id;
  }

  function nameSelect2(selection) {
    var rendered = selection.querySelector(".select2-selection__rendered");
    if (!rendered || !rendered.id) { return; }
    var fieldId = rendered.id.replace(/^select2-/, "").replace(/-container$/, "");
    var label = labelId(fieldId);
    if (!label) { return; }
    selection.setAttribute("aria-labelledby", label + " " + rendered.id);
    rendered.setAttribute("aria-labelledby", label);
  }

  function nameEditor(view) {
    var wrapper = view.closest(".prose-editor");
    var textarea = wrapper && wrapper.querySelector("textarea");
    var label = labelId(textarea && textarea.id);
    if (label) {
      view.setAttribute("aria-labelledby", label);
      view.setAttribute("aria-multiline", "true");
    }
  }

  function nameAll(root) {
    root.querySelectorAll(".select2-selection[role=combobox]").forEach(nameSelect2);
    root.querySelectorAll(".ProseMirror[role=textbox]").forEach(nameEditor);
    root.querySelectorAll(".search-label-icon[aria-label]:not([role])").forEach(
      function (icon) { icon.setAttribute("role", "img"); }
    );
  }

  // Both libraries build their markup after their own load events, and again
  // for inline rows added later: watch for it.
  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      nameAll(document);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { nameAll(document); });
})();
