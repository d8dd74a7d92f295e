// The translation editor (wagtail-localize, a React app) in the target language: each
// translation box gets a label and the target's lang and dir, so screen readers and input
// methods treat it as Urdu (say), not as the admin's language. Enhancement only: the review
// panel (rendered on the server) carries the language and direction.
// The editor's "Upload PO file" menu keeps an unlabelled file input in the page (its button opens
// the file picker); it is named too, so no form control is left without a label.
(function () {
  const review = document.querySelector(".portal-translation-review");
  const editor = document.querySelector(".js-translation-editor");
  if (!review || !editor) return;
  const lang = review.dataset.targetLanguage;
  const dir = review.dataset.targetDirection;
  const label = review.dataset.boxLabel;
  const uploadLabel = review.dataset.uploadLabel;
  const mark = () => {
    document
      .querySelectorAll('form[action*="/pofile/upload/"] input[type="file"]:not([aria-label])')
      .forEach((input) => input.setAttribute("aria-label", uploadLabel));
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
