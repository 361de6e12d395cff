/**
 * A story folder's layers.yaml: the Kuril story's loads into the registry and MapLibre layers; bad
 * files fail with file, line, the entry's id and what is allowed (MapLibre's validator checks the
 * drawing); a throwaway story folder with a dataset and layer of its own loads with no engine change.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { formatError } from '../../src/shared/story/errors.ts';
import { loadStoryLayers, parseLayers } from '../../src/build/story/layers-file.ts';
import { swatchOf } from '../../src/build/story/map-layers.ts';
import { loadStoryFolder } from '../../src/build/story/story-folder.ts';
import { META, metadataOf } from '../../src/shared/map/style.ts';
import { kurils } from './kurils.ts';
import { creditsOf } from '../../src/shared/story/layers.ts';

const POINTS: FeatureCollection = {
  type: 'FeatureCollection',
  features: ['well-a', 'well-b'].map((id, i) => ({
    type: 'Feature',
    properties: { id, name_en: id.toUpperCase() },
    geometry: { type: 'Point', coordinates: [10 + i, 50] },
  })),
};

const GOOD = `datasets:
  - id: wells
    file: wells.geojson
    attribution: Someone
layers:
  - id: wells
    dataset: wells
    legend: Wells
    draw:
      - type: circle
        paint: { circle-color: '#0072b2', circle-radius: 4 }
      - type: symbol
        names: true
`;

/** The problems of a layers.yaml whose every dataset is POINTS, as `file:line: message` lines. */
function errorsOf(text: string): string[] {
  const result = parseLayers(text, () => POINTS);
  return result.ok ? [] : result.problems.map((p) => formatError({ file: 'layers.yaml', ...p }));
}

describe('the Kuril story’s layers.yaml', () => {
  const { registry, style } = kurils.layers;

  it('declares every dataset and story layer once, each layer with a legend swatch', () => {
    expect(registry.datasets.map((d) => d.id)).toHaveLength(14);
    expect(registry.layers.map((l) => l.id).sort()).toEqual(
      [
        'border-1855',
        'border-1875',
        'disputed',
        'distances',
        'missiles-2016',
        'occupation-1945',
        'offer-1956',
        'places',
        'renounced-1951',
      ].sort(),
    );
    for (const layer of registry.layers) expect(['area', 'line', 'dot'], layer.id).toContain(layer.swatch.kind);
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('ties every drawing of a story layer to its layer, and nothing else', () => {
    for (const spec of style.layers) {
      const owner = metadataOf(spec)[META.layer];
      if (owner === undefined) continue;
      expect(
        registry.layers.some((l) => l.id === owner),
        spec.id,
      ).toBe(true);
    }
  });
});

describe('bad layers files', () => {
  it('accepts a small good file, and the example in story/FORMAT.md', () => {
    expect(errorsOf(GOOD)).toEqual([]);
    const format = readFileSync(resolve(import.meta.dirname, '../../story/FORMAT.md'), 'utf8');
    const example = /## Datasets and layer styles[\s\S]*?```yaml\n([\s\S]*?)```/.exec(format)?.[1] ?? '';
    expect(example).toContain('datasets:');
    const land: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'iturup', claimed_by: 'JP' },
          geometry: { type: 'Point', coordinates: [0, 0] },
        },
      ],
    };
    const result = parseLayers(example, () => land);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('reports a paint property MapLibre does not know, with the nearest valid name', () => {
    const text = GOOD.replace('circle-radius: 4', 'circle-raduis: 4');
    expect(errorsOf(text)).toEqual([
      'layers.yaml:11: layers[0].draw[0].paint.circle-raduis: layer "wells": MapLibre layer "wells-circle": unknown property "circle-raduis" — did you mean "circle-radius"?',
    ]);
  });

  it('reports a value of the wrong kind as MapLibre states it', () => {
    const [error] = errorsOf(GOOD.replace("circle-color: '#0072b2'", 'circle-color: blu'));
    expect(error).toMatch(
      /^layers\.yaml:11: layers\[0\]\.draw\[0\]\.paint\.circle-color: layer "wells": .*color expected, "blu" found/,
    );
  });

  it('lists the allowed properties when no name is near', () => {
    const [error] = errorsOf(GOOD.replace('circle-radius: 4', 'glow: 4'));
    expect(error).toMatch(/unknown property "glow" — allowed: .*circle-radius.*circle-color/);
  });

  it('names an unknown dataset, with the nearest declared one', () => {
    expect(errorsOf(GOOD.replace('    dataset: wells', '    dataset: well'))).toEqual([
      'layers.yaml:7: layers[0].dataset: layer "wells": unknown dataset "well" — did you mean "wells"?',
    ]);
  });

  it('reports unknown keys, bad types and engine keys on the wrong layer type', () => {
    expect(errorsOf(GOOD.replace('    legend: Wells', '    legend: Wells\n    yaer: 1900'))[0]).toMatch(
      /^layers\.yaml:9: layers\[0\]: layer "wells": unknown story layer key "yaer" — did you mean "year"\?/,
    );
    expect(errorsOf(GOOD.replace('type: circle', 'type: heatmap'))[0]).toMatch(
      /^layers\.yaml:10: layers\[0\]\.draw\[0\]\.type: layer "wells": type "heatmap" is not allowed — allowed: fill, line, circle, symbol/,
    );
    expect(errorsOf(GOOD.replace('type: circle', 'type: circle\n        names: true'))).toEqual([
      'layers.yaml:11: layers[0].draw[0].names: layer "wells": names is for symbol layers, not circle',
    ]);
  });

  it('only lets a revealable layer reveal, and a line only along a line', () => {
    const reveal = GOOD.replace('      - type: circle\n', '      - type: circle\n        reveal: line\n');
    expect(errorsOf(reveal)).toEqual([
      'layers.yaml:11: layers[0].draw[0].reveal: layer "wells": only a layer with revealable: true can reveal — add it to the layer',
      'layers.yaml:11: layers[0].draw[0].reveal: layer "wells": reveal: line is for line layers, not circle — use reveal: points',
      'layers.yaml:12: layers[0].draw[0].paint: layer "wells": a revealed line needs one line-color (a colour, not an expression): it is drawn as a gradient of it',
    ]);
  });

  it('says when a dataset file cannot be read, and where it is declared', () => {
    const result = parseLayers(GOOD, () => 'no such file wells.geojson');
    expect(result.ok ? [] : result.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '3: dataset "wells": no such file wells.geojson',
    ]);
  });

  it('needs a swatch: a layer drawn only with labels has none', () => {
    const text = GOOD.replace(
      "      - type: circle\n        paint: { circle-color: '#0072b2', circle-radius: 4 }\n",
      '',
    );
    expect(errorsOf(text)).toEqual([
      'layers.yaml:10: layers[0].draw: layer "wells": the legend needs a swatch: draw the layer with at least one fill, line or circle',
    ]);
  });
});

describe('legend swatches, from the drawing', () => {
  it('is an area for a fill, outlined by its line, dashed as the line is', () => {
    expect(
      swatchOf([
        { type: 'fill', paint: { 'fill-color': '#111111' } },
        { type: 'line', paint: { 'line-color': '#222222', 'line-dasharray': [3, 1] } },
      ]),
    ).toEqual({ kind: 'area', fill: '#111111', stroke: '#222222', dash: [3, 1] });
  });

  it('shows both ends of a category colour: the first inside, the fallback outside', () => {
    const byKind = ['match', ['get', 'kind'], 'a', '#aaaaaa', '#bbbbbb'];
    expect(
      swatchOf([
        { type: 'fill', paint: { 'fill-color': byKind } },
        { type: 'line', paint: { 'line-color': byKind } },
      ]),
    ).toEqual({ kind: 'area', fill: '#aaaaaa', stroke: '#bbbbbb' });
  });

  it('is a line for a line, a dot for points, nothing for labels alone', () => {
    expect(swatchOf([{ type: 'line', paint: { 'line-color': '#333333' } }])).toEqual({
      kind: 'line',
      stroke: '#333333',
    });
    expect(swatchOf([{ type: 'circle', paint: { 'circle-color': '#444444' } }])).toEqual({
      kind: 'dot',
      fill: '#444444',
    });
    expect(swatchOf([{ type: 'symbol' }])).toBeUndefined();
  });
});

describe('a new story folder', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads with a dataset and a layer of its own, its steps checked against them', () => {
    dir = mkdtempSync(join(tmpdir(), 'story-folder-'));
    writeFileSync(join(dir, 'wells.geojson'), JSON.stringify(POINTS));
    writeFileSync(join(dir, 'layers.yaml'), GOOD);
    const story = (layer: string) =>
      [
        '---',
        'title: Wells',
        'dek: Two wells.',
        'publication: Us',
        'date: May 2026',
        'credits: [Us]',
        '---',
        '',
        '```step',
        'id: both',
        'camera: { frame: [well-a, well-b] }',
        `layers: [${layer}]`,
        'highlight: [well-a]',
        'alt: Two wells.',
        '```',
        '',
        'Two wells.',
        '',
      ].join('\n');
    writeFileSync(join(dir, 'story.md'), story('wells'));
    const good = loadStoryFolder(dir, dir);
    expect(good.ok ? [] : good.errors.map(formatError)).toEqual([]);
    expect(good.ok && good.folder.story.steps[0]?.layers).toEqual(['wells']);
    expect(good.ok && good.folder.layers.style.layers.map((l) => l.id)).toEqual(['wells-circle', 'wells-label']);

    writeFileSync(join(dir, 'story.md'), story('well'));
    const bad = loadStoryFolder(dir, dir);
    expect(bad.ok ? [] : bad.errors.map(formatError)).toEqual([
      'story.md:12: step "both": layers[0]: unknown layer "well" — did you mean "wells"?',
    ]);
  });

  it('says the layers file is missing', () => {
    dir = mkdtempSync(join(tmpdir(), 'story-folder-'));
    const result = loadStoryLayers(dir, dir);
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
      'layers.yaml:1: the story\'s map is missing: write layers.yaml (story/FORMAT.md, "Datasets and layer styles")',
    ]);
  });
});

describe('the map data credits', () => {
  it('names each source once, linked, in order of first mention', () => {
    expect(creditsOf(kurils.layers.registry.datasets)).toEqual([
      { text: '© OpenStreetMap contributors', url: 'https://www.openstreetmap.org/copyright' },
      { text: 'Natural Earth', url: 'https://www.naturalearthdata.com/' },
    ]);
    expect(
      creditsOf([
        { id: 'a', basemap: true, highlight: true, attribution: 'Us' },
        { id: 'b', basemap: false, highlight: true, attribution: 'Us', attributionUrl: 'https://example.org/' },
        { id: 'c', basemap: false, highlight: true, attribution: 'Them' },
      ]),
    ).toEqual([{ text: 'Us', url: 'https://example.org/' }, { text: 'Them' }]);
  });
});
