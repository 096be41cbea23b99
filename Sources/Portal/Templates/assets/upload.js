// Drag and drop onto the upload box: a convenience only; the form works without it.
document.querySelectorAll(".drop-zone").forEach(function (zone) {
  var input = zone.querySelector("input[type=file]");
  if (!input) return;
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("drop-zone-over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("drop-zone-over"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) input.files = event.dataTransfer.files;
  });
});
