/**
 * world.geojson and borders.geojson: Natural Earth countries for the zoomed-out frames. 110m for the
 * world, and inside the East Asia box (`WORLD_DETAIL_BBOX`), where the story zooms to Japan, Korea
 * and China, 10m simplified to about a pixel at zoom 6: each country is its 110m geometry outside
 * the box joined to its 10m geometry inside it, both cut along the same box edges, so the fills meet
 * with no gap or overlap. The OSM region (`REGION_BBOX`) is then cut out of every country along the
 * same edges `land` is clipped along: in there `land` draws all the land at island scale, and the two
 * fills meet at the region's edges. Arcs are simplified and rounded once per topology, so country fills
 * and border lines share every vertex (no land boundary crosses the region). Two honest edits to
 * Natural Earth's de facto view: Crimea becomes its own feature (Russian-held, Ukrainian by UN
 * resolution) with its land boundary marked disputed, and rings cut at the antimeridian are split so
 * planar renderers do not draw them across the world.
 * Russia and Japan share no land boundary, so no line is drawn through the disputed waters.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { simplify as turfSimplify } from '@turf/simplify';
import type {
  Feature,
  LineString as GeoLineString,
  MultiLineString,
  MultiPolygon as GeoMultiPolygon,
  Polygon as GeoPolygon,
} from 'geojson';
import { feature as topoFeature, mesh } from 'topojson-client';
import type {
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import {
  NE_CREDIT,
  NE_DETAIL_CREDIT,
  REGION_BBOX,
  WORLD_DECIMALS,
  WORLD_DETAIL_BBOX,
  WORLD_DETAIL_MIN_KM2,
  WORLD_DETAIL_TOLERANCE_DEG,
} from './config.ts';
import { PipelineError } from './errors.ts';
import {
  areaKm2,
  bboxesMeet,
  bboxPolygon,
  differencePolygons,
  geometryOf,
  intersectPolygons,
  orientPolygon,
  type Polygon,
  pointInPolygon,
  polygonBBox,
  type Position,
  polygonsOf,
  ringSignedArea,
  roundLine,
  roundPosition,
  roundRing,
  splitLinesAtBBox,
  unionPolygons,
} from './geom.ts';
import type { BordersProps, WorldProps } from './schema.ts';

export const WORLD_FILE = 'world-atlas/countries-110m.json';
export const DETAIL_FILE = 'world-atlas/countries-10m.json';
/** Extra Douglas–Peucker on the 110m arcs; 110m is already coarse, so this only trims noise. */
const ARC_TOLERANCE_DEG = 0.1;

export type WorldFeature = Feature<GeoPolygon | GeoMultiPolygon, WorldProps>;

/** Names the story uses, in the three scripts (Wikipedia en/ja/ru article titles). */
const STORY_NAMES: Record<string, { ja: string; ru: string }> = {
  Japan: { ja: '日本', ru: 'Япония' },
  Russia: { ja: 'ロシア', ru: 'Россия' },
  China: { ja: '中国', ru: 'Китай' },
  Ukraine: { ja: 'ウクライナ', ru: 'Украина' },
  'United States of America': { ja: 'アメリカ合衆国', ru: 'США' },
};

const SHORT_IDS: Record<string, string> = { 'United States of America': 'united-states' };

/** A point inside Crimea, to find its polygon in Natural Earth's Russia. */
const CRIMEA_POINT: Position = [34.1, 45.0];

export function kebab(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

type CountryProps = { name: string };
type CountryGeometry = (TopoPolygon<CountryProps> | TopoMultiPolygon<CountryProps>) & { id?: string | number };

/** The two Natural Earth scales: `small` (110m) for the world, `detail` (10m) for the East Asia box. */
export interface WorldSources {
  readonly small: Topology;
  readonly detail: Topology;
}

function readTopology(name: string): Topology {
  const file = createRequire(import.meta.url).resolve(name);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Topology;
  } catch (error) {
    throw new PipelineError(file, 'whole file', (error as Error).message);
  }
}

export function loadWorldTopologies(): WorldSources {
  return { small: readTopology(WORLD_FILE), detail: readTopology(DETAIL_FILE) };
}

/**
 * Delta-decoded, simplified, rounded arcs; the topology no longer needs its transform. A closed arc (an
 * island) that the tolerance would collapse below a ring is retried at half the tolerance, down to a
 * sixteenth, then kept as it is.
 */
function simplifyArcs(topology: Topology, tolerance: number): Topology {
  const t = topology.transform;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const absolute: Position[] = arc.map(([dx = 0, dy = 0]) => {
      if (!t) return [dx, dy];
      x += dx;
      y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
    const first = absolute[0] ?? [0, 0];
    const last = absolute[absolute.length - 1] ?? [0, 0];
    const closed = first[0] === last[0] && first[1] === last[1];
    for (let t = tolerance; t >= tolerance / 16; t /= 2) {
      const simple = turfSimplify({ type: 'LineString', coordinates: absolute } as GeoLineString, {
        tolerance: t,
        highQuality: true,
      }).coordinates as Position[];
      const rounded = roundLine(simple, WORLD_DECIMALS);
      // A small island's closed arc must stay a ring; an open arc keeps both ends so neighbours join.
      // A tiny open arc may round to one point: keep it as two (equal) ends for topojson's stitching.
      if (!closed)
        return rounded.length >= 2
          ? rounded
          : [roundPosition(first, WORLD_DECIMALS), roundPosition(last, WORLD_DECIMALS)];
      if (rounded.length >= 4) return rounded;
    }
    // An islet that rounding collapses keeps two points (topojson needs them); its ring is dropped later.
    const kept = roundLine(absolute, WORLD_DECIMALS);
    return kept.length >= 2 ? kept : [roundPosition(first, WORLD_DECIMALS), roundPosition(last, WORLD_DECIMALS)];
  });
  // Absolute coordinates now: the quantisation transform no longer applies.
  return { type: 'Topology', objects: topology.objects, arcs, ...(topology.bbox ? { bbox: topology.bbox } : {}) };
}

/** Splits Russia's Crimea polygon into its own geometry object. */
function splitCrimea(topology: Topology): { topology: Topology; crimea: CountryGeometry } {
  const countries = topology.objects.countries as { type: 'GeometryCollection'; geometries: CountryGeometry[] };
  const russia = countries.geometries.find((g) => g.properties?.name === 'Russia');
  if (!russia || russia.type !== 'MultiPolygon')
    throw new PipelineError(WORLD_FILE, 'Russia', 'expected a MultiPolygon');
  const index = russia.arcs.findIndex((arcs) => {
    const f = topoFeature(topology, { type: 'Polygon', arcs } as TopoPolygon);
    return pointInPolygon(CRIMEA_POINT, f.geometry.coordinates as Polygon);
  });
  const crimeaArcs = russia.arcs[index];
  if (index < 0 || !crimeaArcs)
    throw new PipelineError(WORLD_FILE, 'Russia', 'no polygon contains Crimea; Natural Earth changed?');
  const crimea: CountryGeometry = { type: 'Polygon', arcs: crimeaArcs, properties: { name: 'Crimea' } };
  const rest: CountryGeometry = { ...russia, arcs: russia.arcs.filter((_, i) => i !== index) };
  const geometries = countries.geometries.map((g) => (g === russia ? rest : g));
  return {
    topology: {
      ...topology,
      objects: { ...topology.objects, countries: { type: 'GeometryCollection', geometries: [...geometries, crimea] } },
    },
    crimea,
  };
}

/** Undoes the ±180° jumps of a ring so it is continuous (longitudes may leave [-180, 180]). */
function unwrap(ring: Position[]): Position[] {
  const out: Position[] = [];
  let shift = 0;
  for (const [i, [x, y]] of ring.entries()) {
    const prev = ring[i - 1];
    if (prev) {
      if (x - prev[0] > 180) shift -= 360;
      else if (x - prev[0] < -180) shift += 360;
    }
    out.push([x + shift, y]);
  }
  return out;
}

/** Cuts a polygon that crosses the antimeridian into pieces within [-180, 180]. */
export function splitAntimeridian(polygon: Polygon): Polygon[] {
  const crosses = polygon.some((ring) =>
    ring.some((p, i) => i > 0 && Math.abs(p[0] - (ring[i - 1]?.[0] ?? p[0])) > 180),
  );
  if (!crosses) return [polygon];
  const unwrapped = polygon.map(unwrap);
  const xs = unwrapped.flatMap((r) => r.map((p) => p[0]));
  const out: Polygon[] = [];
  for (let k = Math.floor((Math.min(...xs) + 180) / 360); k * 360 - 180 < Math.max(...xs); k++) {
    const window: Polygon = [
      [
        [k * 360 - 180, -90],
        [k * 360 + 180, -90],
        [k * 360 + 180, 90],
        [k * 360 - 180, 90],
        [k * 360 - 180, -90],
      ],
    ];
    for (const piece of intersectPolygons(
      { type: 'Polygon', coordinates: unwrapped },
      { type: 'Polygon', coordinates: window },
    )) {
      out.push(piece.map((ring) => ring.map(([x, y]) => [x - k * 360, y] as Position)));
    }
  }
  return out;
}

function roundPolygon(polygon: Polygon): Polygon[] {
  const rings = polygon.map((r) => roundRing(r, WORLD_DECIMALS));
  const [outer, ...holes] = rings;
  return outer ? [orientPolygon([outer, ...holes.filter((r): r is Position[] => r !== null)])] : [];
}

function cleanPolygons(geometry: GeoPolygon | GeoMultiPolygon): Polygon[] {
  return polygonsOf(geometry).flatMap(splitAntimeridian).flatMap(roundPolygon);
}

const DETAIL_BOX: GeoPolygon = { type: 'Polygon', coordinates: bboxPolygon(WORLD_DETAIL_BBOX) };
const meetsBox = (p: Polygon): boolean => bboxesMeet(polygonBBox(p), WORLD_DETAIL_BBOX);

/**
 * Each country's 10m polygons cut to the East Asia box, by Natural Earth name. Islands smaller than
 * `WORLD_DETAIL_MIN_KM2` are left out (under a pixel or two at the zooms `world` is drawn at); a
 * polygon the box edge cuts is never dropped, so nothing opens a gap along the edge.
 */
function detailInBox(source: Topology): Map<string, Polygon[]> {
  const topology = simplifyArcs(source, WORLD_DETAIL_TOLERANCE_DEG);
  const countries = topology.objects.countries as { type: 'GeometryCollection'; geometries: CountryGeometry[] };
  const out = new Map<string, Polygon[]>();
  for (const g of countries.geometries) {
    const name = g.properties?.name;
    if (!name) throw new PipelineError(DETAIL_FILE, `geometry ${String(g.id)}`, 'has no name');
    const polygons = cleanPolygons(
      (topoFeature(topology, g as GeometryObject) as Feature<GeoPolygon | GeoMultiPolygon>).geometry,
    ).filter((p) => meetsBox(p) && areaKm2(p) >= WORLD_DETAIL_MIN_KM2);
    if (polygons.length === 0) continue;
    const inside = intersectPolygons(geometryOf(polygons), DETAIL_BOX).flatMap(roundPolygon);
    if (inside.length > 0) out.set(name, inside);
  }
  return out;
}

/**
 * A country's 110m polygons outside the box joined to its 10m polygons inside it. Polygons away from
 * the box are kept as they are; the rest are cut by the box, and the pieces on either side of an edge
 * merged, so the country stays one polygon across the seam.
 */
function composite(small: readonly Polygon[], detail: readonly Polygon[]): Polygon[] {
  const away = small.filter((p) => !meetsBox(p));
  const near = small.filter(meetsBox);
  if (near.length === 0 && detail.length === 0) return [...small];
  const outside = near.flatMap((p) => differencePolygons({ type: 'Polygon', coordinates: p }, DETAIL_BOX));
  return [...away, ...unionPolygons([...outside.flatMap(roundPolygon), ...detail]).flatMap(roundPolygon)];
}

const REGION_BOX: GeoPolygon = { type: 'Polygon', coordinates: bboxPolygon(REGION_BBOX) };

/**
 * A country's polygons less the OSM region (`REGION_BBOX`, the box `land` is clipped to): `land` draws
 * every coast in there at island scale, so Natural Earth's coarser coast must not poke out beyond it.
 * Cut along the box's own straight edges (integer degrees, so rounding keeps the cut vertices on them),
 * the same edges `land` is clipped along, so the two fills meet with no gap or overlap.
 */
function outsideRegion(polygons: readonly Polygon[]): Polygon[] {
  return polygons.flatMap((p) =>
    bboxesMeet(polygonBBox(p), REGION_BBOX)
      ? differencePolygons({ type: 'Polygon', coordinates: p }, REGION_BOX)
          .flatMap(roundPolygon)
          // A sliver rounding flattened onto a box edge has no area left to draw.
          .filter((q) => ringSignedArea(q[0] ?? []) !== 0)
      : [p],
  );
}

/** What cutting the OSM region out of `world` did (facts.json `world_region_cut`). */
export interface RegionCut {
  /** Ids of the features the region box cut, with the km² each lost to it. */
  readonly cut: Record<string, number>;
  /** Natural Earth names of countries entirely inside the region, left out of `world` (none expected). */
  readonly dropped: string[];
}

export interface World {
  readonly world: WorldFeature[];
  readonly borders: Feature<MultiLineString, BordersProps>[];
  readonly regionCut: RegionCut;
}

function splitLines(lines: Position[][]): Position[][] {
  // A mesh line that jumps across the antimeridian becomes two lines.
  return lines.flatMap((line) => {
    const parts: Position[][] = [[]];
    for (const [i, p] of line.entries()) {
      const prev = line[i - 1];
      if (prev && Math.abs(p[0] - prev[0]) > 180) parts.push([]);
      parts[parts.length - 1]?.push(p);
    }
    return parts.filter((part) => part.length >= 2);
  });
}

export function buildWorld(sources: WorldSources): World {
  const { topology, crimea } = splitCrimea(simplifyArcs(sources.small, ARC_TOLERANCE_DEG));
  const countries = topology.objects.countries as { type: 'GeometryCollection'; geometries: CountryGeometry[] };
  const detail = detailInBox(sources.detail);
  const smallNames = new Set(countries.geometries.map((g) => g.properties?.name));
  for (const name of detail.keys()) {
    if (!smallNames.has(name))
      throw new PipelineError(DETAIL_FILE, name, 'has land in the East Asia box but no 110m country of that name');
  }
  const world: WorldFeature[] = [];
  const regionCut: { cut: Record<string, number>; dropped: string[] } = { cut: {}, dropped: [] };
  for (const g of countries.geometries) {
    const name = g.properties?.name;
    if (!name) throw new PipelineError(WORLD_FILE, `geometry ${String(g.id)}`, 'has no name');
    if (name === 'Antarctica') continue; // no story frame needs it, and its ring wraps the pole
    const isCrimea = g === crimea;
    const small = cleanPolygons(
      (topoFeature(topology, g as GeometryObject) as Feature<GeoPolygon | GeoMultiPolygon>).geometry,
    );
    const whole = composite(small, isCrimea ? [] : (detail.get(name) ?? []));
    const polygons = outsideRegion(whole);
    if (polygons.length === 0) {
      // Every bit of it is land's to draw: it would be a feature with no geometry.
      if (whole.length > 0) regionCut.dropped.push(name);
      continue;
    }
    const names = STORY_NAMES[name];
    const detailed = !isCrimea && detail.has(name);
    const id = isCrimea ? 'region-crimea' : `country-${SHORT_IDS[name] ?? kebab(name)}`;
    if (whole.some((p) => bboxesMeet(polygonBBox(p), REGION_BBOX))) {
      const lostKm2 = Math.round((areaKm2(geometryOf(whole)) - areaKm2(geometryOf(polygons))) * 10) / 10;
      if (lostKm2 > 0) regionCut.cut[id] = lostKm2;
    }
    world.push({
      type: 'Feature',
      properties: isCrimea
        ? {
            id,
            name_en: 'Crimea',
            name_ja: 'クリミア',
            name_ru: 'Крым',
            admin: 'RU',
            claimed_by: 'UA',
            note: "Annexed by Russia in 2014; UN General Assembly resolution 68/262 (27 Mar 2014) affirms Ukraine's territorial integrity. Natural Earth 4.1 draws it as Russia (de facto); this build splits it out.",
            source: `${NE_CREDIT}; UN General Assembly resolution 68/262`,
          }
        : {
            id,
            name_en: name,
            ...(names ? { name_ja: names.ja, name_ru: names.ru } : {}),
            ...(g.id !== undefined ? { iso_n3: String(g.id) } : {}),
            source: detailed ? NE_DETAIL_CREDIT : NE_CREDIT,
          },
      geometry: geometryOf(polygons),
    });
  }
  const isCrimea = (o: GeometryObject): boolean => o === (crimea as GeometryObject);
  const collection = countries as unknown as GeometryObject;
  const detailTopology = simplifyArcs(sources.detail, WORLD_DETAIL_TOLERANCE_DEG);
  const detailCollection = detailTopology.objects.countries as GeometryObject;
  // 110m lines outside the box, 10m lines inside it: the lines the fills on each side are cut from.
  const lines = (small: MultiLineString, inBox?: MultiLineString): MultiLineString => ({
    type: 'MultiLineString',
    coordinates: [
      ...splitLinesAtBBox(splitLines(small.coordinates as Position[][]), WORLD_DETAIL_BBOX).outside,
      ...(inBox ? splitLinesAtBBox(splitLines(inBox.coordinates as Position[][]), WORLD_DETAIL_BBOX).inside : []),
    ]
      .map((line) => roundLine(line, WORLD_DECIMALS))
      .filter((line) => line.length >= 2),
  });
  const international = mesh(topology, collection, (a, b) => a !== b && !isCrimea(a) && !isCrimea(b));
  const disputed = mesh(topology, collection, (a, b) => a !== b && (isCrimea(a) || isCrimea(b)));
  const detailBorders = mesh(detailTopology, detailCollection, (a, b) => a !== b);
  return {
    world,
    regionCut,
    borders: [
      {
        type: 'Feature',
        properties: {
          id: 'borders-international',
          kind: 'international',
          note: 'Land boundaries between countries as Natural Earth draws them (de facto). No sea boundaries: none is drawn between Russia and Japan.',
          source: NE_DETAIL_CREDIT,
        },
        geometry: lines(international, detailBorders),
      },
      {
        type: 'Feature',
        properties: {
          id: 'borders-crimea',
          kind: 'disputed',
          note: "Crimea's land boundary with the rest of Ukraine: Russian-held since 2014, not a recognised international border (UN GA resolution 68/262).",
          source: `${NE_CREDIT}; UN General Assembly resolution 68/262`,
        },
        geometry: lines(disputed),
      },
    ],
  };
}
