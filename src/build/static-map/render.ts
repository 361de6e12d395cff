/**
 * A step's map as a standalone SVG, for readers without JavaScript or WebGL and for print.
 *
 * The picture is drawn from the live map's own style (`buildStyle`) and step state
 * (`styleStateFor`): the same layers in the same order, with the same colours, widths, dashes,
 * filters, muted opacities, highlights and label text, read from the layer specs rather than
 * copied. Pure: the same step and data always give the same string.
 */
import {
  geoArea,
  geoMercator,
  geoPath,
  type GeoContext,
  type GeoProjection,
  type GeoStream,
  type GeoStreamWrapper,
} from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { attributionsOf } from '../../shared/story/layers.ts';
import { styleStateFor, type LayerState } from '../../shared/map/state.ts';
import { orderedLayers, type NameMode, type StoryMapStyle } from '../../shared/map/style.ts';
import type { ResolvedCamera, Step } from '../../shared/story/types.ts';
import { evaluate, type ExpressionContext, type SimpleGeometryType } from '../../shared/map/expression.ts';

export interface Size {
  width: number;
  height: number;
  /**
   * The smallest label, in the picture's pixels: chosen per shape so that labels stay at least
   * 11 CSS px at the smallest size the page shows that shape (vite-plugin-static-maps.ts).
   */
  minTextPx?: number;
}

export const DEFAULT_SIZE: Size = { width: 800, height: 600 };

/** The credit line's text and halo. */
const ATTRIBUTION_COLOURS = { text: '#5b5b5b', halo: '#ffffff' } as const;

const FONT_FAMILY = "'Noto Sans', sans-serif";
/** MapLibre's world is 512 px wide at zoom 0. */
const WORLD_PX = 512;
/** MapLibre's line height for wrapped labels, in ems. */
const LINE_HEIGHT = 1.2;
const ATTRIBUTION_SIZE = 10;

/** MapLibre's defaults for the paint and layout properties the style leaves unset. */
const DEFAULTS: Readonly<Record<string, unknown>> = {
  'fill-opacity': 1,
  'line-width': 1,
  'line-opacity': 1,
  'line-cap': 'butt',
  'line-join': 'miter',
  'circle-radius': 5,
  'circle-color': '#000000',
  'circle-opacity': 1,
  'circle-stroke-width': 0,
  'circle-stroke-color': '#000000',
  'circle-stroke-opacity': 1,
  'text-size': 16,
  'text-color': '#000000',
  'text-halo-color': 'rgba(0, 0, 0, 0)',
  'text-halo-width': 0,
  'text-opacity': 1,
  'text-max-width': 10,
  'text-padding': 2,
  'text-anchor': 'center',
  'text-offset': [0, 0],
};

/**
 * What a still map is drawn from: the live map's layers in drawing order (their paint, not their
 * data URLs), the datasets with polygon rings wound as d3-geo reads them, the box each dataset was
 * cut to, and the credit line. Make it with `staticMapData`.
 */
export interface StaticMapData {
  readonly layers: readonly LayerSpecification[];
  readonly features: Readonly<Record<string, readonly Feature[]>>;
  readonly cutTo: Readonly<Record<string, Box>>;
  readonly attribution: string;
}

/**
 * d3-geo reads rings on the sphere, clockwise around what they enclose: GeoJSON's anticlockwise
 * outer rings (RFC 7946) would mean "the whole globe except this island". Rewound once, here.
 */
export function staticMapData(
  style: StoryMapStyle,
  collections: ReadonlyMap<string, FeatureCollection>,
): StaticMapData {
  const features = Object.fromEntries(
    style.datasets.map(({ id }) => [
      id,
      (collections.get(id)?.features ?? []).map((feature) => ({ ...feature, geometry: rewind(feature.geometry) })),
    ]),
  );
  const cutTo = Object.fromEntries(style.datasets.flatMap(({ id, cutTo: box }) => (box ? [[id, box]] : [])));
  return { layers: orderedLayers(style), features, cutTo, attribution: attributionsOf(style.datasets).join(' · ') };
}

function rewind(geometry: Geometry): Geometry {
  const clockwise = (rings: Position[][]): Position[][] =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: clockwise(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map(clockwise) };
  return geometry;
}

/**
 * Web Mercator framed the way MapLibre frames the step: `cameraForBounds` (the box fitted inside
 * the padding, no closer than maxZoom) or centre and zoom. Rotated to the frame's middle meridian,
 * so a frame across the antimeridian (east > 180) is drawn whole. Bearing and pitch are not drawn:
 * a flat picture has neither. No resampling, so edges are straight in Mercator, as MapLibre draws them.
 */
export function staticProjection(camera: ResolvedCamera, { width, height }: Size): GeoProjection {
  const scaleAt = (zoom: number): number => (WORLD_PX * 2 ** zoom) / (2 * Math.PI);
  const middle = camera.kind === 'center' ? camera.center[0] : (camera.bounds[0] + camera.bounds[2]) / 2;
  const unit = geoMercator().rotate([-middle, 0]).scale(1).translate([0, 0]).precision(0);
  let scale: number;
  let y: number;
  if (camera.kind === 'center') {
    scale = scaleAt(camera.zoom);
    y = unit(camera.center)?.[1] ?? 0;
  } else {
    const [west, south, east, north] = camera.bounds;
    const [x0, y0] = unit([west, north]) ?? [0, 0];
    const [x1, y1] = unit([east, south]) ?? [0, 0];
    const pad = camera.padding;
    scale = Math.min((width - 2 * pad) / (x1 - x0), (height - 2 * pad) / (y1 - y0), scaleAt(camera.maxZoom));
    y = (y0 + y1) / 2;
  }
  return unit
    .scale(scale)
    .translate([width / 2, height / 2 - scale * y])
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

/** The MapLibre zoom whose world size matches the projection's scale (for zoom-dependent widths). */
function zoomOf(projection: GeoProjection): number {
  return Math.log2((2 * Math.PI * projection.scale()) / WORLD_PX);
}

interface Frame {
  projection: GeoProjection;
  path: (geometry: Geometry) => string | null;
  zoom: number;
  size: Size;
}

export function renderStaticMap(
  step: Step,
  data: StaticMapData,
  size: Size = DEFAULT_SIZE,
  names: NameMode = 'both',
): string {
  const projection = staticProjection(step.camera, size);
  const frame: Frame = { projection, path: pathFor(projection), zoom: zoomOf(projection), size };
  // No reveal: the static picture is the step's final state, the whole route drawn.
  const state = styleStateFor(step, { names, fadeMs: 0 }, data.layers).layers;
  const visible = data.layers.filter((spec) => state[spec.id]?.visible ?? true);

  const attribution = attributionLabel(data.attribution, size);
  const labels = placeLabels(visible, state, data, frame, [attribution.box]);
  const body = visible.map((spec) =>
    spec.type === 'symbol'
      ? labelGroup(spec, labels.get(spec.id) ?? [])
      : shapeGroup(spec, state[spec.id], data, frame),
  );
  const { width, height } = size;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
      ` font-family="${FONT_FAMILY}" stroke-miterlimit="2">`,
    `<title>${escapeXml(step.alt)}</title>`,
    ...body.filter((group) => group !== ''),
    labelGroup({ id: 'attribution' }, [attribution]),
    '</svg>',
    '',
  ].join('\n');
}

// Shapes: background, fill, line and circle layers.

interface Element {
  /** Geometry and identity, always on the element itself. */
  own: Record<string, string>;
  /** Presentation attributes; those every element shares move up to the layer's group. */
  paint: Record<string, string>;
  tag: string;
  content?: string;
}

function shapeGroup(
  spec: LayerSpecification,
  state: LayerState | undefined,
  data: StaticMapData,
  frame: Frame,
): string {
  if (spec.type === 'background') {
    const { width, height } = frame.size;
    const fill = svgColour(evaluate(spec.paint?.['background-color'], context({}, 'Polygon', frame)));
    return `<rect data-layer="${spec.id}" width="${width}" height="${height}" fill="${fill}"/>`;
  }
  const elements = layerFeatures(spec, state, data, frame).flatMap(({ feature, ctx }): Element[] => {
    const value = (property: string): unknown => paintValue(spec, state, property, ctx);
    const own = idAttribute(feature);
    const geometry = feature.geometry;
    switch (spec.type) {
      case 'fill': {
        const d = ctx.geometryType === 'Polygon' ? frame.path(geometry) : null;
        if (!d) return [];
        const paint = { fill: svgColour(value('fill-color')), 'fill-opacity': num(value('fill-opacity')) };
        return [{ tag: 'path', own: { ...own, d }, paint }];
      }
      case 'line': {
        const d = ctx.geometryType === 'Point' ? null : frame.path(outline(geometry, cutBoxOf(spec, data)));
        if (!d) return [];
        const width = Number(value('line-width'));
        const dashes = value('line-dasharray');
        const paint: Record<string, string> = {
          // A revealed route is drawn whole: its gradient is one colour from start to end.
          stroke: svgColour(
            spec.paint && 'line-gradient' in spec.paint
              ? evaluate(state?.gradient ?? spec.paint['line-gradient'], { ...ctx, lineProgress: 0 })
              : value('line-color'),
          ),
          'stroke-width': num(width),
          'stroke-opacity': num(value('line-opacity')),
          'stroke-linecap': String(layoutValue(spec, 'line-cap', ctx)),
          'stroke-linejoin': String(layoutValue(spec, 'line-join', ctx)),
        };
        // MapLibre measures dashes in line widths.
        if (Array.isArray(dashes))
          paint['stroke-dasharray'] = dashes.map((dash) => num(Number(dash) * width)).join(' ');
        return [{ tag: 'path', own: { ...own, d }, paint }];
      }
      case 'circle':
        return points(geometry).flatMap((position): Element[] => {
          const point = frame.projection(position as [number, number]);
          const radius = Number(value('circle-radius'));
          const stroke = Number(value('circle-stroke-width'));
          if (point === null || !inside(point, frame.size, radius + stroke)) return [];
          // MapLibre's stroke lies outside the radius; SVG's is centred on it.
          const r = num(radius + stroke / 2);
          const paint = {
            fill: svgColour(value('circle-color')),
            'fill-opacity': num(value('circle-opacity')),
            stroke: svgColour(value('circle-stroke-color')),
            'stroke-width': num(stroke),
            'stroke-opacity': num(value('circle-stroke-opacity')),
          };
          return [{ tag: 'circle', own: { ...own, cx: px(point[0]), cy: px(point[1]), r }, paint }];
        });
      default:
        throw new Error(`static map: cannot draw a ${spec.type} layer (${spec.id})`);
    }
  });
  return group(spec.id, elements, spec.type === 'line' ? { fill: 'none' } : {});
}

/** Ties a drawn shape to its feature (`properties.id`), for tests and for anyone styling the SVG. */
function idAttribute(feature: Feature): Record<string, string> {
  const id: unknown = feature.properties?.['id'];
  return id === undefined || id === null ? {} : { 'data-id': String(id) };
}

function layerFeatures(spec: LayerSpecification, state: LayerState | undefined, data: StaticMapData, frame: Frame) {
  if (!('source' in spec)) return [];
  const filter = state?.filter ?? spec.filter;
  return (data.features[spec.source] ?? []).flatMap((feature) => {
    if (feature.geometry === null) return [];
    const ctx = context(feature.properties ?? {}, simpleType(feature.geometry), frame);
    return filter === undefined || evaluate(filter, ctx) === true ? [{ feature, ctx }] : [];
  });
}

function context(properties: Record<string, unknown>, geometryType: SimpleGeometryType, frame: Frame) {
  return { properties, geometryType, zoom: frame.zoom } satisfies ExpressionContext;
}

function paintValue(spec: LayerSpecification, state: LayerState | undefined, property: string, ctx: ExpressionContext) {
  // The step's opacity (muted or not) comes from the step state, as the live diff applies it.
  const stepOpacity = state?.opacity[property];
  if (stepOpacity !== undefined) return stepOpacity;
  const value = (spec.paint as Record<string, unknown> | undefined)?.[property];
  return value === undefined ? DEFAULTS[property] : evaluate(value, ctx);
}

function layoutValue(spec: LayerSpecification, property: string, ctx: ExpressionContext): unknown {
  const value = (spec.layout as Record<string, unknown> | undefined)?.[property];
  return value === undefined ? DEFAULTS[property] : evaluate(value, ctx);
}

function simpleType(geometry: Geometry): SimpleGeometryType {
  switch (geometry.type) {
    case 'Point':
    case 'MultiPoint':
      return 'Point';
    case 'LineString':
    case 'MultiLineString':
      return 'LineString';
    default:
      return 'Polygon';
  }
}

type Box = readonly [west: number, south: number, east: number, north: number];

/** The box a layer's dataset was cut to (its `cut_to` in layers.yaml), if any. */
function cutBoxOf(spec: LayerSpecification, data: StaticMapData): Box | undefined {
  return 'source' in spec && typeof spec.source === 'string' ? data.cutTo[spec.source] : undefined;
}

/**
 * A polygon's rings as lines, so an outline cut by the frame does not trace the frame's edge; and
 * without the stretches along the box the data was cut to, which are no coast and read as borders.
 */
function outline(geometry: Geometry, clip?: Box): Geometry {
  const rings =
    geometry.type === 'Polygon'
      ? geometry.coordinates
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.flat()
        : null;
  if (rings === null) return geometry;
  return { type: 'MultiLineString', coordinates: clip ? rings.flatMap((ring) => offBox(ring, clip)) : rings };
}

/** A ring split into the runs that do not lie along an edge of `box`. */
export function offBox(ring: readonly Position[], [west, south, east, north]: Box): Position[][] {
  const EPSILON = 1e-9;
  const on = (value: number | undefined, edge: number) => value !== undefined && Math.abs(value - edge) < EPSILON;
  const alongEdge = (a: Position, b: Position) =>
    (on(a[0], west) && on(b[0], west)) ||
    (on(a[0], east) && on(b[0], east)) ||
    (on(a[1], south) && on(b[1], south)) ||
    (on(a[1], north) && on(b[1], north));
  const runs: Position[][] = [];
  let run: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const point = ring[i]!;
    const previous = ring[i - 1];
    if (previous !== undefined && alongEdge(previous, point)) {
      if (run.length > 1) runs.push(run);
      run = [];
    }
    run.push(point);
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

function points(geometry: Geometry): Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'MultiPoint') return geometry.coordinates;
  return [];
}

/** The SVG path of a geometry: projected, clipped to the frame, simplified, written compactly. */
function pathFor(projection: GeoProjection): (geometry: Geometry) => string | null {
  const context = new RelativePath();
  const path = geoPath(simplified(projection), context);
  return (geometry) => {
    path(geometry);
    return context.take();
  };
}

/**
 * Collects d3's drawing calls as relative SVG path commands on a 0.1 px grid: a third fewer bytes
 * than absolute coordinates. Deltas are taken between rounded positions, so nothing drifts.
 */
class RelativePath implements GeoContext {
  #d = '';
  #x = 0;
  #y = 0;
  /** After an `l`, further pairs need no command letter. */
  #inLine = false;

  moveTo(x: number, y: number): void {
    [this.#x, this.#y] = [Math.round(x * 10), Math.round(y * 10)];
    this.#d += `M${tenths(this.#x)}${separated(this.#y)}`;
    this.#inLine = false;
  }

  lineTo(x: number, y: number): void {
    const [tx, ty] = [Math.round(x * 10), Math.round(y * 10)];
    if (tx === this.#x && ty === this.#y) return;
    const dx = tx - this.#x;
    this.#d += `${this.#inLine ? separated(dx) : `l${tenths(dx)}`}${separated(ty - this.#y)}`;
    [this.#x, this.#y, this.#inLine] = [tx, ty, true];
  }

  closePath(): void {
    this.#d += 'z';
    this.#inLine = false;
  }

  // Canvas calls d3 makes for point geometries, which are drawn as circles elsewhere.
  beginPath(): void {}
  arc(): void {}

  take(): string | null {
    const d = this.#d;
    this.#d = '';
    this.#inLine = false;
    return d === '' ? null : d;
  }
}

/** A coordinate in tenths as SVG's shortest decimal: 12 → "1.2", -5 → "-.5", 30 → "3". */
function tenths(value: number): string {
  const text = String(value / 10);
  return text.replace(/^(-?)0\./, '$1.');
}

/** A number after another: a minus sign separates it; otherwise a space does. */
function separated(value: number): string {
  const text = tenths(value);
  return text.startsWith('-') ? text : ` ${text}`;
}

/** Straight runs closer than this to a line between their ends are drawn as that line. */
const SIMPLIFY_PX = 0.5;

/** The projection, simplified in screen space: detail finer than half a pixel costs bytes, not looks. */
function simplified(projection: GeoProjection): GeoStreamWrapper {
  return { stream: (output) => projection.stream(simplifyLines(output)) };
}

function simplifyLines(output: GeoStream): GeoStream {
  let line: Array<[number, number]> | null = null;
  return {
    point(x, y) {
      if (line === null) output.point(x, y);
      else line.push([x, y]);
    },
    lineStart() {
      line = [];
      output.lineStart();
    },
    lineEnd() {
      for (const [x, y] of douglasPeucker(line ?? [], SIMPLIFY_PX)) output.point(x, y);
      line = null;
      output.lineEnd();
    },
    polygonStart: () => output.polygonStart(),
    polygonEnd: () => output.polygonEnd(),
    sphere: () => output.sphere?.(),
  };
}

function douglasPeucker(points: ReadonlyArray<[number, number]>, tolerance: number): Array<[number, number]> {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const spans: Array<[number, number]> = [[0, points.length - 1]];
  for (let span = spans.pop(); span !== undefined; span = spans.pop()) {
    const [from, to] = span;
    let farthest = -1;
    let distance = tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance(points[i]!, points[from]!, points[to]!);
      if (d > distance) [farthest, distance] = [i, d];
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    spans.push([from, farthest], [farthest, to]);
  }
  return points.filter((_, i) => keep[i] === 1);
}

function segmentDistance([x, y]: [number, number], [x0, y0]: [number, number], [x1, y1]: [number, number]): number {
  const [dx, dy] = [x1 - x0, y1 - y0];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / length2));
  return Math.hypot(x - x0 - t * dx, y - y0 - t * dy);
}

// Labels: symbol layers, placed without overlaps in MapLibre's order.

interface Label extends Element {
  /** The space the label takes, padded: [x0, y0, x1, y1]. */
  box: [number, number, number, number];
}

/**
 * Places labels the way MapLibre does, in outline: the top layer first (story labels win over
 * place names), by `symbol-sort-key` within a layer, and a label that would overlap one already
 * placed, or leave the frame, is dropped.
 */
function placeLabels(
  visible: readonly LayerSpecification[],
  state: Record<string, LayerState>,
  data: StaticMapData,
  frame: Frame,
  reserved: Array<Label['box']>,
): Map<string, Label[]> {
  const taken = [...reserved];
  const placed = new Map<string, Label[]>();
  for (const spec of [...visible].reverse()) {
    if (spec.type !== 'symbol') continue;
    const candidates = layerFeatures(spec, state[spec.id], data, frame)
      .map(({ feature, ctx }) => ({
        options: labelPlacements(spec, state[spec.id], feature, ctx, frame),
        // The step's subjects are named first, by the live map's own sort key (state.ts).
        key: Number(evaluate(state[spec.id]?.sortKey ?? layoutValue(spec, 'symbol-sort-key', ctx), ctx) ?? 0),
      }))
      .sort((a, b) => a.key - b.key);
    const fits = (label: Label): boolean =>
      within(label.box, frame.size) && !taken.some((box) => overlaps(box, label.box));
    const kept: Label[] = [];
    for (const { options } of candidates) {
      const label = options.find(fits);
      if (label === undefined) continue;
      taken.push(label.box);
      kept.push(label);
    }
    placed.set(spec.id, kept);
  }
  return placed;
}

const OPPOSITE: Readonly<Record<string, string>> = { left: 'right', right: 'left', top: 'bottom', bottom: 'top' };

/**
 * A label where the style puts it, then mirrored across its point: a reader cannot pan a picture
 * to read a name the frame cuts off (Tokyo, right at the edge of the summit map).
 */
function labelPlacements(
  spec: LayerSpecification,
  state: LayerState | undefined,
  feature: Feature,
  ctx: ExpressionContext,
  frame: Frame,
): Label[] {
  const text = String(evaluate(state?.textField ?? layoutValue(spec, 'text-field', ctx), ctx) ?? '').trim();
  const at = anchorPoint(feature.geometry, frame);
  if (text === '' || at === null) return [];
  const size = Math.max(Number(layoutValue(spec, 'text-size', ctx)), frame.size.minTextPx ?? 0);
  const lines = wrap(text, Number(layoutValue(spec, 'text-max-width', ctx)) * size, size);
  const width = Math.max(...lines.map((line) => textWidth(line, size)));
  const height = lines.length * LINE_HEIGHT * size;
  const padding = Number(layoutValue(spec, 'text-padding', ctx));
  const paint = (property: string) => paintValue(spec, state, property, ctx);
  const style = {
    'font-size': num(size),
    fill: svgColour(paint('text-color')),
    stroke: svgColour(paint('text-halo-color')),
    'stroke-width': num(2 * Number(paint('text-halo-width'))),
    opacity: num(paint('text-opacity')),
  };
  const place = (anchor: string, [dx, dy]: readonly number[]): Label => {
    const align = anchor.includes('left') ? 'start' : anchor.includes('right') ? 'end' : 'middle';
    // MapLibre's anchor names the side of the text that sits on the point.
    const left = align === 'start' ? 0 : align === 'end' ? -width : -width / 2;
    const top = anchor.includes('top') ? 0 : anchor.includes('bottom') ? -height : -height / 2;
    const x0 = at[0] + (dx ?? 0) * size + left;
    const y0 = at[1] + (dy ?? 0) * size + top;
    return textLabel(lines, { x0, y0, width, size, align }, style, padding, idAttribute(feature));
  };
  // MapLibre's variable anchors with their own offsets (`text-variable-anchor-offset`), tried in order.
  const anchorOffsets = layoutValue(spec, 'text-variable-anchor-offset', ctx);
  if (Array.isArray(anchorOffsets)) {
    const pairs: Label[] = [];
    for (let i = 0; i + 1 < anchorOffsets.length; i += 2) {
      pairs.push(place(String(anchorOffsets[i]), anchorOffsets[i + 1] as readonly number[]));
    }
    return pairs;
  }
  // MapLibre's variable anchors, tried in order, each pushed out by the radial offset.
  const variable = (spec.layout as Record<string, unknown> | undefined)?.['text-variable-anchor'];
  if (Array.isArray(variable)) {
    const radial = Number(layoutValue(spec, 'text-radial-offset', ctx) ?? 0);
    return variable.map((anchor: string) => place(anchor, radialOffset(anchor, radial)));
  }
  const anchor = String(layoutValue(spec, 'text-anchor', ctx));
  const offset = layoutValue(spec, 'text-offset', ctx) as readonly number[];
  const mirrored = anchor.replace(/left|right|top|bottom/g, (side) => OPPOSITE[side] ?? side);
  const styled = place(anchor, offset);
  return mirrored === anchor
    ? [styled]
    : [
        styled,
        place(
          mirrored,
          offset.map((em) => -em),
        ),
      ];
}

/** The offset, in ems, that MapLibre's `text-radial-offset` gives an anchor. */
function radialOffset(anchor: string, radial: number): [number, number] {
  const corner = /(top|bottom)-(left|right)/.test(anchor) ? Math.SQRT1_2 : 1;
  const dx = anchor.includes('left') ? radial : anchor.includes('right') ? -radial : 0;
  const dy = anchor.includes('top') ? radial : anchor.includes('bottom') ? -radial : 0;
  return [dx * corner, dy * corner];
}

function textLabel(
  lines: readonly string[],
  { x0, y0, width, size, align }: { x0: number; y0: number; width: number; size: number; align: string },
  paint: Record<string, string>,
  padding: number,
  own: Record<string, string> = {},
): Label {
  const x = align === 'start' ? x0 : align === 'end' ? x0 + width : x0 + width / 2;
  // The first baseline sits about 0.35 em below the middle of its line box.
  const y = y0 + (LINE_HEIGHT / 2) * size + 0.35 * size;
  const content =
    lines.length === 1
      ? escapeXml(lines[0] ?? '')
      : lines
          .map((line, i) => `<tspan x="${px(x)}"${i === 0 ? '' : ` dy="${LINE_HEIGHT}em"`}>${escapeXml(line)}</tspan>`)
          .join('');
  const height = lines.length * LINE_HEIGHT * size;
  return {
    tag: 'text',
    own: { ...own, x: px(x), y: px(y) },
    paint: { ...paint, 'text-anchor': align },
    content,
    box: [x0 - padding, y0 - padding, x0 + width + padding, y0 + height + padding],
  };
}

function attributionLabel(text: string, { width, height, minTextPx = 0 }: Size): Label {
  const size = Math.max(ATTRIBUTION_SIZE, minTextPx);
  const textW = textWidth(text, size);
  const lineH = LINE_HEIGHT * size;
  return textLabel(
    [text],
    { x0: width - 4 - textW, y0: height - 2 - lineH, width: textW, size, align: 'end' },
    {
      'font-size': num(size),
      fill: ATTRIBUTION_COLOURS.text,
      stroke: ATTRIBUTION_COLOURS.halo,
      'stroke-width': '3',
      opacity: '1',
    },
    2,
  );
}

function labelGroup(spec: { id: string }, labels: readonly Label[]): string {
  return group(spec.id, labels, { 'stroke-linejoin': 'round', 'paint-order': 'stroke' });
}

function anchorPoint(geometry: Geometry, frame: Frame): [number, number] | null {
  const [first] = points(geometry);
  if (first !== undefined) return frame.projection(first as [number, number]);
  // Lines and areas: the middle of what is drawn, NaN when none of it is in the frame.
  const [x, y] = geoPath(frame.projection).centroid(geometry);
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

/** Greedy word wrap at MapLibre's `text-max-width`. */
function wrap(text: string, maxWidth: number, size: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, size) <= maxWidth)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Rough advance widths for Noto Sans, enough to keep labels apart. */
function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    ems += code >= 0x2e80 ? 1 : ch === ' ' ? 0.26 : /[A-Z0-9]/.test(ch) ? 0.62 : 0.53;
  }
  return ems * size;
}

// SVG text.

/** One `<g>` per layer; the paint every element shares is written once, on the group. */
function group(layer: string, elements: readonly Element[], fixed: Record<string, string>): string {
  if (elements.length === 0) return '';
  const [first, ...rest] = elements;
  const shared = Object.fromEntries(
    Object.entries(first?.paint ?? {}).filter(([name, value]) => rest.every((e) => e.paint[name] === value)),
  );
  const children = elements.map((e) => {
    const own = Object.fromEntries(Object.entries(e.paint).filter(([name]) => !(name in shared)));
    const attributes = attrs({ ...e.own, ...own });
    return e.content === undefined ? `<${e.tag}${attributes}/>` : `<${e.tag}${attributes}>${e.content}</${e.tag}>`;
  });
  return `<g data-layer="${layer}"${attrs({ ...fixed, ...shared })}>\n${children.join('\n')}\n</g>`;
}

function attrs(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch,
  );
}

/** A fully transparent colour is no paint at all. */
function svgColour(value: unknown): string {
  const colour = String(value);
  return /^rgba\(.*,\s*0\)$/.test(colour.replace(/\s+/g, ' ')) ? 'none' : colour;
}

const num = (value: unknown): string => String(Math.round(Number(value) * 1000) / 1000);
const px = (value: number): string => String(Math.round(value * 10) / 10);

function inside([x, y]: [number, number], { width, height }: Size, margin: number): boolean {
  return x >= -margin && y >= -margin && x <= width + margin && y <= height + margin;
}

function within([x0, y0, x1, y1]: Label['box'], { width, height }: Size): boolean {
  return x0 >= 0 && y0 >= 0 && x1 <= width && y1 <= height;
}

function overlaps(a: Label['box'], b: Label['box']): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}
