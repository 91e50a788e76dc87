// Applies the stored colour scheme before the page paints, so a dark-mode user never sees a white flash.
(function () {
  var stored = null;
  try { stored = localStorage.getItem('breakdown.theme'); } catch (e) { /* storage blocked */ }
  var scheme = stored === 'light' || stored === 'dark' || stored === 'system' ? stored : 'system';
  var dark = scheme === 'dark' || (scheme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
