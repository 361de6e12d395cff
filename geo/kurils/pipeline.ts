/**
 * The whole build as one pure function: source polygons and the world topology in, every output file's
 * text out, validated. No files or network here, so tests can feed it bad input.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { MAX_TOTAL_GZIP_BYTES, REGION_BBOX, SIMPLIFY_AREA_LIMIT, WORLD_DETAIL_BBOX } from './config.ts';
import { PipelineError, throwIfAny } from './errors.ts';
import { coast } from './coast.ts';
import { border1855, border1875, occupation1945, offer1956, renounced1951 } from './history.ts';
import { type AreaRecord, buildLand } from './islands.ts';
import { labels } from './labels.ts';
import { missiles2016, NEMURO_STRAIT_BBOX } from './missiles.ts';
import { distances, places } from './places.ts';
import { compareWithReference, REFERENCE_SOURCE } from './reference.ts';
import { DATASET_IDS, type DatasetId, duplicateIds, validateDataset } from './schema.ts';
import { sea, SEA_BANDS_KM } from './sea.ts';
import type { SourcePolygon } from './source.ts';
import { buildWorld, type WorldSources } from './world.ts';
import { gzipSize, serializeCollection, serializeJson } from '../tools/write.ts';

export interface BuildResult {
  readonly datasets: Map<DatasetId, FeatureCollection>;
  readonly facts: Record<string, unknown>;
  /** File name → exact text, including facts.json. */
  readonly files: Map<string, string>;
}

function collection(features: readonly Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features: [...features] };
}

/** Simplification must keep each feature's area within the limit; the record says by how much. */
export function simplificationProblems(areas: readonly AreaRecord[]): PipelineError[] {
  return areas
    .filter((a) => Math.abs(a.simplify_change_pct) > SIMPLIFY_AREA_LIMIT * 100)
    .map(
      (a) =>
        new PipelineError(
          'geo/kurils/out/land.geojson',
          a.id,
          `simplification changed the area by ${a.simplify_change_pct}% (limit ${SIMPLIFY_AREA_LIMIT * 100}%)`,
        ),
    );
}

/** geo/kurils/out must stay within the download budget (gzip, every file; the story loads all but facts.json). */
export function budgetProblems(files: ReadonlyMap<string, string>): PipelineError[] {
  let total = 0;
  for (const text of files.values()) total += gzipSize(text);
  return total > MAX_TOTAL_GZIP_BYTES
    ? [
        new PipelineError(
          'geo/kurils/out',
          'all files',
          `${total} B gzip is over the budget of ${MAX_TOTAL_GZIP_BYTES} B (150 KB): simplify something`,
        ),
      ]
    : [];
}

/** Every dataset valid, ids unique across all of them, and exactly the registry's datasets built. */
export function validateOutputs(datasets: ReadonlyMap<DatasetId, FeatureCollection>): PipelineError[] {
  const errors: PipelineError[] = [];
  for (const id of DATASET_IDS) {
    const data = datasets.get(id);
    if (!data)
      errors.push(
        new PipelineError(
          `geo/kurils/out/${id}.geojson`,
          'whole file',
          'the layer registry lists this dataset but the build made none',
        ),
      );
    else errors.push(...validateDataset(id, data));
  }
  for (const id of datasets.keys()) {
    if (!DATASET_IDS.includes(id))
      errors.push(
        new PipelineError(
          `geo/kurils/out/${id}.geojson`,
          'whole file',
          'not in the layer registry (src/shared/story/layers.ts)',
        ),
      );
  }
  return [...errors, ...duplicateIds(datasets)];
}

const round = (n: number, d: number): number => Math.round(n * 10 ** d) / 10 ** d;

export interface ApproximateThing {
  readonly id: string;
  readonly dataset: DatasetId;
  readonly name: string;
  readonly reason: string;
  readonly source: string;
}

/**
 * Every feature drawn as approximate, with why and from what: the list "About this map" prints, so it
 * follows the data. The build stops if an approximate feature does not say why.
 */
export function approximateThings(datasets: ReadonlyMap<DatasetId, FeatureCollection>): ApproximateThing[] {
  const things: ApproximateThing[] = [];
  const problems: PipelineError[] = [];
  for (const [dataset, collection] of datasets) {
    for (const f of collection.features) {
      const p = f.properties ?? {};
      if (p['approximate'] !== true) continue;
      const id = String(p['id']);
      const reason = p['approximate_reason'] ?? p['note'];
      const name =
        p['name'] ?? p['label'] ?? p['name_en'] ?? (p['kind'] === 'range' ? `${String(p['system'])} range` : undefined);
      if (typeof reason !== 'string' || typeof name !== 'string') {
        problems.push(
          new PipelineError(`geo/kurils/out/${dataset}.geojson`, id, 'approximate, but says neither why nor what'),
        );
        continue;
      }
      things.push({ id, dataset, name, reason, source: String(p['source']) });
    }
  }
  throwIfAny(problems);
  return things;
}

export function buildAll(source: readonly SourcePolygon[], worldSources: WorldSources): BuildResult {
  const land = buildLand(source, REGION_BBOX);
  throwIfAny(simplificationProblems(land.areas));
  const { world, borders, regionCut } = buildWorld(worldSources);
  const b1875 = border1875(land.features);
  const occupation = occupation1945(land.features);
  const offer = offer1956(land.features);
  const missiles = missiles2016(land.features, REGION_BBOX);
  const dist = distances(land.features);

  const datasets = new Map<DatasetId, FeatureCollection>([
    ['world', collection(world)],
    ['borders', collection(borders)],
    ['land', collection(land.features)],
    ['coast', collection(coast(land.features, REGION_BBOX))],
    ['sea', collection(sea(land.features, REGION_BBOX))],
    ['labels', collection(labels(land.features, world))],
    ['places', collection(places())],
    ['border-1855', collection([border1855(land.features)])],
    ['border-1875', collection([b1875.feature])],
    ['occupation-1945', collection(occupation.features)],
    ['renounced-1951', collection(renounced1951(land.features))],
    ['offer-1956', collection(offer.features)],
    ['missiles-2016', collection(missiles.features)],
    ['distances', collection(dist.features)],
  ]);
  throwIfAny(validateOutputs(datasets));

  const areaById = new Map(land.features.map((f) => [f.properties.id, f.properties.area_km2] as const));
  const comparison = compareWithReference(areaById);
  throwIfAny(
    comparison
      .filter((c) => !c.ok)
      .map(
        (c) =>
          new PipelineError(
            'geo/kurils/out/land.geojson',
            c.features.join('+'),
            `${c.computed_km2} km² is ${c.diff_pct}% off the reference ${c.reference_km2} km²`,
          ),
      ),
  );

  const facts = {
    about:
      'Every figure computed by `npm run geo` (geo/kurils/build.ts) from geo/kurils/out; see geo/kurils/README.md.',
    units: {
      km2: 'square kilometres, geodesic (@turf/area)',
      km: 'kilometres, geodesic (@turf/distance, @turf/length, @turf/nearest-point-on-line)',
      pct: 'percent',
      share: 'fraction 0–1',
      deg: 'degrees of longitude/latitude',
    },
    region_bbox_deg: REGION_BBOX,
    world_detail_bbox_deg: WORLD_DETAIL_BBOX,
    world_region_cut: {
      about:
        'world.geojson leaves out region_bbox_deg, where land.geojson draws all the land: km² each feature lost to it, and countries left out because all of them lay inside it',
      lost_km2: regionCut.cut,
      dropped_countries: regionCut.dropped,
    },
    islands: Object.fromEntries(land.areas.map((a) => [a.id, a])),
    dropped_polygons_under_min_area: land.droppedPolygons,
    reference_comparison: { source: REFERENCE_SOURCE, rows: comparison },
    offer_1956: {
      offered_km2: round(offer.offeredKm2, 1),
      disputed_km2: round(offer.disputedKm2, 1),
      share_of_disputed_area: round(offer.share, 4),
      share_pct: round(offer.share * 100, 1),
    },
    missiles_2016: {
      basis: 'range from anywhere on the island (buffer of the island polygon)',
      hokkaido_km2: round(missiles.figures.hokkaidoKm2, 1),
      nemuro_strait_km2: round(missiles.figures.nemuroStraitKm2, 1),
      nemuro_strait_definition: `sea inside bbox ${NEMURO_STRAIT_BBOX.join(', ')} (W, S, E, N) not covered by land`,
      nemuro_strait_bbox_deg: NEMURO_STRAIT_BBOX,
      reach: Object.fromEntries(
        missiles.figures.reach.map((r) => [
          r.system.toLowerCase(),
          {
            range_km: r.rangeKm,
            hokkaido_km2_in_range: round(r.hokkaidoKm2, 1),
            hokkaido_share: round(r.hokkaidoShare, 4),
            hokkaido_share_pct: round(r.hokkaidoShare * 100, 1),
            nemuro_strait_share: round(r.nemuroStraitShare, 4),
            nemuro_strait_share_pct: round(r.nemuroStraitShare * 100, 1),
          },
        ]),
      ),
    },
    distances: {
      ...Object.fromEntries(
        dist.features.flatMap((f) =>
          f.properties.kind === 'line'
            ? [
                [
                  f.properties.id,
                  {
                    km: f.properties.km,
                    official_km: f.properties.official_km,
                    from: f.properties.from,
                    to: f.properties.to,
                  },
                ],
              ]
            : [],
        ),
      ),
      nosappu_cape_deg: dist.nosappu,
      nosappu_nearest_habomai_feature: dist.nosappuTo,
    },
    occupation_1945: {
      about:
        "Two schematic arms; reveal_keys are [share of the story's reveal, share of the arm drawn], one per stop, from each stop's date",
      arms: Object.fromEntries(
        (['north', 'south'] as const).map((arm) => [
          arm,
          {
            length_km: round(occupation.arms[arm].lengthKm, 1),
            over_land_km: occupation.arms[arm].overLandKm,
            reveal_keys: occupation.arms[arm].revealKeys,
          },
        ]),
      ),
      distance_km_along_arm: Object.fromEntries(
        occupation.features.flatMap((f) =>
          f.properties.kind === 'event' ? [[f.properties.id, f.properties.distance_km]] : [],
        ),
      ),
    },
    approximate: approximateThings(datasets),
    border_1875: { strait_width_km: b1875.straitWidthKm, computed_mid_to_facts_mid_km: b1875.midOffsetKm },
    sea_bands_km: SEA_BANDS_KM,
  };

  const files = new Map<string, string>();
  for (const id of DATASET_IDS) {
    const data = datasets.get(id);
    if (data) files.set(`${id}.geojson`, serializeCollection(data));
  }
  files.set('facts.json', serializeJson(facts));
  throwIfAny(budgetProblems(files));
  return { datasets, facts, files };
}
