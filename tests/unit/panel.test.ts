/**
 * The feature panel: the story's `panel` front matter, checked against the geodata, and its entries
 * read from the dataset (names, area, status sentence) — on the real story and on fixtures.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatErrors } from '../../src/shared/story/errors.ts';
import { addContent } from '../../src/build/story/content.ts';
import { formatArea, panelItems, statusLine } from '../../src/build/story/panel.ts';
import { parseStory } from '../../src/build/story/parse.ts';
import type { PanelSpec } from '../../src/shared/story/types.ts';
import { loadStory } from '../stories.ts';

const root = resolve(import.meta.dirname, '../..');
const FILE = 'story/kurils/story.md';
const kurils = loadStory('kurils');
const datasets = kurils.layers.collections;
const land = datasets.get('land')!;
const known = kurils.known;
const text = readFileSync(resolve(root, FILE), 'utf8');

function parse(source: string) {
  const result = parseStory(source, FILE, known);
  if (!result.ok) throw new Error(formatErrors(result.errors));
  return result.story;
}

/** The real story with its front matter's `panel:` block replaced by `panel`. */
const withPanel = (panel: string): string => text.replace(/^panel:\n(?: {2}.*\n)+/m, panel);

describe('the real story’s panel', () => {
  const story = parse(text);
  const content = addContent(story, FILE, text, root, datasets);

  it('lists the four disputed islands and the named Habomai islets, with three scripts, area and status', () => {
    expect(content.errors).toEqual([]);
    const items = content.story!.panelItems!;
    expect(story.meta.panel?.title).toBe('Islands');
    expect(items.map((i) => i.id)).toEqual(story.meta.panel!.features);
    expect(items.map((i) => i.id)).toEqual([
      'iturup',
      'kunashir',
      'shikotan',
      'zelyony',
      'tanfiliev',
      'polonsky',
      'yury',
      'anuchina',
    ]);
    expect(items[0]).toEqual({
      id: 'iturup',
      name: 'Iturup',
      nameJa: '択捉島',
      nameJaRomaji: 'Etorofu',
      nameRu: 'Итуруп',
      area: '3,180 km²',
      status: 'Administered by Russia since 1945; claimed by Japan.',
    });
    expect(content.inputs.map((path) => path.slice(root.length + 1))).toContain('story/kurils/about.md');
  });

  it('a story without a panel has none', () => {
    const story = parse(withPanel(''));
    expect(story.meta.panel).toBeUndefined();
    expect(addContent(story, FILE, text, root, datasets).story?.panelItems).toBeUndefined();
  });

  it('refuses an unknown dataset or feature, or a feature of another dataset, with its line', () => {
    const errors = (panel: string): string[] => {
      const result = parseStory(withPanel(panel), FILE, known);
      return result.ok ? [] : result.errors.map((e) => `${e.line}: ${e.field}: ${e.message}`);
    };
    const line = text.split('\n').findIndex((l) => l.startsWith('panel:')) + 1;
    expect(errors('panel:\n  title: Islands\n  dataset: lands\n  features: [iturup]\n')[0]).toMatch(
      new RegExp(`^${line + 2}: panel.dataset: unknown dataset "lands" — did you mean "land"\\?`),
    );
    expect(errors('panel:\n  title: Islands\n  dataset: land\n  features: [iturup, itorup, place-tokyo]\n')).toEqual([
      `${line + 3}: panel.features[1]: unknown feature "itorup" — did you mean "iturup"?`,
      `${line + 3}: panel.features[2]: "place-tokyo" is in places, not in the panel's dataset land`,
    ]);
    expect(errors('panel:\n  title: Islands\n  dataset: land\n  features: []\n')[0]).toContain(
      'panel.features must not be empty',
    );
    expect(errors('panel:\n  title: Islands\n  dataset: land\n  features: [iturup]\n  colour: red\n')[0]).toContain(
      'unknown panel key "colour"',
    );
  });
});

describe('panelItems', () => {
  const spec: PanelSpec = { title: 'Places', dataset: 'land', features: ['a', 'b'], codes: { RU: 'Russia' } };
  const feature = (properties: Record<string, unknown>) => ({ properties });

  it('reads names and area where the feature has them, in the order the story lists', () => {
    const result = panelItems(spec, [
      feature({ id: 'b', name_en: 'Bee', area_km2: 12.64 }),
      feature({ id: 'a', name_en: 'Ay', name_ru: 'Эй' }),
    ]);
    expect(result).toEqual({
      ok: true,
      items: [
        { id: 'a', name: 'Ay', nameRu: 'Эй' },
        { id: 'b', name: 'Bee', area: '12.6 km²' },
      ],
    });
  });

  it('says which feature lacks a name or a property its status names', () => {
    const status = { ...spec, status: 'Held by {admin}; claimed by {claimed_by}.' };
    expect(panelItems(status, [feature({ id: 'a', name_en: 'A', admin: 'RU' }), feature({ id: 'b' })])).toEqual({
      ok: false,
      problems: [
        '"a" has no "claimed_by" in land, which status names',
        '"b" has no name_en in land: the panel lists features by name',
      ],
    });
    expect(panelItems(spec, [feature({ id: 'a', name_en: 'A' })])).toEqual({
      ok: false,
      problems: ['"b" is not in land'],
    });
  });

  it('states the status the same way for every feature, codes in words', () => {
    const status = 'Administered by {admin} since 1945; claimed by {claimed_by}.';
    expect(statusLine(status, { admin: 'RU', claimed_by: 'JP' }, { RU: 'Russia', JP: 'Japan' })).toEqual({
      text: 'Administered by Russia since 1945; claimed by Japan.',
    });
    expect(statusLine('{admin}', { admin: 'XX' }, {})).toEqual({ text: 'XX' });
  });

  it('rounds areas for reading', () => {
    expect(formatArea(3179.9)).toBe('3,180 km²');
    expect(formatArea(12.64)).toBe('12.6 km²');
  });

  it('reads the land dataset as the story’s panel does', () => {
    const result = panelItems({ ...spec, features: ['hokkaido'] }, land.features as never[]);
    expect(result.ok).toBe(true);
  });
});
