/** Options a newsroom can set on an embed (attributes of the story's element, e.g. <my-story>, or the iframe's URL). */
import type { NameMode } from '../map/style.ts';

export interface EmbedOptions {
  /** Id of the step the embedded story begins with; the steps before it are left out. */
  start?: string;
  theme: 'light' | 'dark';
  /** Language of place names; the story's default when not set. */
  names?: NameMode;
  /** Show the title block. */
  intro: boolean;
  /** Show sources, credits and "About this map". */
  credits: boolean;
  /** A compact card (title, one still map, a link to the full story) instead of the whole story. */
  preview: boolean;
  /**
   * Height of the host page's sticky header, in CSS pixels: the pinned map, its controls and the
   * reading position stay below it.
   */
  topOffset: number;
  /** The iframe embed keeps an offline copy of the story (its service worker); never in-page. */
  offline: boolean;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = {
  theme: 'light',
  intro: true,
  credits: true,
  preview: false,
  topOffset: 0,
  offline: false,
};
