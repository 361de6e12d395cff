/**
 * Node only: reads a story folder's `layers.yaml` and its datasets, checks them, and builds the
 * registry (for the story validator, the legend and the timeline) and the MapLibre layers (for the live
 * map and the still maps). Every problem is reported at once, located by file, line, the layer's id and
 * what is allowed; a drawing's paint, layout and filter are checked by MapLibre's own validator.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import {
  latest,
  validateStyleMin,
  type LayerSpecification as SpecLayer,
  type StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import * as v from 'valibot';
import { fieldPath, sortErrors, type Problem, type StoryError } from '../../shared/story/errors.ts';
import type { DatasetEntry, LayerRegistry, StoryLayerEntry } from '../../shared/story/layers.ts';
import type { StoryMapStyle } from '../../shared/map/style.ts';
import { didYouMean } from '../../shared/story/suggest.ts';
import {
  LayersFileSchema,
  type BasemapDrawingInput,
  type DrawingInput,
  type LayersFileInput,
  type StoryLayerInput,
} from './layers-schema.ts';
import { buildDrawing, swatchOf } from './map-layers.ts';
import { issuesToProblems } from './validate.ts';
import { parseYaml, type ParsedYaml, type PathKey } from './yaml.ts';

export const LAYERS_FILE = 'layers.yaml';

export interface StoryLayers {
  registry: LayerRegistry;
  style: StoryMapStyle;
  /** Each dataset's GeoJSON, read once, by dataset id. */
  collections: ReadonlyMap<string, FeatureCollection>;
}

/** `files`: absolute paths of every file read, layers.yaml then the datasets (to watch). */
export type LayersResult =
  { ok: true; layers: StoryLayers; files: string[] } | { ok: false; errors: StoryError[]; files: string[] };

/** `storyDir/layers.yaml`, with errors naming the file relative to `cwd`. */
export function loadStoryLayers(storyDir: string, cwd = process.cwd()): LayersResult {
  const path = resolve(storyDir, LAYERS_FILE);
  const file = relative(cwd, path) || path;
  if (!existsSync(path)) {
    return {
      ok: false,
      files: [path],
      errors: [
        {
          file,
          line: 1,
          message: `the story's map is missing: write ${file} (story/FORMAT.md, "Datasets and layer styles")`,
        },
      ],
    };
  }
  const result = parseLayers(readFileSync(path, 'utf8'), (dataset) => readCollection(resolve(storyDir, dataset)));
  const files = [path, ...result.files.map((f) => resolve(storyDir, f))];
  if (!result.ok) return { ok: false, files, errors: sortErrors(result.problems.map((p) => ({ file, ...p }))) };
  return { ok: true, layers: result.layers, files };
}

type ReadCollection = (file: string) => FeatureCollection | string;

function readCollection(path: string): FeatureCollection | string {
  if (!existsSync(path))
    return `no such file ${path} — check the path (relative to the story folder), or build the data first`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return `${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  const isCollection =
    typeof json === 'object' &&
    json !== null &&
    'type' in json &&
    json.type === 'FeatureCollection' &&
    'features' in json &&
    Array.isArray(json.features);
  return isCollection ? (json as FeatureCollection) : `${path} is not a GeoJSON FeatureCollection`;
}

/**
 * Pure: the text of a layers.yaml in, registry and MapLibre layers or every problem out. `read` gives
 * a dataset's GeoJSON by its `file` (or says why it cannot).
 */
export function parseLayers(
  source: string,
  read: ReadCollection,
): { ok: true; layers: StoryLayers; files: string[] } | { ok: false; problems: Problem[]; files: string[] } {
  const yaml = parseYaml({ text: source, line: 1 }, { merge: true, maxAliasCount: 10_000 });
  if (yaml.problems.length > 0) return { ok: false, problems: [...yaml.problems], files: [] };
  const parsed = v.safeParse(LayersFileSchema, yaml.value ?? {});
  if (!parsed.success) {
    const problems = issuesToProblems(parsed.issues, yaml.lineOf, undefined).map((p, i) => ({
      ...p,
      message: `${entryLabel(parsed.issues[i]?.path?.map((item) => item.key) ?? [], yaml.value)}${p.message}`,
    }));
    return { ok: false, problems, files: [] };
  }
  const input = parsed.output;
  const files = input.datasets.map((d) => d.file);
  const problems: Problem[] = [];
  const at = (path: readonly PathKey[], message: string) =>
    problems.push({ line: yaml.lineOf(path), field: fieldPath(path), message: `${entryLabel(path, input)}${message}` });

  const collections = new Map<string, FeatureCollection>();
  duplicates(input.datasets.map((d) => d.id)).forEach((i) => at(['datasets', i, 'id'], 'dataset id is used twice'));
  input.datasets.forEach((dataset, i) => {
    const collection = read(dataset.file);
    if (typeof collection === 'string') at(['datasets', i, 'file'], collection);
    else collections.set(dataset.id, collection);
  });
  const datasetIds = input.datasets.map((d) => d.id);
  const checkDataset = (path: readonly PathKey[], id: string) => {
    if (datasetIds.includes(id)) return true;
    at(path, `unknown dataset "${id}"${didYouMean(id, datasetIds) || ` — allowed: ${datasetIds.join(', ')}`}`);
    return false;
  };

  const built: { spec: LayerSpecification; path: PathKey[] }[] = [];
  input.basemap.forEach((drawing, i) => {
    const path = ['basemap', i];
    if (drawing.type === 'background') {
      if (drawing.dataset !== undefined)
        at([...path, 'dataset'], 'a background layer draws no dataset — remove dataset');
    } else if (drawing.dataset === undefined) {
      at(path, `a ${drawing.type} layer needs a dataset — allowed: ${datasetIds.join(', ')}`);
      return;
    } else if (!checkDataset([...path, 'dataset'], drawing.dataset)) return;
    problems.push(...drawingProblems(drawing, path, yaml, input));
    const features = collections.get(drawing.dataset ?? '')?.features ?? [];
    built.push({ spec: buildDrawing(drawing, { dataset: drawing.dataset, features }), path });
  });

  duplicates(input.layers.map((l) => l.id)).forEach((i) => at(['layers', i, 'id'], 'story layer id is used twice'));
  const entries: StoryLayerEntry[] = [];
  input.layers.forEach((layer, i) => {
    const path = ['layers', i];
    if (!checkDataset([...path, 'dataset'], layer.dataset)) return;
    for (const [where, message] of storyLayerProblems(layer)) at([...path, ...where], message);
    layer.draw.forEach((drawing, j) => {
      problems.push(...drawingProblems(drawing, [...path, 'draw', j], yaml, input));
      const features = collections.get(layer.dataset)?.features ?? [];
      built.push({
        spec: buildDrawing(drawing, { owner: layer.id, dataset: layer.dataset, layerFilter: layer.filter, features }),
        path: [...path, 'draw', j],
      });
    });
    const swatch = swatchOf(layer.draw);
    if (swatch === undefined) {
      at([...path, 'draw'], 'the legend needs a swatch: draw the layer with at least one fill, line or circle');
      return;
    }
    entries.push({
      id: layer.id,
      dataset: layer.dataset,
      legend: layer.legend,
      swatch,
      ...(layer.parts === undefined
        ? {}
        : {
            parts: layer.parts.map((p) => ({
              key: p.key,
              legend: p.legend,
              swatch: swatchOf(layer.draw.filter((d) => d.part === p.key)) ?? swatch,
            })),
          }),
      ...(layer.year === undefined ? {} : { year: layer.year }),
      revealable: layer.revealable === true,
    });
  });

  const ids = built.map(({ spec }) => spec.id);
  duplicates(ids).forEach((i) =>
    at(built[i]?.path ?? [], `MapLibre layer id "${ids[i]}" is used twice — give one drawing its own id`),
  );
  for (const { spec, path } of built) {
    if (spec.id.startsWith('highlight-')) at(path, `"${spec.id}": ids starting with highlight- are the engine's own`);
    problems.push(...mapLibreProblems(spec, path, yaml, input));
  }

  if (problems.length > 0) return { ok: false, problems, files };
  const datasets: DatasetEntry[] = input.datasets.map((d) => ({
    id: d.id,
    basemap: d.basemap === true,
    attribution: d.attribution,
    ...(d.attribution_url === undefined ? {} : { attributionUrl: d.attribution_url }),
    highlight: d.highlight !== false,
    ...(d.cut_to === undefined ? {} : { cutTo: d.cut_to }),
  }));
  return {
    ok: true,
    files,
    layers: {
      registry: { datasets, layers: entries },
      style: { datasets, layers: built.map(({ spec }) => spec) },
      collections,
    },
  };
}

/** Checks of one story layer that span its drawings: parts and reveals. Paths are inside the layer. */
function storyLayerProblems(layer: StoryLayerInput): [PathKey[], string][] {
  const problems: [PathKey[], string][] = [];
  const parts = layer.parts?.map((p) => p.key) ?? [];
  duplicates(parts).forEach((j) => problems.push([['parts', j, 'key'], 'part key is used twice']));
  for (const key of parts) {
    if (!layer.draw.some((d) => d.part === key))
      problems.push([['parts'], `part "${key}" is drawn by none of draw — mark its drawing with part: ${key}`]);
  }
  if (layer.revealable === true && !layer.draw.some((d) => d.reveal !== undefined))
    problems.push([['revealable'], 'a revealable layer needs a drawing with reveal: line or reveal: points']);
  layer.draw.forEach((drawing, j) => {
    const at = (key: PathKey, message: string) => problems.push([['draw', j, key], message]);
    if (drawing.part !== undefined && !parts.includes(drawing.part)) {
      const allowed =
        parts.length === 0
          ? ' — the layer has no parts'
          : didYouMean(drawing.part, parts) || ` — allowed: ${parts.join(', ')}`;
      at('part', `unknown part "${drawing.part}"${allowed}`);
    }
    if (drawing.reveal !== undefined && layer.revealable !== true)
      at('reveal', 'only a layer with revealable: true can reveal — add it to the layer');
    if (drawing.reveal === 'line' && drawing.type !== 'line')
      at('reveal', `reveal: line is for line layers, not ${drawing.type} — use reveal: points`);
    if (drawing.reveal === 'points' && drawing.type !== 'circle' && drawing.type !== 'symbol')
      at('reveal', `reveal: points is for circle and symbol layers, not ${drawing.type}`);
    if (drawing.reveal === 'line' && typeof drawing.paint?.['line-color'] !== 'string')
      at(
        'paint',
        'a revealed line needs one line-color (a colour, not an expression): it is drawn as a gradient of it',
      );
  });
  return problems;
}

/** Indexes of the values seen before. */
function duplicates(values: readonly string[]): number[] {
  return values.flatMap((value, i) => (values.indexOf(value) < i ? [i] : []));
}

/** `layer "disputed": `: which entry of the file a path is in, by its id. */
function entryLabel(path: readonly unknown[], value: unknown): string {
  const [section, index] = path;
  const kinds: Record<string, string> = { datasets: 'dataset', layers: 'layer', basemap: 'basemap layer' };
  const kind = typeof section === 'string' ? kinds[section] : undefined;
  if (kind === undefined || typeof index !== 'number' || typeof value !== 'object' || value === null) return '';
  const list = (value as Record<string, unknown>)[section as string];
  const entry: unknown = Array.isArray(list) ? list[index] : undefined;
  const id = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['id'] : undefined;
  if (typeof id === 'string') return `${kind} "${id}": `;
  const type = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['type'] : undefined;
  return typeof type === 'string' ? `${kind} ${index + 1} (${type}): ` : '';
}

/** Engine keys that only make sense on some layer types. */
function drawingProblems(
  drawing: DrawingInput | BasemapDrawingInput,
  path: PathKey[],
  yaml: ParsedYaml,
  input: LayersFileInput,
): Problem[] {
  const problems: Problem[] = [];
  const at = (key: string, message: string) =>
    problems.push({
      line: yaml.lineOf([...path, key]),
      field: fieldPath([...path, key]),
      message: `${entryLabel(path, input)}${message}`,
    });
  if (drawing.names === true && drawing.type !== 'symbol')
    at('names', `names is for symbol layers, not ${drawing.type}`);
  if (drawing.beside_point !== undefined && drawing.type !== 'symbol')
    at('beside_point', `beside_point is for symbol layers, not ${drawing.type}`);
  if (drawing.names === true && drawing.layout?.['text-field'] !== undefined) {
    at('names', 'names sets the text itself (name_en, name_ja, name_ru): remove layout text-field');
  }
  return problems;
}

/** MapLibre's validator on one built layer, its messages mapped back to the drawing's lines. */
function mapLibreProblems(
  spec: LayerSpecification,
  path: PathKey[],
  yaml: ParsedYaml,
  input: LayersFileInput,
): Problem[] {
  const sources: StyleSpecification['sources'] =
    'source' in spec && typeof spec.source === 'string'
      ? { [spec.source]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, lineMetrics: true } }
      : {};
  const style: StyleSpecification = {
    version: 8,
    sources,
    // Only so that symbol layers validate: the real style brings its fonts as font-faces.
    glyphs: 'https://glyphs.invalid/{fontstack}/{range}.pbf',
    layers: [spec as SpecLayer],
  };
  return validateStyleMin(style).map((error) => {
    const match = /^layers\[0\]\.([^:]+): (.*)$/s.exec(error.message);
    const where = match?.[1] ?? '';
    const keys: PathKey[] = where
      .split(/\.|\[(\d+)\]/)
      .flatMap((k, i): PathKey[] => (k === undefined || k === '' ? [] : i % 2 === 1 ? [Number(k)] : [k]));
    const message = match?.[2] ?? error.message;
    return {
      line: yaml.lineOf([...path, ...keys]),
      field: fieldPath([...path, ...keys]),
      message: `${entryLabel(path, input)}MapLibre layer "${spec.id}": ${message}${allowedHint(spec.type, keys, message)}`,
    };
  });
}

/** For an unknown paint or layout property, the nearest valid one and the list MapLibre allows for the type. */
function allowedHint(type: string, keys: readonly PathKey[], message: string): string {
  const [group] = keys;
  if (!/unknown property/.test(message) || (group !== 'paint' && group !== 'layout')) return '';
  const allowed = Object.keys(SPEC_PROPERTIES[`${group}_${type}`] ?? {});
  const name = String(keys[1]);
  return didYouMean(name, allowed) || ` — allowed: ${allowed.join(', ')}`;
}

/** MapLibre's spec by group and type: `paint_fill`, `layout_symbol`, … → property → definition. */
const SPEC_PROPERTIES = latest as unknown as Record<string, Record<string, unknown> | undefined>;
