/**
 * The story without its text, as the prerendered page hands it to its script in a JSON block:
 * the steps' ids and map states. The text, alt texts and legends are already in the page's HTML.
 */
import type { MapStep, PageData, Story } from './types.ts';

export const PAGE_DATA_ID = 'story-page-data';

export function pageDataOf(story: Story): PageData {
  const steps = story.steps.map(({ id, index, camera, layers, muted, highlight, framed, reveal }): MapStep => ({
    id,
    index,
    camera,
    layers,
    muted,
    highlight,
    ...(framed ? { framed } : {}),
    ...(reveal ? { reveal } : {}),
  }));
  const { panel } = story.meta;
  return {
    title: story.meta.title,
    names: story.meta.defaults.names,
    steps,
    embedElement: story.meta.embedElement,
    registry: story.registry,
    ...(panel && story.panelItems
      ? { panel: { title: panel.title, areaNote: panel.areaNote, items: story.panelItems } }
      : {}),
  };
}

/** The JSON block for the page's HTML; `<` escaped, so no text in it can close the script element. */
export function pageDataScript(data: PageData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${PAGE_DATA_ID}">${json}</script>`;
}
