/**
 * The contract of geo/kurils/out: valibot schemas for every dataset's feature properties (TypeScript types
 * derived from them), a pure validator the build runs before writing, and small synchronous Node
 * helpers the story validator and the map use to know feature ids and frame cameras.
 */
import { bbox as turfBBox } from '@turf/bbox';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import * as v from 'valibot';
import { PipelineError, PipelineErrors } from './errors.ts';
import { hasKinks, type Polygon, ringSignedArea } from './geom.ts';

/** The files this pipeline writes to geo/kurils/out, one per dataset (story/kurils/layers.yaml draws them). */
export const DATASET_IDS = [
  'world',
  'borders',
  'land',
  'coast',
  'sea',
  'labels',
  'places',
  'border-1855',
  'border-1875',
  'occupation-1945',
  'renounced-1951',
  'offer-1956',
  'missiles-2016',
  'distances',
] as const;

export type DatasetId = (typeof DATASET_IDS)[number];

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be kebab-case'));
const Text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
/** Every feature names where it comes from. */
const Source = v.pipe(v.string(), v.minLength(8, 'source must name a public source'));
const IsoDate = v.pipe(v.string(), v.isoDate('must be an ISO date (YYYY-MM-DD)'));
const Km = v.pipe(v.number(), v.finite(), v.minValue(0));
const Share = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const Year = v.pipe(v.number(), v.integer(), v.minValue(1800), v.maxValue(2100));

export const LandProperties = v.pipe(
  v.strictObject({
    id: Id,
    kind: v.picklist(['island', 'islets', 'mainland']),
    group: v.picklist(['kuril-north', 'kuril-south', 'habomai', 'other']),
    admin: v.picklist(['RU', 'JP']),
    claimed_by: v.optional(v.literal('JP')),
    name_en: v.optional(Text),
    name_ja: v.optional(Text),
    name_ja_romaji: v.optional(Text),
    name_ru: v.optional(Text),
    /** For islets: the island or group they lie off. */
    part_of: v.optional(Id),
    area_km2: Km,
    clipped: v.optional(v.literal(true)),
    source: Source,
  }),
  v.check(
    (p) => p.kind !== 'island' || p.claimed_by !== 'JP' || !!(p.name_en && p.name_ja && p.name_ja_romaji && p.name_ru),
    'a disputed island needs name_en, name_ja, name_ja_romaji and name_ru',
  ),
  v.check((p) => p.claimed_by === undefined || p.admin === 'RU', 'only Russian-held land is claimed by Japan here'),
);

export const CoastProperties = v.strictObject({
  id: Id,
  /** The land feature whose coast this is. */
  of: Id,
  source: Source,
});

export const SeaProperties = v.strictObject({
  id: Id,
  band: v.pipe(v.number(), v.integer(), v.minValue(1)),
  from_km: Km,
  to_km: Km,
  source: Source,
});

export const LabelProperties = v.strictObject({
  id: Id,
  kind: v.picklist(['country', 'sea', 'island', 'island-group', 'peninsula', 'strait']),
  name_en: Text,
  name_ja: v.optional(Text),
  /** The Japanese reading in Hepburn (Etorofu), on Kuril labels, from the source that gives the kanji. */
  name_ja_romaji: v.optional(Text),
  name_ru: v.optional(Text),
  rank: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
  /** The feature this labels, when there is one. */
  target: v.optional(Id),
  approximate: v.optional(v.boolean()),
  source: Source,
});

export const PlaceProperties = v.strictObject({
  id: Id,
  name_en: Text,
  name_ja: Text,
  name_ru: Text,
  role: Text,
  approximate: v.boolean(),
  /** Why the point is not exact (only on approximate places). */
  approximate_reason: v.optional(Text),
  source: Source,
});

export const BorderProperties = v.strictObject({
  id: Id,
  year: Year,
  name: Text,
  /** Written along the line on the map: short, as the line is short on a phone (the legend names the treaty). */
  label: Text,
  date: IsoDate,
  approximate: v.boolean(),
  note: Text,
  source: Source,
});

/** The side of a label that sits on its point, as MapLibre's `text-anchor` names it. */
const LabelAnchor = v.picklist([
  'left',
  'right',
  'top',
  'bottom',
  'bottom-left',
  'bottom-right',
  'top-left',
  'top-right',
]);

export const OccupationEventProperties = v.strictObject({
  id: Id,
  kind: v.literal('event'),
  arm: v.picklist(['north', 'south']),
  order: v.pipe(v.number(), v.integer(), v.minValue(1)),
  date: IsoDate,
  date_end: v.optional(IsoDate),
  label: Text,
  name_en: Text,
  island: Id,
  site: v.picklist(['landing', 'island', 'island-group']),
  approximate: v.boolean(),
  /** Why the marker is not at a sourced site (only on approximate markers). */
  approximate_reason: v.optional(Text),
  distance_km: Km,
  /** Share (0–1) of the story's reveal at which the marker appears: its date on the campaign's timeline. */
  reveal_at: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  /** Which side of the marker its label prefers, clear of the neighbouring landings. */
  label_anchor: LabelAnchor,
  source: Source,
});

export const OccupationRouteProperties = v.strictObject({
  id: Id,
  kind: v.literal('route'),
  arm: v.picklist(['north', 'south']),
  /** Where the arm set out. */
  from: Text,
  date: IsoDate,
  date_end: IsoDate,
  label: Text,
  length_km: Km,
  approximate: v.literal(true),
  note: Text,
  /** `[share of the story's reveal, share of the line drawn]`, in order: the map draws the arm at this pace. */
  reveal_keys: v.array(
    v.strictTuple([v.pipe(v.number(), v.minValue(0), v.maxValue(1)), v.pipe(v.number(), v.minValue(0), v.maxValue(1))]),
  ),
  source: Source,
});

/** Where an arm set out: labelled so the map, not only the legend, says where each arm came from. */
export const OccupationOriginProperties = v.strictObject({
  id: Id,
  kind: v.literal('origin'),
  arm: v.picklist(['north', 'south']),
  label: Text,
  label_anchor: LabelAnchor,
  approximate: v.boolean(),
  approximate_reason: v.optional(Text),
  reveal_at: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  source: Source,
});

export const OccupationProperties = v.variant('kind', [
  OccupationEventProperties,
  OccupationRouteProperties,
  OccupationOriginProperties,
]);

export const RenouncedProperties = v.strictObject({
  id: Id,
  year: Year,
  date: IsoDate,
  scope: v.picklist(['north', 'southern-four']),
  contested: v.boolean(),
  treaty_text: Text,
  japan_position: Text,
  ussr_russia_position: Text,
  ussr_signed: v.literal(false),
  area_km2: Km,
  source: Source,
});

export const OfferProperties = v.strictObject({
  id: Id,
  year: Year,
  date: IsoDate,
  status: v.picklist(['offered', 'not-offered']),
  islands: Text,
  area_km2: Km,
  /** Offered land ÷ all disputed land, from the geometry (offered feature only). */
  share_of_disputed_area: v.optional(Share),
  source: Source,
});

const MissileCommon = {
  id: Id,
  system: v.picklist(['Bal', 'Bastion']),
  missile: Text,
  range_km: Km,
  island: v.picklist(['kunashir', 'iturup']),
  date: IsoDate,
  approximate: v.literal(true),
  source: Source,
};

export const MissileRangeProperties = v.strictObject({
  ...MissileCommon,
  kind: v.literal('range'),
  basis: v.literal('range from anywhere on the island'),
  approximate_reason: Text,
  hokkaido_share: Share,
  nemuro_strait_share: v.optional(Share),
  note: v.optional(Text),
});

export const MissileMarkerProperties = v.strictObject({
  ...MissileCommon,
  kind: v.literal('marker'),
  label: Text,
  approximate_reason: Text,
});

export const MissileProperties = v.variant('kind', [MissileRangeProperties, MissileMarkerProperties]);

const DistanceFigures = {
  /** Measured by this build on the OSM coastline. */
  km: Km,
  /** Japan's government figure for the same crossing. */
  official_km: Km,
  /** What the official figure measures, as the government states it. */
  official: Text,
  from: Text,
  to: Text,
  note: Text,
  source: Source,
};

export const DistanceLineProperties = v.strictObject({ id: Id, kind: v.literal('line'), ...DistanceFigures });

/** Where both figures are written on the map: beside the line's middle, or its far end where the middle is crowded. */
export const DistanceFigureProperties = v.strictObject({
  id: Id,
  kind: v.literal('figure'),
  ...DistanceFigures,
  label: Text,
  label_anchor: LabelAnchor,
});

/** An islet too small for the coastline data, drawn as a point (Signalny / Kaigara). */
export const DistanceIsletProperties = v.strictObject({
  id: Id,
  kind: v.literal('islet'),
  name_en: Text,
  name_ja: Text,
  name_ja_romaji: Text,
  name_ru: Text,
  note: Text,
  approximate: v.boolean(),
  source: Source,
});

export const DistanceProperties = v.variant('kind', [
  DistanceLineProperties,
  DistanceFigureProperties,
  DistanceIsletProperties,
]);

export const WorldProperties = v.strictObject({
  id: Id,
  name_en: Text,
  name_ja: v.optional(Text),
  name_ru: v.optional(Text),
  iso_n3: v.optional(v.pipe(v.string(), v.regex(/^\d{3}$/))),
  admin: v.optional(v.literal('RU')),
  claimed_by: v.optional(v.literal('UA')),
  note: v.optional(Text),
  source: Source,
});

export const BordersProperties = v.strictObject({
  id: Id,
  kind: v.picklist(['international', 'disputed']),
  note: Text,
  source: Source,
});

export type LandProps = v.InferOutput<typeof LandProperties>;
export type CoastProps = v.InferOutput<typeof CoastProperties>;
export type SeaProps = v.InferOutput<typeof SeaProperties>;
export type LabelProps = v.InferOutput<typeof LabelProperties>;
export type PlaceProps = v.InferOutput<typeof PlaceProperties>;
export type BorderProps = v.InferOutput<typeof BorderProperties>;
export type OccupationEventProps = v.InferOutput<typeof OccupationEventProperties>;
export type OccupationRouteProps = v.InferOutput<typeof OccupationRouteProperties>;
export type OccupationOriginProps = v.InferOutput<typeof OccupationOriginProperties>;
export type OccupationProps = v.InferOutput<typeof OccupationProperties>;
export type RenouncedProps = v.InferOutput<typeof RenouncedProperties>;
export type OfferProps = v.InferOutput<typeof OfferProperties>;
export type MissileRangeProps = v.InferOutput<typeof MissileRangeProperties>;
export type MissileMarkerProps = v.InferOutput<typeof MissileMarkerProperties>;
export type MissileProps = v.InferOutput<typeof MissileProperties>;
export type DistanceProps = v.InferOutput<typeof DistanceProperties>;
export type DistanceFigureProps = v.InferOutput<typeof DistanceFigureProperties>;
export type WorldProps = v.InferOutput<typeof WorldProperties>;
export type BordersProps = v.InferOutput<typeof BordersProperties>;

type GeometryType = Geometry['type'];

interface DatasetSpec {
  readonly properties: v.GenericSchema<unknown, { id: string; source: string }>;
  readonly geometry: readonly GeometryType[];
  /** Region data keeps 5 decimals (≈ 1 m); world context fewer. */
  readonly decimals: number;
}

const AREAS: readonly GeometryType[] = ['Polygon', 'MultiPolygon'];
const LINES: readonly GeometryType[] = ['LineString', 'MultiLineString'];

export const DATASETS: Record<DatasetId, DatasetSpec> = {
  world: { properties: WorldProperties, geometry: AREAS, decimals: 2 },
  borders: { properties: BordersProperties, geometry: LINES, decimals: 2 },
  land: { properties: LandProperties, geometry: AREAS, decimals: 5 },
  coast: { properties: CoastProperties, geometry: ['MultiLineString'], decimals: 4 },
  sea: { properties: SeaProperties, geometry: AREAS, decimals: 4 },
  labels: { properties: LabelProperties, geometry: ['Point'], decimals: 5 },
  places: { properties: PlaceProperties, geometry: ['Point'], decimals: 5 },
  'border-1855': { properties: BorderProperties, geometry: ['LineString'], decimals: 5 },
  'border-1875': { properties: BorderProperties, geometry: ['LineString'], decimals: 5 },
  'occupation-1945': { properties: OccupationProperties, geometry: ['Point', 'LineString'], decimals: 5 },
  'renounced-1951': { properties: RenouncedProperties, geometry: AREAS, decimals: 5 },
  'offer-1956': { properties: OfferProperties, geometry: AREAS, decimals: 5 },
  'missiles-2016': { properties: MissileProperties, geometry: ['Point', ...AREAS], decimals: 5 },
  distances: { properties: DistanceProperties, geometry: ['LineString', 'Point'], decimals: 5 },
};

function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = issue.path?.map((p) => String(p.key)).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

function hasDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

function positionProblem(p: unknown, decimals: number): string | null {
  if (!Array.isArray(p) || p.length !== 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n)))
    return 'a position must be [lon, lat]';
  const [x, y] = p as [number, number];
  if (x < -180 || x > 180 || y < -90 || y > 90) return `position ${x},${y} is out of lon/lat range`;
  if (!hasDecimals(x, decimals) || !hasDecimals(y, decimals))
    return `position ${x},${y} has more than ${decimals} decimals`;
  return null;
}

function lineProblem(line: unknown, decimals: number): string | null {
  if (!Array.isArray(line) || line.length < 2) return 'a line needs at least 2 positions';
  for (const p of line) {
    const problem = positionProblem(p, decimals);
    if (problem) return problem;
  }
  return null;
}

function polygonProblem(polygon: unknown, decimals: number, checkKinks: boolean): string | null {
  if (!Array.isArray(polygon) || polygon.length === 0) return 'a polygon needs an exterior ring';
  for (const [i, ring] of polygon.entries()) {
    const problem = lineProblem(ring, decimals);
    if (problem) return problem;
    const r = ring as [number, number][];
    const first = r[0];
    const last = r[r.length - 1];
    if (r.length < 4) return `ring ${i} has fewer than 4 positions`;
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) return `ring ${i} is not closed`;
    const ccw = ringSignedArea(r) > 0;
    if (i === 0 && !ccw) return 'exterior ring is clockwise (RFC 7946 wants counter-clockwise)';
    if (i > 0 && ccw) return `hole ${i} is counter-clockwise (RFC 7946 wants clockwise)`;
  }
  if (checkKinks && hasKinks(polygon as Polygon)) return 'ring intersects itself';
  return null;
}

/** Why a geometry is not RFC 7946 (and not what the dataset allows), or null. */
export function geometryProblem(
  geometry: unknown,
  allowed: readonly GeometryType[],
  decimals: number,
  checkKinks: boolean,
): string | null {
  if (typeof geometry !== 'object' || geometry === null || !('type' in geometry) || !('coordinates' in geometry))
    return 'missing geometry';
  const { type, coordinates } = geometry as { type: GeometryType; coordinates: unknown };
  if (!allowed.includes(type)) return `geometry ${String(type)} is not one of ${allowed.join(', ')}`;
  switch (type) {
    case 'Point':
      return positionProblem(coordinates, decimals);
    case 'LineString':
      return lineProblem(coordinates, decimals);
    case 'MultiLineString':
      if (!Array.isArray(coordinates) || coordinates.length === 0) return 'empty MultiLineString';
      for (const line of coordinates) {
        const problem = lineProblem(line, decimals);
        if (problem) return problem;
      }
      return null;
    case 'Polygon':
      return polygonProblem(coordinates, decimals, checkKinks);
    case 'MultiPolygon':
      if (!Array.isArray(coordinates) || coordinates.length === 0) return 'empty MultiPolygon';
      for (const polygon of coordinates) {
        const problem = polygonProblem(polygon, decimals, checkKinks);
        if (problem) return problem;
      }
      return null;
    default:
      return `unsupported geometry ${String(type)}`;
  }
}

/**
 * Checks one dataset: a FeatureCollection whose features pass the dataset's property schema (so each
 * has an id and a source) and carry valid RFC 7946 geometry. Pure; returns every problem found.
 */
export function validateDataset(id: DatasetId, data: unknown, file = `geo/kurils/out/${id}.geojson`): PipelineError[] {
  const spec = DATASETS[id];
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { type?: unknown }).type !== 'FeatureCollection' ||
    !Array.isArray((data as { features?: unknown }).features)
  ) {
    return [new PipelineError(file, 'whole file', 'not a GeoJSON FeatureCollection')];
  }
  const errors: PipelineError[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of (data as { features: unknown[] }).features.entries()) {
    const f = raw as Partial<Feature>;
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const name = typeof props.id === 'string' ? props.id : `feature #${i}`;
    if (f.type !== 'Feature') errors.push(new PipelineError(file, name, 'not a GeoJSON Feature'));
    if (typeof props.source !== 'string' || props.source.trim() === '')
      errors.push(new PipelineError(file, name, 'has no source'));
    const parsed = v.safeParse(spec.properties, props);
    if (!parsed.success) errors.push(new PipelineError(file, name, issueText(parsed.issues)));
    if (seen.has(name)) errors.push(new PipelineError(file, name, 'duplicate id'));
    seen.add(name);
    const problem = geometryProblem(f.geometry, spec.geometry, spec.decimals, id === 'land');
    if (problem) errors.push(new PipelineError(file, name, problem));
  }
  return errors;
}

/** Ids used by more than one feature across datasets (story references must be unambiguous). */
export function duplicateIds(datasets: ReadonlyMap<DatasetId, FeatureCollection>): PipelineError[] {
  const owner = new Map<string, DatasetId>();
  const errors: PipelineError[] = [];
  for (const [dataset, fc] of datasets) {
    for (const id of featureIds(fc)) {
      const first = owner.get(id);
      if (first && first !== dataset)
        errors.push(
          new PipelineError(
            `geo/kurils/out/${dataset}.geojson`,
            id,
            `id is also used in geo/kurils/out/${first}.geojson`,
          ),
        );
      else owner.set(id, dataset);
    }
  }
  return errors;
}

export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'out');

export function datasetFile(id: DatasetId, dir = OUT_DIR): string {
  return join(dir, `${id}.geojson`);
}

/** Reads and validates one dataset from geo/kurils/out (synchronous, Node). Throws naming every problem. */
export function loadDataset(id: DatasetId, dir = OUT_DIR): FeatureCollection {
  const file = datasetFile(id, dir);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PipelineErrors([new PipelineError(file, 'whole file', (error as Error).message)]);
  }
  const errors = validateDataset(id, data, file);
  if (errors.length > 0) throw new PipelineErrors(errors);
  return data as FeatureCollection;
}

export function featureIds(dataset: FeatureCollection): string[] {
  return dataset.features.map((f) => String((f.properties as { id?: unknown } | null)?.id));
}

const cache = new Map<string, { stamp: string; data: Map<DatasetId, FeatureCollection> }>();

/** All datasets of `dir`, validated; re-read only when a file changed since the last call. */
export function loadAllDatasets(dir = OUT_DIR): Map<DatasetId, FeatureCollection> {
  const stamp = DATASET_IDS.map((id) => {
    try {
      return statSync(datasetFile(id, dir)).mtimeMs;
    } catch {
      return 'missing';
    }
  }).join(',');
  const hit = cache.get(dir);
  if (hit && hit.stamp === stamp) return hit.data;
  const data = new Map(DATASET_IDS.map((id) => [id, loadDataset(id, dir)] as const));
  cache.set(dir, { stamp, data });
  return data;
}

/** Every feature id in geo/kurils/out and the dataset it lives in. */
export function allFeatureIds(dir = OUT_DIR): Map<string, DatasetId> {
  const ids = new Map<string, DatasetId>();
  for (const [dataset, fc] of loadAllDatasets(dir)) for (const id of featureIds(fc)) ids.set(id, dataset);
  return ids;
}

/** [west, south, east, north] of one feature, for framing a camera on it. */
export function featureBBox(id: string, dir = OUT_DIR): [number, number, number, number] {
  for (const fc of loadAllDatasets(dir).values()) {
    const feature = fc.features.find((f) => f.properties?.id === id);
    if (!feature) continue;
    const [w = 0, s = 0, e = 0, n = 0] = turfBBox(feature);
    return [w, s, e, n];
  }
  throw new Error(`no feature "${id}" in geo/kurils/out`);
}
