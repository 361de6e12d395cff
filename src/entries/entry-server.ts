/** Renders the story to HTML at build time (see scripts/build.ts): the text needs no JavaScript. */
import { render } from 'svelte/server';
import story from 'virtual:story';
import App from '../app/App.svelte';
import { pageDataOf, pageDataScript } from '../shared/story/page-data.ts';

export function renderStory(): { head: string; body: string; title: string; description: string } {
  const { head, body } = render(App, { props: { story } });
  // The page's script reads the story's map states from here, not from its own bundle.
  return { head, body: body + pageDataScript(pageDataOf(story)), title: story.meta.title, description: story.meta.dek };
}
