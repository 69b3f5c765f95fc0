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
        // The fragment says how many stories came ("10 more stories
        // loaded", in the page's language): the live region reads it out.
        var announce = template.content.querySelector(".newsfeed__announce");
        var status = list.parentElement.querySelector("[data-newsfeed-status]");
        if (announce) {
          if (status) { status.textContent = announce.textContent; }
          announce.remove();
        }
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

// Replying in place: "Reply" moves the comment form under the comment (the
// link itself opens a reply page when JavaScript is off).
(function () {
  "use strict";
  var form = document.getElementById("comment-form");
  if (!form) { return; }
  var home = form.parentElement;
  var next = form.nextSibling;
  var parentInput = form.querySelector("input[name=parent]");
  var cancel = form.querySelector(".comment-form__cancel");
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".comment__reply");
    if (!link) { return; }
    event.preventDefault();
    link.closest(".comment").querySelector(".comment__actions").after(form);
    parentInput.value = link.dataset.parent;
    cancel.hidden = false;
    form.querySelector("textarea").focus();
  });
  cancel.addEventListener("click", function () {
    home.insertBefore(form, next);
    parentInput.value = "";
    cancel.hidden = true;
  });
})();

// The reading bar appears once the headline has scrolled out of view above,
// and goes when it comes back.
(function () {
  "use strict";
  var bar = document.querySelector(".reading-bar");
  var headline = document.querySelector(".article__title");
  if (!bar || !headline || !("IntersectionObserver" in window)) { return; }
  new IntersectionObserver(function (entries) {
    var entry = entries[entries.length - 1];
    bar.hidden = entry.isIntersecting || entry.boundingClientRect.top > 0;
  }).observe(headline);
})();

// On a narrow screen the section menu scrolls sideways: while more sections
// lie beyond its right edge, it says so with a fade and an arrow.
(function () {
  "use strict";
  var menu = document.querySelector(".section-menu");
  var list = menu && menu.querySelector(".section-menu__list");
  if (!list) { return; }
  function update() {
    var more = list.scrollLeft + list.clientWidth < list.scrollWidth - 1;
    menu.classList.toggle("section-menu--more", more);
  }
  list.addEventListener("scroll", update, { passive: true });
  window.addEventListener("resize", update);
  update();
})();
