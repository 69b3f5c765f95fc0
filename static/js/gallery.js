// A gallery as a slideshow: "Previous photo" / "Next photo" change the
// picture in place instead of loading its page, as do the arrow keys
// (while focus is in the gallery) and a swipe. Without this script every
// picture has its own page, linked the same way.
(function () {
  "use strict";
  function setup(gallery) {
    if (gallery.dataset.ready) { return; }
    gallery.dataset.ready = "1";
    var slides = Array.prototype.slice.call(gallery.querySelectorAll("[data-slide]"));
    var current = slides.findIndex(function (s) { return !s.hidden; });

    function show(index, direction) {
      if (index < 0 || index >= slides.length || index === current) { return false; }
      slides[current].hidden = true;
      slides[index].hidden = false;
      current = index;
      var link = slides[index].querySelector(direction > 0 ? ".gallery__next" : ".gallery__prev") ||
        slides[index].querySelector(".gallery__next, .gallery__prev");
      if (link && gallery.contains(document.activeElement)) { link.focus(); }
      return true;
    }
    gallery.addEventListener("click", function (event) {
      var link = event.target.closest("[data-go]");
      if (!link) { return; }
      var index = Number(link.dataset.go) - 1;
      if (show(index, index > current ? 1 : -1)) { event.preventDefault(); }
    });
    gallery.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight" && show(current + 1, 1)) { event.preventDefault(); }
      if (event.key === "ArrowLeft" && show(current - 1, -1)) { event.preventDefault(); }
    });
    var startX = null;
    gallery.addEventListener("pointerdown", function (event) { startX = event.clientX; });
    gallery.addEventListener("pointerup", function (event) {
      if (startX === null) { return; }
      var dx = event.clientX - startX;
      startX = null;
      if (Math.abs(dx) > 50) { show(current + (dx < 0 ? 1 : -1), dx < 0 ? 1 : -1); }
    });
  }
  function init() { document.querySelectorAll("[data-gallery]").forEach(setup); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
