// The translation editor (wagtail-localize, a React app) in the target language: each
// translation box gets a label and the target's lang and dir, so screen readers and input
// methods treat it as Urdu (say), not as the admin's language. Enhancement only: the review
// panel (rendered on the server) carries the language and direction.
(function () {
  const review = document.querySelector(".portal-translation-review");
  const editor = document.querySelector(".js-translation-editor");
  if (!review || !editor) return;
  const lang = review.dataset.targetLanguage;
  const dir = review.dataset.targetDirection;
  const label = review.dataset.boxLabel;
  const mark = () => {
    editor.querySelectorAll("li textarea").forEach((box) => {
      if (box.getAttribute("lang") === lang) return;
      box.setAttribute("lang", lang);
      box.setAttribute("dir", dir);
      box.setAttribute("aria-label", label);
    });
    editor.querySelectorAll("li > div > p").forEach((text) => {
      if (!text.hasAttribute("lang")) {
        text.setAttribute("lang", lang);
        text.setAttribute("dir", dir);
      }
    });
  };
  new MutationObserver(mark).observe(editor, { childList: true, subtree: true });
  mark();
})();
