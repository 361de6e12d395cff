/**
 * The place names' own glyphs for the page's text: the island card shows names in Japanese and
 * Russian, which a reader's system fonts may lack. The map's label fonts are already subset to
 * exactly those glyphs (vite-plugin-map-fonts.ts), so the page borrows them under one family name,
 * each face fetched only if a character in its range is shown.
 */
export const NAME_FONT_FAMILY = 'Story Place Names';

let registered = false;

export async function registerNameFonts(): Promise<void> {
  if (registered || typeof FontFace === 'undefined') return;
  registered = true;
  const { fontFaces } = await import('virtual:map-fonts');
  for (const faces of Object.values(fontFaces)) {
    for (const face of Array.isArray(faces) ? faces : [faces]) {
      if (typeof face === 'string') continue;
      const range = face['unicode-range'];
      try {
        document.fonts.add(
          new FontFace(NAME_FONT_FAMILY, `url(${face.url}) format('woff2')`, {
            unicodeRange: Array.isArray(range) ? range.join(', ') : range,
          }),
        );
      } catch {
        // The names fall back to the reader's own fonts.
      }
    }
  }
}
