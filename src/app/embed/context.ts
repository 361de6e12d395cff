/** What the App is told when it runs as an embed (absent on the story's own page). */
import type { StoryViewport } from '../scroll/viewport.ts';
import type { EmbedOptions } from '../../shared/embed/options.ts';

interface EmbedCommon {
  viewport: StoryViewport;
  options: EmbedOptions;
  /**
   * The story's own page (its folder URL), for links out of the embed. The page's relative asset
   * URLs (the still maps' `./assets/…`) resolve against it too: in the host's document they
   * would resolve against the host page.
   */
  storyUrl: string;
}

export type EmbedContext =
  /** The story's element (`<my-story>`) on the host page: `root` is the element inside its shadow root the App is mounted into. */
  | (EmbedCommon & { kind: 'element'; root: HTMLElement })
  /** The story's page in a pym.js iframe, as tall as the story; the viewport follows the host's scroll. */
  | (EmbedCommon & { kind: 'frame'; root?: undefined });

/** The story page's address without the embed's query and hash: `https://cdn.example.org/my-story/`. */
export function storyUrlOf(page: URL): string {
  const url = new URL(page.href);
  url.search = '';
  url.hash = '';
  return url.href;
}
