/* Similar questions while asking: as the title is typed, list up to five questions
   already asked (GET /search/similar). Without JavaScript the Preview button shows them. */
(function () {
  "use strict";

  function render(list, questions) {
    list.textContent = "";
    if (!questions.length) return;
    var ul = document.createElement("ul");
    questions.forEach(function (q) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = q.url;
      a.textContent = q.title;
      var meta = document.createElement("span");
      meta.className = "small";
      meta.textContent = " in " + q.group + " · " + q.replies + (q.replies === 1 ? " reply" : " replies");
      li.appendChild(a);
      li.appendChild(meta);
      ul.appendChild(li);
    });
    list.appendChild(ul);
  }

  function init() {
    var form = document.querySelector("[data-similar-form]");
    if (!form) return;
    var title = form.querySelector("input[name=title]");
    var list = form.querySelector("[data-similar-list]");
    if (!title || !list) return;
    var timer = null;
    var last = "";
    title.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var value = title.value.trim();
        if (value === last || value.length < 3) return;
        last = value;
        fetch(form.getAttribute("data-similar-form") + "?title=" + encodeURIComponent(value), {
          headers: { "Accept": "application/json" }, credentials: "same-origin"
        }).then(function (r) { return r.ok ? r.json() : { questions: [] }; })
          .then(function (data) { if (title.value.trim() === value) render(list, data.questions || []); })
          .catch(function () { /* similar questions are a nicety; posting still works */ });
      }, 350);
    });
  }

  document.addEventListener("DOMContentLoaded", init);
})();
