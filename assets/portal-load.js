// Full page loads asked for by the server (sign-in hand-off, sign-out): the hidden
// #portal-load element carries an address and an id; each id is followed once. This
// replaces rx.call_script, which needs eval and so a weaker Content-Security-Policy.
// The same element carries the page's language (data-lang) for <html lang>.
(function () {
  var KEY = "portal-load-done";
  function follow() {
    var element = document.getElementById("portal-load");
    if (!element) return;
    var lang = element.getAttribute("data-lang") || "";
    if (/^[a-z]{2}$/.test(lang) && document.documentElement.lang !== lang) {
      document.documentElement.lang = lang;
    }
    var url = element.getAttribute("data-url") || "";
    var id = element.getAttribute("data-id") || "";
    if (!id || !url || url.charAt(0) !== "/" || url.charAt(1) === "/") return;
    if (sessionStorage.getItem(KEY) === id) return;
    sessionStorage.setItem(KEY, id);
    window.location.assign(url);
  }
  new MutationObserver(follow).observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-id", "data-url", "data-lang"],
  });
  follow();
})();
