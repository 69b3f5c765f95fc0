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
