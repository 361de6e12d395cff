/**
 * The palette as the reader sees it: colour arithmetic checked against published values, then the
 * map's story colours composited the way each step of the real story draws them (colours and
 * opacities read from the style built from story/kurils/layers.yaml and the step state, features from
 * its datasets) and compared under
 * normal vision and simulated protanopia, deuteranopia and tritanopia; then WCAG 2.x contrast for
 * the page (colours parsed from src/app/app.css) and the map's labels and meaningful lines.
 *
 * PALETTE_REPORT=1 npx vitest run tests/unit/palette.test.ts prints every measured value.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LayerSpecification } from 'maplibre-gl';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MACHADO_2009,
  colourDifference,
  composite,
  compositeCss,
  contrastRatio,
  deltaE2000,
  fromLinear,
  linearToSrgb,
  opaque,
  parseColour,
  parseHex,
  relativeLuminance,
  simulate,
  srgbToLinear,
  toHex,
  toLab,
  type Deficiency,
  type Lab,
  type Rgb,
} from '../../src/shared/map/colour-check.ts';
import { controlledLayers, styleStateFor, type StepLayers } from '../../src/shared/map/state.ts';
import { META, metadataOf } from '../../src/shared/map/style.ts';
import { kurilStyle, kurils } from './kurils.ts';

const root = resolve(import.meta.dirname, '../..');

describe('colour-check', () => {
  it('parses hex and rgb()/rgba() colours', () => {
    expect(parseHex('#fff')).toEqual({ rgb: [1, 1, 1], alpha: 1 });
    expect(parseHex('#0072B2').rgb.map((c) => Math.round(c * 255))).toEqual([0, 114, 178]);
    expect(parseHex('#00000080').alpha).toBeCloseTo(128 / 255, 6);
    expect(parseColour('rgba(255, 255, 255, 0.97)')).toEqual({ rgb: [1, 1, 1], alpha: 0.97 });
    expect(parseColour('rgb(0,0,0)')).toEqual({ rgb: [0, 0, 0], alpha: 1 });
    expect(toHex(parseHex('#d55e00').rgb)).toBe('#d55e00');
    expect(() => parseHex('#12345')).toThrow();
    expect(() => parseColour('red')).toThrow();
    expect(() => opaque('rgba(0, 0, 0, 0.5)')).toThrow(/translucent/);
  });

  it('applies the sRGB transfer function both ways', () => {
    expect(srgbToLinear(0)).toBe(0);
    expect(srgbToLinear(1)).toBeCloseTo(1, 12);
    expect(srgbToLinear(0.5)).toBeCloseTo(0.214041, 6);
    // The standard's two knees (0.04045 and 0.0031308) disagree in the seventh decimal.
    for (const c of [0, 0.01, 0.04045, 0.2, 0.5, 0.8, 1]) expect(linearToSrgb(srgbToLinear(c))).toBeCloseTo(c, 6);
  });

  it('composites over a background on encoded values, as browsers and WebGL blend', () => {
    const white: Rgb = [1, 1, 1];
    const black: Rgb = [0, 0, 0];
    expect(composite(black, 0.5, white)).toEqual([0.5, 0.5, 0.5]);
    expect(composite(black, 0, white)).toEqual(white);
    expect(composite(black, 1, white)).toEqual(black);
    expect(compositeCss('rgba(0, 0, 0, 0.5)', white, 0.5)).toEqual([0.75, 0.75, 0.75]);
  });

  it('converts to CIELAB (D65)', () => {
    const close = (lab: Lab, want: Lab) => lab.forEach((v, i) => expect(v).toBeCloseTo(want[i] ?? NaN, 1));
    close(toLab([1, 1, 1]), [100, 0, 0]);
    close(toLab([0, 0, 0]), [0, 0, 0]);
    close(toLab([1, 0, 0]), [53.24, 80.09, 67.2]);
    close(toLab([0, 1, 0]), [87.73, -86.18, 83.18]);
    close(toLab([0, 0, 1]), [32.3, 79.19, -107.86]);
  });

  // Sharma, Wu and Dalal (2005), Table 1: pairs chosen to exercise every branch of the formula.
  const sharma: [Lab, Lab, number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [[50, 2.8361, -74.02], [50, 0, -82.7485], 3.4412],
    [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
    [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
    [[50, -0.001, 2.49], [50, 0.0009, -2.49], 4.8045],
    [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [61, -5, 29], 22.8977],
    [[50, 2.5, 0], [56, -27, -3], 31.903],
    [[50, 2.5, 0], [58, 24, 15], 19.4535],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[63.0109, -31.0961, -5.8663], [62.8187, -29.7946, -4.0864], 1.263],
    [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    [[90.8027, -2.0831, 1.441], [91.1528, -1.6435, 0.0447], 1.4441],
    [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
  ];

  it.each(sharma)('CIEDE2000 of %j and %j is %f (Sharma et al. 2005)', (a, b, want) => {
    expect(deltaE2000(a, b)).toBeCloseTo(want, 4);
    expect(deltaE2000(b, a)).toBeCloseTo(want, 4);
  });

  it('measures WCAG 2.x luminance and contrast', () => {
    expect(relativeLuminance([1, 1, 1])).toBeCloseTo(1, 12);
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(contrastRatio([0, 0, 0], [1, 1, 1])).toBeCloseTo(21, 10);
    expect(contrastRatio([1, 1, 1], [0, 0, 0])).toBeCloseTo(21, 10);
    expect(contrastRatio(opaque('#808080'), opaque('#808080'))).toBe(1);
    // #767676 is the lightest grey that passes AA on white; #777777 just fails.
    expect(contrastRatio(opaque('#767676'), [1, 1, 1])).toBeCloseTo(4.54, 2);
    expect(contrastRatio(opaque('#777777'), [1, 1, 1])).toBeCloseTo(4.48, 2);
  });

  it('simulates dichromacy with the Machado 2009 matrices applied to linear RGB', () => {
    for (const deficiency of Object.keys(MACHADO_2009) as Deficiency[]) {
      // Each row sums to 1: greys are left alone.
      for (const grey of [0, 0.25, 0.5, 1]) {
        simulate([grey, grey, grey], deficiency).forEach((c) => expect(c).toBeCloseTo(grey, 4));
      }
    }
    // Pure red picks out the first column (out-of-gamut blue clipped), so the matrix is not transposed.
    const red = simulate([1, 0, 0], 'protanopia');
    fromLinear([0.152286, 0.114503, 0]).forEach((c, i) => expect(red[i]).toBeCloseTo(c, 6));
    // Tableau's red and green collapse for deutans (less so for protans) but not for tritans;
    // Okabe–Ito blue and bluish green, the reverse.
    const redGreen = [opaque('#d62728'), opaque('#2ca02c')] as const;
    const blueGreen = [opaque('#0072b2'), opaque('#009e73')] as const;
    const dE = (pair: readonly [Rgb, Rgb], d?: Deficiency) =>
      d ? colourDifference(simulate(pair[0], d), simulate(pair[1], d)) : colourDifference(pair[0], pair[1]);
    expect(dE(redGreen, 'deuteranopia')).toBeLessThan(dE(redGreen) / 10);
    expect(dE(redGreen, 'protanopia')).toBeLessThan(dE(redGreen) / 2);
    expect(dE(redGreen, 'tritanopia')).toBeGreaterThan(dE(redGreen) / 2);
    expect(dE(blueGreen, 'tritanopia')).toBeLessThan(dE(blueGreen) / 3);
    expect(dE(blueGreen, 'protanopia')).toBeGreaterThan(dE(blueGreen) / 2);
    expect(dE(blueGreen, 'deuteranopia')).toBeGreaterThan(dE(blueGreen) / 2);
  });
});

// ---------------------------------------------------------------------------------------------
// The map as drawn.

const style = kurilStyle;
const storySpecs = controlledLayers(style.layers);
const reader = { names: 'both' as const, fadeMs: 0 };

function layer(id: string): LayerSpecification {
  const found = style.layers.find((l) => l.id === id);
  if (!found) throw new Error(`style.ts has no layer ${id}`);
  return found;
}

const paintOf = (spec: LayerSpecification) => (spec as { paint?: Record<string, unknown> }).paint ?? {};

interface Feature {
  dataset: string;
  /** Position in its file: MapLibre draws a layer's features in source order. */
  index: number;
  geometry: string;
  properties: Record<string, unknown>;
}

/** A feature of geo/kurils/out by its id, so the checks follow the data's real properties. */
function feature(dataset: string, id: string): Feature {
  const collection = JSON.parse(readFileSync(resolve(root, 'geo/kurils/out', `${dataset}.geojson`), 'utf8')) as {
    features: { geometry: { type: string }; properties: Record<string, unknown> }[];
  };
  const index = collection.features.findIndex((f) => f.properties['id'] === id);
  const found = collection.features[index];
  if (!found) throw new Error(`geo/kurils/out/${dataset}.geojson has no feature ${id}`);
  return { dataset, index, geometry: found.geometry.type.replace(/^Multi/, ''), properties: found.properties };
}

/** Evaluates the few expression operators style.ts uses; anything else fails loudly. */
function evaluate(value: unknown, f: Feature): unknown {
  if (!Array.isArray(value)) return value;
  const [op, ...args] = value as [unknown, ...unknown[]];
  switch (op) {
    case 'get':
      return f.properties[args[0] as string];
    case 'has':
      return Object.hasOwn(f.properties, args[0] as string);
    case 'geometry-type':
      return f.geometry;
    case 'literal':
      return args[0];
    case '==':
      return evaluate(args[0], f) === evaluate(args[1], f);
    case '!=':
      return evaluate(args[0], f) !== evaluate(args[1], f);
    case 'all':
      return args.every((a) => evaluate(a, f) === true);
    case 'in':
      return (evaluate(args[1], f) as unknown[]).includes(evaluate(args[0], f));
    case 'match': {
      const input = evaluate(args[0], f);
      for (let i = 1; i + 1 < args.length; i += 2) {
        const label = args[i];
        if (Array.isArray(label) ? label.includes(input) : label === input) return evaluate(args[i + 1], f);
      }
      return evaluate(args[args.length - 1], f);
    }
    default:
      throw new Error(`palette test cannot evaluate ${JSON.stringify(op)}`);
  }
}

/** Every colour a paint value can produce (each output of a match). */
function outputs(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value[0] === 'match') {
    const arms = value.slice(2);
    return arms.filter((_, i) => i % 2 === 1 || i === arms.length - 1).flatMap(outputs);
  }
  throw new Error(`not a colour or match of colours: ${JSON.stringify(value)}`);
}

const colourString = (value: unknown): string => {
  if (typeof value !== 'string') throw new Error(`not a colour: ${JSON.stringify(value)}`);
  return value;
};

// What the basemap paints, read from the style.
const land = opaque(colourString(paintOf(layer('land-fill'))['fill-color']));
const seas: Rgb[] = [
  opaque(colourString(paintOf(layer('background'))['background-color'])),
  ...outputs(paintOf(layer('sea-fill'))['fill-color']).map(opaque),
];

const story = kurils.story;

interface Scene {
  name: string;
  step: StepLayers;
}

/** The steps of the real story that show `id` at full strength, or `id` alone if none does yet. */
function scenesShowing(id: string): Scene[] {
  const steps = story.steps.filter((s) => s.layers.includes(id));
  if (steps.length > 0) return steps.map((s) => ({ name: `step ${s.id}`, step: s }));
  return [{ name: `${id} alone`, step: { layers: [id], muted: [], highlight: [] } }];
}

function highlightScenes(): Scene[] {
  return story.steps.filter((s) => s.highlight.length > 0).map((s) => ({ name: `step ${s.id}`, step: s }));
}

/** The colour of a place on the map: `base`, then every visible story fill covering `features`, in style order. */
function drawn(scene: Scene, base: Rgb, features: Feature[]): Rgb {
  const state = styleStateFor(scene.step, reader, storySpecs);
  let colour = base;
  for (const spec of storySpecs) {
    if (spec.type !== 'fill') continue;
    const layerState = state.layers[spec.id];
    if (!layerState?.visible) continue;
    const paint = paintOf(spec);
    for (const f of [...features].sort((a, b) => a.index - b.index)) {
      if (f.dataset !== spec.source) continue;
      if (spec.filter !== undefined && evaluate(spec.filter, f) !== true) continue;
      colour = compositeCss(colourString(evaluate(paint['fill-color'], f)), colour, layerState.opacity['fill-opacity']);
    }
  }
  return colour;
}

/** A story line (or highlight line) as drawn over `under` in `scene`. */
function drawnLine(scene: Scene, layerId: string, f: Feature, under: Rgb): Rgb {
  const spec = layer(layerId);
  const layerState = styleStateFor(scene.step, reader, storySpecs).layers[layerId];
  if (!layerState?.visible) throw new Error(`${layerId} is not drawn in ${scene.name}`);
  const opacity = layerState.opacity['line-opacity'] ?? (paintOf(spec)['line-opacity'] as number | undefined) ?? 1;
  return compositeCss(colourString(evaluate(lineColour(paintOf(spec)), f)), under, opacity);
}

/** A line's colour: its line-color, or for a gradient line (the revealed route) its drawn colour. */
function lineColour(paint: Record<string, unknown>): unknown {
  if ('line-color' in paint) return paint['line-color'];
  const gradient = paint['line-gradient'];
  if (Array.isArray(gradient) && gradient[0] === 'step') return gradient[2];
  throw new Error('line without line-color or a step line-gradient');
}

const VISIONS = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'] as const;
type Vision = (typeof VISIONS)[number];
const seen = (c: Rgb, v: Vision) => (v === 'normal' ? c : simulate(c, v));

/**
 * ΔE2000 that story categories keep under every vision. ΔE00 ≈ 1 is a just-noticeable difference
 * for large patches side by side under controlled viewing; here the patches are small, often
 * apart, matched against a legend, on uncalibrated screens and at a glance, and the difference
 * needed for reliable discrimination grows several-fold as marks shrink (Stone, Szafir and Setlur,
 * "An Engineering Model for Color Difference as a Function of Size", CIC 2014). Ten such steps
 * leave that margin.
 */
const AT_A_GLANCE = 10;
/**
 * The missile reach tints are deliberately faint (fill-opacity in style.ts) so that islands and
 * labels read through them; what makes each reach unmistakable is its outline, held to
 * AT_A_GLANCE and to 3:1 contrast below. The tints only have to be plainly visible: five
 * just-noticeable differences over a region hundreds of kilometres wide.
 */
const TINT = 5;
const TEXT_AA = 4.5;
const NON_TEXT_AA = 3;

interface Case {
  where: string;
  a: Rgb;
  b: Rgb;
}

interface PairResult {
  pair: string;
  threshold: number;
  worst: Record<Vision, number>;
}
const pairResults: PairResult[] = [];
const contrastResults: { check: string; fg: string; bg: string; ratio: number; threshold: number }[] = [];

afterAll(() => {
  if (!process.env['PALETTE_REPORT']) return;
  console.table(
    pairResults.map((r) => ({
      pair: r.pair,
      min: r.threshold,
      ...Object.fromEntries(VISIONS.map((v) => [v, r.worst[v].toFixed(1)])),
    })),
  );
  // The lowest ratio of each check, over its scenes and backgrounds.
  const lowest = new Map<string, (typeof contrastResults)[number]>();
  for (const r of contrastResults) {
    const check = r.check.replace(/ \(.*\)$/, '');
    const seen = lowest.get(check);
    if (!seen || r.ratio < seen.ratio) lowest.set(check, { ...r, check });
  }
  console.table([...lowest.values()].map((r) => ({ ...r, ratio: r.ratio.toFixed(2) })));
});

/** Asserts, and records, that every case of a pair keeps ΔE2000 ≥ threshold under every vision. */
function expectApart(pair: string, threshold: number, cases: Case[]) {
  expect(cases.length, `${pair}: nothing to compare`).toBeGreaterThan(0);
  const worst = Object.fromEntries(VISIONS.map((v) => [v, Infinity])) as Record<Vision, number>;
  const failures: string[] = [];
  for (const { where, a, b } of cases) {
    for (const v of VISIONS) {
      const dE = colourDifference(seen(a, v), seen(b, v));
      worst[v] = Math.min(worst[v], dE);
      if (dE < threshold) failures.push(`${where}, ${v}: ${toHex(a)} vs ${toHex(b)}, ΔE ${dE.toFixed(1)}`);
    }
  }
  pairResults.push({ pair, threshold, worst });
  expect(failures, `${pair} must keep ΔE2000 ≥ ${threshold}`).toEqual([]);
}

const over = (base: Rgb) => `over ${toHex(base)}`;

describe('story colours stay apart under normal and simulated colour-vision deficiency', () => {
  const plainLand = feature('land', 'hokkaido');
  const shikotan = feature('land', 'shikotan');
  const kunashir = feature('land', 'kunashir');
  const offered = feature('offer-1956', 'offer-1956-offered');
  const notOffered = feature('offer-1956', 'offer-1956-not-offered');
  const bal = feature('missiles-2016', 'bal-range');
  const bastion = feature('missiles-2016', 'bastion-range');
  const route = feature('occupation-1945', 'route-1945-north');
  const border1855 = feature('border-1855', 'border-1855');
  const border1875 = feature('border-1875', 'border-1875');

  it('the data has the features these checks stand on', () => {
    expect(shikotan.properties['claimed_by']).toBe('JP');
    expect(kunashir.properties['claimed_by']).toBe('JP');
    expect(plainLand.properties['claimed_by']).toBeUndefined();
    expect([offered.properties['status'], notOffered.properties['status']]).toEqual(['offered', 'not-offered']);
  });

  it('offered (1956) vs not offered', () => {
    expectApart(
      'offered vs not offered',
      AT_A_GLANCE,
      scenesShowing('offer-1956').map((s) => ({
        where: s.name,
        a: drawn(s, land, [shikotan, offered]),
        b: drawn(s, land, [kunashir, notOffered]),
      })),
    );
  });

  it('disputed islands vs plain land', () => {
    expectApart(
      'disputed vs land',
      AT_A_GLANCE,
      scenesShowing('disputed').map((s) => ({
        where: s.name,
        a: drawn(s, land, [shikotan]),
        b: drawn(s, land, [plainLand]),
      })),
    );
  });

  const missileScenes = scenesShowing('missiles-2016');
  const bases = [land, ...seas];

  it('missile reach outlines: Bal vs Bastion, and each vs land and sea', () => {
    const outlines = missileScenes.flatMap((s) =>
      bases.map((base) => ({
        where: `${s.name} ${over(base)}`,
        base,
        bal: drawnLine(s, 'missiles-2016-line', bal, base),
        bastion: drawnLine(s, 'missiles-2016-line', bastion, base),
      })),
    );
    expectApart(
      'Bal outline vs Bastion outline',
      AT_A_GLANCE,
      outlines.map((o) => ({ where: o.where, a: o.bal, b: o.bastion })),
    );
    expectApart(
      'Bal outline vs land/sea',
      AT_A_GLANCE,
      outlines.map((o) => ({ where: o.where, a: o.bal, b: o.base })),
    );
    expectApart(
      'Bastion outline vs land/sea',
      AT_A_GLANCE,
      outlines.map((o) => ({ where: o.where, a: o.bastion, b: o.base })),
    );
  });

  it('missile reach tints: Bal zone vs Bastion zone vs beyond', () => {
    // The Bal ring lies inside the Bastion ring, so the map shows three zones: Bal (both tints),
    // Bastion only, and beyond.
    const zones = missileScenes.flatMap((s) =>
      bases.map((base) => ({
        where: `${s.name} ${over(base)}`,
        base,
        both: drawn(s, base, [bal, bastion]),
        bastionOnly: drawn(s, base, [bastion]),
      })),
    );
    expectApart(
      'Bal tint vs Bastion tint',
      TINT,
      zones.map((z) => ({ where: z.where, a: z.both, b: z.bastionOnly })),
    );
    expectApart(
      'Bastion tint vs beyond',
      TINT,
      zones.map((z) => ({ where: z.where, a: z.bastionOnly, b: z.base })),
    );
    expectApart(
      'Bal tint vs beyond',
      TINT,
      zones.map((z) => ({ where: z.where, a: z.both, b: z.base })),
    );
  });

  it('occupation route vs treaty borders', () => {
    const cases: Case[] = [];
    for (const occupation of scenesShowing('occupation-1945')) {
      for (const [id, f] of [
        ['border-1855', border1855],
        ['border-1875', border1875],
      ] as const) {
        for (const border of scenesShowing(id)) {
          for (const base of bases) {
            cases.push({
              where: `${occupation.name} vs ${border.name} ${over(base)}`,
              a: drawnLine(occupation, 'occupation-1945-north-line', route, base),
              b: drawnLine(border, `${id}-line`, f, base),
            });
          }
        }
      }
    }
    expectApart('occupation route vs treaty borders', AT_A_GLANCE, cases);
  });

  it('highlight outlines vs what they outline', () => {
    expectApart(
      'highlight vs land',
      AT_A_GLANCE,
      highlightScenes().flatMap((s) =>
        [drawn(s, land, [plainLand]), drawn(s, land, [shikotan])].map((under) => ({
          where: `${s.name} ${over(under)}`,
          a: drawnLine(s, 'highlight-land-line', shikotan, under),
          b: under,
        })),
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// WCAG 2.x contrast.

const stripComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '');
const APP_CSS = {
  file: 'src/app/app.css',
  text: stripComments(readFileSync(resolve(root, 'src/app/app.css'), 'utf8')),
};
const LEGEND_CSS = {
  file: 'src/app/story/legend.css',
  text: stripComments(readFileSync(resolve(root, 'src/app/story/legend.css'), 'utf8')),
};

/** Every value `property` takes in rules whose selector list includes `selector`, media queries included. */
function cssValues(selector: string, property: string, css = APP_CSS): string[] {
  const values: string[] = [];
  for (const rule of css.text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selectors = (rule[1] ?? '').split(',').map((s) => s.trim());
    if (!selectors.includes(selector)) continue;
    for (const declaration of (rule[2] ?? '').split(';')) {
      const colon = declaration.indexOf(':');
      if (colon > 0 && declaration.slice(0, colon).trim() === property) {
        values.push(declaration.slice(colon + 1).trim());
      }
    }
  }
  if (values.length === 0) throw new Error(`${css.file} sets no ${property} on ${selector}`);
  return values;
}

/** Where each theme's custom properties are set, most specific first. */
const THEMES = {
  light: ['.map-story'],
  dark: [".map-story[data-theme='dark']", '.map-story'],
} as const;
type Theme = keyof typeof THEMES;

/** A CSS value with var(--x) resolved from the theme's rules, recursively. */
function resolveVar(value: string, theme: Theme = 'light'): string {
  const m = /^var\(\s*(--[\w-]+)\s*\)$/.exec(value);
  if (!m?.[1]) return value;
  const name = m[1];
  const scope = THEMES[theme].find((selector) => {
    try {
      return cssValues(selector, name).length > 0;
    } catch {
      return false;
    }
  });
  if (scope === undefined) throw new Error(`no ${name} in the ${theme} theme`);
  return resolveVar(cssValues(scope, name)[0] ?? '', theme);
}

const rootColour = (name: string, theme: Theme = 'light') => resolveVar(`var(${name})`, theme);

function expectContrast(check: string, fg: string | Rgb, bg: Rgb, threshold: number) {
  const fgRgb = typeof fg === 'string' ? opaque(fg) : fg;
  const ratio = contrastRatio(fgRgb, bg);
  contrastResults.push({ check, fg: toHex(fgRgb), bg: toHex(bg), ratio, threshold });
  expect(ratio, `${check}: ${toHex(fgRgb)} on ${toHex(bg)}`).toBeGreaterThanOrEqual(threshold);
}

describe.each(['light', 'dark'] as const)('page text meets WCAG AA (4.5:1), %s theme', (theme) => {
  const colour = (name: string) => rootColour(name, theme);
  const paper = opaque(colour('--paper'));
  // Cards are translucent: over the paper on wide screens, over the map on phones. Black stands in
  // for the darkest thing that can be behind them.
  const cards: [string, Rgb][] = [
    ['card on paper', compositeCss(colour('--card'), paper)],
    ['card on the map', compositeCss(colour('--card'), [0, 0, 0])],
  ];
  const surfaces: [string, Rgb][] = [['paper', paper], ...cards];
  const themed = (selector: string) => (theme === 'dark' ? `.map-story[data-theme='dark'] ${selector}` : selector);
  const valueOf = (selector: string, property: string) => {
    try {
      return cssValues(themed(selector), property)[0]!;
    } catch {
      return cssValues(selector, property)[0]!;
    }
  };

  it('body and secondary text', () => {
    expect(resolveVar(cssValues('.map-story', 'color')[0] ?? '', theme)).toBe(colour('--ink'));
    for (const [where, bg] of surfaces) {
      expectContrast(`body text (--ink) on ${where}`, colour('--ink'), bg, TEXT_AA);
      expectContrast(`secondary text (--ink-soft) on ${where}`, colour('--ink-soft'), bg, TEXT_AA);
    }
  });

  it('links', () => {
    for (const [where, bg] of surfaces) {
      expectContrast(`link on ${where}`, resolveVar(valueOf('a', 'color'), theme), bg, TEXT_AA);
    }
  });

  it('source tags, on their own tint', () => {
    const tint = opaque(resolveVar(valueOf('.source-tag', 'background'), theme));
    expectContrast('source tag', resolveVar(valueOf('.source-tag', 'color'), theme), tint, TEXT_AA);
  });

  it('legend text, in the cards', () => {
    for (const [where, bg] of cards) {
      expectContrast(`legend text (inherits body) on ${where}`, colour('--ink'), bg, TEXT_AA);
      for (const muted of cssValues('.legend-list li.muted', 'color', LEGEND_CSS)) {
        expectContrast(`muted legend item on ${where}`, resolveVar(muted, theme), bg, TEXT_AA);
      }
    }
  });
});

describe('map chrome meets WCAG AA (4.5:1)', () => {
  it('map tool buttons', () => {
    for (const background of cssValues('button.tool', 'background')) {
      expectContrast(
        'tool text',
        resolveVar(cssValues('.tool', 'color')[0] ?? ''),
        compositeCss(resolveVar(background), [0, 0, 0]),
        TEXT_AA,
      );
    }
  });
});

describe('map labels meet WCAG AA on their halo', () => {
  const symbols = style.layers.filter((l) => l.type === 'symbol');

  it.each(symbols.map((l) => [l.id, l] as const))('%s', (_, spec) => {
    const paint = paintOf(spec);
    const halo = opaque(colourString(paint['text-halo-color']));
    expect(paint['text-halo-width'] as number).toBeGreaterThanOrEqual(1);
    for (const colour of outputs(paint['text-color'])) expectContrast(`${spec.id} text on halo`, colour, halo, TEXT_AA);
  });
});

describe('non-text contrast (WCAG 1.4.11, 3:1)', () => {
  it('focus ring against the page, cards and the map', () => {
    const focus = rootColour('--focus');
    expect(resolveVar(cssValues(':focus-visible', 'outline')[0] ?? '')).toContain('var(--focus)');
    const paper = opaque(rootColour('--paper'));
    const around: [string, Rgb][] = [
      ['paper', paper],
      ['card', compositeCss(rootColour('--card'), paper)],
      ['land', land],
      ...seas.map((s, i): [string, Rgb] => [`sea ${i}`, s]),
    ];
    for (const [where, bg] of around) expectContrast(`focus ring on ${where}`, focus, bg, NON_TEXT_AA);
  });

  /**
   * Lines that carry meaning, at full strength, against what lies either side of them: land and
   * every sea colour, and for dashed outlines of a fill, the fill too (a dash must read against
   * both sides). Muted layers are faint on purpose and labelled "for comparison".
   */
  const lines: { layer: string; story?: string; features: Feature[]; alsoOn?: (s: Scene) => Rgb[] }[] = [
    {
      layer: 'disputed-line',
      story: 'disputed',
      features: [feature('land', 'shikotan')],
      alsoOn: (s) => [drawn(s, land, [feature('land', 'shikotan')])],
    },
    {
      layer: 'offer-1956-line',
      story: 'offer-1956',
      features: [feature('offer-1956', 'offer-1956-offered'), feature('offer-1956', 'offer-1956-not-offered')],
    },
    {
      layer: 'renounced-1951-line',
      story: 'renounced-1951',
      features: [feature('renounced-1951', 'renounced-1951-kurils')],
    },
    {
      layer: 'missiles-2016-line',
      story: 'missiles-2016',
      features: [feature('missiles-2016', 'bal-range'), feature('missiles-2016', 'bastion-range')],
    },
    { layer: 'border-1855-line', story: 'border-1855', features: [feature('border-1855', 'border-1855')] },
    { layer: 'border-1875-line', story: 'border-1875', features: [feature('border-1875', 'border-1875')] },
    ...(['north', 'south'] as const).map((arm) => ({
      layer: `occupation-1945-${arm}-line`,
      story: 'occupation-1945' as const,
      features: [feature('occupation-1945', `route-1945-${arm}`)],
    })),
    { layer: 'distances-line', story: 'distances', features: [feature('distances', 'nosappu-habomai')] },
    {
      layer: 'highlight-land-line',
      features: [feature('land', 'shikotan')],
      alsoOn: (s) => [drawn(s, land, [feature('land', 'shikotan')])],
    },
  ];

  it('every story layer with a line is checked', () => {
    const withLines = kurils.layers.registry.layers
      .map(({ id }) => id)
      .filter((id) => storySpecs.some((l) => l.type === 'line' && metadataOf(l)[META.layer] === id));
    expect(withLines.filter((id) => !lines.some((l) => l.story === id))).toEqual([]);
  });

  it.each(lines.map((l) => [l.layer, l] as const))('%s', (_, line) => {
    const scenes = line.story ? scenesShowing(line.story) : highlightScenes();
    for (const scene of scenes) {
      for (const bg of [land, ...seas, ...(line.alsoOn?.(scene) ?? [])]) {
        for (const f of line.features) {
          expectContrast(`${line.layer} (${scene.name})`, drawnLine(scene, line.layer, f, bg), bg, NON_TEXT_AA);
        }
      }
    }
  });

  it('basemap borders on land', () => {
    for (const colour of outputs(paintOf(layer('borders-line'))['line-color'])) {
      expectContrast('borders-line on land', colour, land, NON_TEXT_AA);
    }
  });
});
