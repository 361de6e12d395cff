/**
 * "About this map": citations gathered from the steps, number formatting, the story's about.md with
 * its fact slots filled from geo/kurils/out/facts.json (and a clear error for a bad slot), and the
 * component rendered on the server as the prerender does.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import About from '../../src/app/story/About.svelte';
import {
  collectCitations,
  excerptOf,
  formatDegrees,
  formatKm,
  formatKm2,
  formatNumber,
  formatPercent,
  formatSignedPercent,
} from '../../src/shared/story/about.ts';
import { formatError, formatErrors } from '../../src/shared/story/errors.ts';
import { compileAbout } from '../../src/build/story/about.ts';
import { FORMATTER_NAMES } from '../../src/build/story/fact-slots.ts';
import { readAbout } from '../../src/build/story/about-file.ts';
import type { Story } from '../../src/shared/story/types.ts';
import { loadStory } from '../stories.ts';

const root = resolve(import.meta.dirname, '../..');
const rawFacts: unknown = JSON.parse(readFileSync(resolve(root, 'geo/kurils/out/facts.json'), 'utf8'));

/** The Kuril story as the build serves it: parsed, with its about.md rendered. */
const realStory = (): Story => loadStory('kurils').story;

/** facts.json's value at a dotted path, for comparing without retyping its numbers. */
function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], value);
}

const FACTS = {
  area: { rows: [{ label: 'Big <island>', km2: 1234.56, ref: 1230, diff: 0.37 }] },
  share: { pct: 100, part: 6.94 },
  box: [144.95, 43.4, 145.7, 44.35],
  name: 'Cape "A"',
  things: [{ name: 'A line', reason: 'Drawn by hand.', source: 'a treaty' }],
};

/** compileAbout on a fixture: `body` after a front matter naming the facts above. */
function compile(body: string, facts: unknown = FACTS, front = 'facts: facts.json') {
  return compileAbout(`---\n${front}\n---\n${body}`, 'story/x/about.md', (path) => {
    if (path !== 'facts.json') throw new Error(`ENOENT: no such file, open '${path}'`);
    return facts;
  });
}

function html(body: string): string {
  const result = compile(body);
  if (!result.ok) throw new Error(formatErrors(result.errors));
  return result.html;
}

function errors(body: string, front?: string): string[] {
  const result = compile(body, FACTS, front);
  if (result.ok) throw new Error(`accepted: ${result.html}`);
  return result.errors.map(formatError);
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

describe('about.md: fact slots', () => {
  it('fills each slot with its formatter, escaped', () => {
    expect(html('{{ area.rows.0.km2 | number }} and {{ area.rows.0.km2 | km2:0 }}, {{ share.part | km }}')).toBe(
      `<p>1,234.6 and 1,235${NBSP}km², 6.9${NBSP}km</p>`,
    );
    expect(
      html('{{ share.part | percent }} / {{ share.pct | percent }} / {{ area.rows.0.diff | signed-percent }}'),
    ).toBe('<p>6.9% / 100% / +0.4%</p>');
    expect(html('{{ share.pct | share }} and {{ share.part | share }}')).toBe('<p>all and 6.9%</p>');
    expect(html('{{ box.0 | lon }}, {{ box.1 | lat }}')).toBe(`<p>144.95°${NBSP}E, 43.40°${NBSP}N</p>`);
    expect(html('From {{ name }} to {{ area.rows.0.label | text }}.')).toBe(
      '<p>From Cape &quot;A&quot; to Big &lt;island&gt;.</p>',
    );
  });

  it('keeps Markdown away from the inside of a slot, and allows what About needs', () => {
    expect(html('*{{ share.part | number:2 }}* __x__ `code` [a](https://example.org/)')).toBe(
      '<p><em>6.94</em> <strong>x</strong> <code>code</code> <a href="https://example.org/" rel="noopener noreferrer">a</a></p>',
    );
    expect(html('### Data\n\n#### Areas\n\n- one\n- two')).toBe(
      '<h3>Data</h3>\n<h4>Areas</h4>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
  });

  it('marks note and source paragraphs', () => {
    expect(html('Whole kilometres only. {.note}\n\nSource: a survey. {.source}')).toBe(
      '<p class="note">Whole kilometres only.</p>\n<p class="source">Source: a survey.</p>',
    );
  });

  it('writes a list of approximate things as its own block', () => {
    expect(html('Approximate:\n\n{{ things | approximate-list }}\n\nMore.')).toBe(
      '<p>Approximate:</p>\n<ul class="approximate">\n<li><strong>A line</strong>: Drawn by hand. <span class="source">Source: a treaty.</span></li>\n</ul>\n<p>More.</p>',
    );
  });

  it('lays a list of facts out as a table, a row per item', () => {
    const table = html(
      [
        '```table',
        'caption: "Areas: map against reference"',
        'rows: area.rows',
        'columns:',
        '  - { head: Island, value: label }',
        '  - { head: "Map, km²", value: km2, format: number }',
        '  - { head: Difference, value: diff, format: signed-percent }',
        '```',
      ].join('\n'),
    );
    expect(table).toBe(
      '<table><caption class="visually-hidden">Areas: map against reference</caption><thead><tr><th scope="col">Island</th><th scope="col">Map, km²</th><th scope="col">Difference</th></tr></thead>' +
        '<tbody><tr><th scope="row">Big &lt;island&gt;</th><td>1,234.6</td><td>+0.4%</td></tr></tbody></table>',
    );
  });

  it('stops at a missing fact with file:line, the slot and what there is', () => {
    expect(errors('Line one.\n\n{{ share.prct | percent }}')).toEqual([
      'story/x/about.md:6: {{ share.prct | percent }}: no fact "share.prct" in facts.json: "share" has no "prct" — did you mean "pct"? (it has: pct, part)',
    ]);
    expect(errors('{{ box.4 | lon }}')).toEqual([
      'story/x/about.md:4: {{ box.4 | lon }}: no fact "box.4" in facts.json: "box" is a list of 4: "4" is not an index from 0 to 3',
    ]);
  });

  it('stops at an unknown formatter or bad decimals, listing the formatters', () => {
    const [unknown] = errors('{{ share.part | percnt }}');
    expect(unknown).toContain(
      'story/x/about.md:4: {{ share.part | percnt }}: unknown formatter "percnt" — did you mean "percent"?',
    );
    expect(unknown).toContain(
      'formatters: text, number, km, km2, percent, signed-percent, share, lon, lat, approximate-list',
    );
    expect(errors('{{ share.part | percent:2 }}')[0]).toContain('percent takes no decimals');
    expect(errors('{{ share.part | km:9 }}')[0]).toContain('km:9 — allowed 0 to 6 decimals');
    expect(errors('{{ share.part km }}')[0]).toContain('a slot is "{{ key.path | formatter }}"');
  });

  it('stops at a fact of the wrong kind', () => {
    expect(errors('{{ name | km }}')[0]).toBe(
      'story/x/about.md:4: {{ name | km }}: "name": "km" formats a number, and this fact is "Cape \\"A\\""',
    );
    expect(errors('{{ share.pct }}')[0]).toContain('a number needs a formatter');
    expect(errors('{{ things | approximate-list }} inline')[0]).toContain('must stand alone on its line');
    expect(errors('{{ box | approximate-list }}')[0]).toContain('item 0 has no text "name"');
    expect(errors('{{ share.pct | percent')[0]).toContain('the slot is not closed');
  });

  it('refuses raw HTML, other headings, images, code blocks, Markdown tables and unknown marks', () => {
    expect(errors('A <i>title</i>.')).toEqual([
      'story/x/about.md:4: raw HTML is not allowed in about.md: <i> — use Markdown: *emphasis* for a title',
    ]);
    expect(errors('\n## Data')[0]).toContain('story/x/about.md:5: ## heading — about.md uses ### and ####');
    expect(errors('![map](https://example.org/a.png)')[0]).toContain('images are not allowed in about.md');
    expect(errors('```js\nx\n```')[0]).toContain('"```js" is not a block about.md knows');
    expect(errors('| a | b |\n|---|---|\n| 1 | 2 |')[0]).toContain('lay facts out with a ```table block');
    expect(errors('Text. {.aside}')[0]).toContain('{.aside} — a paragraph may end with {.note} or {.source}');
    expect(errors('[a](javascript:alert(1))')[0]).toContain('links must use https://');
  });

  it('stops at a bad table with the line of the column to fix', () => {
    const table = (columns: string) =>
      errors(`Intro.\n\n\`\`\`table\ncaption: Areas\nrows: area.rows\ncolumns:\n${columns}\n\`\`\``);
    expect(table('  - { head: Island, value: lable }')).toEqual([
      'story/x/about.md:10: columns[0]: no fact "area.rows.0.lable" in facts.json: "area.rows.0" has no "lable" — did you mean "label"? (it has: label, km2, ref, diff)',
    ]);
    expect(table('  - { head: Island, value: label }\n  - { head: Map, value: km2, format: kms }')[0]).toMatch(
      /^story\/x\/about.md:11: columns\[1\]: unknown formatter "kms"/,
    );
    expect(table('  - { head: Island, value: label, colour: red }')[0]).toContain('unknown column key "colour"');
  });

  it('names the facts file it cannot read, and refuses slots without one', () => {
    expect(errors('Text.', 'facts: missing.json')).toEqual([
      "story/x/about.md:2: facts: cannot read the facts file missing.json: ENOENT: no such file, open 'missing.json'",
    ]);
    expect(errors('{{ a.b | km }}', 'title: About')[0]).toContain('unknown front matter key "title"');
    const none = compileAbout('No facts here.\n\n{{ a.b | km }}', 'about.md', () => ({}));
    expect(none.ok || none.errors.map(formatError)).toEqual([
      'about.md:3: {{ a.b | km }}: no facts file to fill it from — name one in front matter: facts: path/to/facts.json',
    ]);
  });

  it('FORMAT.md documents every formatter', () => {
    const format = readFileSync(resolve(root, 'story/FORMAT.md'), 'utf8');
    const documented = [...format.matchAll(/^\| `([a-z0-9-]+)`(?:, `[a-z0-9:-]+`)? \| (?:text|number|list) \|/gm)].map(
      (m) => m[1],
    );
    expect(documented).toEqual(FORMATTER_NAMES);
  });

  it('fills every slot of the real about.md from the real facts.json', () => {
    const about = readAbout('story/kurils/story.md', root);
    expect(about.result?.ok && about.result.html).toContain(
      `measure ${formatKm2(at(rawFacts, 'offer_1956.offered_km2') as number)} of the`,
    );
    expect(about.inputs.map((path) => path.slice(root.length + 1))).toEqual([
      'story/kurils/about.md',
      'geo/kurils/out/facts.json',
    ]);
  });
});

describe('About.svelte, rendered on the server', () => {
  const story = realStory();
  const body = unscoped(render(About, { props: { story } }).body);
  // Spaces only: \s would also swallow the no-break spaces between numbers and units.
  const bare = body.replace(/<!--.*?-->/g, '');
  const text = bare
    .replace(/<[^>]+>/g, '')
    .replace(/[ \t\r\n]+/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

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
    const num = (path: string): number => at(rawFacts, path) as number;
    expect(text).toContain(
      `${formatKm2(num('offer_1956.offered_km2'))} of the ${formatKm2(num('offer_1956.disputed_km2'))}`,
    );
    expect(text).toContain(`${formatPercent(num('offer_1956.share_pct'))}, about 7%`);
    expect(text).toContain(`Bal (Kh-35), 120${NBSP}km from Kunashir`);
    expect(text).toContain(`Bastion (P-800 Oniks), 300${NBSP}km from Iturup`);
    expect(text).toContain(`${formatPercent(num('missiles_2016.reach.bal.hokkaido_share_pct'))} of Hokkaido`);
    expect(text).toContain('all of the Nemuro Strait');
    expect(text).toContain(`between 144.95°${NBSP}E and 145.70°${NBSP}E, 43.40°${NBSP}N and 44.35°${NBSP}N`);
    for (const id of ['nosappu-kaigara', 'nosappu-habomai', 'hokkaido-kunashir']) {
      const d = at(rawFacts, `distances.${id}`) as { from: string; to: string; km: number; official_km: number };
      expect(text).toContain(`${d.from} to ${d.to}: ${formatKm(d.official_km)} official, ${formatKm(d.km)} measured.`);
    }
    expect(text).toContain(formatKm(num('occupation_1945.arms.north.length_km')));
    expect(text).toContain(formatKm(num('occupation_1945.arms.south.length_km')));
    const rows = at(rawFacts, 'reference_comparison.rows') as { label: string; computed_km2: number }[];
    const first = rows[0] as unknown as Record<string, number> & { label: string };
    expect(bare).toContain(
      `<th scope="row">${first.label}</th><td>${formatNumber(first['computed_km2']!)}</td><td>${formatNumber(first['reference_km2']!, 0)}</td><td>${formatSignedPercent(first['diff_pct']!)}</td>`,
    );
    expect([...bare.matchAll(/<th scope="row">/g)]).toHaveLength(rows.length);
    expect(text).not.toMatch(/undefined|NaN|\{\{/);
  });

  it('names the licences and the approximations, and lists the credits', () => {
    expect(text).toContain('OpenStreetMap contributors, under the Open Database License (ODbL 1.0)');
    expect(text).toContain('Natural Earth, public domain');
    expect(text).toContain('SIL Open Font License 1.1');
    expect(text).toContain('it does not settle it');
  });

  it('lists every approximate position and line from the data, with its reason and source', () => {
    const approximate = at(rawFacts, 'approximate') as { id: string; name: string; reason: string; source: string }[];
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
    expect(small).not.toHaveProperty('about');
    const page = unscoped(render(About, { props: { story: small } }).body);
    expect(page).toContain('<li>Only us</li>');
    expect(page).toContain('href="https://example.org/article"');
    expect(page).not.toContain('<cite>');
    expect(page).toContain('cites no sources');
    // No about.md: the engine's parts only, no Kuril words.
    expect(page).not.toMatch(/<h3>Data|<h4>|Kuril/);
    expect([...page.matchAll(/<h3>(.*?)<\/h3>/g)].map((m) => m[1])).toEqual(['Sources in the article', 'Credits']);
  });
});
