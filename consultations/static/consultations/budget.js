// "Share out a budget": a running total under the amounts, announced by its aria-live region.
// The form works without this script (the server says how far off the total is); with it, the
// resident sees the total as they type. The sentences come translated from the page.
(function () {
  "use strict";
  var DIGIT = /\p{Nd}/u;

  // A typed amount as a number (digits in any script, commas, spaces, a leading £), or null.
  function read(text) {
    var ascii = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      if (ch >= "0" && ch <= "9") ascii += ch;
      else if (DIGIT.test(ch)) {
        var code = ch.charCodeAt(0), start = code;
        while (DIGIT.test(String.fromCharCode(start - 1))) start--;
        ascii += String((code - start) % 10);
      } else if (ch === "," || ch === " " || (ch === "£" && ascii === "") || (ch === "-" && ascii === "")) {
        if (ch === "-") ascii += ch;
      } else return null;
    }
    if (ascii === "") return 0;
    if (!/^-?[0-9]{1,12}$/.test(ascii)) return null;
    return parseInt(ascii, 10);
  }

  function setUp(fieldset) {
    if (fieldset.hasAttribute("data-budget-ready")) return;
    fieldset.setAttribute("data-budget-ready", "");
    var status = fieldset.querySelector("[data-budget-status]");
    var inputs = fieldset.querySelectorAll("[data-budget-amount]");
    var total = parseInt(fieldset.getAttribute("data-budget-total"), 10);
    var money = fieldset.getAttribute("data-budget-unit") !== "points";
    var timer = null;
    if (!status || !inputs.length || isNaN(total)) return;

    function format(n) {
      return (money ? "£" : "") + n.toLocaleString("en-GB");
    }

    function update() {
      var sum = 0;
      inputs.forEach(function (input) {
        var n = read(input.value.trim());
        if (n !== null) sum += n;
      });
      var difference = Math.abs(total - sum);
      var next = sum < total ? status.getAttribute("data-under")
        : sum > total ? status.getAttribute("data-over") : status.getAttribute("data-exact");
      status.textContent = status.getAttribute("data-so-far").replace("{sum}", format(sum)) + " "
        + next.replace("{difference}", format(difference));
    }

    inputs.forEach(function (input) {
      input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(update, 300);
      });
    });
    status.hidden = false;
    update();
  }

  document.querySelectorAll("[data-budget]").forEach(setUp);
})();
