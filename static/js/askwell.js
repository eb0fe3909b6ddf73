/* Askwell progressive enhancements. Every feature works without this file. */
(function () {
  "use strict";

  // Text size: apply at once without a page load; the cookie keeps it across pages.
  function initFontSize() {
    var form = document.querySelector("[data-font-size-control]");
    if (!form) return;
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button[name=size]");
      if (!button) return;
      event.preventDefault();
      var size = button.value;
      document.documentElement.setAttribute("data-font-size", size);
      document.cookie = "font_size=" + encodeURIComponent(size) + "; path=/; max-age=31536000; SameSite=Lax" +
        (location.protocol === "https:" ? "; Secure" : "");
      form.querySelectorAll("button[name=size]").forEach(function (b) {
        b.setAttribute("aria-pressed", b === button ? "true" : "false");
      });
    });
  }

  // Ask before destructive actions.
  function initConfirm() {
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
      });
    });
  }

  // Put the error summary in front of keyboard and screen-reader users.
  function focusErrors() {
    var summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
  }


  // Draft autosave: what is typed in a post form is kept in localStorage (keyed by the form's
  // URL) so leaving the page or a crash never loses it; restored into an empty form on load,
  // dropped once the post went through (the next page does not bounce the text back).
  var DRAFT_PREFIX = "askwell:draft:";
  var SUBMITTED = "askwell:draft-submitted";

  function draftFields(form) {
    return Array.prototype.filter.call(form.querySelectorAll("textarea[name], input[type=text][name]"),
      function (el) { return el.name !== "csrf_token"; });
  }

  function storage(kind) {
    try { return window[kind]; } catch (e) { return null; }  // blocked storage: no drafts
  }

  function saveDraft(form, key) {
    var values = {}, any = false;
    draftFields(form).forEach(function (el) { values[el.name] = el.value; any = any || el.value.trim() !== ""; });
    try {
      if (any) storage("localStorage").setItem(key, JSON.stringify(values));
      else storage("localStorage").removeItem(key);
    } catch (e) { /* storage full or blocked: the form still works */ }
  }

  function showRestored(form, key) {
    var note = document.createElement("p");
    note.className = "notice draft-status";
    note.setAttribute("role", "status");
    note.textContent = "We restored the draft you had not posted yet. ";
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "link-button";
    discard.textContent = "Discard draft";
    discard.addEventListener("click", function () {
      draftFields(form).forEach(function (el) { el.value = ""; });
      storage("localStorage").removeItem(key);
      note.textContent = "Draft discarded.";
    });
    note.appendChild(discard);
    form.insertBefore(note, form.firstChild);
  }

  function initDrafts() {
    var local = storage("localStorage"), session = storage("sessionStorage");
    if (!local || !session) return;
    var submitted = session.getItem(SUBMITTED);
    session.removeItem(SUBMITTED);
    var bouncedBack = false;
    document.querySelectorAll("form.post-form").forEach(function (form) {
      var key = DRAFT_PREFIX + form.action, fields = draftFields(form), timer = null;
      if (!fields.length) return;
      var filled = fields.some(function (el) { return el.value.trim() !== ""; });
      if (key === submitted && filled) { bouncedBack = true; saveDraft(form, key); }
      var saved = null;
      try { saved = JSON.parse(local.getItem(key) || "null"); } catch (e) { saved = null; }
      if (saved && !filled && key !== submitted) {
        fields.forEach(function (el) { if (typeof saved[el.name] === "string") el.value = saved[el.name]; });
        showRestored(form, key);
      }
      form.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { saveDraft(form, key); }, 300);
      });
      form.addEventListener("submit", function (event) {
        saveDraft(form, key);
        var submitter = event.submitter;
        if (!(submitter && submitter.name === "preview")) session.setItem(SUBMITTED, key);
      });
    });
    if (submitted && !bouncedBack) local.removeItem(submitted);
  }

  // Live preview: the post body rendered by the server's own sanitizer (POST /preview) as you type.
  function initPreview() {
    var url = document.body.getAttribute("data-preview-url");
    if (!url || !window.fetch || !window.FormData) return;
    document.querySelectorAll("form.post-form").forEach(function (form) {
      var body = form.querySelector("textarea[name=body]"), token = form.querySelector("input[name=csrf_token]");
      if (!body) return;
      var region = document.createElement("div");
      region.className = "live-preview";
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", "Preview of your post");
      var label = document.createElement("p");
      label.className = "field-label";
      label.textContent = "Preview";
      var output = document.createElement("div");
      output.className = "post-body live-preview-body";
      region.appendChild(label);
      region.appendChild(output);
      var anchor = body.closest(".field") || body;
      anchor.parentNode.insertBefore(region, anchor.nextSibling);
      var timer = null, sent = null;
      function update() {
        var text = body.value;
        if (text === sent) return;
        sent = text;
        if (!text.trim()) { output.textContent = ""; return; }
        var data = new FormData();
        data.append("body", text);
        if (token) data.append("csrf_token", token.value);
        fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
          .then(function (r) { return r.json(); })
          .then(function (result) {
            if (body.value !== text) return;
            if (result.html !== undefined) output.innerHTML = result.html;  // sanitized by the server
            else output.textContent = result.error || "";
          })
          .catch(function () { /* the preview is a nicety; posting still works */ });
      }
      body.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(update, 400);
      });
      if (body.value.trim()) update();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initFontSize();
    initConfirm();
    focusErrors();
    initDrafts();
    initPreview();
  });
})();
