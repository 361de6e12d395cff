/**
 * Builds the map's label fonts from the self-hosted Noto files in @fontsource, subset to the
 * characters the map can draw, and serves MapLibre's `font-faces` spec as `virtual:map-fonts`.
 *
 * Why subset: Noto Sans JP is split by fontsource into 120 chunks of ~30 KB each; the map needs a
 * few dozen kanji spread over several of them. Subsetting each needed chunk to exactly the
 * characters in the data keeps the fonts to a few KB and still covers every label.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import subsetFont from 'subset-font';

const VIRTUAL_ID = 'virtual:map-fonts';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/** The font stack name the map style uses in `text-font`. */
export const MAP_FONT = 'Noto Sans Regular';

/** Characters any label may use whatever the data says (numbers, dates, units, separators). */
const ALWAYS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz·–—’“”…≈°²×';

interface FontChunk {
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

/** Every character in every string property of the GeoJSON files in `dir`. */
export function labelCharacters(dir: string): Set<string> {
  const chars = new Set<string>(ALWAYS);
  if (!existsSync(dir)) return chars;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.geojson')) continue;
    const data = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
      features?: Array<{ properties?: Record<string, unknown> }>;
    };
    for (const feature of data.features ?? []) {
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

async function buildFaces(root: string, dataDir: string): Promise<SubsetFace[]> {
  const require = createRequire(join(root, 'package.json'));
  const chunks = ['@fontsource/noto-sans', '@fontsource/noto-sans-jp'].flatMap((pkg) => {
    const dir = resolve(require.resolve(`${pkg}/package.json`), '..');
    return parseFontsourceCss(readFileSync(join(dir, '400.css'), 'utf8'), join(dir, 'files'));
  });
  const byChunk = assignToChunks(labelCharacters(dataDir), chunks);
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

export interface MapFontsPluginOptions {
  /** The story's datasets, whose label characters the fonts are cut to, relative to the Vite root. */
  geoDir: string;
}

/** Serves `virtual:map-fonts`: `{ fontFaces }` for the style's root `font-faces` property. */
export function mapFontsPlugin({ geoDir }: MapFontsPluginOptions): Plugin {
  let root = process.cwd();
  let isBuild = false;
  return {
    name: 'map-fonts',
    configResolved(config) {
      root = config.root;
      isBuild = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const dataDir = join(root, geoDir);
      // Watch each data file (a directory would be taken for an import in dev).
      for (const name of existsSync(dataDir) ? readdirSync(dataDir) : []) {
        if (name.endsWith('.geojson')) this.addWatchFile(join(dataDir, name));
      }
      const faces = await buildFaces(root, dataDir);
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
  };
}
