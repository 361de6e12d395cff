/**
 * The page's text face for the in-page element. Browsers ignore @font-face rules inside a shadow
 * root, so the faces are added to the document's font set instead, once per document. (The map's
 * label fonts go through MapLibre, which loads them itself.)
 */
import serif400 from '@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2?url';
import serif700 from '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2?url';

export const TEXT_FAMILY = 'Source Serif 4';
const FACES = [
  { weight: '400', url: serif400 },
  { weight: '700', url: serif700 },
] as const;

const unquoted = (family: string) => family.replace(/^["']|["']$/g, '');

/**
 * Adds the Latin 400 and 700 faces of Source Serif 4 to `doc.fonts`, except a weight the page
 * already has (its own copy of the family, or an earlier embed). They load when text uses them.
 */
export function registerTextFonts(doc: Document = document): void {
  // Without a font set (or with one that refuses new faces) the story keeps the fallback serif.
  try {
    const known = [...doc.fonts].filter((face) => unquoted(face.family) === TEXT_FAMILY).map((face) => face.weight);
    for (const { weight, url } of FACES) {
      if (known.includes(weight)) continue;
      // `?url` gives a path relative to this script, made absolute by Vite's relative base.
      const source = `url(${JSON.stringify(new URL(url, import.meta.url).href)}) format("woff2")`;
      doc.fonts.add(new FontFace(TEXT_FAMILY, source, { weight, style: 'normal', display: 'swap' }));
    }
  } catch {
    // The text stays readable in the fallback face.
  }
}
