// The item editor without a round trip where a script can help; every form works without it.
(function () {
    "use strict";

    document.addEventListener("DOMContentLoaded", function () {
        // After »Flyt afsnittet op/ned« the page comes back at #afsnit-N: focus the moved section, so
        // a keyboard user goes on from it (Tab reaches its move buttons again) instead of from the top.
        if (location.hash.indexOf("#afsnit-") === 0) {
            var moved = document.getElementById(location.hash.substring(1));
            if (moved && moved.classList.contains("section")) {
                moved.focus();
            }
        }

        var form = document.querySelector("form.item-editor[data-upload-limit]");
        if (!form) {
            return;
        }

        // A file over the limit would only be refused after the whole upload; say so before sending it.
        var limit = Number(form.getAttribute("data-upload-limit"));
        var limitText = form.getAttribute("data-upload-limit-text");
        var file = form.querySelector("input[type=file]");
        var fileError = document.getElementById("fil-fejl");
        form.addEventListener("submit", function (event) {
            if (!file || file.files.length === 0 || file.files[0].size <= limit) {
                return;
            }
            event.preventDefault();
            fileError.textContent = "Filen »" + file.files[0].name + "« er for stor; et bilag må højst fylde " + limitText + ". Vælg en mindre fil, eller fjern valget for at gemme teksten.";
            file.setAttribute("aria-invalid", "true");
            file.focus();
        });

        // Enter in the KLE search field searches instead of saving the item.
        var kle = document.getElementById("kle");
        var search = document.getElementById("kle-soeg");
        if (kle && search) {
            kle.addEventListener("keydown", function (event) {
                if (event.key === "Enter") {
                    event.preventDefault();
                    search.click();
                }
            });
        }
    });
}());
