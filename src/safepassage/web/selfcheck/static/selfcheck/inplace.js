// The self-check in one history entry: each form is sent in the background and its answer
// page replaces this one in place (no new history entry), so the quick exit, which replaces
// the entry, leaves no self-check page to go Back to on a shared phone. Esc exits too.
// Without JavaScript the forms post normally (and each page adds an entry: the start page says so).
(function () {
  "use strict";
  function exit() {
    var link = document.getElementById("quick-exit");
    window.location.replace(link ? link.href : "https://www.google.com/");
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { exit(); }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("#quick-exit");
    if (link) { event.preventDefault(); exit(); }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[method=post]")) { return; }
    event.preventDefault();
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) { data.append(event.submitter.name, event.submitter.value); }
    fetch(form.action, { method: "POST", body: data, credentials: "omit", cache: "no-store" })
      .then(function (response) {
        return response.text().then(function (html) { swap(html, response.url); });
      })
      .catch(function () { form.submit(); });  // offline or refused: a normal post
  });
  function swap(html, url) {
    var page = new DOMParser().parseFromString(html, "text/html");
    document.title = page.title;
    document.documentElement.lang = page.documentElement.lang;
    document.body.replaceWith(document.adoptNode(page.body));
    // Same entry, the answer page's address (a language switch changes the prefix).
    if (url) { window.history.replaceState(null, "", url); }
    window.scrollTo(0, 0);
    var heading = document.querySelector("main h1");
    if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
  }
})();
