import { hydrate, mount } from 'svelte';
import story from 'virtual:story';
import App from './App.svelte';
import { viewFromUrl } from './lib/present/url.ts';
// The page's text face, self-hosted: only the Latin files of the two weights the page sets.
import '@fontsource/source-serif-4/latin-400.css';
import '@fontsource/source-serif-4/latin-700.css';
import './app.css';

const target = document.getElementById('app')!;

if (viewFromUrl(new URL(location.href)) === 'speaker') {
  // A lecturer's second window: the speaker view replaces the story (loaded only here).
  void import('./lib/present/SpeakerWindow.svelte').then(({ default: SpeakerWindow }) => {
    target.replaceChildren();
    mount(SpeakerWindow, { target, props: { story } });
  });
} else {
  // The built page arrives prerendered (text first); the dev server sends an empty shell.
  const start = target.firstElementChild ? hydrate : mount;
  start(App, { target, props: { story } });
}
