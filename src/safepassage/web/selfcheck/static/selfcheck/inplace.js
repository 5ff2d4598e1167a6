// The self-check in one history entry: each form is sent in the background and the answer page
// replaces this one in place, so the quick exit (which replaces the entry) leaves no self-check
// page to go Back to on a shared phone; Esc exits too. Without JavaScript the forms post normally.
// The help list can be shared or copied as plain text into the person's own chat.
(function () {
  "use strict";
  function exit() {
    var link = document.getElementById("quick-exit");
    location.replace(link ? link.href : "https://www.google.com/");
  }
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { exit(); } });
  document.addEventListener("click", function (e) {
    var t = e.target.closest ? e.target : e.target.parentElement;
    if (t.closest("#quick-exit")) { e.preventDefault(); exit(); return; }
    var b = t.closest("[data-share],[data-copy]");
    if (!b) { return; }
    var text = helpList();
    if (b.hasAttribute("data-share")) { navigator.share({ text: text }).catch(function () {}); return; }
    navigator.clipboard.writeText(text).then(function () {
      var s = document.querySelector(".copied");
      if (s) { s.textContent = s.getAttribute("data-copied"); }
    });
  });
  function helpList() {  // "Name: number link (then)" a line, the first contact first
    return Array.prototype.map.call(document.querySelectorAll("main [data-channel]"), function (c) {
      var links = Array.prototype.map.call(c.querySelectorAll("a[href]"), function (a) {
        return a.getAttribute("href").replace(/^(tel|mailto):/, "");
      });
      var then = c.querySelector("span");
      return c.querySelector("strong").textContent.trim() + ": " + links.join(" ") +
        (then ? " " + then.textContent.trim() : "");
    }).join("\n");
  }
  document.addEventListener("submit", function (e) {
    var form = e.target, b = e.submitter;
    if (!form.matches("form[method=post]")) { return; }
    e.preventDefault();
    var data = new FormData(form);
    if (b && b.name) { data.append(b.name, b.value); }
    fetch(b && b.hasAttribute("formaction") ? b.formAction : form.action,
      { method: "POST", body: data, credentials: "omit", cache: "no-store" })
      .then(function (r) { return r.text().then(function (html) { swap(html, r.url); }); })
      .catch(function () { form.submit(); });  // offline or refused: a normal post
  });
  function swap(html, url) {
    var page = new DOMParser().parseFromString(html, "text/html");
    document.title = page.title;
    document.documentElement.lang = page.documentElement.lang;
    document.body.replaceWith(document.adoptNode(page.body));
    if (url) { history.replaceState(null, "", url); }  // same entry, the answer page's address
    scrollTo(0, 0);
    var h = document.querySelector("main h1");
    if (h) { h.setAttribute("tabindex", "-1"); h.focus(); }
    offer();
  }
  function offer() {  // only what this browser can do
    var share = document.querySelector("[data-share]"), copy = document.querySelector("[data-copy]");
    if (share && navigator.share) { share.hidden = false; }
    if (copy && navigator.clipboard) { copy.hidden = false; }
  }
  offer();
})();
