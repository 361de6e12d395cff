/**
 * Layout decisions that the script needs (the CSS makes the same splits at the same widths, in
 * src/app/app.css): where the scroll trigger sits and how much of the map the text card covers.
 */
import type { PaddingOptions } from 'maplibre-gl';

/** From this width the text takes a column of its own beside the map, with the full tool bar. */
export const WIDE_MIN_PX = 800;

/**
 * From this width up to WIDE_MIN_PX (landscape phones, small tablets) the text is a narrow column
 * beside the map, and the map keeps the phone's compact tool row.
 */
export const SIDE_MIN_PX = 560;

/**
 * Where a phone's trigger line sits: a step's card starts in the lower part of the screen, so the
 * map's subject keeps the part above it (at least 45% of the screen below the tool row).
 */
const PHONE_TRIGGER = 0.6;

/**
 * Room beside a framed subject for the names the map writes there: half an island's name on the
 * left; on the right a place's whole name, which MapLibre writes to the right of its point. No
 * wider: a frame as wide as Kyiv–Tokyo must still zoom in far enough to fill a 390×844 phone's height.
 */
const LABEL_ROOM = { left: 32, right: 88 };

export interface Layout {
  mode: 'phone' | 'side' | 'wide';
  /** The trigger line, as a fraction of the viewport height from the top. */
  triggerOffset: number;
  /** Map padding that keeps the step's subject clear of the card and the map controls. */
  padding: PaddingOptions;
}

export function layoutFor(width: number, height: number): Layout {
  if (width >= WIDE_MIN_PX) {
    return { mode: 'wide', triggerOffset: 0.5, padding: { top: 56, right: 120, bottom: 72, left: 40 } };
  }
  if (width >= SIDE_MIN_PX) {
    return {
      mode: 'side',
      triggerOffset: 0.5,
      padding: { top: 64, ...LABEL_ROOM, bottom: 24 },
    };
  }
  // On phones a step becomes active as its card's top reaches the trigger line, so the card is read
  // in the lower part and the map's subject is framed above it, below the tool row.
  return {
    mode: 'phone',
    triggerOffset: PHONE_TRIGGER,
    padding: {
      top: 64,
      ...LABEL_ROOM,
      bottom: Math.round(height * (1 - PHONE_TRIGGER)) + 12,
    },
  };
}

/**
 * The padding with the top pushed below the compact tool row of phones and narrow layouts (it
 * wraps to a second row at large text sizes); `toolbarBottom` is the row's measured bottom edge in
 * CSS pixels from the top of the map, 0 if not measured. Wide screens keep their tools beside the
 * subject.
 */
export function clearOfToolbar(layout: Layout, toolbarBottom: number): PaddingOptions {
  if (layout.mode === 'wide') return layout.padding;
  return { ...layout.padding, top: Math.max(layout.padding.top ?? 0, Math.ceil(toolbarBottom) + 20) };
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
