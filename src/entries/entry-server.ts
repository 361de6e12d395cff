/** Renders the story to HTML at build time (see scripts/prerender.ts): the text needs no JavaScript. */
import { render } from 'svelte/server';
import story from 'virtual:story';
import App from '../app/App.svelte';

export function renderStory(): { head: string; body: string; title: string; description: string } {
  const { head, body } = render(App, { props: { story } });
  return { head, body, title: story.meta.title, description: story.meta.dek };
}
