/**
 * The static step maps (no-JS, no-WebGL and print pictures): every step of the real story renders
 * a well-formed, small, deterministic SVG that shows what the live map's step state says.
 */
import { gzipSync } from 'node:zlib';
import { geoArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { MUTED_FACTOR } from '../../src/shared/map/state.ts';
import { evaluate } from '../../src/shared/map/expression.ts';
import { DEFAULT_SIZE, renderStaticMap, staticMapData, staticProjection } from '../../src/build/static-map/render.ts';
import {
  renderStoryMaps,
  STATIC_MAP_MIN_SHOWN,
  STATIC_MAP_SIZES,
} from '../../src/build/static-map/vite-plugin-static-maps.ts';
import { REGION_BBOX } from '../../geo/kurils/config.ts';
import type { ResolvedCamera, Step } from '../../src/shared/story/types.ts';
import { colour, kurils } from './kurils.ts';

const GZIP_BUDGET = 40 * 1024;

const steps = kurils.story.steps;
const data = staticMapData(kurils.layers.style, kurils.layers.collections);
const palette = {
  sea: colour('sea'),
  disputed: colour('disputed'),
  disputedFill: colour('disputed-fill'),
  offered: colour('offered'),
  retained: colour('retained'),
  occupation: colour('occupation'),
};
const svgs = new Map(steps.map((step) => [step.id, renderStaticMap(step, data)]));

const svgOf = (id: string): string => {
  const svg = svgs.get(id);
  if (svg === undefined) throw new Error(`no step "${id}" in the story`);
  return svg;
};
const stepOf = (id: string): Step => {
  const step = steps.find((s) => s.id === id);
  if (step === undefined) throw new Error(`no step "${id}" in the story`);
  return step;
};

/** The `<g data-layer="…">` element of one style layer, or undefined when the layer is not drawn. */
function layerGroup(svg: string, layer: string): string | undefined {
  const start = svg.indexOf(`<g data-layer="${layer}"`);
  return start < 0 ? undefined : svg.slice(start, svg.indexOf('</g>', start) + 4);
}

function attribute(element: string, name: string): string | undefined {
  return new RegExp(`^<[^>]*\\s${name}="([^"]*)"`).exec(element)?.[1];
}

/** Tags balance, attributes are quoted, and text has no bare `<` or `&`: XML a parser accepts. */
function wellFormed(svg: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const [, closing, name, , selfClosing, text, stray] of svg.matchAll(token)) {
    if (stray !== undefined) problems.push('a "<" that starts no tag');
    else if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(text)) problems.push(`unescaped "&" in "${text.slice(0, 40)}"`);
    } else if (closing === '/') {
      const top = open.pop();
      if (top !== name) problems.push(`</${name}> closes <${top}>`);
    } else if (selfClosing !== '/') open.push(name ?? '');
  }
  if (open.length > 0) problems.push(`unclosed: ${open.join(', ')}`);
  return problems;
}

describe('every step of the real story', () => {
  it.each(steps.map((step) => [step.id, step] as const))('%s: a well-formed, titled SVG', (id, step) => {
    const svg = svgOf(id);
    const { width, height } = DEFAULT_SIZE;
    expect(svg).toMatch(
      new RegExp(
        `^<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
      ),
    );
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(wellFormed(svg)).toEqual([]);
    const title = /<title>([^<]*)<\/title>/.exec(svg)?.[1];
    expect(title?.replaceAll('&apos;', "'").replaceAll('&amp;', '&')).toBe(step.alt);
    expect(svg).toContain('© OpenStreetMap contributors · Natural Earth');
    // The basemap is always there: sea, then land (Natural Earth far out, OSM around the islands).
    expect(layerGroup(svg, 'world-fill') ?? layerGroup(svg, 'land-fill')).toBeDefined();
    expect(svg).toContain(`fill="${palette.sea}"`);
  });

  it.each(steps.map((step) => [step.id, step] as const))('%s: under the gzip budget', (id) => {
    expect(gzipSync(svgOf(id)).length).toBeLessThan(GZIP_BUDGET);
  });

  it.each(steps.filter((s) => s.highlight.length > 0).map((s) => [s.id, s] as const))(
    '%s: draws every highlighted feature in a highlight layer',
    (id, step) => {
      const svg = svgOf(id);
      const highlights = [...svg.matchAll(/<g data-layer="highlight-[^"]*"[\s\S]*?<\/g>/g)].join('\n');
      for (const feature of step.highlight) expect(highlights, feature).toContain(`data-id="${feature}"`);
    },
  );

  it.each(steps.map((step) => [step.id, step] as const))('%s: draws exactly its own story layers', (id, step) => {
    const svg = svgOf(id);
    const drawn = (layer: string) =>
      [`${layer}-fill`, `${layer}-line`, `${layer}-circle`].some((l) => layerGroup(svg, l) !== undefined);
    for (const layer of [...step.layers, ...step.muted]) expect(drawn(layer), layer).toBe(true);
    for (const layer of ['offer-1956', 'missiles-2016', 'border-1855', 'occupation-1945'] as const) {
      if (![...step.layers, ...step.muted].includes(layer)) expect(drawn(layer), layer).toBe(false);
    }
  });
});

describe('step state', () => {
  it('draws muted layers at MUTED_FACTOR of their opacity, and shown layers at full strength', () => {
    expect(stepOf('missiles').muted).toContain('disputed');
    const muted = svgOf('missiles');
    expect(attribute(layerGroup(muted, 'disputed-fill') ?? '', 'fill-opacity')).toBe(String(MUTED_FACTOR));
    expect(attribute(layerGroup(muted, 'disputed-line') ?? '', 'stroke-opacity')).toBe(String(MUTED_FACTOR));
    expect(attribute(layerGroup(muted, 'missiles-2016-line') ?? '', 'stroke-opacity')).toBe('1');

    expect(stepOf('four-islands').layers).toContain('disputed');
    const shown = svgOf('four-islands');
    expect(attribute(layerGroup(shown, 'disputed-fill') ?? '', 'fill-opacity')).toBe('1');
    expect(attribute(layerGroup(shown, 'disputed-fill') ?? '', 'fill')).toBe(palette.disputedFill);
  });

  it('uses the live style’s line widths and dashes (MapLibre dashes are in line widths)', () => {
    const line = layerGroup(svgOf('four-islands'), 'disputed-line') ?? '';
    expect(attribute(line, 'stroke')).toBe(palette.disputed);
    expect(attribute(line, 'stroke-width')).toBe('1.6');
    expect(attribute(line, 'stroke-dasharray')).toBe('4.8 2.4');
  });

  it('colours each 1956 area by its status', () => {
    const fill = layerGroup(svgOf('two-of-four'), 'offer-1956-fill') ?? '';
    expect(fill).toMatch(new RegExp(`data-id="offer-1956-offered"[^>]*fill="${palette.offered}"`));
    expect(fill).toMatch(new RegExp(`data-id="offer-1956-not-offered"[^>]*fill="${palette.retained}"`));
  });

  it('draws a revealed layer in its final state: both dashed arms and every dated marker', () => {
    const step = stepOf('sign-first');
    expect(step.reveal).toBe('occupation-1945');
    const svg = svgOf('sign-first');
    for (const arm of ['north', 'south']) {
      const line = layerGroup(svg, `occupation-1945-${arm}-line`) ?? '';
      expect(attribute(line, 'stroke'), arm).toBe(palette.occupation);
      expect(attribute(line, 'stroke-dasharray'), arm).toBeTruthy();
    }
    const markers = layerGroup(svg, 'occupation-1945-circle') ?? '';
    for (const id of ['shumshu', 'urup', 'iturup', 'kunashir', 'shikotan', 'habomai']) {
      expect(markers).toContain(`data-id="occupation-${id}"`);
    }
    expect(layerGroup(svg, 'occupation-1945-label')).toContain('Habomai 3–5 Sep');
  });

  it('writes both figures of each crossing on the distance step', () => {
    const labels = layerGroup(svgOf('no-trade'), 'distances-label') ?? '';
    const text = labels.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('3.7 km (official) 3.5 km (measured)');
    expect(text).toContain('7.0 km (official) 7.4 km (measured)');
    expect(text).toContain('16.0 km (official) 16.2 km (measured)');
  });

  it('labels the places, turning a label the frame would cut to the other side of its point', () => {
    const labels = layerGroup(svgOf('summit'), 'places-label') ?? '';
    expect(labels).toMatch(/data-id="place-nagato"[^>]*text-anchor="start"[^>]*>Nagato</);
    // Tokyo sits near the right edge: its label goes left of the point.
    expect(labels).toMatch(/data-id="place-tokyo"[^>]*text-anchor="end"[^>]*>Tokyo</);
  });

  it('is deterministic', () => {
    const step = stepOf('missiles');
    expect(renderStaticMap(step, data)).toBe(svgOf('missiles'));
    const [first, second] = [renderStoryMaps(kurils), renderStoryMaps(kurils)];
    expect(first.map((m) => m.fileName)).toEqual(second.map((m) => m.fileName));
    // Two renders of every step's two pictures: seconds on a busy machine.
  }, 30_000);

  it('names each file after its step and a hash of its content', () => {
    const maps = renderStoryMaps(kurils);
    expect(maps.map((m) => `${m.stepId} ${m.shape}`)).toEqual(steps.flatMap((s) => [`${s.id} wide`, `${s.id} narrow`]));
    for (const map of maps) {
      const suffix = map.shape === 'wide' ? '' : `-${map.shape}`;
      expect(map.fileName).toMatch(new RegExp(`^assets/map-${map.stepId}${suffix}-[0-9a-f]{8}\\.svg$`));
      expect(map.svg).toContain(
        `viewBox="0 0 ${STATIC_MAP_SIZES[map.shape].width} ${STATIC_MAP_SIZES[map.shape].height}"`,
      );
    }
    expect(new Set(maps.map((m) => m.fileName)).size).toBe(maps.length);
  }, 30_000);
});

describe('the projection', () => {
  const { width, height } = DEFAULT_SIZE;
  const insideFrame = ([x, y]: [number, number]) => x >= -1e-6 && x <= width + 1e-6 && y >= -1e-6 && y <= height + 1e-6;

  it.each(steps.map((step) => [step.id, step.camera] as const))(
    '%s: fits the camera bounds inside the frame, padding included',
    (_, camera) => {
      if (camera.kind !== 'bounds') return;
      const projection = staticProjection(camera, DEFAULT_SIZE);
      const [west, south, east, north] = camera.bounds;
      const nw = projection([west, north]);
      const se = projection([east, south]);
      expect(nw && se).toBeTruthy();
      if (!nw || !se) return;
      for (const corner of [nw, se]) expect(insideFrame(corner), JSON.stringify(corner)).toBe(true);
      for (const [x, y] of [nw, se]) {
        expect(Math.min(x, width - x)).toBeGreaterThanOrEqual(camera.padding - 1e-6);
        expect(Math.min(y, height - y)).toBeGreaterThanOrEqual(camera.padding - 1e-6);
      }
      // Fitted, not just inside: one side touches the padding unless maxZoom stops the zoom.
      const slack = Math.min(nw[0] - camera.padding, nw[1] - camera.padding);
      const zoom = Math.log2((2 * Math.PI * projection.scale()) / 512);
      expect(slack < 1e-6 || zoom >= camera.maxZoom - 1e-9).toBe(true);
    },
  );

  it('draws a frame across the antimeridian whole, centred on its middle meridian', () => {
    const camera: ResolvedCamera = {
      kind: 'bounds',
      bounds: [170, 50, 200, 66],
      padding: 20,
      maxZoom: 9,
      bearing: 0,
      pitch: 0,
    };
    const projection = staticProjection(camera, DEFAULT_SIZE);
    const [x0, y0] = projection([170, 66]) ?? [NaN, NaN];
    const [x1, y1] = projection([-160, 50]) ?? [NaN, NaN];
    expect(insideFrame([x0, y0]) && insideFrame([x1, y1])).toBe(true);
    expect(x0).toBeLessThan(x1);
    expect(projection([185, 58])?.[0]).toBeCloseTo(width / 2, 6);
  });

  it('matches MapLibre’s scale for a centre and zoom (a 512 px world at zoom 0)', () => {
    const camera: ResolvedCamera = { kind: 'center', center: [146, 44], zoom: 6, bearing: 0, pitch: 0 };
    const projection = staticProjection(camera, DEFAULT_SIZE);
    expect(projection.scale()).toBeCloseTo((512 * 2 ** 6) / (2 * Math.PI), 9);
    const [x, y] = projection([146, 44]) ?? [NaN, NaN];
    expect(x).toBeCloseTo(width / 2, 6);
    expect(y).toBeCloseTo(height / 2, 6);
  });
});

describe('the data as d3 reads it', () => {
  it('winds every polygon around the area it covers (less than a hemisphere)', () => {
    for (const [dataset, features] of Object.entries(data.features)) {
      for (const feature of features) {
        if (feature.geometry.type !== 'Polygon' && feature.geometry.type !== 'MultiPolygon') continue;
        expect(geoArea(feature), `${dataset} ${String(feature.properties?.['id'])}`).toBeLessThan(2 * Math.PI);
      }
    }
  });
});

describe('the expression evaluator', () => {
  const context = { properties: { status: 'offered', name_en: 'Kunashir' }, geometryType: 'Polygon' as const, zoom: 6 };

  it('evaluates the operators the style uses', () => {
    expect(evaluate(['match', ['get', 'status'], 'offered', 'blue', 'grey'], context)).toBe('blue');
    expect(evaluate(['coalesce', ['get', 'missing'], ['get', 'name_en'], ''], context)).toBe('Kunashir');
    expect(evaluate(['case', ['has', 'missing'], 'a', 'b'], context)).toBe('b');
    expect(evaluate(['interpolate', ['linear'], ['zoom'], 4, 0.4, 9, 1.2], context)).toBeCloseTo(0.72, 9);
    expect(evaluate(['in', ['get', 'status'], ['literal', ['offered']]], context)).toBe(true);
    expect(evaluate(['==', ['geometry-type'], 'Point'], context)).toBe(false);
  });

  it('fails by name on an operator it does not know', () => {
    expect(() => evaluate(['to-rgba', '#fff'], context)).toThrow('"to-rgba"');
  });
});

describe('legible stills (issue 13)', () => {
  const narrowMaps = new Map(steps.map((step) => [step.id, renderStaticMap(step, data, STATIC_MAP_SIZES.narrow)]));
  const wideMaps = new Map(steps.map((step) => [step.id, renderStaticMap(step, data, STATIC_MAP_SIZES.wide)]));
  const pictureOf = (shape: 'narrow' | 'wide', id: string): string =>
    (shape === 'narrow' ? narrowMaps : wideMaps).get(id)!;

  it('draws no label under 11 CSS px at the smallest size each shape is shown', () => {
    for (const shape of ['narrow', 'wide'] as const) {
      const size = STATIC_MAP_SIZES[shape];
      const shown = STATIC_MAP_MIN_SHOWN[shape] / size.width;
      for (const step of steps) {
        const svg = pictureOf(shape, step.id);
        const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
        expect(sizes.length, `labels on ${step.id} (${shape})`).toBeGreaterThan(0);
        expect(Math.min(...sizes) * shown, `smallest label on ${step.id} (${shape}), CSS px`).toBeGreaterThanOrEqual(
          11,
        );
      }
    }
  });

  /** The name labels of a feature: a place's own label, and the labels (island, country) that target it. */
  const nameLabels = (id: string): Array<{ layer: string; id: string }> => [
    ...(data.features['places'] ?? [])
      .filter((f) => f.properties?.['id'] === id)
      .map(() => ({ layer: 'places-label', id })),
    ...(data.features['labels'] ?? [])
      .filter((f) => f.properties?.['target'] === id)
      .map((f) => ({ layer: 'labels-symbol', id: String(f.properties?.['id']) })),
  ];

  /**
   * Names a picture still leaves out, each with why; the test fails when one of them is written after
   * all (take it off the list) as well as when any other is missing.
   */
  const KNOWN_UNNAMED: Record<string, string> = {
    // Six islet names in 304 px: Tanfiliev's, at the frame's left edge, can only go below it, over Yury
    // and Anuchina (the live map at 390 px names all six).
    'khrushchev-1956 narrow yury': 'crowded out in the 320 px picture',
    'khrushchev-1956 narrow anuchina': 'crowded out in the 320 px picture',
  };

  it.each(
    steps.flatMap((step) =>
      (['narrow', 'wide'] as const).map(
        (shape) => [step.id, shape, step.highlight.filter((id) => nameLabels(id).length > 0)] as const,
      ),
    ),
  )('%s (%s): names every highlighted feature', (id, shape, named) => {
    const svg = pictureOf(shape, id);
    for (const feature of named) {
      const written = nameLabels(feature).some((label) =>
        (layerGroup(svg, label.layer) ?? '').includes(`data-id="${label.id}"`),
      );
      const known = KNOWN_UNNAMED[`${id} ${shape} ${feature}`];
      expect(written, known ? `${feature}: ${known}, now written` : `the name of ${feature}`).toBe(known === undefined);
    }
  });

  it('draws no coast along the box the coastline data was cut to', () => {
    // Kamchatka and the mainland cross the box's north and west edges on the wide 1945 frame.
    const step = stepOf('peace-treaty');
    const projection = staticProjection(step.camera, DEFAULT_SIZE);
    const [west, south, east, north] = REGION_BBOX;
    const edgeX = [projection([west, 50])![0], projection([east, 50])![0]];
    const edgeY = [projection([150, north])![1], projection([150, south])![1]];
    const lines = ['land-line', 'coast-line', 'highlight-land-line']
      .map((layer) => layerGroup(svgOf(step.id), layer) ?? '')
      .join('');
    const along: string[] = [];
    for (const [, d] of lines.matchAll(/\sd="([^"]+)"/g)) {
      for (const [a, b] of segments(d!)) {
        const onX = edgeX.some(
          (x) => Math.abs(a[0] - x) < 0.3 && Math.abs(b[0] - x) < 0.3 && Math.abs(a[1] - b[1]) > 2,
        );
        const onY = edgeY.some(
          (y) => Math.abs(a[1] - y) < 0.3 && Math.abs(b[1] - y) < 0.3 && Math.abs(a[0] - b[0]) > 2,
        );
        if (onX || onY) along.push(`${a} → ${b}`);
      }
    }
    expect(along, 'path segments along the clipping box').toEqual([]);
  });
});

/** The straight segments of a path written by the renderer (M, relative l, z). */
function segments(d: string): Array<[[number, number], [number, number]]> {
  const out: Array<[[number, number], [number, number]]> = [];
  let at: [number, number] = [0, 0];
  for (const [, command, body] of d.matchAll(/([Mlz])([^Mlz]*)/g)) {
    const numbers = [...(body ?? '').matchAll(/-?(?:\d+\.?\d*|\.\d+)/g)].map((m) => Number(m[0]));
    if (command === 'M') {
      at = [numbers[0]!, numbers[1]!];
      continue;
    }
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const next: [number, number] = [at[0] + numbers[i]!, at[1] + numbers[i + 1]!];
      out.push([at, next]);
      at = next;
    }
  }
  return out;
}
