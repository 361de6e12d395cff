import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { META, metadataOf } from '../../src/shared/map/style.ts';
import {
  MUTED_FACTOR,
  controlledLayers,
  diffStyleState,
  drawnShare,
  styleStateFor,
  type StepLayers,
  type StyleOp,
  type StyleState,
} from '../../src/shared/map/state.ts';
import { kurilStyle as style, kurils } from './kurils.ts';

const registry = kurils.layers.registry;
const specs = controlledLayers(style.layers);
/** The layers whose text follows the reader's name mode. */
const NAMED_LABEL_LAYERS = style.layers.filter((l) => metadataOf(l)[META.names] === true).map((l) => l.id);
const reader = { names: 'both' as const, fadeMs: 400 };

const summit: StepLayers = { layers: ['places'], muted: [], highlight: ['nagato', 'tokyo'] };
const offer: StepLayers = { layers: ['offer-1956'], muted: ['disputed'], highlight: ['shikotan'] };
const missiles: StepLayers = { layers: ['missiles-2016', 'disputed'], muted: [], highlight: [] };

/** Applies ops to a plain record of layer properties, the way MapLibre would. */
function apply(model: Record<string, Record<string, unknown>>, ops: StyleOp[]) {
  for (const op of ops) {
    const layer = (model[op.layer] ??= {});
    if (op.kind === 'visibility') layer.visibility = op.visible;
    if (op.kind === 'paint' || op.kind === 'layout') layer[op.property] = op.value;
    if (op.kind === 'filter') layer.filter = op.filter;
  }
  return model;
}

function fresh(state: StyleState) {
  return apply({}, diffStyleState(null, state));
}

describe('the style registry', () => {
  it('gives every story layer at least one MapLibre layer named <story-layer>-<type>', () => {
    for (const { id } of registry.layers) {
      const own = style.layers.filter((l) => metadataOf(l)[META.layer] === id);
      expect(own.length, id).toBeGreaterThan(0);
      for (const layer of own) expect(layer.id.startsWith(`${id}-`), layer.id).toBe(true);
    }
  });

  it('has unique layer ids and a source for each dataset', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(style.sources).sort()).toEqual(registry.datasets.map((d) => d.id).sort());
  });

  it('names the place-name layers by their data, in every name mode', () => {
    expect(NAMED_LABEL_LAYERS.sort()).toEqual(['distances-name', 'labels-symbol', 'places-label']);
  });
});

describe('styleStateFor', () => {
  it('shows exactly the step layers, muted ones at reduced opacity', () => {
    const state = styleStateFor(offer, reader, specs);
    const offerFill = state.layers['offer-1956-fill']!;
    const disputedFill = state.layers['disputed-fill']!;
    expect(offerFill.visible).toBe(true);
    expect(offerFill.opacity['fill-opacity']).toBe(0.75);
    expect(disputedFill.visible).toBe(true);
    expect(disputedFill.opacity['fill-opacity']).toBeCloseTo(MUTED_FACTOR);
    expect(state.layers['missiles-2016-fill']!.visible).toBe(false);
  });

  it('filters every highlight layer to the step highlight', () => {
    const state = styleStateFor(summit, reader, specs);
    const ids = ['in', ['get', 'id'], ['literal', ['nagato', 'tokyo']]];
    expect(state.layers['highlight-places-line']!.filter).toEqual(ids);
    // Circles only ring points, never the vertices of a highlighted line or polygon.
    expect(state.layers['highlight-places-circle']!.filter).toEqual(['all', ['==', ['geometry-type'], 'Point'], ids]);
    expect(styleStateFor(missiles, reader, specs).layers['highlight-places-circle']!.visible).toBe(false);
  });

  it('marks only the step’s own places when it is about places, every place otherwise', () => {
    const ukraine: StepLayers = {
      layers: ['places'],
      muted: [],
      highlight: ['country-ukraine', 'place-tokyo', 'place-kyiv'],
      framed: ['place-kyiv', 'place-tokyo'],
    };
    expect(styleStateFor(ukraine, reader, specs).layers['places-circle']!.filter).toEqual(
      styleStateFor(ukraine, reader, specs).layers['places-label']!.filter,
    );
    expect(styleStateFor(ukraine, reader, specs).layers['places-label']!.filter).toEqual([
      'in',
      ['get', 'id'],
      ['literal', ['place-kyiv', 'place-tokyo']],
    ]);
    expect(styleStateFor(offer, reader, specs).layers['places-label']!.filter).toEqual([
      '==',
      ['geometry-type'],
      'Point',
    ]);
  });

  it('sets the label text for the reader name mode', () => {
    const ru = styleStateFor(summit, { ...reader, names: 'ru' }, specs);
    expect(JSON.stringify(ru.layers['labels-symbol']!.textField)).toContain('name_ru');
  });
});

describe('diffStyleState', () => {
  it('is empty between equal states', () => {
    const a = styleStateFor(offer, reader, specs);
    expect(diffStyleState(a, styleStateFor(offer, reader, specs))).toEqual([]);
  });

  it('touches only what changed', () => {
    const a = styleStateFor(summit, reader, specs);
    const b = styleStateFor({ ...summit, highlight: ['tokyo'] }, reader, specs);
    const ops = diffStyleState(a, b);
    // The highlight's filters, and the name labels' order: a highlighted feature is named first.
    const filters = ops.filter((op) => op.kind === 'filter');
    const order = ops.filter((op) => op.kind === 'layout' && op.property === 'symbol-sort-key');
    expect(filters.length + order.length).toBe(ops.length);
    expect(filters.length).toBe(specs.filter((s) => s.id.startsWith('highlight-')).length);
    expect(order.map((op) => op.layer).sort()).toEqual([...NAMED_LABEL_LAYERS].sort());
  });

  it('lands on the same map whatever the route: in order, backwards, jumping', () => {
    const states = [summit, offer, missiles].map((s) => styleStateFor(s, reader, specs));
    const target = fresh(states[2]!);
    const inOrder = apply(
      apply(fresh(states[0]!), diffStyleState(states[0]!, states[1]!)),
      diffStyleState(states[1]!, states[2]!),
    );
    const jumped = apply(fresh(states[0]!), diffStyleState(states[0]!, states[2]!));
    const back = apply(
      apply(fresh(states[2]!), diffStyleState(states[2]!, states[1]!)),
      diffStyleState(states[1]!, states[2]!),
    );
    for (const model of [inOrder, jumped, back]) {
      for (const [layer, props] of Object.entries(target)) {
        for (const [key, value] of Object.entries(props)) {
          if (key.endsWith('-transition')) continue;
          expect(model[layer]?.[key], `${layer} ${key}`).toEqual(value);
        }
      }
    }
  });

  it('sets every fade to zero when motion is turned off', () => {
    const a = styleStateFor(summit, reader, specs);
    const ops = diffStyleState(a, styleStateFor(summit, { ...reader, fadeMs: 0 }, specs));
    const transitions = ops.filter((op) => op.kind === 'paint' && op.property.endsWith('-transition'));
    expect(transitions.length).toBeGreaterThan(0);
    expect(transitions.every((op) => op.kind === 'paint' && (op.value as { duration: number }).duration === 0)).toBe(
      true,
    );
  });
});

describe('controlledLayers', () => {
  it('leaves the basemap alone', () => {
    const ids = specs.map((s: LayerSpecification) => s.id);
    expect(ids).not.toContain('land-fill');
    expect(ids).not.toContain('background');
  });
});

describe('reveal', () => {
  const occupation: StepLayers = { layers: ['occupation-1945'], muted: [], highlight: [] };
  // Each arm reaches its stops at their dates: north 0→0.7, south 0.5→0.9 (the data's shape).
  const keys = {
    north: [
      [0, 0],
      [0.1, 0.25],
      [0.7, 1],
    ],
    south: [
      [0.5, 0],
      [0.6, 0.5],
      [0.8, 0.8],
      [0.8, 0.9],
      [0.9, 1],
    ],
  };
  /** The style's own layers, each arm's line paced by the keys above rather than the data's. */
  const paced = specs.map((spec): LayerSpecification => {
    const arm = /^occupation-1945-(north|south)-line$/.exec(spec.id)?.[1] as keyof typeof keys | undefined;
    return arm === undefined ? spec : { ...spec, metadata: { ...metadataOf(spec), [META.revealKeys]: keys[arm] } };
  });
  const gradientAt = (state: ReturnType<typeof styleStateFor>, arm: string): unknown =>
    (state.layers[`occupation-1945-${arm}-line`]!.gradient as unknown[])[3];

  it('draws each arm up to where its dates have reached, and shows only the landings passed', () => {
    const half = styleStateFor(occupation, reader, paced, { layer: 'occupation-1945', fraction: 0.55 });
    expect(half.layers['occupation-1945-north-line']!.gradient).toEqual([
      'step',
      ['line-progress'],
      expect.any(String),
      0.813,
      'rgba(0, 0, 0, 0)',
    ]);
    // The southern arm set out later: a quarter of the way to Iturup at 0.55.
    expect(gradientAt(half, 'south')).toBe(0.25);
    expect(half.layers['occupation-1945-circle']!.filter).toEqual([
      'all',
      ['==', ['geometry-type'], 'Point'],
      ['<=', ['coalesce', ['get', 'reveal_at'], 0], 0.55],
    ]);
    // Before the southern arm sets out it is not drawn at all; two landings on one date are reached together.
    const early = styleStateFor(occupation, reader, paced, { layer: 'occupation-1945', fraction: 0.3 });
    expect(gradientAt(early, 'south')).toBe(0.0001);
    const together = styleStateFor(occupation, reader, paced, { layer: 'occupation-1945', fraction: 0.8 });
    expect(gradientAt(together, 'south')).toBe(0.9);
  });

  it('draws everything when the step does not reveal, or at the end of the step', () => {
    const none = styleStateFor(occupation, reader, paced);
    const end = styleStateFor(occupation, reader, paced, { layer: 'occupation-1945', fraction: 1 });
    for (const id of ['occupation-1945-north-line', 'occupation-1945-south-line', 'occupation-1945-circle'])
      expect(none.layers[id], id).toEqual(end.layers[id]);
  });

  it("reads each line's keys from its data: the routes' reveal_keys", () => {
    const north = specs.find((s) => s.id === 'occupation-1945-north-line')!;
    const route = kurils.layers.collections
      .get('occupation-1945')!
      .features.find((f) => f.properties?.['id'] === 'route-1945-north');
    expect(metadataOf(north)[META.revealKeys]).toEqual(route?.properties?.['reveal_keys']);
    expect((metadataOf(north)[META.revealKeys] as unknown[]).length).toBeGreaterThan(2);
  });

  it('without keys, draws each line to the reader progress', () => {
    expect(drawnShare(0.42, undefined)).toBe(0.42);
    expect(drawnShare(0.35, keys.south)).toBe(0);
    expect(drawnShare(0.95, keys.south)).toBe(1);
  });

  it('moves the map at most once per percent of progress', () => {
    const a = styleStateFor(occupation, reader, paced, { layer: 'occupation-1945', fraction: 0.501 });
    const b = styleStateFor(occupation, reader, paced, { layer: 'occupation-1945', fraction: 0.503 });
    expect(diffStyleState(a, b)).toEqual([]);
  });
});
