// Keyboard shortcuts for the agenda builder. The buttons remain the way to move items; this only
// lets a keyboard user press Alt+ArrowUp/ArrowDown on a focused item instead of tabbing to them.
(function () {
    "use strict";

    document.addEventListener("keydown", function (event) {
        if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) {
            return;
        }
        var item = event.target instanceof Element ? event.target.closest(".builder-item") : null;
        if (!item) {
            return;
        }
        var button = item.querySelector(event.key === "ArrowUp" ? "button[data-move='up']" : "button[data-move='down']");
        if (button) {
            event.preventDefault();
            button.click();
        }
    });

    // After a move the page reloads at #punkt-N: put focus on that item so the next shortcut acts on it.
    document.addEventListener("DOMContentLoaded", function () {
        if (!location.hash || location.hash.indexOf("#punkt-") !== 0) {
            return;
        }
        var target = document.getElementById(location.hash.substring(1));
        if (target && target.classList.contains("builder-item")) {
            target.focus();
        }
    });
})();
