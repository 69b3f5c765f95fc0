// Live stories. Without JavaScript the page shows the posts and a reload
// brings the new ones; with it, a WebSocket adds new posts at the top,
// replaces edited ones and removes deleted ones, until the coverage ends.
// Post HTML comes rendered and sanitized from the server (live/broadcast.py).
(function () {
  "use strict";

  function fromHtml(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function connect(live) {
    var list = live.querySelector(".live__posts");
    var status = live.querySelector(".live__status");
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var url = scheme + window.location.host + live.dataset.liveSocket;
    var retry = 1000;

    function upsert(data, isNew) {
      var post = fromHtml(data.html);
      var old = document.getElementById(post.id);
      if (old) {
        old.replaceWith(post);
        return;
      }
      if (!isNew) { return; }
      var empty = list.querySelector(".live__empty");
      if (empty) { empty.remove(); }
      list.prepend(post);
      status.textContent = live.dataset.newPost + ": " +
        post.querySelector("time").textContent;
    }

    function end() {
      var state = live.querySelector(".live__state");
      state.textContent = live.dataset.ended;
      state.classList.add("live__state--ended");
      live.dataset.live = "false";
    }

    function open() {
      var socket = new WebSocket(url);
      socket.addEventListener("open", function () {
        retry = 1000;
        live.dataset.live = "true";
      });
      socket.addEventListener("message", function (event) {
        var data;
        try { data = JSON.parse(event.data); } catch (error) { return; }
        if (data.type === "post" || data.type === "edited") {
          upsert(data, data.type === "post");
        } else if (data.type === "deleted") {
          var item = document.getElementById("post-" + data.id);
          if (item) { item.remove(); }
        } else if (data.type === "closed") {
          end();
        }
      });
      socket.addEventListener("close", function (event) {
        live.dataset.live = "false";
        // Not public, or the coverage ended: nothing more will come.
        if (event.code === 4404) { return; }
        if (event.code === 4410) { end(); return; }
        window.setTimeout(open, retry);
        retry = Math.min(retry * 2, 30000);
      });
    }

    open();
  }

  document.querySelectorAll(".live[data-live-socket]").forEach(connect);
})();
