// Progressive enhancement: the newsfeed's "Load more" link works without
// JavaScript (it opens the next page); with it, the next items load in place.
(function () {
  "use strict";
  function loadMore(link) {
    var item = link.closest(".newsfeed__more");
    var loader = item.querySelector(".newsfeed__loader");
    var list = item.parentElement;
    link.hidden = true;
    loader.hidden = false;
    list.setAttribute("aria-busy", "true");
    fetch(link.dataset.itemsUrl, { headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      })
      .then(function (html) {
        var template = document.createElement("template");
        template.innerHTML = html.trim();
        var first = template.content.querySelector(".newsfeed__item a");
        item.replaceWith(template.content);
        if (first) { first.focus(); }
      })
      .catch(function () {
        window.location.href = link.href;
      })
      .finally(function () { list.removeAttribute("aria-busy"); });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".newsfeed__more-link");
    if (!link || !link.dataset.itemsUrl) { return; }
    event.preventDefault();
    loadMore(link);
  });
})();
