/* Phones (480 px and narrower): each section of a case-work page folds under its heading, so a
   case page fits in a few screens. The heading becomes a button that opens and closes its section
   (aria-expanded); a section with an error, or named in the address (#id), stays open. Without
   this script, or on a wider screen, every section is shown as it is. */
(function () {
  "use strict";
  if (!window.matchMedia || !window.matchMedia("(max-width: 480px)").matches) return;
  var sections = document.querySelectorAll("main section[data-fold]");
  Array.prototype.forEach.call(sections, function (section, index) {
    var heading = section.querySelector("h2");
    if (!heading) return;
    var body = document.createElement("div");
    body.className = "fold-body";
    body.id = (section.id || "fold-" + index) + "-body";
    while (heading.nextSibling) body.appendChild(heading.nextSibling);
    section.appendChild(body);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "fold-toggle";
    button.setAttribute("aria-controls", body.id);
    while (heading.firstChild) button.appendChild(heading.firstChild);
    heading.appendChild(button);
    var open = section.querySelector(".errorlist") !== null ||
      (location.hash && section.querySelector(location.hash) !== null);
    var set = function (state) {
      button.setAttribute("aria-expanded", state ? "true" : "false");
      body.hidden = !state;
    };
    set(open);
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
  });
})();
