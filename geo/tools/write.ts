/**
 * Byte-stable serialisation: fixed key order (id first, then alphabetical), features in build order,
 * one feature per line, numbers as JavaScript prints them after rounding, trailing newline. The same
 * inputs always give the same bytes, so `--check` can compare files exactly.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection } from 'geojson';

function sortedProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(properties).sort((a, b) => (a === 'id' ? -1 : b === 'id' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, properties[k]]));
}

function featureLine(feature: Feature): string {
  const geometry = feature.geometry as { type: string; coordinates: unknown };
  return JSON.stringify({
    type: 'Feature',
    properties: sortedProperties((feature.properties ?? {}) as Record<string, unknown>),
    geometry: { type: geometry.type, coordinates: geometry.coordinates },
  });
}

export function serializeCollection(collection: FeatureCollection): string {
  return `{"type":"FeatureCollection","features":[\n${collection.features.map(featureLine).join(',\n')}\n]}\n`;
}

/** Pretty JSON with keys sorted at every level (facts.json is read by people too). */
export function serializeJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

export function gzipSize(text: string): number {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).length;
}

/** Files whose bytes on disk differ from the build's (missing, changed, or not produced any more). */
export function staleFiles(dir: string, outputs: ReadonlyMap<string, string>): string[] {
  const stale: string[] = [];
  for (const [name, text] of outputs) {
    const file = join(dir, name);
    if (!existsSync(file)) stale.push(`${name} (missing)`);
    else if (readFileSync(file, 'utf8') !== text) stale.push(`${name} (differs)`);
  }
  if (existsSync(dir))
    for (const name of readdirSync(dir).sort()) if (!outputs.has(name)) stale.push(`${name} (not built any more)`);
  return stale;
}

/** Writes changed files only, so an unchanged rebuild leaves mtimes alone. */
export function writeOutputs(dir: string, outputs: ReadonlyMap<string, string>): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of outputs) {
    const file = join(dir, name);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    writeFileSync(file, text);
    written.push(name);
  }
  return written;
}
