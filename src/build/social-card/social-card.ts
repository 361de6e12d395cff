/**
 * A story's social card: the picture a shared link shows (`og:image`), 1200×630 as the platforms
 * ask, drawn at build time from the story's first still map with its title below, and rasterised
 * to PNG (platforms do not take SVG) with resvg, from the project's own fonts: no system font, so
 * every machine draws the same card.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import subsetFont from 'subset-font';
import type { Story } from '../../shared/story/types.ts';
import { assignToChunks, labelFontChunks, parseFontsourceCss, type FontChunk } from '../map/vite-plugin-map-fonts.ts';
import { renderStaticMap, type StaticMapData } from '../static-map/render.ts';

export const SOCIAL_CARD = { fileName: 'social-card.png', width: 1200, height: 630 } as const;

/** The title's band below the map, and its type: the article's face, as on the page. */
const BAND = { height: 190, padding: 56, rule: 6 } as const;
const TITLE = { family: 'Source Serif 4', size: 50, lineHeight: 1.15, maxLines: 2 } as const;
/** Characters per line that fit the card's width at the title's size (Source Serif 4 Bold averages ~0.5 em). */
const TITLE_LINE_CHARS = Math.floor((SOCIAL_CARD.width - 2 * BAND.padding) / (TITLE.size * 0.52));
const INK = '#1f1f1f';
const PAPER = '#ffffff';
const RULE = '#bb5200';

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);

/** `text` in lines of at most `width` characters, broken between words; the last line ends in … when cut. */
export function wrapWords(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const cut = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${cut.length < width ? cut : cut.slice(0, width - 1).trimEnd()}…`;
  return kept;
}

/** The card as SVG: the first step's map over the title's band. Pure. */
export function socialCardSvg(story: Story, data: StaticMapData): string {
  const first = story.steps[0];
  if (first === undefined) throw new Error('the story has no step to draw its social card from');
  const { width, height } = SOCIAL_CARD;
  const mapHeight = height - BAND.height;
  const map = renderStaticMap(first, data, { width, height: mapHeight, minTextPx: 16 }, story.meta.defaults.names);
  const lines = wrapWords(story.meta.title, TITLE_LINE_CHARS, TITLE.maxLines);
  const lineStep = TITLE.size * TITLE.lineHeight;
  // The lines sit centred in the band, their baselines a line step apart.
  const firstBaseline = mapHeight + BAND.height / 2 - ((lines.length - 1) * lineStep) / 2 + TITLE.size * 0.35;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(story.meta.title)}</title>`,
    map.replace('<svg ', `<svg x="0" y="0" `),
    `<rect x="0" y="${mapHeight}" width="${width}" height="${BAND.height}" fill="${PAPER}"/>`,
    `<rect x="0" y="${mapHeight}" width="${width}" height="${BAND.rule}" fill="${RULE}"/>`,
    `<text font-family="'${TITLE.family}'" font-weight="700" font-size="${TITLE.size}" fill="${INK}">`,
    ...lines.map(
      (line, i) =>
        `<tspan x="${BAND.padding}" y="${(firstBaseline + i * lineStep).toFixed(1)}">${escapeXml(line)}</tspan>`,
    ),
    '</text>',
    '</svg>',
    '',
  ].join('\n');
}

/** The characters of an SVG's text: what its fonts must cover. */
function textOf(svg: string): string {
  return [...svg.matchAll(/>([^<]+)</g)].map((match) => match[1]).join('');
}

/** The title face's chunks, as fontsource ships them (the bold the page's headings use). */
function titleFontChunks(root: string): FontChunk[] {
  const require = createRequire(join(root, 'package.json'));
  const dir = resolve(require.resolve('@fontsource/source-serif-4/package.json'), '..');
  return parseFontsourceCss(readFileSync(join(dir, '700.css'), 'utf8'), join(dir, 'files'));
}

/**
 * The card as PNG. resvg reads TrueType, not the WOFF2 fontsource ships: each face is subset to
 * the card's characters as TrueType into a temporary folder, read from there, then removed.
 */
export async function rasteriseCard(svg: string, root: string): Promise<Buffer> {
  const chars = [...new Set(textOf(svg).replace(/&[a-z]+;/g, ''))].join('');
  const chunks = [...assignToChunks(chars, labelFontChunks(root)), ...assignToChunks(chars, titleFontChunks(root))];
  const dir = mkdtempSync(join(tmpdir(), 'social-card-'));
  try {
    const fontFiles = await Promise.all(
      chunks.map(async ([chunk, used], i) => {
        const file = join(dir, `${i}.ttf`);
        writeFileSync(file, await subsetFont(readFileSync(chunk.file), used.join(''), { targetFormat: 'sfnt' }));
        return file;
      }),
    );
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'original' },
      font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
    });
    return resvg.render().asPng();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
