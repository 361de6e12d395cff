/**
 * "About this map": citations gathered from the steps, number formatting, the figures read from
 * geo/kurils/out/facts.json (and a clear error when one is missing), and the component rendered on the
 * server as the prerender does.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import About from '../../src/app/story/About.svelte';
import {
  collectCitations,
  excerptOf,
  FactsError,
  formatDegrees,
  formatKm,
  formatKm2,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  readFacts,
} from '../../src/shared/story/about.ts';
import type { Story } from '../../src/shared/story/types.ts';
import { loadStory } from '../stories.ts';

const root = resolve(import.meta.dirname, '../..');
const rawFacts: unknown = JSON.parse(readFileSync(resolve(root, 'geo/kurils/out/facts.json'), 'utf8'));

const realStory = (): Story => loadStory('kurils').story;

/** facts.json's value at a dotted path, for comparing without retyping its numbers. */
function at(value: unknown, path: string): unknown {
  if (path === '') return value;
  return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], value);
}

const clone = <T>(value: T): T => structuredClone(value);

function without(path: string): unknown {
  const copy = clone(rawFacts);
  const keys = path.split('.');
  const last = keys.pop()!;
  delete (at(copy, keys.join('.')) as Record<string, unknown>)[last];
  return copy;
}

const NBSP = '\u00a0';

/** Server-rendered HTML without Svelte's scoping classes, so assertions read like the markup. */
const unscoped = (html: string): string =>
  html.replace(/ class="svelte-[a-z0-9]+"/g, '').replace(/ svelte-[a-z0-9]+(?=")/g, '');

describe('excerptOf', () => {
  it('keeps the opening words and marks the cut', () => {
    expect(excerptOf('While acknowledging that both sides have the will to negotiate.')).toBe(
      'While acknowledging that both sides have…',
    );
    expect(excerptOf('Thus, more and more, the stance', 2)).toBe('Thus, more…');
    expect(excerptOf('Thus, more and more', 1)).toBe('Thus…');
    expect(excerptOf('  Short   text. ')).toBe('Short text.');
  });
});

describe('collectCitations', () => {
  const steps = [
    { id: 'one', plain: 'First step text here.', cite: ['MID, December 3'] },
    { id: 'two', plain: 'Second.', cite: [] },
    { id: 'three', plain: 'Third step.', cite: ['Gazeta.ru', ' MID,  December 3 ', 'MID, December 3'] },
    { id: 'four', plain: 'Fourth.', cite: ['Kommersant', 'Kommersant.ru', 'Gazeta.ru', 'MID, December 3'] },
  ];

  it('lists each source once, in the order first cited, with every citing step once', () => {
    const citations = collectCitations(steps);
    expect(citations.map((c) => c.source)).toEqual(['MID, December 3', 'Gazeta.ru', 'Kommersant', 'Kommersant.ru']);
    expect(citations[0]!.steps).toEqual([
      { id: 'one', number: 1, excerpt: 'First step text here.' },
      { id: 'three', number: 3, excerpt: 'Third step.' },
      { id: 'four', number: 4, excerpt: 'Fourth.' },
    ]);
    expect(citations[1]!.steps.map((s) => s.id)).toEqual(['three', 'four']);
  });

  it('gives nothing for a story without citations', () => {
    expect(collectCitations([{ id: 'a', plain: 'A.', cite: [] }])).toEqual([]);
  });

  it('covers every citation of the real story, each once, in story order', () => {
    const story = realStory();
    const citations = collectCitations(story.steps);
    const cited = story.steps.flatMap((s) => s.cite);
    expect(citations.map((c) => c.source)).toEqual([...new Set(cited)]);
    expect(citations.map((c) => c.source)).toEqual([
      'MID, December 3',
      'Kremlin.ru, December 13',
      'Kommersant.ru, December 7',
      'Gazeta.ru',
      'Japan Times, November 22',
      'KyodoNews, December 5',
      'EastAsiaForum, December 7, 2016',
      'Japan Times, December 3',
      'KyodoNews, December 4',
      'Ukrinform, December 6',
      'Kommersant, November 22',
      'Kremlin.ru, September 3',
    ]);
    const mid = citations.find((c) => c.source === 'MID, December 3')!;
    expect(mid.steps.map((s) => s.id)).toEqual(['sign-first', 'putin-intervention']);
    for (const citation of citations) {
      for (const ref of citation.steps) {
        const step = story.steps[ref.number - 1]!;
        expect(step.id).toBe(ref.id);
        expect(step.cite).toContain(citation.source);
        expect(step.plain.startsWith(ref.excerpt.replace(/…$/, ''))).toBe(true);
      }
    }
  });
});

describe('number formatting', () => {
  it('rounds to the decimals asked, with thousands separators', () => {
    expect(formatNumber(3179.857)).toBe('3,179.9');
    expect(formatNumber(1365.8)).toBe('1,365.8');
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(999.96)).toBe('1,000.0');
    expect(formatNumber(5003, 0)).toBe('5,003');
    expect(formatNumber(7.44)).toBe('7.4');
    expect(formatNumber(120, 0)).toBe('120');
  });

  it('writes negatives with a minus sign and never "−0.0"', () => {
    expect(formatNumber(-1234.5)).toBe('\u22121,234.5');
    expect(formatNumber(-0.04)).toBe('0.0');
    expect(formatNumber(-0)).toBe('0.0');
  });

  it('refuses what is not a finite number', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Infinity)).toThrow('cannot format Infinity');
  });

  it('formats units, percentages and signed differences', () => {
    expect(formatKm(16.2)).toBe(`16.2${NBSP}km`);
    expect(formatKm(300, 0)).toBe(`300${NBSP}km`);
    expect(formatKm2(77990.7)).toBe(`77,990.7${NBSP}km²`);
    expect(formatPercent(6.9)).toBe('6.9%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatSignedPercent(0.41)).toBe('+0.4%');
    expect(formatSignedPercent(-0.32)).toBe('\u22120.3%');
    expect(formatSignedPercent(0.04)).toBe('0.0%');
    expect(formatSignedPercent(5)).toBe('+5.0%');
    expect(formatDegrees(144.95, 'lon')).toBe(`144.95°${NBSP}E`);
    expect(formatDegrees(43.4, 'lat')).toBe(`43.40°${NBSP}N`);
    expect(formatDegrees(-77.04, 'lon')).toBe(`77.04°${NBSP}W`);
  });
});

describe('readFacts', () => {
  it('reads the real facts.json as it is', () => {
    const facts = readFacts(rawFacts);
    expect(facts.offer1956).toEqual({
      disputedKm2: at(rawFacts, 'offer_1956.disputed_km2'),
      offeredKm2: at(rawFacts, 'offer_1956.offered_km2'),
      sharePct: at(rawFacts, 'offer_1956.share_pct'),
    });
    expect(facts.missiles.bal.rangeKm).toBe(at(rawFacts, 'missiles_2016.reach.bal.range_km'));
    expect(facts.missiles.bastion.hokkaidoSharePct).toBe(
      at(rawFacts, 'missiles_2016.reach.bastion.hokkaido_share_pct'),
    );
    expect(facts.distances.nosappuHabomai.km).toBe(at(rawFacts, 'distances.nosappu-habomai.km'));
    expect(facts.distances.nosappuKaigara.officialKm).toBe(3.7);
    expect(facts.route1945.north.lengthKm).toBe(at(rawFacts, 'occupation_1945.arms.north.length_km'));
    expect(facts.approximate.map((a) => a.id)).toEqual(
      (at(rawFacts, 'approximate') as { id: string }[]).map((a) => a.id),
    );
    expect(facts.areas).toHaveLength((at(rawFacts, 'reference_comparison.rows') as unknown[]).length);
    expect(facts.areas[0]).toEqual({
      label: at(rawFacts, 'reference_comparison.rows.0.label'),
      computedKm2: at(rawFacts, 'reference_comparison.rows.0.computed_km2'),
      referenceKm2: at(rawFacts, 'reference_comparison.rows.0.reference_km2'),
      diffPct: at(rawFacts, 'reference_comparison.rows.0.diff_pct'),
    });
  });

  it('holds figures the text can state as it does', () => {
    const { offer1956, missiles, distances, areas } = readFacts(rawFacts);
    // "about 7%", "Bal 120 km from Kunashir", "Bastion 300 km from Iturup"
    expect(Math.round(offer1956.sharePct)).toBe(7);
    expect(missiles.bal.rangeKm).toBe(120);
    expect(missiles.bastion.rangeKm).toBe(300);
    expect(missiles.bastion.hokkaidoSharePct).toBeGreaterThan(missiles.bal.hokkaidoSharePct);
    expect(missiles.nemuroStraitBox).toEqual([144.95, 43.4, 145.7, 44.35]);
    expect(distances.nosappuHabomai.km).toBeLessThan(distances.hokkaidoKunashir.km);
    for (const row of areas) expect(Math.abs(row.diffPct)).toBeLessThanOrEqual(5);
  });

  const REQUIRED = [
    'reference_comparison',
    'reference_comparison.rows',
    'offer_1956.disputed_km2',
    'offer_1956.offered_km2',
    'offer_1956.share_pct',
    'missiles_2016.hokkaido_km2',
    'missiles_2016.nemuro_strait_km2',
    'missiles_2016.nemuro_strait_definition',
    'missiles_2016.reach.bal',
    'missiles_2016.reach.bal.range_km',
    'missiles_2016.reach.bastion.range_km',
    'missiles_2016.reach.bastion.hokkaido_share_pct',
    'missiles_2016.reach.bal.hokkaido_km2_in_range',
    'missiles_2016.reach.bal.nemuro_strait_share_pct',
    'distances.nosappu-habomai',
    'distances.hokkaido-kunashir.km',
    'distances.nosappu-habomai.to',
    'distances.nosappu-kaigara.official_km',
    'occupation_1945.arms.north.length_km',
    'occupation_1945.arms.south.over_land_km',
    'approximate',
  ];

  it.each(REQUIRED)('fails naming "%s" when facts.json lacks it', (path) => {
    expect(() => readFacts(without(path))).toThrow(FactsError);
    expect(() => readFacts(without(path))).toThrow(`geo/kurils/out/facts.json: "${path}" is missing`);
  });

  it('names the key inside a list', () => {
    const facts = clone(rawFacts);
    const rows = at(facts, 'reference_comparison.rows') as Record<string, unknown>[];
    delete rows[2]!['computed_km2'];
    expect(() => readFacts(facts)).toThrow('"reference_comparison.rows[2].computed_km2" is missing');
  });

  it('refuses figures of the wrong type, empty lists, repeated rows and an unreadable strait box', () => {
    const text = clone(rawFacts);
    (at(text, 'offer_1956') as Record<string, unknown>)['share_pct'] = '6.9';
    expect(() => readFacts(text)).toThrow('"offer_1956.share_pct" must be a number, not "6.9"');

    const empty = clone(rawFacts);
    (at(empty, 'reference_comparison') as Record<string, unknown>)['rows'] = [];
    expect(() => readFacts(empty)).toThrow('"reference_comparison.rows" must be a non-empty list');

    const box = clone(rawFacts);
    (at(box, 'missiles_2016') as Record<string, unknown>)['nemuro_strait_definition'] = 'the sea off Nemuro';
    expect(() => readFacts(box)).toThrow('"missiles_2016.nemuro_strait_definition" must name its box');

    const twice = clone(rawFacts);
    const rows = at(twice, 'reference_comparison.rows') as Record<string, unknown>[];
    rows[1]!['label'] = rows[0]!['label'];
    expect(() => readFacts(twice)).toThrow(
      `"reference_comparison.rows[1].label" repeats "${String(rows[0]!['label'])}"`,
    );

    expect(() => readFacts(null)).toThrow('geo/kurils/out/facts.json must hold a JSON object');
    expect(() => readFacts({ ...clone(rawFacts as object), offer_1956: [] })).toThrow('"offer_1956" must be an object');
  });
});

describe('About.svelte, rendered on the server', () => {
  const story = realStory();
  const body = unscoped(render(About, { props: { story } }).body);
  // Spaces only: \s would also swallow the no-break spaces between numbers and units.
  const bare = body.replace(/<!--.*?-->/g, '');
  const text = bare.replace(/<[^>]+>/g, '').replace(/[ \t\r\n]+/g, ' ');

  it('has the heading and its five sections, in order', () => {
    const headings = [...body.matchAll(/<h([23])[^>]*>(.*?)<\/h\1>/g)].map((m) => `h${m[1]} ${m[2]}`);
    expect(headings).toEqual([
      'h2 About this map',
      'h3 Sources in the article',
      'h3 Data',
      'h3 How the figures were computed',
      'h3 What is approximate',
      'h3 Credits',
    ]);
  });

  it('links each citation to the steps that cite it', () => {
    for (const citation of collectCitations(story.steps)) expect(body).toContain(`<cite>${citation.source}</cite>`);
    expect(bare).toMatch(
      /<cite>MID, December 3<\/cite>:\s*<a href="#sign-first">[^<]+<\/a> and <a href="#putin-intervention">/,
    );
    expect(text).toContain('lead photo (Reuters)');
  });

  it('states the figures from facts.json, formatted for readers', () => {
    const facts = readFacts(rawFacts);
    expect(text).toContain(`${formatKm2(facts.offer1956.offeredKm2)} of the ${formatKm2(facts.offer1956.disputedKm2)}`);
    expect(text).toContain(`${formatPercent(facts.offer1956.sharePct)}, about 7%`);
    expect(text).toContain(`Bal (Kh-35), 120${NBSP}km from Kunashir`);
    expect(text).toContain(`Bastion (P-800 Oniks), 300${NBSP}km from Iturup`);
    expect(text).toContain(`${formatPercent(facts.missiles.bal.hokkaidoSharePct)} of Hokkaido`);
    expect(text).toContain('all of the Nemuro Strait');
    for (const d of [facts.distances.nosappuKaigara, facts.distances.nosappuHabomai, facts.distances.hokkaidoKunashir])
      expect(text).toContain(`${d.from} to ${d.to}: ${formatKm(d.officialKm)} official, ${formatKm(d.km)} measured.`);
    expect(text).toContain(formatKm(facts.route1945.north.lengthKm));
    expect(text).toContain(formatKm(facts.route1945.south.lengthKm));
    const first = facts.areas[0]!;
    expect(bare).toContain(
      `<th scope="row">${first.label}</th><td>${formatNumber(first.computedKm2)}</td><td>${formatNumber(first.referenceKm2, 0)}</td><td>${formatSignedPercent(first.diffPct)}</td>`,
    );
    expect(text).not.toMatch(/undefined|NaN/);
  });

  it('names the licences and the approximations, and lists the credits', () => {
    expect(text).toContain('OpenStreetMap contributors, under the Open Database License (ODbL 1.0)');
    expect(text).toContain('Natural Earth, public domain');
    expect(text).toContain('SIL Open Font License 1.1');
    expect(text).toContain('it does not settle it');
  });

  it('lists every approximate position and line from the data, with its reason and source', () => {
    const { approximate } = readFacts(rawFacts);
    expect(approximate.length).toBeGreaterThan(10);
    for (const thing of approximate) {
      expect(text, thing.id).toContain(`${thing.name}: ${thing.reason}`);
      expect(text, thing.id).toContain(`Source: ${thing.source}.`);
    }
  });

  it('gives every figure and date it states a source line, and speaks of the 1956 offer neutrally', () => {
    const sources = [...body.matchAll(/<p class="source">/g)].length;
    // Areas, 1951, 1956, missiles, distances, 1945.
    expect(sources).toBe(6);
    expect(text).toContain('hand over to Japan after a peace treaty');
    expect(text).not.toMatch(/offered to return/);
    expect(text).toMatch(/which islands "the Kurile Islands" are, and that is disputed/);
    for (const credit of story.meta.credits) expect(text).toContain(credit);
  });

  it('renders a small story: no citations, its own credits and a link to the original', () => {
    const small: Story = {
      meta: { ...story.meta, credits: ['Only us'], sourceUrl: 'https://example.org/article' },
      steps: [{ ...story.steps[0]!, cite: [] }],
      registry: story.registry,
    };
    const html = unscoped(render(About, { props: { story: small } }).body);
    expect(html).toContain('<li>Only us</li>');
    expect(html).toContain('href="https://example.org/article"');
    expect(html).not.toContain('<cite>');
    expect(html).toContain('cites no sources');
  });
});
