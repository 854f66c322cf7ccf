/**
 * The one inline script of every page, static so that it never carries content: it reads its settings from
 * the #promote-config JSON. It keeps tracking inert until consent (scripts gated by a consent rule are
 * rendered as type="text/plain" and only become real scripts after "Accept"), shows the consent banner and
 * the popups, and sends page views and custom events (window.promote.track) to the site's /collect.
 */
export const CLIENT_SCRIPT = `
(function () {
  var node = document.getElementById('promote-config');
  if (!node) return;
  var config = JSON.parse(node.textContent || '{}');
  var COOKIE = 'promote_consent';
  function readConsent() {
    var match = document.cookie.match(/(?:^|; )promote_consent=(all|none)(?:;|$)/);
    return match ? match[1] : null;
  }
  function writeConsent(value) {
    document.cookie = COOKIE + '=' + value + '; Max-Age=15552000; Path=' + (config.base || '/') + '; SameSite=Lax' +
      (location.protocol === 'https:' ? '; Secure' : '');
  }
  function allowed() { return !config.consentRequired || readConsent() === 'all'; }
  function activateScripts() {
    var inert = document.querySelectorAll('script[type="text/plain"][data-consent]');
    for (var i = 0; i < inert.length; i++) {
      var script = document.createElement('script');
      script.src = inert[i].getAttribute('data-src');
      script.async = true;
      inert[i].parentNode.replaceChild(script, inert[i]);
    }
  }
  function send(event, props) {
    var body = JSON.stringify({ event: event, path: config.path, props: props || undefined });
    var url = config.base + '/collect';
    if (navigator.sendBeacon && navigator.sendBeacon(url, new Blob([body], { type: 'application/json' }))) return;
    if (window.fetch) fetch(url, { method: 'POST', body: body, headers: { 'Content-Type': 'application/json' }, keepalive: true });
  }
  function start() {
    activateScripts();
    if (config.track) send('page_view');
  }
  window.promote = { track: function (event, props) { if (allowed()) send(String(event), props); } };
  var banner = document.getElementById('promote-consent');
  if (allowed()) start();
  else if (banner && readConsent() === null) banner.hidden = false;
  if (banner) banner.addEventListener('click', function (e) {
    var choice = e.target && e.target.getAttribute && e.target.getAttribute('data-consent-choice');
    if (!choice) return;
    writeConsent(choice);
    banner.hidden = true;
    if (choice === 'all') start();
  });
  var popups = document.querySelectorAll('[data-popup]');
  for (var p = 0; p < popups.length; p++) (function (popup) {
    var seen = 'promote_popup_' + popup.getAttribute('data-popup');
    try { if (sessionStorage.getItem(seen)) return; } catch (e) {}
    var shown = false;
    function show() { if (shown) return; shown = true; popup.hidden = false; try { sessionStorage.setItem(seen, '1'); } catch (e) {} }
    var close = popup.querySelector('.close');
    if (close) close.addEventListener('click', function () { popup.hidden = true; });
    var on = popup.getAttribute('data-trigger');
    if (on === 'delay') setTimeout(show, 1000 * Number(popup.getAttribute('data-delay') || 0));
    else if (on === 'scroll') window.addEventListener('scroll', function () {
      var depth = (window.scrollY + window.innerHeight) / document.documentElement.scrollHeight * 100;
      if (depth >= Number(popup.getAttribute('data-scroll') || 50)) show();
    }, { passive: true });
    else if (on === 'exit_intent') document.addEventListener('mouseout', function (e) { if (!e.relatedTarget && e.clientY <= 0) show(); });
    else show();
  })(popups[p]);
})();
`
  .trim()
  .replace(/\n\s+/g, '\n');
