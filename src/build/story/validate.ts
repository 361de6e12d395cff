/**
 * Checks that need more than one step's YAML: schema issues mapped to file lines, duplicate ids,
 * and references to layers and features (which must exist and be visible where highlighted).
 */
import type * as v from 'valibot';
import { basemapDatasets, revealableLayerIds, storyLayer, type LayerRegistry } from '../../shared/story/layers.ts';
import { fieldPath, type Problem } from '../../shared/story/errors.ts';
import { UNKNOWN_KEY } from './schema.ts';
import { didYouMean } from '../../shared/story/suggest.ts';
import type { KnownIds } from '../../shared/story/types.ts';
import type { StepInput } from './schema.ts';
import type { ParsedYaml, PathKey } from './yaml.ts';

type LineOf = ParsedYaml['lineOf'];

export function issuesToProblems(
  issues: readonly v.BaseIssue<unknown>[],
  lineOf: LineOf,
  stepId: string | undefined,
): Problem[] {
  return issues.map((issue) => {
    const path = (issue.path ?? [])
      .map((item) => item.key)
      .filter((key): key is PathKey => typeof key === 'string' || typeof key === 'number');
    const unknownKey = issue.expected === UNKNOWN_KEY;
    const atKey = issue.path?.at(-1)?.origin === 'key';
    // An unknown key's message names the key; the field is where it was found.
    const field = fieldPath(unknownKey ? path.slice(0, -1) : path);
    return { line: lineOf(path, atKey), stepId, field, message: issue.message };
  });
}

export function checkDuplicateIds(ids: readonly { id: string; line: number }[]): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  for (const { id, line } of ids) {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, line);
    else
      problems.push({ line, stepId: id, field: 'id', message: `duplicate id "${id}" — also used at line ${earlier}` });
  }
  return problems;
}

/** Datasets a step draws: the basemap plus the datasets of its visible and muted layers. */
export function visibleDatasets(step: Pick<StepInput, 'layers' | 'muted'>, registry: LayerRegistry): Set<string> {
  const drawn = [...step.layers, ...step.muted].flatMap((id) => storyLayer(registry, id)?.dataset ?? []);
  return new Set([...basemapDatasets(registry), ...drawn]);
}

/**
 * The step keys reference checks read. A key that failed the schema is undefined: checks that need
 * it are skipped (its own error says what is wrong), and every other check still runs.
 */
export type ReferenceInput = Partial<Pick<StepInput, 'layers' | 'muted' | 'highlight' | 'reveal' | 'camera'>>;

export function checkReferences(
  step: ReferenceInput,
  stepId: string | undefined,
  lineOf: LineOf,
  known: KnownIds,
): Problem[] {
  const problems: Problem[] = [];
  const at = (path: readonly PathKey[], message: string): void => {
    problems.push({ line: lineOf(path), stepId, field: fieldPath(path), message });
  };
  const { layers, muted, highlight, reveal, camera } = step;
  const registry = known.layers;
  const layerIds = registry.layers.map((layer) => layer.id);
  /** A list of layers that failed its schema, or names a layer that does not exist, is not checked further. */
  const valid = (ids: readonly string[] | undefined) => ids?.every((id) => storyLayer(registry, id) !== undefined);

  for (const key of ['layers', 'muted'] as const) {
    step[key]?.forEach((id, i) => {
      if (storyLayer(registry, id) !== undefined) return;
      const guess = didYouMean(id, layerIds);
      at([key, i], `unknown layer "${id}"${guess || ` — allowed: ${layerIds.join(', ')}`}`);
    });
  }

  for (const key of ['layers', 'muted', 'highlight'] as const) {
    const list: readonly string[] = step[key] ?? [];
    list.forEach((id, i) => {
      if (list.indexOf(id) !== i) at([key, i], `"${id}" is listed twice`);
    });
  }
  if (layers !== undefined) {
    muted?.forEach((id, i) => {
      if (layers.includes(id)) at(['muted', i], `layer "${id}" is in both layers and muted — keep it in one`);
    });
  }

  if (reveal !== undefined) {
    const revealable = revealableLayerIds(registry);
    if (!revealable.includes(reveal)) {
      const guess = storyLayer(registry, reveal) === undefined ? didYouMean(reveal, revealable) : '';
      at(
        ['reveal'],
        `layer "${reveal}" cannot be drawn with the reader's progress${guess || ` — allowed: ${revealable.join(', ') || 'none (no layer in layers.yaml is revealable)'}`}`,
      );
    } else if (valid(layers) === true && !layers?.includes(reveal)) {
      at(['reveal'], `layer "${reveal}" must be in this step's layers to be revealed — add it to layers`);
    }
  }

  const unknownFeature = (id: string): string =>
    `unknown feature "${id}"${didYouMean(id, known.features.keys()) || ' — no dataset has a feature with this id'}`;

  if (camera !== undefined && 'frame' in camera) {
    camera.frame.forEach((id, i) => {
      if (!known.features.has(id)) at(['camera', 'frame', i], unknownFeature(id));
    });
  }

  // Whether a feature is shown depends on layers and muted: with either invalid, only existence is checked.
  const visible =
    valid(layers) && valid(muted) ? visibleDatasets({ layers: layers ?? [], muted: muted ?? [] }, registry) : undefined;
  highlight?.forEach((id, i) => {
    const feature = known.features.get(id);
    if (feature === undefined) at(['highlight', i], unknownFeature(id));
    else if (visible !== undefined && !visible.has(feature.dataset))
      at(['highlight', i], notVisible(id, feature.dataset, registry));
  });
  return problems;
}

function notVisible(id: string, dataset: string, registry: LayerRegistry): string {
  const drawers = registry.layers.filter((layer) => layer.dataset === dataset).map((layer) => layer.id);
  const fix =
    drawers.length === 0
      ? `no story layer draws dataset "${dataset}"`
      : `add layer ${drawers.map((layer) => `"${layer}"`).join(' or ')} to layers or muted`;
  return `feature "${id}" is in dataset "${dataset}", which this step does not show — ${fix}`;
}
