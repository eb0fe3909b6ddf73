// @mention suggestions in post forms (progressive enhancement: typing @name works without it).
// Asks GET /users/suggest?q=<prefix> (usernames only) and offers up to 8 buttons below the box.
(function () {
  "use strict";
  var url = document.body.getAttribute("data-mention-url");
  if (!url || !window.fetch) return;
  var AT = /(?:^|[^\w@.])@([A-Za-z0-9_][A-Za-z0-9_.-]{1,31})$/;

  function attach(box) {
    var list = document.createElement("ul");
    list.className = "mention-suggestions";
    list.setAttribute("aria-label", "Members to mention");
    list.hidden = true;
    (box.closest(".field") || box).appendChild(list);
    var timer = null, asked = "";

    function offer(prefix, names) {
      list.textContent = "";
      names.forEach(function (name) {
        var item = document.createElement("li"), button = document.createElement("button");
        button.type = "button";
        button.className = "link-button";
        button.textContent = "@" + name;
        button.addEventListener("click", function () {
          var caret = box.selectionStart, before = box.value.slice(0, caret);
          var start = before.length - prefix.length;
          box.value = before.slice(0, start) + name + " " + box.value.slice(caret);
          box.focus();
          box.selectionStart = box.selectionEnd = start + name.length + 1;
          list.hidden = true;
        });
        item.appendChild(button);
        list.appendChild(item);
      });
      list.hidden = names.length === 0;
    }

    box.addEventListener("input", function () {
      var match = AT.exec(box.value.slice(0, box.selectionStart));
      clearTimeout(timer);
      if (!match) { list.hidden = true; return; }
      var prefix = match[1];
      timer = setTimeout(function () {
        if (prefix === asked) return;
        asked = prefix;
        fetch(url + "?q=" + encodeURIComponent(prefix), { credentials: "same-origin", headers: { "Accept": "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { users: [] }; })
          .then(function (data) { offer(prefix, data.users || []); })
          .catch(function () { list.hidden = true; });
      }, 200);
    });
  }

  document.querySelectorAll("form.post-form textarea[name=body]").forEach(attach);
})();
