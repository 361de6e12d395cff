/**
 * world.geojson and borders.geojson: Natural Earth countries (world-atlas 110m) for the zoomed-out
 * frames. Arcs are simplified and rounded once, in the topology, so country fills and border lines
 * share every vertex. Two honest edits to Natural Earth's de facto view: Crimea becomes its own
 * feature (Russian-held, Ukrainian by UN resolution) with its land boundary marked disputed, and
 * rings cut at the antimeridian are split so planar renderers do not draw them across the world.
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
import { NE_CREDIT, WORLD_DECIMALS } from './config.ts';
import { PipelineError } from './errors.ts';
import {
  geometryOf,
  intersectPolygons,
  orientPolygon,
  type Polygon,
  pointInPolygon,
  type Position,
  polygonsOf,
  roundLine,
  roundRing,
} from './geom.ts';
import type { BordersProps, WorldProps } from './schema.ts';

export const WORLD_FILE = 'world-atlas/countries-110m.json';
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

export function loadWorldTopology(): Topology {
  const file = createRequire(import.meta.url).resolve(WORLD_FILE);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Topology;
  } catch (error) {
    throw new PipelineError(file, 'whole file', (error as Error).message);
  }
}

/** Delta-decoded, simplified, rounded arcs; the topology no longer needs its transform. */
function simplifyArcs(topology: Topology): Topology {
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
    const simple = turfSimplify({ type: 'LineString', coordinates: absolute } as GeoLineString, {
      tolerance: ARC_TOLERANCE_DEG,
      highQuality: true,
    }).coordinates as Position[];
    const first = absolute[0] ?? [0, 0];
    const last = absolute[absolute.length - 1] ?? [0, 0];
    const closed = first[0] === last[0] && first[1] === last[1];
    const rounded = roundLine(simple, WORLD_DECIMALS);
    // A small island's closed arc must stay a ring; an open arc keeps both ends so neighbours join.
    if (closed && rounded.length < 4) return roundLine(absolute, WORLD_DECIMALS);
    return rounded.length >= 2 ? rounded : roundLine([first, last], WORLD_DECIMALS);
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

function cleanPolygons(geometry: GeoPolygon | GeoMultiPolygon): Polygon[] {
  return polygonsOf(geometry)
    .flatMap(splitAntimeridian)
    .flatMap((polygon) => {
      const rings = polygon.map((r) => roundRing(r, WORLD_DECIMALS));
      const [outer, ...holes] = rings;
      return outer ? [orientPolygon([outer, ...holes.filter((r): r is Position[] => r !== null)])] : [];
    });
}

export interface World {
  readonly world: WorldFeature[];
  readonly borders: Feature<MultiLineString, BordersProps>[];
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

export function buildWorld(source: Topology): World {
  const { topology, crimea } = splitCrimea(simplifyArcs(source));
  const countries = topology.objects.countries as { type: 'GeometryCollection'; geometries: CountryGeometry[] };
  const world: WorldFeature[] = [];
  for (const g of countries.geometries) {
    const name = g.properties?.name;
    if (!name) throw new PipelineError(WORLD_FILE, `geometry ${String(g.id)}`, 'has no name');
    if (name === 'Antarctica') continue; // no story frame needs it, and its ring wraps the pole
    const polygons = cleanPolygons(
      (topoFeature(topology, g as GeometryObject) as Feature<GeoPolygon | GeoMultiPolygon>).geometry,
    );
    if (polygons.length === 0) continue;
    const names = STORY_NAMES[name];
    const isCrimea = g === crimea;
    world.push({
      type: 'Feature',
      properties: isCrimea
        ? {
            id: 'region-crimea',
            name_en: 'Crimea',
            name_ja: 'クリミア',
            name_ru: 'Крым',
            admin: 'RU',
            claimed_by: 'UA',
            note: "Annexed by Russia in 2014; UN General Assembly resolution 68/262 (27 Mar 2014) affirms Ukraine's territorial integrity. Natural Earth 4.1 draws it as Russia (de facto); this build splits it out.",
            source: `${NE_CREDIT}; UN General Assembly resolution 68/262`,
          }
        : {
            id: `country-${SHORT_IDS[name] ?? kebab(name)}`,
            name_en: name,
            ...(names ? { name_ja: names.ja, name_ru: names.ru } : {}),
            ...(g.id !== undefined ? { iso_n3: String(g.id) } : {}),
            source: NE_CREDIT,
          },
      geometry: geometryOf(polygons),
    });
  }
  const isCrimea = (o: GeometryObject): boolean => o === (crimea as GeometryObject);
  const collection = countries as unknown as GeometryObject;
  const international = mesh(topology, collection, (a, b) => a !== b && !isCrimea(a) && !isCrimea(b));
  const disputed = mesh(topology, collection, (a, b) => a !== b && (isCrimea(a) || isCrimea(b)));
  const lines = (m: MultiLineString): MultiLineString => ({
    type: 'MultiLineString',
    coordinates: splitLines(m.coordinates as Position[][]),
  });
  return {
    world,
    borders: [
      {
        type: 'Feature',
        properties: {
          id: 'borders-international',
          kind: 'international',
          note: 'Land boundaries between countries as Natural Earth draws them (de facto). No sea boundaries: none is drawn between Russia and Japan.',
          source: NE_CREDIT,
        },
        geometry: lines(international),
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
