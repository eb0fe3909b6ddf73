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

  document.addEventListener("DOMContentLoaded", function () {
    initFontSize();
    initConfirm();
    focusErrors();
  });
})();
