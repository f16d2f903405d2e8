// Embed mode: with ?embed=1 an exercise or the playground shows without
// Starlight's header, sidebar and footer (embed.css), to sit in another
// course's page. Loaded by file from <head> (the CSP allows no inline script)
// so the class is set before the page is first drawn.
if (new URLSearchParams(location.search).get('embed') === '1') {
  document.documentElement.classList.add('rl-embed');
}
