/**
 * Turns the drawings of a story's `layers.yaml` into MapLibre layers: ids, sources, the engine's
 * metadata (`story:*`, read back by src/shared/map/state.ts), the label font, name-mode text, labels
 * beside their points, revealed lines; and each story layer's legend swatch, from the same drawing.
 * Pure: the features of the dataset come in, so reveal keys and subject ids are read from the data.
 */
import type { Feature } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { evaluate, type SimpleGeometryType } from '../../shared/map/expression.ts';
import { LABEL_FONT, META, labelText, revealGradient } from '../../shared/map/style.ts';
import type { Swatch } from '../../shared/story/layers.ts';
import { LABEL_SIDES, type BasemapDrawingInput, type DrawingInput, type LabelSide } from './layers-schema.ts';

/** `<owner>-<type>`, with `label` for a symbol layer: the id a drawing gets unless it names its own. */
export function drawingId(owner: string, drawing: { id?: string; type: string }): string {
  return drawing.id ?? `${owner}-${drawing.type === 'symbol' ? 'label' : drawing.type}`;
}

/** Offset in ems that puts text anchored at `side` `em` away from its point. */
function sideOffset(side: LabelSide, em: number): [number, number] {
  const d = side.includes('-') ? em * 0.7 : em;
  const x = side.includes('left') ? d : side.includes('right') ? -d : 0;
  const y = side.startsWith('top') ? d : side.startsWith('bottom') ? -d : 0;
  return [x, y];
}

/**
 * Layout for a label beside its point: the side its feature's `label_anchor` names (for the still-map
 * renderer, which takes one side), and for MapLibre that side first, then the others, so labels in a
 * crowd each find room.
 */
export function besidePoint(em: number, fallback: LabelSide): Record<string, unknown> {
  const order = (first: LabelSide): (string | [number, number])[] =>
    [first, ...LABEL_SIDES.filter((s) => s !== first)].flatMap((s) => [s, sideOffset(s, em)]);
  const byData = (pick: (side: LabelSide) => unknown, last: unknown): unknown => [
    'match',
    ['get', 'label_anchor'],
    ...LABEL_SIDES.filter((s) => s !== fallback).flatMap((s) => [s, pick(s)]),
    last,
  ];
  return {
    'text-anchor': ['coalesce', ['get', 'label_anchor'], fallback],
    'text-offset': byData((s) => ['literal', sideOffset(s, em)], ['literal', sideOffset(fallback, em)]),
    'text-variable-anchor-offset': byData((s) => ['literal', order(s)], ['literal', order(fallback)]),
  };
}

/** Both filters when both are given: the story layer's picks the features, the drawing's the part of them it draws. */
export function combineFilters(layer: unknown, drawing: unknown): unknown {
  if (layer === undefined) return drawing;
  if (drawing === undefined) return layer;
  return ['all', layer, drawing];
}

function simpleType(feature: Feature): SimpleGeometryType | undefined {
  const type = feature.geometry?.type.replace(/^Multi/, '');
  return type === 'Point' || type === 'LineString' || type === 'Polygon' ? type : undefined;
}

/** The features a filter lets through, evaluated as MapLibre does (the operators the still maps support). */
export function featuresMatching(features: readonly Feature[], filter: unknown): Feature[] {
  return features.filter((feature) => {
    const geometryType = simpleType(feature);
    if (geometryType === undefined) return false;
    const ctx = { properties: feature.properties ?? {}, geometryType, zoom: 0 };
    return filter === undefined || evaluate(filter, ctx) === true;
  });
}

/** `[[progress, share], …]` numbers between 0 and 1, as a revealed line's `reveal_keys` property holds them. */
export function isRevealKeys(value: unknown): value is number[][] {
  return (
    Array.isArray(value) &&
    value.every(
      (key) => Array.isArray(key) && key.length === 2 && key.every((n) => typeof n === 'number' && n >= 0 && n <= 1),
    )
  );
}

export interface DrawingContext {
  /** The story layer the drawing belongs to; none for a basemap layer. */
  owner?: string;
  /** The dataset drawn (none for a background). */
  dataset?: string;
  layerFilter?: unknown;
  /** The dataset's features. */
  features: readonly Feature[];
}

/** One drawing as a MapLibre layer. */
export function buildDrawing(
  drawing: DrawingInput | BasemapDrawingInput,
  { owner, dataset, layerFilter, features }: DrawingContext,
): LayerSpecification {
  const id = drawingId(owner ?? dataset ?? 'background', drawing);
  const filter = combineFilters(layerFilter, drawing.filter);
  const metadata: Record<string, unknown> = {};
  if (owner !== undefined) metadata[META.layer] = owner;
  if ('reveal' in drawing && drawing.reveal !== undefined) metadata[META.reveal] = drawing.reveal;
  if (drawing.names === true) metadata[META.names] = true;
  if ('subjects_only' in drawing && drawing.subjects_only === true) {
    metadata[META.subjects] = features.flatMap((f) =>
      typeof f.properties?.['id'] === 'string' ? [f.properties['id']] : [],
    );
  }

  const layout: Record<string, unknown> = {};
  if (drawing.type === 'symbol') {
    layout['text-font'] = LABEL_FONT;
    if (drawing.names === true) layout['text-field'] = labelText('both');
    if (drawing.beside_point) Object.assign(layout, besidePoint(drawing.beside_point.em, drawing.beside_point.side));
  }
  Object.assign(layout, drawing.layout);

  const paint: Record<string, unknown> = { ...drawing.paint };
  if ('reveal' in drawing && drawing.reveal === 'line' && drawing.type === 'line') {
    // Drawn with a gradient along its length, cut where the reader has got to (state.ts).
    const colour = String(paint['line-color']);
    delete paint['line-color'];
    paint['line-gradient'] = revealGradient(1, colour);
    metadata[META.revealColor] = colour;
    const keys = featuresMatching(features, filter)
      .map((f) => f.properties?.['reveal_keys'])
      .find(isRevealKeys);
    if (keys !== undefined) metadata[META.revealKeys] = keys;
  }

  return {
    id,
    type: drawing.type,
    ...(dataset === undefined || drawing.type === 'background' ? {} : { source: dataset }),
    ...(filter === undefined ? {} : { filter }),
    ...(drawing.minzoom === undefined ? {} : { minzoom: drawing.minzoom }),
    ...(drawing.maxzoom === undefined ? {} : { maxzoom: drawing.maxzoom }),
    ...(Object.keys(metadata).length === 0 ? {} : { metadata }),
    ...(Object.keys(layout).length === 0 ? {} : { layout }),
    ...(Object.keys(paint).length === 0 ? {} : { paint }),
  } as LayerSpecification;
}

/** The colours a paint value can take, in order: a colour, or each output of a `match`/`case`, fallback last. */
function colours(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  if (value[0] === 'match')
    return value
      .slice(2)
      .filter((_, i, arms) => i % 2 === 1 || i === arms.length - 1)
      .flatMap(colours);
  if (value[0] === 'case')
    return value
      .slice(1)
      .filter((_, i, arms) => i % 2 === 1 || i === arms.length - 1)
      .flatMap(colours);
  return [];
}

function numbers(value: unknown): number[] | undefined {
  return Array.isArray(value) && value.every((n) => typeof n === 'number') ? value : undefined;
}

/**
 * The legend swatch drawn like the layer: an area (its first fill, outlined by its first line) when it
 * fills, else a line, else a dot. A fill coloured by category shows its first colour; the outline its
 * last (the fallback), so a swatch of two categories shows both.
 */
export function swatchOf(drawings: readonly DrawingInput[]): Swatch | undefined {
  const paintOf = (type: string) => drawings.find((d) => d.type === type)?.paint;
  const fill = paintOf('fill');
  const line = paintOf('line');
  const circle = paintOf('circle');
  const dash = numbers(line?.['line-dasharray']);
  const dashed = dash === undefined ? {} : { dash };
  if (fill) {
    const fillColours = colours(fill['fill-color']);
    const stroke = line ? colours(line['line-color']).at(-1) : fillColours[0];
    return { kind: 'area', fill: fillColours[0], stroke, ...dashed };
  }
  if (line) return { kind: 'line', stroke: colours(line['line-color'])[0], ...dashed };
  if (circle) return { kind: 'dot', fill: colours(circle['circle-color'])[0] };
  return undefined;
}
