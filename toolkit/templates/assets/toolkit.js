/* Toolkit pages: the aligned view's Both / 中文 / English toggle (remembered across pages)
   and sentence linking (hover or focus a sentence: its counterpart is highlighted). */
(function () {
  "use strict";
  var KEY = "toolkit.aligned.view";

  function setView(view, aligned, buttons) {
    if (["both", "zh", "en"].indexOf(view) < 0) view = "both";
    aligned.setAttribute("data-view", view);
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-view") === view));
    });
    try { localStorage.setItem(KEY, view); } catch (e) { /* private mode: not remembered */ }
  }

  function init() {
    var aligned = document.querySelector(".tk-aligned");
    if (!aligned) return;
    var buttons = Array.prototype.slice.call(document.querySelectorAll(".tk-toggle button"));
    var saved = null;
    try { saved = localStorage.getItem(KEY); } catch (e) { saved = null; }
    setView(saved || "both", aligned, buttons);
    buttons.forEach(function (b) {
      b.addEventListener("click", function () { setView(b.getAttribute("data-view"), aligned, buttons); });
    });

    function mark(event, on) {
      var seg = event.target.closest && event.target.closest(".tk-seg");
      if (!seg) return;
      var pair = seg.closest(".tk-pair");
      var id = seg.getAttribute("data-seg");
      pair.querySelectorAll('.tk-seg[data-seg="' + CSS.escape(id) + '"]').forEach(function (s) {
        s.classList.toggle("tk-active", on);
      });
    }
    aligned.addEventListener("mouseover", function (e) { mark(e, true); });
    aligned.addEventListener("mouseout", function (e) { mark(e, false); });
    aligned.addEventListener("focusin", function (e) { mark(e, true); });
    aligned.addEventListener("focusout", function (e) { mark(e, false); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
