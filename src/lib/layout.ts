/**
 * Layout decisions that the script needs (the CSS makes the same split at the same width):
 * where the scroll trigger sits and how much of the map the text card covers.
 */
import type { PaddingOptions } from 'maplibre-gl';

/** Below this width the map goes full-bleed behind the text cards. */
export const WIDE_MIN_PX = 800;

export interface Layout {
  mode: 'phone' | 'wide';
  /** The trigger line, as a fraction of the viewport height from the top. */
  triggerOffset: number;
  /** Map padding that keeps the step's subject clear of the card and the map controls. */
  padding: PaddingOptions;
}

export function layoutFor(width: number, height: number): Layout {
  if (width >= WIDE_MIN_PX) {
    return { mode: 'wide', triggerOffset: 0.5, padding: { top: 56, right: 24, bottom: 40, left: 24 } };
  }
  // On phones a card enters from the bottom and is read in the lower part of the screen, so the
  // map's subject is framed in the upper part, clear of the card and of the tool bar.
  return {
    mode: 'phone',
    triggerOffset: 0.75,
    padding: { top: 56, right: 12, bottom: Math.round(height * 0.45), left: 12 },
  };
}
