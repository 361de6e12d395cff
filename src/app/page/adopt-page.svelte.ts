/**
 * The prerendered page comes alive without rendering its article again: the intro, the steps'
 * text, still pictures, alt texts, legends and About stay the HTML the build wrote. Only the
 * interactive parts mount (the map pane with its tools, rail and feature panel; the embed
 * snippets), each in place of its prerendered twin in one task, so nothing moves; the reader's
 * state is reflected onto the static elements (the active step, the page's modes).
 */
import { mount } from 'svelte';
import staticMaps from 'virtual:static-maps';
import type { PageData, Story } from '../../shared/story/types.ts';
import { PAGE_DATA_ID } from '../../shared/story/page-data.ts';
import EmbedSnippets from '../embed/EmbedSnippets.svelte';
import MapPane from './MapPane.svelte';
import { StoryReader } from './reader.svelte.ts';

/** The story's map states the build left in the page, or undefined on a page without them (the dev server's). */
export function readPageData(doc: Document): PageData | undefined {
  const text = doc.getElementById(PAGE_DATA_ID)?.textContent;
  return text ? (JSON.parse(text) as PageData) : undefined;
}

/** Mounts `component` where `placeholder` is, and takes the placeholder away: one swap, no shift. */
function replace<Props extends Record<string, unknown>>(
  component: Parameters<typeof mount<Props, Record<string, never>>>[0],
  placeholder: Element,
  props: Props,
): void {
  mount(component, { target: placeholder.parentNode as Element, anchor: placeholder, props });
  placeholder.remove();
}

export function adoptPage(root: HTMLElement, data: PageData, loadStory: () => Promise<Story>): () => void {
  const shell = root.querySelector<HTMLElement>('.map-story')!;
  const page = shell.querySelector<HTMLElement>('.page')!;
  const stepElements = [...page.querySelectorAll<HTMLElement>('li.step')];
  const skipLink = shell.querySelector<HTMLElement>('.skip-link');
  const announcer = page.querySelector<HTMLElement>('[data-testid="step-announcer"]');
  const reader = new StoryReader(data);

  replace(MapPane, page.querySelector('.map-pane')!, { reader, pictureOf: (id: string) => staticMaps[id], loadStory });
  const snippets = page.querySelector('.embed-snippets');
  if (snippets) replace(EmbedSnippets, snippets, { title: data.title, element: data.embedElement });

  const stopReflecting = $effect.root(() => {
    $effect(() => {
      shell.classList.toggle('presenting', reader.presenting);
      page.classList.toggle('presenting', reader.presenting);
      page.classList.toggle('exploring', reader.exploring);
      page.classList.toggle('has-map', reader.mapFailed === null);
      if (skipLink) skipLink.hidden = reader.presenting;
    });
    $effect(() => {
      stepElements.forEach((element, index) => element.classList.toggle('active', index === reader.active));
    });
    $effect(() => {
      if (announcer) announcer.textContent = reader.announcement;
    });
  });
  const stop = reader.start(stepElements);
  // Lets the benchmark (and real-user timing) see when the page answers the reader.
  performance.mark('page:interactive');
  return () => {
    stop();
    stopReflecting();
  };
}
