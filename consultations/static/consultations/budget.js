// "Share out a budget": a running total under the amounts, announced by its aria-live region.
// The form works without this script (the server says how far off the total is); with it, the
// resident sees the total as they type. The sentences come translated from the page.
(function () {
  "use strict";
  var DIGIT = /\p{Nd}/u;

  // A typed amount as a number, or null, read as the server reads it (budget.py read_amount):
  // digits in any script, a leading £, spaces, commas and the Arabic thousands mark anywhere,
  // and the page language's own thousands separator where it groups digits (Turkish 10.000).
  function read(text, separator) {
    var ascii = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      if (ch >= "0" && ch <= "9") ascii += ch;
      else if (DIGIT.test(ch)) {
        var code = ch.charCodeAt(0), start = code;
        while (DIGIT.test(String.fromCharCode(start - 1))) start--;
        ascii += String((code - start) % 10);
      } else if (!/[\s,\u066c]/u.test(ch)) ascii += ch;
    }
    if (ascii.charAt(0) === "£") ascii = ascii.slice(1);
    if (ascii === "") return 0;
    if (separator && !/^\s$/u.test(separator) && separator !== ",") {
      var escaped = separator.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      if (new RegExp("^-?[0-9]{1,3}(?:" + escaped + "[0-9]{3})+$").test(ascii)) {
        ascii = ascii.split(separator).join("");
      }
    }
    if (!/^-?[0-9]{1,12}$/.test(ascii)) return null;
    return parseInt(ascii, 10);
  }

  // Digits grouped as the server groups them (Django's NUMBER_GROUPING: "3", or "3,2,0" for
  // lakhs: sizes from the right, 0 repeating the size before it, -1 no more groups).
  function group(n, separator, sizes) {
    if (n < 0) return "-" + group(-n, separator, sizes);
    var digits = String(n), groups = [], size = 0, i = 0;
    if (!separator || !sizes.length || sizes[0] <= 0) return digits;
    while (digits.length) {
      if (i < sizes.length) {
        if (sizes[i] === -1) break;
        if (sizes[i] !== 0) size = sizes[i];
        i++;
      }
      if (digits.length <= size) break;
      groups.unshift(digits.slice(-size));
      digits = digits.slice(0, -size);
    }
    if (digits) groups.unshift(digits);
    return groups.join(separator);
  }

  function setUp(fieldset) {
    if (fieldset.hasAttribute("data-budget-ready")) return;
    fieldset.setAttribute("data-budget-ready", "");
    var status = fieldset.querySelector("[data-budget-status]");
    var inputs = fieldset.querySelectorAll("[data-budget-amount]");
    var total = parseInt(fieldset.getAttribute("data-budget-total"), 10);
    var money = fieldset.getAttribute("data-budget-unit") !== "points";
    var separator = fieldset.getAttribute("data-budget-separator") || "";
    var sizes = (fieldset.getAttribute("data-budget-grouping") || "0").split(",").map(Number);
    var timer = null;
    if (!status || !inputs.length || isNaN(total)) return;

    function format(n) {
      return (money ? "£" : "") + group(n, separator, sizes);
    }

    function update() {
      var sum = 0;
      inputs.forEach(function (input) {
        var n = read(input.value, separator);
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
