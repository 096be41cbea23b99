// Moves on from a private link's page to the page it opened (see OpeningPage).
var next = document.querySelector("a[data-next]");
if (next) location.replace(next.getAttribute("href"));
