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

/** The least room, across and down, that paddings leave on the map for the step's subject. */
export const MIN_SUBJECT_PX = 48;

/**
 * `padding` shrunk, each axis in proportion, so that at least `MIN_SUBJECT_PX` of `size` stays
 * free across and down (all of it on a canvas smaller than that). A card's or a step's padding
 * made for a phone can outgrow a very short or narrow map, and MapLibre cannot fit bounds into
 * negative room: it warns and leaves the camera where it was.
 */
export function clampPadding(
  padding: PaddingOptions,
  size: { width: number; height: number },
): Required<PaddingOptions> {
  const shrink = (before: number, after: number, room: number): [number, number] => {
    const total = before + after;
    const free = Math.max(room - MIN_SUBJECT_PX, 0);
    if (total <= free) return [before, after];
    const scale = free / total;
    return [Math.floor(before * scale), Math.floor(after * scale)];
  };
  const [top, bottom] = shrink(Math.max(padding.top ?? 0, 0), Math.max(padding.bottom ?? 0, 0), size.height);
  const [left, right] = shrink(Math.max(padding.left ?? 0, 0), Math.max(padding.right ?? 0, 0), size.width);
  return { top, right, bottom, left };
}
