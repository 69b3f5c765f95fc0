// Live chat rooms. Without JavaScript the room shows its recent messages and
// the form posts normally; with it, a WebSocket brings everyone's messages in
// as they are sent, and the form sends through the socket while it is open.
(function () {
  "use strict";

  function connect(room) {
    var list = room.querySelector(".chat__messages");
    var status = room.querySelector(".chat__status");
    var form = room.querySelector(".chat__form");
    var textarea = form && form.querySelector("textarea");
    var deleteTemplate = room.querySelector(".chat__delete-template");
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var url = scheme + window.location.host + room.dataset.socket;
    var socket = null;
    var retry = 1000;
    var pending = "";

    function showStatus(text, isError) {
      status.textContent = text;
      status.hidden = !text;
      status.classList.toggle("chat__status--error", Boolean(isError));
    }

    // Author and time go in as text; the message's HTML comes escaped from
    // the server (newsroom.text.render_post), never from the sender.
    function addMessage(data) {
      if (document.getElementById("chat-message-" + data.id)) { return; }
      var empty = list.querySelector(".chat__empty");
      if (empty) { empty.remove(); }
      var item = document.createElement("li");
      item.className = "chat__message";
      item.id = "chat-message-" + data.id;
      item.dataset.id = String(data.id);
      var author = document.createElement("span");
      author.className = "chat__author";
      author.textContent = data.author;
      var time = document.createElement("time");
      time.className = "chat__time";
      time.dateTime = data.datetime;
      time.textContent = data.time;
      var text = document.createElement("div");
      text.className = "chat__text";
      text.innerHTML = data.html;
      item.append(author, " ", time, text);
      if (deleteTemplate) {
        var remove = deleteTemplate.content.firstElementChild.cloneNode(true);
        remove.action = remove.getAttribute("action").replace("/0/", "/" + data.id + "/");
        item.append(remove);
      }
      var atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
      list.append(item);
      if (atBottom) { list.scrollTop = list.scrollHeight; }
    }

    function open() {
      socket = new WebSocket(url);
      socket.addEventListener("open", function () {
        retry = 1000;
        room.dataset.live = "true";
      });
      socket.addEventListener("message", function (event) {
        var data;
        try { data = JSON.parse(event.data); } catch (error) { return; }
        if (data.type === "message") {
          addMessage(data);
        } else if (data.type === "deleted") {
          var item = document.getElementById("chat-message-" + data.id);
          if (item) { item.remove(); }
        } else if (data.type === "error") {
          showStatus(data.message, true);
          if (textarea && pending && !textarea.value) { textarea.value = pending; }
        }
      });
      socket.addEventListener("close", function (event) {
        room.dataset.live = "false";
        if (event.code === 4404) { return; }
        window.setTimeout(open, retry);
        retry = Math.min(retry * 2, 30000);
      });
    }

    if (form) {
      form.addEventListener("submit", function (event) {
        if (!socket || socket.readyState !== WebSocket.OPEN) { return; }
        event.preventDefault();
        var text = textarea.value.trim();
        if (!text) { return; }
        pending = text;
        socket.send(JSON.stringify({ text: text }));
        textarea.value = "";
        showStatus("", false);
      });
      textarea.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          form.requestSubmit();
        }
      });
    }
    list.scrollTop = list.scrollHeight;
    open();
  }

  document.querySelectorAll(".chat[data-socket]").forEach(connect);
})();
