/* Askwell progressive enhancements. Every feature works without this file. */
(function () {
  "use strict";

  // Text size: apply at once without a page load; the cookie keeps it across pages.
  function initFontSize() {
    document.querySelectorAll("[data-font-size-control]").forEach(initFontSizeForm);
  }

  function initFontSizeForm(form) {
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button[name=size]");
      if (!button) return;
      event.preventDefault();
      var size = button.value;
      document.documentElement.setAttribute("data-font-size", size);
      document.cookie = "font_size=" + encodeURIComponent(size) + "; path=/; max-age=31536000; SameSite=Lax" +
        (location.protocol === "https:" ? "; Secure" : "");
      document.querySelectorAll("[data-font-size-control] button[name=size]").forEach(function (b) {
        b.setAttribute("aria-pressed", b.value === size ? "true" : "false");
      });
    });
  }

  // Header drawers (search, menu): one open at a time; opening search puts the cursor in the box.
  function initHeaderDrawers() {
    var drawers = document.querySelectorAll(".header-drawer");
    drawers.forEach(function (drawer) {
      drawer.addEventListener("toggle", function () {
        if (!drawer.open) return;
        drawers.forEach(function (other) { if (other !== drawer) other.open = false; });
        var input = drawer.querySelector("input[type=search]");
        if (input) input.focus();
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

  // A conversation that was opened is read: post its "Mark as read" form in the background
  // (without JavaScript the button is there to press).
  function initAutoSubmit() {
    document.querySelectorAll("form[data-auto-submit]").forEach(function (form) {
      fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin",
                          headers: {"X-Requested-With": "fetch"}}).then(function (response) {
        if (response.ok) form.hidden = true;
      }).catch(function () {});
    });
  }

  // Put the error summary in front of keyboard and screen-reader users; failing that, the safety
  // panel (crisis resources, personal details), so its first words are read out before the form.
  function focusErrors() {
    var summary = document.querySelector(".error-summary") || document.querySelector("[data-safety-panel]");
    if (summary) summary.focus();
  }


  // Draft autosave: what is typed in a post form (title, body, the question/discussion choice)
  // is kept in localStorage, keyed by the form's URL (so per post for edit forms), so leaving
  // the page or a crash never loses it. A new-post form gets the draft back when it loads empty.
  // An edit form carries data-draft-version (when the post last changed): a draft made against
  // that same version is restored; one made against an older version is only offered, so a
  // newer server text is never replaced silently. A draft is dropped only when the server
  // confirms the post went through (<body data-draft-published="/form/path">, forum.drafts);
  // a form bounced back with an error, an expired form or a "too large" page keeps it.
  var DRAFT_PREFIX = "askwell:draft:";
  var SUBMITTED = "askwell:draft-submitted";

  function textFields(form) {
    return Array.prototype.filter.call(form.querySelectorAll("textarea[name], input[type=text][name]"),
      function (el) { return el.name !== "csrf_token"; });
  }

  function formValues(form) {
    var values = {};
    textFields(form).forEach(function (el) { values[el.name] = el.value; });
    form.querySelectorAll("input[type=radio][name]:checked").forEach(function (el) { values[el.name] = el.value; });
    return values;
  }

  function applyValues(form, values) {
    textFields(form).forEach(function (el) { if (typeof values[el.name] === "string") el.value = values[el.name]; });
    form.querySelectorAll("input[type=radio][name]").forEach(function (el) {
      if (typeof values[el.name] === "string") el.checked = el.value === values[el.name];
    });
  }

  function sameValues(a, b) {
    return Object.keys(a).concat(Object.keys(b)).every(function (k) { return a[k] === b[k]; });
  }

  function storage(kind) {
    try { return window[kind]; } catch (e) { return null; }  // blocked storage: no drafts
  }

  function isEmpty(form) {
    return textFields(form).every(function (el) { return el.value.trim() === ""; });
  }

  function saveDraft(form, key, original) {
    if (form.hasAttribute("data-draft-pending")) return;  // an offered draft waits for the member's choice
    var values = formValues(form);
    var worth = original ? !sameValues(values, original) : !isEmpty(form);
    try {
      if (worth) {
        storage("localStorage").setItem(key, JSON.stringify({
          values: values, version: form.getAttribute("data-draft-version") || "", saved: Date.now() }));
      } else storage("localStorage").removeItem(key);
    } catch (e) { /* storage full or blocked: the form still works */ }
  }

  function readDraft(key) {
    var saved = null;
    try { saved = JSON.parse(storage("localStorage").getItem(key) || "null"); } catch (e) { return null; }
    if (saved && !saved.values) saved = { values: saved, version: "" };  // drafts saved before versions
    return saved && typeof saved.values === "object" ? saved : null;
  }

  function draftNote(form, text) {
    var note = document.createElement("div");
    note.className = "notice draft-status";
    note.setAttribute("role", "status");
    var p = document.createElement("p");
    p.textContent = text;
    note.appendChild(p);
    form.insertBefore(note, form.firstChild);
    return note;
  }

  function noteButton(note, label, action) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-small button-secondary";
    button.textContent = label;
    button.addEventListener("click", action);
    note.appendChild(button);
    return button;
  }

  function showRestored(form, key, original) {
    var note = draftNote(form, original ? "We restored the changes you had not saved yet. "
                                        : "We restored the draft you had not posted yet. ");
    noteButton(note, "Discard draft", function () {
      if (original) applyValues(form, original);
      else textFields(form).forEach(function (el) { el.value = ""; });
      storage("localStorage").removeItem(key);
      note.textContent = "Draft discarded.";
    });
  }

  function offerRestore(form, key, saved, original) {
    var note = draftNote(form, "This post has changed since you last edited it here. " +
      "The form shows the newest version; your unsaved changes are kept until you choose. ");
    form.setAttribute("data-draft-pending", "");
    noteButton(note, "Restore my unsaved changes", function () {
      form.removeAttribute("data-draft-pending");
      applyValues(form, saved.values);
      saveDraft(form, key, original);
      note.textContent = "Your unsaved changes are back in the form. Check them against the newer version before saving.";
    });
    noteButton(note, "Discard them", function () {
      form.removeAttribute("data-draft-pending");
      storage("localStorage").removeItem(key);
      note.textContent = "Unsaved changes discarded.";
    });
  }

  function initDraftForm(form, submitted) {
    var key = DRAFT_PREFIX + form.action, timer = null, bouncedBack = false;
    if (!textFields(form).length) return false;
    var versioned = form.hasAttribute("data-draft-version");
    var version = form.getAttribute("data-draft-version") || "";
    // An edit form's server text (a bounced-back form shows the member's own text instead).
    var original = versioned && key !== submitted ? formValues(form) : null;
    if (key === submitted && !isEmpty(form)) { bouncedBack = true; saveDraft(form, key, null); }
    var saved = key === submitted ? null : readDraft(key);
    if (saved && original) {
      if (sameValues(saved.values, original)) storage("localStorage").removeItem(key);
      else if (saved.version === version) { applyValues(form, saved.values); showRestored(form, key, original); }
      else offerRestore(form, key, saved, original);
    } else if (saved && isEmpty(form)) {
      applyValues(form, saved.values);
      showRestored(form, key, null);
    }
    form.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { timer = null; saveDraft(form, key, original); }, 300);
    });
    form.addEventListener("change", function () { saveDraft(form, key, original); });
    // Leaving the page within the typing pause still keeps the last keystrokes.
    window.addEventListener("pagehide", function () {
      if (timer !== null) { window.clearTimeout(timer); timer = null; saveDraft(form, key, original); }
    });
    form.addEventListener("submit", function (event) {
      window.clearTimeout(timer);
      timer = null;
      saveDraft(form, key, null);  // kept if the server bounces the form back, dropped once posted
      var submitter = event.submitter;
      if (!(submitter && submitter.name === "preview")) storage("sessionStorage").setItem(SUBMITTED, key);
    });
    return bouncedBack;
  }

  function publishedHere(submitted) {
    var published = document.body.getAttribute("data-draft-published");
    if (!published) return false;
    try { return new URL(submitted.slice(DRAFT_PREFIX.length)).pathname === published; } catch (e) { return false; }
  }

  function initDrafts() {
    var local = storage("localStorage"), session = storage("sessionStorage");
    if (!local || !session) return;
    var submitted = session.getItem(SUBMITTED);
    session.removeItem(SUBMITTED);
    var bouncedBack = false;
    document.querySelectorAll("form.post-form").forEach(function (form) {
      if (initDraftForm(form, submitted)) bouncedBack = true;
    });
    if (submitted && !bouncedBack && publishedHere(submitted)) local.removeItem(submitted);
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
    initHeaderDrawers();
    initConfirm();
    focusErrors();
    initAutoSubmit();
    initDrafts();
    initPreview();
  });
})();
