/**
 * Builds the map's label fonts from the self-hosted Noto files in @fontsource, subset to the
 * characters the map can draw, and serves MapLibre's `font-faces` spec as `virtual:map-fonts`.
 *
 * Why subset: Noto Sans JP is split by fontsource into 120 chunks of ~30 KB each; the map needs a
 * few dozen kanji spread over several of them. Subsetting each needed chunk to exactly the
 * characters in the data keeps the fonts to a few KB and still covers every label.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { normalizePath, type Plugin } from 'vite';
import subsetFont from 'subset-font';
import { formatErrors } from '../../shared/story/errors.ts';
import type { StoryFolder } from '../story/folders.ts';
import { loadStoryFolder } from '../story/story-folder.ts';
import { MODULE_IDS } from '../vite/module-ids.ts';
import { virtualModule } from '../vite/virtual-module.ts';

/** The font stack name the map style uses in `text-font`. */
export const MAP_FONT = 'Noto Sans Regular';

/** Characters any label may use whatever the data says (numbers, dates, units, separators). */
const ALWAYS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz·–—’“”…≈°²×';

export interface FontChunk {
  file: string;
  ranges: Array<[number, number]>;
}

/** Reads fontsource's `400.css` into (file, unicode ranges) pairs, in CSS order. */
export function parseFontsourceCss(css: string, filesDir: string): FontChunk[] {
  const chunks: FontChunk[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const src = /url\(\.\/files\/([^)]+?\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!src || !range) continue;
    chunks.push({ file: join(filesDir, src), ranges: parseUnicodeRange(range) });
  }
  return chunks;
}

export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from ?? '', 16);
    return [start, to ? parseInt(to, 16) : start];
  });
}

/** Every character in every string property of the story's datasets. */
export function labelCharacters(collections: Iterable<FeatureCollection>): Set<string> {
  const chars = new Set<string>(ALWAYS);
  for (const data of collections) {
    for (const feature of data.features) {
      for (const value of Object.values(feature.properties ?? {})) {
        if (typeof value === 'string') for (const ch of value) chars.add(ch);
      }
    }
  }
  return chars;
}

function covers(chunk: FontChunk, codePoint: number): boolean {
  return chunk.ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** Groups characters by the first chunk (Latin/Cyrillic Noto first, then JP) that covers them. */
export function assignToChunks(chars: Iterable<string>, chunks: FontChunk[]): Map<FontChunk, string[]> {
  const byChunk = new Map<FontChunk, string[]>();
  for (const ch of [...chars].sort()) {
    const codePoint = ch.codePointAt(0) ?? 0;
    const chunk = chunks.find((c) => covers(c, codePoint));
    if (!chunk) continue;
    byChunk.set(chunk, [...(byChunk.get(chunk) ?? []), ch]);
  }
  return byChunk;
}

function hex(codePoint: number): string {
  return 'U+' + codePoint.toString(16).toUpperCase().padStart(4, '0');
}

interface SubsetFace {
  name: string;
  bytes: Buffer;
  unicodeRange: string[];
}

/** The label faces' chunks (Noto Sans, then Noto Sans JP), as fontsource ships them. */
export function labelFontChunks(root: string): FontChunk[] {
  const require = createRequire(join(root, 'package.json'));
  return ['@fontsource/noto-sans', '@fontsource/noto-sans-jp'].flatMap((pkg) => {
    const dir = resolve(require.resolve(`${pkg}/package.json`), '..');
    return parseFontsourceCss(readFileSync(join(dir, '400.css'), 'utf8'), join(dir, 'files'));
  });
}

async function buildFaces(root: string, collections: Iterable<FeatureCollection>): Promise<SubsetFace[]> {
  const byChunk = assignToChunks(labelCharacters(collections), labelFontChunks(root));
  const faces: SubsetFace[] = [];
  for (const [chunk, chars] of byChunk) {
    const bytes = await subsetFont(readFileSync(chunk.file), chars.join(''), { targetFormat: 'woff2' });
    const base = chunk.file
      .split('/')
      .pop()!
      .replace(/\.woff2$/, '');
    faces.push({ name: `${base}-subset.woff2`, bytes, unicodeRange: chars.map((c) => hex(c.codePointAt(0)!)) });
  }
  return faces;
}

/** Serves `virtual:map-fonts`: `{ fontFaces }` for the style's root `font-faces` property. */
export function mapFontsPlugin({ story }: { story: StoryFolder }): Plugin {
  let root = process.cwd();
  let isBuild = false;
  let inputs: string[] = [];
  return virtualModule({
    name: 'map-fonts',
    id: MODULE_IDS.mapFonts,
    madeFrom: (path) => inputs.includes(path),
    configResolved(config) {
      root = config.root;
      isBuild = config.command === 'build';
    },
    async load() {
      // The story's datasets, as its layers.yaml names them; the story plugin reports a broken folder.
      const loaded = loadStoryFolder(story.dir, root);
      inputs = loaded.files.map((file) => normalizePath(file));
      for (const file of loaded.files) this.addWatchFile(file);
      if (!loaded.ok) return this.error(formatErrors(loaded.errors));
      const faces = await buildFaces(root, loaded.folder.layers.collections.values());
      const entries = faces.map((face) => {
        if (!isBuild) {
          const url = JSON.stringify(`data:font/woff2;base64,${face.bytes.toString('base64')}`);
          return `{ url: ${url}, 'unicode-range': ${JSON.stringify(face.unicodeRange)} }`;
        }
        const ref = this.emitFile({ type: 'asset', name: face.name, source: face.bytes });
        return `{ url: new URL(import.meta.ROLLUP_FILE_URL_${ref}, location.href).href, 'unicode-range': ${JSON.stringify(face.unicodeRange)} }`;
      });
      return `export const fontFaces = { ${JSON.stringify(MAP_FONT)}: [${entries.join(',\n')}] };\n`;
    },
  });
}
