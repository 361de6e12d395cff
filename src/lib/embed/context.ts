/** What the App is told when it runs as an embed (absent on the story's own page). */
import type { StoryViewport } from '../scroll/viewport.ts';
import type { EmbedOptions } from './options.ts';

export type EmbedContext =
  /** `<kuril-story>` on the host page: `root` is the element inside its shadow root the App is mounted into. */
  | { kind: 'element'; root: HTMLElement; viewport: StoryViewport; options: EmbedOptions }
  /** The story's page in a pym.js iframe, as tall as the story; the viewport follows the host's scroll. */
  | { kind: 'frame'; root?: undefined; viewport: StoryViewport; options: EmbedOptions };
