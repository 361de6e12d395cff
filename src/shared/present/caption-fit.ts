/**
 * Present mode's caption type shrinks with the square root of the text's length, so a long step
 * fills about the same area as a short one and stays within the band (verified on the real story
 * at 1280×720–1920×1080).
 */
const SHORT = 210;

/** The caption's type scale for a step's HTML: 1 for short text, less for longer text. */
export function captionFit(html: string): number {
  const chars = html.replace(/<[^>]*>/g, '').length;
  return Math.min(1, Math.sqrt(SHORT / Math.max(chars, 1)));
}
