/**
 * embed-frame.js, the script a news page loads to show the story in a self-sizing iframe. For a
 * story whose element (front matter `embed_element`) is `my-story`:
 *
 *   <div data-my-story="https://cdn.example.org/my-story/?embed&theme=dark&start=first-step"
 *        data-title="Map story: my story"></div>
 *   <script src="https://cdn.example.org/my-story/embed-frame.js" defer></script>
 *
 * Built on its own as a self-contained classic script (IIFE, pym.js inside) by
 * src/build/embed/vite-plugin-embed.ts, which writes in the story's element name and title, so it
 * works with or without `type="module"`, from any folder, and never loads the app. Pages that add
 * embeds later call `StoryEmbeds['my-story'].init(container)`.
 */
import type { Parent } from 'pym.js';
import { followHostLayout, initEmbeds } from '../app/embed/frame-parent.ts';
import type { FrameStory } from '../shared/embed/frame-story.ts';

/** Written in by the build: `{ element, title }` of the story this script embeds. */
declare const __FRAME_STORY__: FrameStory;

interface StoryEmbedApi {
  /** Initialises the embeds under `root` (the whole page by default) that are not yet running. */
  init(root?: ParentNode): Parent[];
}

declare global {
  interface Window {
    /** One entry per story whose embed-frame.js is on the page, by element name. */
    StoryEmbeds?: Record<string, StoryEmbedApi>;
  }
}

const story = __FRAME_STORY__;
const embeds = (window.StoryEmbeds ??= {});
// A second copy of this story's script on the page defers to the first.
if (!embeds[story.element]) {
  const parents: Parent[] = [];
  const init = (root?: ParentNode) => {
    const added = initEmbeds(story, root);
    parents.push(...added);
    return added;
  };
  embeds[story.element] = { init };
  const start = () => {
    init();
    followHostLayout(() => parents);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
