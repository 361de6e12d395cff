/**
 * Layout decisions that the script needs (the CSS makes the same split at the same width):
 * where the scroll trigger sits and how much of the map the text card covers.
 */
import type { PaddingOptions } from 'maplibre-gl';

/** Below this width the map goes full-bleed behind the text cards. */
export const WIDE_MIN_PX = 800;

/** Where a phone's trigger line sits; the CSS gives each phone step a full screen of scroll. */
const PHONE_TRIGGER = 0.5;

export interface Layout {
  mode: 'phone' | 'wide';
  /** The trigger line, as a fraction of the viewport height from the top. */
  triggerOffset: number;
  /** Map padding that keeps the step's subject clear of the card and the map controls. */
  padding: PaddingOptions;
}

export function layoutFor(width: number, height: number): Layout {
  if (width >= WIDE_MIN_PX) {
    return { mode: 'wide', triggerOffset: 0.5, padding: { top: 56, right: 24, bottom: 72, left: 24 } };
  }
  // On phones a step becomes active as its card's top reaches mid-screen, so the card is read in
  // the lower half and the map's subject is framed in the upper half, below the tool bar.
  return {
    mode: 'phone',
    triggerOffset: PHONE_TRIGGER,
    padding: { top: 104, right: 16, bottom: Math.round(height * (1 - PHONE_TRIGGER)) + 8, left: 16 },
  };
}

/**
 * A phone's padding with the top pushed below the tools and rail (they wrap to more rows on the
 * narrowest screens); `toolbarHeight` is their measured height in CSS pixels, 0 if not measured.
 */
export function clearOfToolbar(layout: Layout, toolbarHeight: number): PaddingOptions {
  if (layout.mode !== 'phone') return layout.padding;
  return { ...layout.padding, top: Math.max(layout.padding.top ?? 0, Math.ceil(toolbarHeight) + 20) };
}

/** The share of the screen's height present mode's caption band may take (PresentCaption.svelte). */
export const CAPTION_SHARE = 0.35;

/**
 * Present mode's padding: the subject framed between the legend and tools at the top and the
 * caption band at the bottom. `legendHeight` is measured, 0 when the step has no legend.
 */
export function presentPadding(height: number, legendHeight: number): PaddingOptions {
  return {
    top: Math.max(Math.ceil(legendHeight), 36) + 28,
    right: 24,
    bottom: Math.ceil(height * CAPTION_SHARE) + 16,
    left: 24,
  };
}
