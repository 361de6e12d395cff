/**
 * The OSM coastline source: fetched on demand with `npm pack` (it is a build input, not a dependency),
 * checked against a pinned checksum, and read one feature per line so the 107 MB file is never held
 * whole in memory.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as v from 'valibot';
import { type BBox, SOURCE_FILE, SOURCE_PACKAGE, SOURCE_SHASUM, SOURCE_VERSION } from './config.ts';
import { PipelineError } from './errors.ts';
import { ringBBox, type Polygon as PolygonCoords } from './geom.ts';

export interface SourcePolygon {
  /** ISO 3166-1 alpha-3 of the country the OSM polygon was cut to. */
  readonly a3: string;
  /** Feature index in the source file (its line's feature), for error messages and stable order. */
  readonly feature: number;
  readonly rings: PolygonCoords;
}

const Position = v.tuple([v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite())]);
const Ring = v.pipe(v.array(Position), v.minLength(4, 'a ring needs at least 4 positions'));
const SourceFeature = v.object({
  type: v.literal('Feature'),
  properties: v.object({ A3: v.pipe(v.string(), v.regex(/^[A-Z0-9-]{3}$/, 'A3 must be a 3-letter code')) }),
  geometry: v.variant('type', [
    v.object({ type: v.literal('Polygon'), coordinates: v.pipe(v.array(Ring), v.minLength(1)) }),
    v.object({
      type: v.literal('MultiPolygon'),
      coordinates: v.pipe(v.array(v.pipe(v.array(Ring), v.minLength(1))), v.minLength(1)),
    }),
  ]),
});

function describeIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
}

function isClosed(ring: readonly (readonly number[])[]): boolean {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

/**
 * Parses one line of the source FeatureCollection. Returns null for the collection's header and footer
 * lines; throws a PipelineError naming file, line and reason for anything else that is not a valid
 * land feature.
 */
export function parseSourceLine(
  line: string,
  lineNo: number,
  file: string,
): v.InferOutput<typeof SourceFeature> | null {
  const text = line.trim().replace(/,$/, '');
  if (text === '' || text === ']}' || text === ']' || text.startsWith('{"type":"FeatureCollection"')) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PipelineError(file, `line ${lineNo}`, `not JSON (${(error as Error).message})`);
  }
  const parsed = v.safeParse(SourceFeature, raw);
  if (!parsed.success) throw new PipelineError(file, `line ${lineNo}`, describeIssue(parsed.issues));
  const polygons =
    parsed.output.geometry.type === 'Polygon'
      ? [parsed.output.geometry.coordinates]
      : parsed.output.geometry.coordinates;
  for (const [p, polygon] of polygons.entries()) {
    for (const [r, ring] of polygon.entries()) {
      if (!isClosed(ring))
        throw new PipelineError(
          file,
          `line ${lineNo} (${parsed.output.properties.A3})`,
          `polygon ${p} ring ${r} is not closed`,
        );
      for (const [x, y] of ring) {
        if (x < -180 || x > 180 || y < -90 || y > 90) {
          throw new PipelineError(
            file,
            `line ${lineNo} (${parsed.output.properties.A3})`,
            `position ${x},${y} is out of lon/lat range`,
          );
        }
      }
    }
  }
  return parsed.output;
}

/** The polygons of one parsed feature whose outer ring's bbox meets `bbox` (clipping comes later). */
export function polygonsInBBox(
  feature: v.InferOutput<typeof SourceFeature>,
  index: number,
  bbox: BBox,
): SourcePolygon[] {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const out: SourcePolygon[] = [];
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (!outer) continue;
    const [w, s, e, n] = ringBBox(outer);
    if (e < bbox[0] || w > bbox[2] || n < bbox[1] || s > bbox[3]) continue;
    out.push({
      a3: feature.properties.A3,
      feature: index,
      rings: polygon.map((ring) => ring.map(([x, y]) => [x, y] as [number, number])),
    });
  }
  return out;
}

/** Streams the source file, keeping only polygons that reach into `bbox`. */
export async function readSourceRegion(file: string, bbox: BBox): Promise<SourcePolygon[]> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const out: SourcePolygon[] = [];
  let lineNo = 0;
  let index = 0;
  for await (const line of lines) {
    lineNo += 1;
    const feature = parseSourceLine(line, lineNo, file);
    if (!feature) continue;
    out.push(...polygonsInBBox(feature, index, bbox));
    index += 1;
  }
  if (index === 0) throw new PipelineError(file, 'whole file', 'no features found');
  return out;
}

/** `npm pack`s the pinned source into `cacheDir` once and returns the path of its GeoJSON. */
export function ensureSource(cacheDir: string): string {
  const dir = join(cacheDir, `countries-coastline-1m-${SOURCE_VERSION}`);
  const file = join(dir, 'package', SOURCE_FILE);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const spec = `${SOURCE_PACKAGE}@${SOURCE_VERSION}`;
  process.stderr.write(`geo: fetching ${spec} (34 MB) into ${dir}\n`);
  const packed = execFileSync('npm', ['pack', spec, '--pack-destination', dir, '--silent'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  if (!packed) throw new PipelineError(dir, spec, 'npm pack printed no file name');
  const tarball = join(dir, packed);
  const shasum = createHash('sha1').update(readFileSync(tarball)).digest('hex');
  if (shasum !== SOURCE_SHASUM)
    throw new PipelineError(tarball, spec, `shasum ${shasum} is not the pinned ${SOURCE_SHASUM}`);
  execFileSync('tar', ['-xzf', tarball, '-C', dir, `package/${SOURCE_FILE}`]);
  if (!existsSync(file)) throw new PipelineError(tarball, spec, `${SOURCE_FILE} missing from the tarball`);
  return file;
}
