/**
 * embed-frame.js, the script a news page loads to show the story in a self-sizing iframe:
 *
 *   <div data-kuril-story="https://cdn.example.org/kurils/?embed&theme=dark&start=summit"
 *        data-title="Map story: the Kuril Islands"></div>
 *   <script src="https://cdn.example.org/kurils/embed-frame.js" defer></script>
 *
 * Built on its own as a self-contained classic script (IIFE, pym.js inside) by
 * src/build/embed/vite-plugin-embed.ts, so it works with or without `type="module"`, from any
 * folder, and never loads the app. Pages that add embeds later call `KurilStory.init(container)`.
 */
import type { Parent } from 'pym.js';
import { followHostLayout, initEmbeds } from '../app/embed/frame-parent.ts';

interface KurilStoryApi {
  /** Initialises the embeds under `root` (the whole page by default) that are not yet running. */
  init(root?: ParentNode): Parent[];
}

declare global {
  interface Window {
    KurilStory?: KurilStoryApi;
  }
}

// A second copy of this script on the page defers to the first.
if (!window.KurilStory) {
  const parents: Parent[] = [];
  const init = (root?: ParentNode) => {
    const added = initEmbeds(root);
    parents.push(...added);
    return added;
  };
  window.KurilStory = { init };
  const start = () => {
    init();
    followHostLayout(() => parents);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
