/**
 * The story parser on bad inputs (each asserting its exact message, line and step id), on good
 * inputs (resolution, defaults, rendering), and on the real story file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { formatError } from '../../src/shared/story/errors.ts';
import { loadKnownIds } from '../../src/build/story/known-ids.ts';
import { loadStoryLayers } from '../../src/build/story/layers-file.ts';
import { renderMarkdown } from '../../src/build/story/markdown.ts';
import { parseStory } from '../../src/build/story/parse.ts';
import { storyFolder } from '../../src/build/story/folders.ts';
import { STORY_LIMITS } from '../../src/build/story/schema.ts';
import { levenshtein, suggest } from '../../src/shared/story/suggest.ts';
import type { Bounds, KnownFeature, KnownIds, Story } from '../../src/shared/story/types.ts';
import { buildFailureMessage, storyPlugin } from '../../src/build/story/vite-plugin-story.ts';

const FILE = 'story/kurils/story.md';
const root = resolve(import.meta.dirname, '../..');

const area = (dataset: KnownFeature['dataset'], bbox: Bounds): KnownFeature => ({ dataset, bbox });
const point = (dataset: KnownFeature['dataset'], lon: number, lat: number): KnownFeature =>
  area(dataset, [lon, lat, lon, lat]);

/** The Kuril story's layers and datasets, as its layers.yaml declares them. */
const KURIL_LAYERS = (() => {
  const result = loadStoryLayers(resolve(root, 'story/kurils'), root);
  if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
  return result.layers.registry;
})();

/**
 * The ids geo/kurils/out provides (the geodata build's contract with the story), with rough boxes,
 * and the story's layers.
 */
const CONTRACT: KnownIds = {
  layers: KURIL_LAYERS,
  features: new Map<string, KnownFeature>([
    ['iturup', area('land', [146.6, 44.4, 148.9, 45.6])],
    ['kunashir', area('land', [145.4, 43.6, 146.6, 44.5])],
    ['shikotan', area('land', [146.6, 43.7, 146.95, 43.9])],
    ['zelyony', area('land', [146.08, 43.46, 146.23, 43.54])],
    ['tanfiliev', area('land', [145.86, 43.41, 145.96, 43.47])],
    ['polonsky', area('land', [146.29, 43.6, 146.36, 43.66])],
    ['yury', area('land', [146.03, 43.4, 146.11, 43.45])],
    ['anuchina', area('land', [145.98, 43.35, 146.03, 43.39])],
    ['urup', area('land', [149.4, 45.5, 150.6, 46.25])],
    ['shumshu', area('land', [156.1, 50.6, 156.5, 50.9])],
    ['hokkaido', area('land', [139.8, 41.4, 145.8, 45.5])],
    ['sakhalin', area('land', [141.6, 45.9, 144.8, 54.4])],
    ['kamchatka', area('land', [155.5, 50.9, 160, 55])],
    ['country-ukraine', area('world', [22.1, 44.4, 40.2, 52.4])],
    ['country-japan', area('world', [123, 24.2, 145.8, 45.5])],
    ['country-russia', area('world', [-180, 41.2, 180, 81.9])],
    ['country-china', area('world', [73.5, 18.2, 134.8, 53.6])],
    ['country-united-states', area('world', [-180, 18.9, 180, 71.4])],
    ['place-nagato', point('places', 131.182, 34.314)],
    ['place-tokyo', point('places', 139.7425, 35.6733)],
    ['place-moscow', point('places', 37.618, 55.752)],
    ['place-kyiv', point('places', 30.52, 50.45)],
    ['place-washington', point('places', -77.04, 38.9)],
    ['place-beijing', point('places', 116.4, 39.9)],
    ['place-shimoda', point('places', 138.945, 34.679)],
    ['place-saint-petersburg', point('places', 30.316, 59.939)],
    ['place-san-francisco', point('places', -122.421, 37.779)],
    ['offer-1956-offered', area('offer-1956', [145.86, 43.36, 146.92, 43.89])],
    ['renounced-1951-southern', area('renounced-1951', [145.4, 43.36, 148.9, 45.56])],
    ['route-1945-north', area('occupation-1945', [149.9, 45.9, 158.9, 52.8])],
    ['route-1945-south', area('occupation-1945', [142.7, 43.5, 147.7, 46.6])],
    ['bal-range', area('missiles-2016', [143.8, 42.9, 148.2, 45.3])],
    ['bastion-range', area('missiles-2016', [143.5, 41.9, 152.7, 48.3])],
    ['nosappu-kaigara', area('distances', [145.81, 43.38, 145.86, 43.4])],
    ['nosappu-habomai', area('distances', [145.81, 43.38, 145.9, 43.43])],
    ['hokkaido-kunashir', area('distances', [145.2, 43.6, 145.4, 43.9])],
  ]),
};

/** Lines 1–7; the first step's fence is line 9, its first YAML line 10. */
const FRONT = ['---', 'title: T', 'dek: D', 'publication: P', 'date: December 2016', 'credits: [Someone]', '---', ''];

const GOOD_STEP = [
  'id: summit',
  'camera: { frame: [place-nagato, place-tokyo] }',
  'layers: [places]',
  'alt: Nagato and Tokyo.',
];

function step(yaml: readonly string[], text: readonly string[] = ['Some text.']): string[] {
  return ['```step', ...yaml, '```', '', ...text, ''];
}

function source(...steps: (readonly string[])[]): string {
  return [...FRONT, ...steps.flat()].join('\n');
}

function errorsOf(text: string | Uint8Array, known: KnownIds = CONTRACT): string[] {
  const result = parseStory(text, FILE, known);
  if (result.ok) throw new Error('expected the story to be invalid');
  return result.errors.map(formatError);
}

function storyOf(text: string | Uint8Array, known: KnownIds = CONTRACT): Story {
  const result = parseStory(text, FILE, known);
  if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
  return result.story;
}

/** One bad line in an otherwise good step, as the only step. */
function withStepLines(lines: readonly string[], text?: readonly string[]): string {
  return source(step(lines, text));
}

describe('bad inputs: each names file, line, step, field and what is allowed', () => {
  it('YAML syntax error', () => {
    expect(errorsOf(withStepLines(['id: summit', 'camera: { center: [146, 44], zoom: 5', 'alt: x']))).toEqual([
      'story/kurils/story.md:12: step "summit": YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
    ]);
  });

  it('duplicate id names both lines', () => {
    expect(errorsOf(source(step(GOOD_STEP), step(GOOD_STEP)))).toEqual([
      'story/kurils/story.md:19: step "summit": id: duplicate id "summit" — also used at line 10',
    ]);
  });

  it('id not in kebab case', () => {
    expect(errorsOf(withStepLines(['id: Summit_Day', ...GOOD_STEP.slice(1)]))).toEqual([
      'story/kurils/story.md:10: step "Summit_Day": id: "Summit_Day" is not kebab-case — use lowercase letters, digits and single hyphens, e.g. "summit-day"',
    ]);
  });

  it('unknown layer, with did-you-mean', () => {
    expect(errorsOf(withStepLines([...GOOD_STEP.slice(0, 2), 'layers: [places, missles-2016]', 'alt: x']))).toEqual([
      'story/kurils/story.md:12: step "summit": layers[1]: unknown layer "missles-2016" — did you mean "missiles-2016"?',
    ]);
  });

  it('unknown layer without a near name lists the allowed ones', () => {
    expect(errorsOf(withStepLines([...GOOD_STEP.slice(0, 2), 'muted: [rivers]', 'alt: x']))).toEqual([
      'story/kurils/story.md:12: step "summit": muted[0]: unknown layer "rivers" — allowed: renounced-1951, disputed, offer-1956, missiles-2016, border-1855, border-1875, occupation-1945, distances, places',
    ]);
  });

  it('unknown feature, with did-you-mean', () => {
    expect(errorsOf(withStepLines([...GOOD_STEP, 'highlight: [iturupp]']))).toEqual([
      'story/kurils/story.md:14: step "summit": highlight[0]: unknown feature "iturupp" — did you mean "iturup"?',
    ]);
  });

  it('unknown feature in a frame camera', () => {
    expect(errorsOf(withStepLines(['id: summit', 'camera:', '  frame: [place-nagato, atlantis]', 'alt: x']))).toEqual([
      'story/kurils/story.md:12: step "summit": camera.frame[1]: unknown feature "atlantis" — no dataset has a feature with this id',
    ]);
  });

  it('highlight of a feature whose layer is not visible says which layer to add', () => {
    expect(errorsOf(withStepLines([...GOOD_STEP, 'highlight: [place-tokyo, route-1945-north]']))).toEqual([
      'story/kurils/story.md:14: step "summit": highlight[1]: feature "route-1945-north" is in dataset "occupation-1945", which this step does not show — add layer "occupation-1945" to layers or muted',
    ]);
  });

  it('latitude 95', () => {
    expect(errorsOf(withStepLines(['id: summit', 'camera: { center: [146, 95], zoom: 6 }', 'alt: x']))).toEqual([
      'story/kurils/story.md:11: step "summit": camera.center[1]: latitude 95 is out of range — allowed −90 to 90',
    ]);
  });

  it('zoom 30', () => {
    expect(errorsOf(withStepLines(['id: summit', 'camera:', '  center: [146, 44]', '  zoom: 30', 'alt: x']))).toEqual([
      'story/kurils/story.md:13: step "summit": camera.zoom: 30 is out of range — allowed 0 to 20',
    ]);
  });

  it('pitch 80', () => {
    expect(
      errorsOf(withStepLines(['id: summit', 'camera: { center: [146, 44], zoom: 5, pitch: 80 }', 'alt: x'])),
    ).toEqual(['story/kurils/story.md:11: step "summit": camera.pitch: 80 is out of range — allowed 0 to 60']);
  });

  it('bearing −200 (negative bounds are printed with a minus sign)', () => {
    expect(
      errorsOf(withStepLines(['id: summit', 'camera: { frame: [place-tokyo], bearing: -200 }', 'alt: x'])),
    ).toEqual(['story/kurils/story.md:11: step "summit": camera.bearing: -200 is out of range — allowed −180 to 180']);
  });

  it('bbox with south above north', () => {
    expect(errorsOf(withStepLines(['id: summit', 'camera: { bbox: [140, 50, 150, 40] }', 'alt: x']))).toEqual([
      'story/kurils/story.md:11: step "summit": camera.bbox: south must be less than north — bbox is [west, south, east, north]',
    ]);
  });

  it('mixed camera shapes say which keys each shape allows', () => {
    expect(
      errorsOf(withStepLines(['id: summit', 'camera: { center: [146, 44], zoom: 5, frame: [place-tokyo] }', 'alt: x'])),
    ).toEqual([
      'story/kurils/story.md:11: step "summit": camera: mixes camera shapes (center and frame) — use one: a center camera allows center, zoom, bearing, pitch; a frame camera allows frame, padding, maxZoom, bearing, pitch; a bbox camera allows bbox, padding, maxZoom, bearing, pitch',
    ]);
  });

  it('a key from another camera shape', () => {
    expect(
      errorsOf(withStepLines(['id: summit', 'camera: { center: [146, 44], zoom: 5, padding: 20 }', 'alt: x'])),
    ).toEqual([
      'story/kurils/story.md:11: step "summit": camera: "padding" does not go with "center" — a center camera allows center, zoom, bearing, pitch; a frame camera allows frame, padding, maxZoom, bearing, pitch; a bbox camera allows bbox, padding, maxZoom, bearing, pitch',
    ]);
  });

  it('unknown camera key typo', () => {
    expect(
      errorsOf(withStepLines(['id: summit', 'camera:', '  frame: [place-tokyo]', '  maxZom: 6', 'alt: x'])),
    ).toEqual([
      'story/kurils/story.md:13: step "summit": camera: unknown camera key "maxZom" — did you mean "maxZoom"? A frame camera allows frame, padding, maxZoom, bearing, pitch',
    ]);
  });

  it('missing alt', () => {
    expect(errorsOf(withStepLines(GOOD_STEP.slice(0, 3)))).toEqual([
      'story/kurils/story.md:10: step "summit": alt: required — one or two plain sentences saying what the map shows, for screen readers',
    ]);
  });

  it('empty alt', () => {
    expect(errorsOf(withStepLines([...GOOD_STEP.slice(0, 3), 'alt: "  "']))).toEqual([
      'story/kurils/story.md:13: step "summit": alt: must not be empty — one or two plain sentences saying what the map shows, for screen readers',
    ]);
  });

  it('alt longer than 400 characters', () => {
    expect(errorsOf(withStepLines([...GOOD_STEP.slice(0, 3), `alt: ${'a'.repeat(401)}`]))).toEqual([
      'story/kurils/story.md:13: step "summit": alt: 401 characters is too long — allowed up to 400; one or two sentences',
    ]);
  });

  it('missing camera', () => {
    expect(errorsOf(withStepLines(['id: summit', 'alt: x']))).toEqual([
      'story/kurils/story.md:10: step "summit": camera: required — a step needs a complete camera: a center camera allows center, zoom, bearing, pitch; a frame camera allows frame, padding, maxZoom, bearing, pitch; a bbox camera allows bbox, padding, maxZoom, bearing, pitch',
    ]);
  });

  it('unknown step key typo, with the allowed keys', () => {
    expect(errorsOf(withStepLines([...GOOD_STEP, 'hightlight: [place-tokyo]']))).toEqual([
      'story/kurils/story.md:14: step "summit": unknown step key "hightlight" — did you mean "highlight"? Allowed keys: id, camera, layers, muted, highlight, alt, cite, notes, reveal',
    ]);
  });

  it('every unknown key is reported, not only the first', () => {
    expect(errorsOf(withStepLines([...GOOD_STEP, 'hightlight: [place-tokyo]', 'note: x']))).toHaveLength(2);
  });

  it('layer both visible and muted', () => {
    expect(errorsOf(withStepLines([...GOOD_STEP, 'muted: [disputed, places]']))).toEqual([
      'story/kurils/story.md:14: step "summit": muted[1]: layer "places" is in both layers and muted — keep it in one',
    ]);
  });

  it('reveal of a layer that cannot draw itself progressively', () => {
    expect(errorsOf(withStepLines([...GOOD_STEP, 'reveal: places']))).toEqual([
      'story/kurils/story.md:14: step "summit": reveal: layer "places" cannot be drawn with the reader\'s progress — allowed: occupation-1945',
    ]);
  });

  it('reveal of a layer the step does not show in full', () => {
    expect(errorsOf(withStepLines([...GOOD_STEP, 'muted: [occupation-1945]', 'reveal: occupation-1945']))).toEqual([
      'story/kurils/story.md:15: step "summit": reveal: layer "occupation-1945" must be in this step\'s layers to be revealed — add it to layers',
    ]);
  });

  it('empty text', () => {
    expect(errorsOf(source(step(GOOD_STEP, [])))).toEqual([
      'story/kurils/story.md:9: step "summit": text: step text is empty — write the article text for this step after its "```step" block',
    ]);
  });

  it('raw <script> in text', () => {
    expect(errorsOf(withStepLines(GOOD_STEP, ['First line.', 'Then <script>alert(1)</script> here.']))).toEqual([
      'story/kurils/story.md:17: step "summit": text: raw HTML is not allowed in step text: <script> — use Markdown',
    ]);
  });

  it('raw inline HTML like <b>', () => {
    expect(errorsOf(withStepLines(GOOD_STEP, ['A <b>bold</b> claim.']))).toEqual([
      'story/kurils/story.md:16: step "summit": text: raw HTML is not allowed in step text: <b> — use Markdown',
    ]);
  });

  it('image in text', () => {
    expect(errorsOf(withStepLines(GOOD_STEP, ['See ![Putin and Abe](https://example.com/photo.jpg).']))).toEqual([
      'story/kurils/story.md:16: step "summit": text: images are not allowed in step text — allowed: paragraphs, *emphasis*, **strong** and [links](https://…)',
    ]);
  });

  it('javascript: link', () => {
    expect(errorsOf(withStepLines(GOOD_STEP, ['A [link](javascript:alert(1)).']))).toEqual([
      'story/kurils/story.md:16: step "summit": text: links must use http:// or https:// — "javascript:alert(1)" is not allowed',
    ]);
  });

  it('heading in text', () => {
    expect(errorsOf(withStepLines(GOOD_STEP, ['Text.', '', '## A heading']))).toEqual([
      'story/kurils/story.md:18: step "summit": text: headings are not allowed in step text — allowed: paragraphs, *emphasis*, **strong** and [links](https://…)',
    ]);
  });

  it('inline code in text', () => {
    expect(errorsOf(withStepLines(GOOD_STEP, ['Run `rm -rf`.']))).toEqual([
      'story/kurils/story.md:16: step "summit": text: inline code is not allowed in step text — allowed: paragraphs, *emphasis*, **strong** and [links](https://…)',
    ]);
  });

  it('text before the first step', () => {
    expect(errorsOf([...FRONT, 'Stray words.', ...step(GOOD_STEP)].join('\n'))).toEqual([
      'story/kurils/story.md:9: text before the first step — every step starts with a "```step" block; move this text into a step',
    ]);
  });

  it('a misspelt step fence', () => {
    expect(errorsOf(source(['```steps', ...step(GOOD_STEP).slice(1)]))).toEqual([
      'story/kurils/story.md:9: "```steps" is not a step fence — a step starts with a line that is exactly "```step"',
    ]);
  });

  it('unclosed step block', () => {
    expect(errorsOf([...FRONT, '```step', ...GOOD_STEP].join('\n'))).toEqual([
      'story/kurils/story.md:9: step block is not closed — end its YAML with a line "```"',
    ]);
  });

  it('bad front matter key, with did-you-mean', () => {
    const text = source(step(GOOD_STEP)).replace('title: T', 'titel: T');
    expect(errorsOf(text)).toEqual([
      'story/kurils/story.md:2: title: required',
      'story/kurils/story.md:2: unknown front matter key "titel" — did you mean "title"? Allowed keys: title, dek, publication, date, credits, source_url, defaults, how_to_read, embed_element, panel',
    ]);
  });

  it('front matter defaults out of range', () => {
    const text = source(step(GOOD_STEP)).replace(
      'credits: [Someone]',
      'credits: [Someone]\ndefaults: { names: fr, padding: 500 }',
    );
    expect(errorsOf(text)).toEqual([
      'story/kurils/story.md:7: defaults.names: "fr" is not allowed — allowed: en, ja, ru, both',
      'story/kurils/story.md:7: defaults.padding: 500 is out of range — allowed 0 to 400',
    ]);
  });

  it('no front matter', () => {
    expect(errorsOf(step(GOOD_STEP).join('\n'))).toContain(
      'story/kurils/story.md:1: the story must start with front matter: a line "---", the story YAML (title, dek, …), then "---"',
    );
  });

  it('invalid UTF-8 names the line and column of the first bad byte (columns count characters)', () => {
    const good = new TextEncoder().encode(withStepLines(GOOD_STEP, ['Café au lait.']));
    const at = good.indexOf(0x61, good.indexOf(0xa9)); // the "a" after "Café "
    const bad = Uint8Array.from([...good.subarray(0, at), 0xe3, 0x81, ...good.subarray(at)]);
    expect(errorsOf(bad)).toEqual([
      'story/kurils/story.md:16:6: the file is not valid UTF-8 (byte 0xE3) — save it as UTF-8',
    ]);
    expect(errorsOf(Uint8Array.from([0xff, ...good]))).toEqual([
      'story/kurils/story.md:1:1: the file is not valid UTF-8 (byte 0xFF) — save it as UTF-8',
    ]);
    expect(storyOf(good).steps[0]?.plain).toBe('Café au lait.');
  });

  it('a 1 MB step is refused, naming the step and file limits', () => {
    expect(errorsOf(withStepLines(GOOD_STEP, ['a'.repeat(1024 * 1024)]))).toEqual([
      'story/kurils/story.md:1: the story file is 1,048,767 bytes — allowed up to 262,144 (256 KB): readers download all of it with the page',
      'story/kurils/story.md:16: step "summit": text: 1,048,576 characters is too long — allowed up to 4,000 per step; split it into more steps',
    ]);
  });

  it('a story of many steps each within the step limit is held to the file limit', () => {
    const steps = Array.from({ length: 70 }, (_, i) =>
      step([`id: s${i}`, 'camera: { frame: [place-tokyo] }', 'alt: x'], ['b'.repeat(3900)]),
    );
    expect(errorsOf(source(...steps))).toEqual([
      'story/kurils/story.md:1: the story file is 277,478 bytes — allowed up to 262,144 (256 KB): readers download all of it with the page',
    ]);
  });

  it('every text field has a size limit, stated in its error', () => {
    const text = withStepLines([...GOOD_STEP, `notes: ${'n'.repeat(2001)}`, `cite: [${'c'.repeat(201)}]`])
      .replace('title: T', `title: ${'t'.repeat(201)}`)
      .replace('dek: D', `dek: ${'d'.repeat(401)}`)
      .replace('publication: P', `publication: ${'p'.repeat(201)}`)
      .replace('date: December 2016', `date: ${'x'.repeat(101)}`)
      .replace('credits: [Someone]', `credits: [${'c'.repeat(401)}]`);
    expect(errorsOf(text)).toEqual([
      'story/kurils/story.md:2: title: 201 characters is too long — allowed up to 200',
      'story/kurils/story.md:3: dek: 401 characters is too long — allowed up to 400',
      'story/kurils/story.md:4: publication: 201 characters is too long — allowed up to 200',
      'story/kurils/story.md:5: date: 101 characters is too long — allowed up to 100',
      'story/kurils/story.md:6: credits[0]: 401 characters is too long — allowed up to 400',
      'story/kurils/story.md:14: step "summit": notes: 2,001 characters is too long — allowed up to 2,000',
      'story/kurils/story.md:15: step "summit": cite[0]: 201 characters is too long — allowed up to 200',
    ]);
  });

  it('raw HTML is refused in every text field, by the rule step text uses', () => {
    const text = withStepLines([
      ...GOOD_STEP.slice(0, 3),
      'alt: A <b>map</b>.',
      'cite: ["<i>MID</i>"]',
      'notes: Say <!-- nothing --> this.',
    ])
      .replace('title: T', 'title: The <em>Rocky</em> Road')
      .replace('dek: D', 'dek: 5 < 6 and <script>alert(1)</script>')
      .replace('publication: P', 'publication: <a href="https://example.com">EDM</a>')
      .replace('date: December 2016', 'date: December<br>2016')
      .replace('credits: [Someone]', 'credits: ["Map: <span>us</span>"]');
    expect(errorsOf(text)).toEqual([
      'story/kurils/story.md:2: title: raw HTML is not allowed in title: <em> — write plain text',
      'story/kurils/story.md:3: dek: raw HTML is not allowed in dek: <script> — write plain text',
      'story/kurils/story.md:4: publication: raw HTML is not allowed in publication: <a> — write plain text',
      'story/kurils/story.md:5: date: raw HTML is not allowed in date: <br> — write plain text',
      'story/kurils/story.md:6: credits[0]: raw HTML is not allowed in a credit: <span> — write plain text',
      'story/kurils/story.md:13: step "summit": alt: raw HTML is not allowed in alt: <b> — write plain text',
      'story/kurils/story.md:14: step "summit": cite[0]: raw HTML is not allowed in a citation: <i> — write plain text',
      'story/kurils/story.md:15: step "summit": notes: raw HTML is not allowed in notes: <!-- nothing --> — write plain text',
    ]);
  });

  it('an unquoted value containing ": " gets a hint to quote it', () => {
    expect(errorsOf(withStepLines([...GOOD_STEP.slice(0, 3), 'alt: Note: the map shows Tokyo.']))).toEqual([
      'story/kurils/story.md:13: step "summit": YAML syntax error: Nested mappings are not allowed in compact mappings — a value containing ": " must be in quotes: alt: "Note: …"',
    ]);
    expect(errorsOf(source(step(GOOD_STEP)).replace('credits: [Someone]', 'credits:\n  - Map: OSM: ODbL'))).toEqual([
      'story/kurils/story.md:7: YAML syntax error: Nested mappings are not allowed in compact mappings — a value containing ": " must be in quotes: - "Map: …"',
    ]);
    expect(errorsOf(withStepLines([...GOOD_STEP, 'cite:', '  - MID: December 3']))).toEqual([
      'story/kurils/story.md:15: step "summit": cite[0]: a citation must be text, not Object (text containing ": " must be in quotes)',
    ]);
  });

  it('a layer error does not hide the step’s other errors, nor add ones that follow from it', () => {
    expect(
      errorsOf(
        withStepLines(
          [
            'id: summit',
            'camera: { frame: [place-nagato, atlantis] }',
            'layers: [occupaton-1945]',
            'highlight: [route-1945-north, place-tokio]',
            'reveal: occupation-1945',
            'alt: x',
          ],
          ['<b>x</b>'],
        ),
      ),
    ).toEqual([
      'story/kurils/story.md:11: step "summit": camera.frame[1]: unknown feature "atlantis" — no dataset has a feature with this id',
      'story/kurils/story.md:12: step "summit": layers[0]: unknown layer "occupaton-1945" — did you mean "occupation-1945"?',
      'story/kurils/story.md:13: step "summit": highlight[1]: unknown feature "place-tokio" — did you mean "place-tokyo"?',
      'story/kurils/story.md:18: step "summit": text: raw HTML is not allowed in step text: <b> — use Markdown',
    ]);
  });

  it('collects the errors of every step in one pass, in file order', () => {
    const errors = errorsOf(
      source(
        step(['id: one', 'camera: { center: [146, 44], zoom: 30 }', 'alt: x']),
        step(['id: two', 'camera: { frame: [place-tokio] }', 'alt: x']),
        step(['id: three', 'camera: { frame: [place-tokyo] }', 'alt: x'], ['<i>x</i>']),
      ),
    );
    expect(errors).toEqual([
      'story/kurils/story.md:11: step "one": camera.zoom: 30 is out of range — allowed 0 to 20',
      'story/kurils/story.md:19: step "two": camera.frame[0]: unknown feature "place-tokio" — did you mean "place-tokyo"?',
      'story/kurils/story.md:31: step "three": text: raw HTML is not allowed in step text: <i> — use Markdown',
    ]);
  });
});

describe('good inputs', () => {
  it('resolves a frame camera to the union of the features’ boxes, with story defaults', () => {
    const story = storyOf(source(step(GOOD_STEP)));
    expect(story.steps[0]?.camera).toEqual({
      kind: 'bounds',
      bounds: [131.182, 34.314, 139.7425, 35.6733],
      padding: 40,
      maxZoom: 9,
      bearing: 0,
      pitch: 0,
    });
  });

  it('a step overrides padding and maxZoom; story defaults replace the built-in ones', () => {
    const text = source(
      step([
        'id: a',
        'camera: { frame: [iturup, kunashir], padding: 10, maxZoom: 7, bearing: -20, pitch: 30 }',
        'alt: x',
      ]),
      step(['id: b', 'camera: { frame: [iturup] }', 'alt: x']),
    ).replace('credits: [Someone]', 'credits: [Someone]\ndefaults: { padding: 80, maxZoom: 11, names: ja }');
    const story = storyOf(text);
    expect(story.meta.defaults).toEqual({ names: 'ja', padding: 80, maxZoom: 11 });
    expect(story.steps[0]?.camera).toEqual({
      kind: 'bounds',
      bounds: [145.4, 43.6, 148.9, 45.6],
      padding: 10,
      maxZoom: 7,
      bearing: -20,
      pitch: 30,
    });
    expect(story.steps[1]?.camera).toMatchObject({ padding: 80, maxZoom: 11 });
  });

  it('keeps a center camera and fills bearing and pitch', () => {
    const story = storyOf(withStepLines(['id: c', 'camera: { center: [146.5, 44], zoom: 7 }', 'alt: x']));
    expect(story.steps[0]?.camera).toEqual({ kind: 'center', center: [146.5, 44], zoom: 7, bearing: 0, pitch: 0 });
  });

  it('unwraps a bbox across the antimeridian so west < east', () => {
    const story = storyOf(withStepLines(['id: pacific', 'camera: { bbox: [125, 15, -65, 60] }', 'alt: x']));
    expect(story.steps[0]?.camera).toMatchObject({ kind: 'bounds', bounds: [125, 15, 295, 60] });
  });

  it('fills meta and step defaults', () => {
    const story = storyOf(withStepLines(['id: bare', 'camera: { frame: [place-tokyo] }', 'alt: A map.']));
    expect(story.meta).toEqual({
      slug: 'kurils',
      embedElement: 'kurils-story',
      title: 'T',
      dek: 'D',
      publication: 'P',
      date: 'December 2016',
      credits: ['Someone'],
      defaults: { names: 'both', padding: 40, maxZoom: 9 },
    });
    expect(story.steps[0]).toMatchObject({
      id: 'bare',
      index: 0,
      line: 9,
      layers: [],
      muted: [],
      highlight: [],
      cite: [],
    });
    expect(story.steps[0]).not.toHaveProperty('notes');
  });

  it('renders the Markdown subset, escaping text and marking links', () => {
    const story = storyOf(
      withStepLines(GOOD_STEP, [
        'AT&T said 5 < 6 *and* **more** [here](https://example.com/a?b=1&c=2).',
        'Same paragraph.',
        '',
        'Second.',
      ]),
    );
    expect(story.steps[0]?.html).toBe(
      '<p>AT&amp;T said 5 &lt; 6 <em>and</em> <strong>more</strong> <a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">here</a>.\nSame paragraph.</p>\n<p>Second.</p>',
    );
    expect(story.steps[0]?.plain).toBe(
      'AT&T said 5 < 6 *and* **more** [here](https://example.com/a?b=1&c=2). Same paragraph.\n\nSecond.',
    );
  });

  it('keeps cite and notes', () => {
    const story = storyOf(withStepLines([...GOOD_STEP, 'cite:', '  - MID, December 3', 'notes: Say it slowly.']));
    expect(story.steps[0]).toMatchObject({ cite: ['MID, December 3'], notes: 'Say it slowly.' });
  });

  it('tags a parenthetical citation only when every source in it is in cite', () => {
    const tagged = renderMarkdown('Lavrov said so (MID, December 3; Kommersant, November 22). Not (this one).', [
      'MID, December 3',
      'Kommersant, November 22',
    ]);
    expect(tagged).toBe(
      '<p>Lavrov said so <span class="source-tag"><span class="source-bracket">(</span>MID, December 3; Kommersant, November 22<span class="source-bracket">)</span></span>. Not (this one).</p>',
    );
    expect(renderMarkdown('He said so (MID, December 3; Kommersant, November 22).', ['MID, December 3'])).toBe(
      '<p>He said so (MID, December 3; Kommersant, November 22).</p>',
    );
  });
});

describe('limits', () => {
  it('FORMAT.md documents the numbers the compiler enforces', () => {
    const format = readFileSync(resolve(root, 'story/FORMAT.md'), 'utf8');
    const table = format.slice(format.indexOf('### Limits'));
    const row = (what: string): number => {
      const cell = new RegExp(`^\\| ${what} \\| ([\\d,]+) (?:bytes|characters) \\|$`, 'm').exec(table)?.[1];
      return Number(cell?.replaceAll(',', ''));
    };
    expect({
      fileBytes: row('the story file'),
      text: row('step text'),
      alt: row('`alt`'),
      notes: row('`notes`'),
      cite: row('each `cite` entry'),
      title: row('`title`'),
      dek: row('`dek`'),
      publication: row('`publication`'),
      date: row('`date`'),
      credit: row('each `credits` entry'),
    }).toEqual(STORY_LIMITS);
  });
});

describe('did-you-mean', () => {
  it('finds near names by edit distance or prefix, and nothing for far ones', () => {
    expect(levenshtein('missles-2016', 'missiles-2016')).toBe(1);
    expect(suggest('missles-2016', ['missiles-2016', 'places'])).toBe('missiles-2016');
    expect(suggest('border', ['border-1855', 'disputed'])).toBe('border-1855');
    expect(suggest('tokyo', ['place-tokyo', 'place-kyiv'])).toBe('place-tokyo');
    expect(suggest('rivers', ['places', 'disputed'])).toBeUndefined();
  });
});

/** A story folder's layers.yaml that declares `datasets` (each `<id>.geojson` beside it) and draws each with a fill. */
function layersYaml(datasets: readonly string[], basemap: readonly string[] = []): string {
  return [
    'datasets:',
    ...datasets.map(
      (id) =>
        `  - { id: ${id}, file: ${id}.geojson, attribution: Someone${basemap.includes(id) ? ', basemap: true' : ''} }`,
    ),
    'layers:',
    ...datasets.map((id) =>
      [
        `  - id: ${id}`,
        `    dataset: ${id}`,
        `    legend: ${id}`,
        `    draw: [{ type: circle, paint: { circle-color: '#000000' } }]`,
      ].join('\n'),
    ),
    '',
  ].join('\n');
}

describe('feature ids from the datasets of layers.yaml', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads properties.id per declared dataset, with each feature’s box; undeclared files are not read', () => {
    dir = mkdtempSync(join(tmpdir(), 'story-geo-'));
    const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
    const feature = (id: string | undefined, coordinates: number[][][]) => ({
      type: 'Feature',
      properties: id === undefined ? {} : { id },
      geometry: { type: 'Polygon', coordinates },
    });
    writeFileSync(
      join(dir, 'land.geojson'),
      collection([
        feature('iturup', [
          [
            [147, 44.5],
            [148.9, 45.6],
            [147.5, 45.6],
            [147, 44.5],
          ],
        ]),
        feature(undefined, [
          [
            [1, 1],
            [2, 2],
            [1, 2],
            [1, 1],
          ],
        ]),
      ]),
    );
    writeFileSync(
      join(dir, 'places.geojson'),
      collection([
        {
          type: 'Feature',
          properties: { id: 'place-tokyo' },
          geometry: { type: 'Point', coordinates: [139.74, 35.67] },
        },
      ]),
    );
    writeFileSync(
      join(dir, 'scratch.geojson'),
      collection([
        feature('ghost', [
          [
            [0, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ]),
      ]),
    );

    writeFileSync(join(dir, 'layers.yaml'), layersYaml(['land', 'places'], ['land']));

    const known = loadKnownIds(dir);
    expect([...known.features.keys()].sort()).toEqual(['iturup', 'place-tokyo']);
    expect(known.layers.layers.map((l) => l.id)).toEqual(['land', 'places']);
    expect(known.features.get('iturup')).toEqual({ dataset: 'land', bbox: [147, 44.5, 148.9, 45.6] });
    expect(known.features.get('place-tokyo')).toEqual({ dataset: 'places', bbox: [139.74, 35.67, 139.74, 35.67] });
  });
});

describe('vite plugin', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  type Hook = (this: unknown, ...args: unknown[]) => unknown;
  const hook = (value: unknown): Hook => value as Hook;

  /** A project with the story folder (story and layers) and the places dataset, as the plugin reads them. */
  function fixture(storyText: string): void {
    dir = mkdtempSync(join(tmpdir(), 'story-plugin-'));
    mkdirSync(join(dir, 'story/kurils'), { recursive: true });
    mkdirSync(join(dir, 'geo/kurils/out'), { recursive: true });
    writeFileSync(join(dir, 'story/kurils/story.md'), storyText);
    writeFileSync(
      join(dir, 'story/kurils/layers.yaml'),
      layersYaml(['places']).replace('file: places.geojson', 'file: ../../geo/kurils/out/places.geojson'),
    );
    writeFileSync(
      join(dir, 'geo/kurils/out/places.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: ['place-nagato', 'place-tokyo'].map((id, i) => ({
          type: 'Feature',
          properties: { id },
          geometry: { type: 'Point', coordinates: [131 + i * 8, 34 + i] },
        })),
      }),
    );
  }

  function loadVirtual(storyText: string): { code?: unknown; error?: unknown; watched: string[] } {
    fixture(storyText);
    const plugin = storyPlugin({ story: storyFolder(dir, 'story/kurils') });
    hook(plugin.configResolved).call(plugin, { root: dir });
    expect(hook(plugin.resolveId).call(plugin, 'virtual:story')).toBe('\0virtual:story');
    const watched: string[] = [];
    const context = {
      addWatchFile: (file: string) => watched.push(file),
      error: (error: unknown) => {
        throw Object.assign(new Error('plugin error'), { payload: error });
      },
    };
    try {
      return { code: hook(plugin.load).call(context, '\0virtual:story'), watched };
    } catch (error) {
      return { error: (error as { payload?: unknown }).payload, watched };
    }
  }

  it('serves the resolved story and watches the story and the geodata', () => {
    const { code, watched } = loadVirtual(source(step(GOOD_STEP)));
    expect(String(code)).toMatch(
      /^export default \{"meta":\{"slug":"kurils","embedElement":"kurils-story","title":"T"/,
    );
    expect(watched.map((file) => file.slice(dir.length))).toEqual([
      '/story/kurils/story.md',
      '/story/kurils/layers.yaml',
      '/geo/kurils/out/places.geojson',
    ]);
  });

  it('fails with every formatted error and the location of the first', () => {
    const { error } = loadVirtual(source(step([...GOOD_STEP.slice(0, 2), 'layers: [place]', 'alt: x'], ['<b>x</b>'])));
    expect(error).toEqual({
      message: [
        'story/kurils/story.md:12: step "summit": layers[0]: unknown layer "place" — did you mean "places"?',
        'story/kurils/story.md:16: step "summit": text: raw HTML is not allowed in step text: <b> — use Markdown',
      ].join('\n'),
      id: join(dir, 'story/kurils/story.md'),
      loc: { file: join(dir, 'story/kurils/story.md'), line: 12, column: 1 },
    });
  });
  it('a failed build prints the story’s errors without the bundler’s stack', async () => {
    fixture(source(step([...GOOD_STEP.slice(0, 2), 'layers: [place]', 'alt: x'])));
    writeFileSync(join(dir, 'index.html'), '<script type="module" src="/main.js"></script>');
    writeFileSync(join(dir, 'main.js'), "import story from 'virtual:story';\nconsole.log(story);\n");
    const failure: unknown = await build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      plugins: [storyPlugin({ story: storyFolder(dir, 'story/kurils') })],
      build: { write: false },
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    // What rolldown's own message carries after the story's.
    expect((failure as Error).message).toMatch(/\n +at /);
    expect(buildFailureMessage(failure)).toBe(
      'story/kurils/story.md:12: step "summit": layers[0]: unknown layer "place" — did you mean "places"?',
    );
  });
});

describe('the real story', () => {
  const text = readFileSync(resolve(root, FILE), 'utf8');

  it('is valid against the ids the geodata build promises', () => {
    const story = storyOf(text, CONTRACT);
    expect(story.steps.length).toBeGreaterThanOrEqual(14);
    expect(story.steps.length).toBeLessThanOrEqual(20);
  });

  it('the examples in README.md and FORMAT.md are valid stories, with ids that exist', () => {
    const example = (path: string): string => {
      const doc = readFileSync(resolve(root, path), 'utf8');
      return /^````markdown\n([\s\S]*?)^````$/m.exec(doc)?.[1] ?? '';
    };
    expect(storyOf(example('story/FORMAT.md')).steps.map((s) => s.id)).toEqual(['summit']);
    expect(storyOf([...FRONT, example('README.md')].join('\n')).steps[0]?.highlight).toEqual([
      'place-nagato',
      'place-tokyo',
    ]);
  });

  it('is valid against the built geo/kurils/out', () => {
    const story = storyOf(text, loadKnownIds(resolve(root, 'story/kurils')));
    expect(story.steps.map((s) => s.index)).toEqual(story.steps.map((_, i) => i));
  });
});
