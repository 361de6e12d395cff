// The host page's script, in a file so the page runs under `script-src 'self'`.
// ?story= the story's folder URL; ?kind= iframe or element; ?attrs= the embed's options
// (`top-offset=60&theme=dark`); ?header= the height of a sticky site header in CSS pixels.
const params = new URL(location.href).searchParams;
const story = params.get('story');
const attrs = (params.get('attrs') || '').split('&').filter(Boolean);
const header = Number(params.get('header') || 0);
const embed = document.getElementById('embed');

if (header > 0) {
  const bar = document.createElement('header');
  bar.className = 'site-header';
  bar.textContent = 'Newsroom';
  // Through the CSSOM: a style attribute would break the page's own policy.
  bar.style.height = `${header}px`;
  document.body.prepend(bar);
}

if (params.get('kind') === 'iframe') {
  const options = attrs.map((pair) => `&${pair}`).join('');
  embed.setAttribute('data-kuril-story', `${story}?embed${options}`);
  const script = document.createElement('script');
  script.src = `${story}embed-frame.js`;
  document.body.append(script);
} else {
  const element = document.createElement('kuril-story');
  for (const pair of attrs) {
    const [name, value = ''] = pair.split('=');
    element.setAttribute(name, decodeURIComponent(value));
  }
  embed.append(element);
  await import(`${story}embed.js`);
}
