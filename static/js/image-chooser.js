// The image chooser's dialog: search the library, pick with Enter, Space
// or a click; Escape closes (native <dialog>). Without this script the
// number input, "Browse the library" and "Upload a new image" still work.
(function () {
  "use strict";
  function setup(root) {
    // The inline's hidden template row: its copies are set up when added.
    if (root.closest(".empty-form")) { return; }
    // In an added row the admin renumbered the ids ("__prefix__" to "3")
    // but not this data attribute nor aria-labelledby: look inside the row.
    var input = root.querySelector(".vForeignKeyRawIdAdminField") ||
      document.getElementById(root.dataset.input);
    var dialog = root.querySelector(".image-chooser__dialog");
    dialog.setAttribute("aria-labelledby", dialog.querySelector("h2").id);
    var opener = root.querySelector(".image-chooser__open");
    var clear = root.querySelector(".image-chooser__clear");
    var search = root.querySelector(".image-chooser__q");
    var results = root.querySelector(".image-chooser__results");
    var chosen = root.querySelector(".image-chooser__chosen");
    var url = new URL(root.dataset.chooserUrl, window.location.href);
    var timer = null;

    function load(params, then) {
      var query = new URL(url);
      Object.keys(params).forEach(function (k) { query.searchParams.set(k, params[k]); });
      fetch(query, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(then);
    }
    function show(button) {
      chosen.replaceChildren();
      if (!button) {
        var none = document.createElement("span");
        none.className = "image-chooser__title";
        none.textContent = chosen.dataset.none || "";
        chosen.append(none);
        clear.hidden = true;
        return;
      }
      var img = button.querySelector("img");
      if (img) { chosen.append(img.cloneNode()); }
      var title = document.createElement("span");
      title.className = "image-chooser__title";
      title.textContent = button.dataset.title;
      chosen.append(title);
      clear.hidden = false;
    }
    function refresh() {
      if (!/^\d+$/.test(input.value)) { show(null); return; }
      load({ id: input.value }, function (html) {
        var box = document.createElement("div");
        box.innerHTML = html;
        show(box.querySelector(".image-chooser__pick"));
      });
    }
    function list() {
      load({ q: search.value }, function (html) { results.innerHTML = html; });
    }

    chosen.dataset.none = chosen.textContent.trim();
    opener.hidden = false;
    clear.hidden = !input.value;
    opener.addEventListener("click", function () {
      // Empty, so that Escape closes the dialog rather than clearing it.
      search.value = "";
      dialog.showModal();
      search.focus();
      list();
    });
    clear.addEventListener("click", function () {
      input.value = "";
      show(null);
      opener.focus();
    });
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(list, 200);
    });
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); list(); }
    });
    results.addEventListener("click", function (event) {
      var button = event.target.closest(".image-chooser__pick");
      if (!button) { return; }
      input.value = button.dataset.id;
      show(button);
      dialog.close();
    });
    root.querySelector(".image-chooser__close").addEventListener("click", function () {
      dialog.close();
    });
    dialog.addEventListener("close", function () { opener.focus(); });
    input.addEventListener("change", refresh);
    // The admin's pop-ups (browse, upload) set the value through jQuery.
    if (window.django && window.django.jQuery) {
      window.django.jQuery(input).on("change", refresh);
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".image-chooser").forEach(setup);
  });
  // A gallery row added in the article form.
  document.addEventListener("formset:added", function (event) {
    event.target.querySelectorAll(".image-chooser").forEach(setup);
  });
})();
