/**
 * `parseStory`: the story file's bytes (or text) in, resolved story or every error out. Pure: the
 * caller reads the file and the geodata ids, so tests can feed fixtures.
 */
import * as v from 'valibot';
import type { Problem } from '../../shared/story/errors.ts';
import { sortErrors } from '../../shared/story/errors.ts';
import { checkMarkdown, plainText, renderMarkdown } from './markdown.ts';
import { resolveCamera } from './resolve.ts';
import {
  count,
  CUSTOM_ELEMENT,
  FrontMatterSchema,
  STEP_ENTRIES,
  StepSchema,
  STORY_LIMITS,
  type PanelInput,
} from './schema.ts';
import { didYouMean } from '../../shared/story/suggest.ts';
import { splitStory, type StepBlock } from './split.ts';
import type { KnownIds, ParseResult, Step, StoryDefaults, StoryMeta } from '../../shared/story/types.ts';
import { decodeUtf8 } from './utf8.ts';
import { checkDuplicateIds, checkReferences, issuesToProblems, type ReferenceInput } from './validate.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';

/** Used to keep checking steps when the front matter itself is broken. */
const FALLBACK_DEFAULTS: StoryDefaults = { names: 'both', padding: 40, maxZoom: 9 };

export function parseStory(input: Uint8Array | string, file: string, known: KnownIds): ParseResult {
  const decoded = typeof input === 'string' ? { text: input } : decodeUtf8(input);
  // Nothing after a bad byte can be trusted to be what the author wrote.
  if ('problem' in decoded) return { ok: false, errors: [{ file, ...decoded.problem }] };
  const source = decoded.text;
  const split = splitStory(source);
  const problems: Problem[] = [...split.problems];

  const size = typeof input === 'string' ? new TextEncoder().encode(input).length : input.length;
  if (size > STORY_LIMITS.fileBytes) {
    problems.push({
      line: 1,
      message: `the story file is ${count(size)} bytes — allowed up to ${count(STORY_LIMITS.fileBytes)} (${STORY_LIMITS.fileBytes / 1024} KB): readers download all of it with the page`,
    });
  }

  let meta: StoryMeta | undefined;
  if (split.frontMatter !== undefined) {
    const yaml = parseYaml(split.frontMatter);
    problems.push(...yaml.problems);
    if (yaml.problems.length === 0) {
      const result = v.safeParse(FrontMatterSchema, yaml.value ?? {});
      if (result.success) {
        const slug = slugOf(file);
        const embedElement = result.output.embed_element ?? `${slug}-story`;
        if (!CUSTOM_ELEMENT.test(embedElement)) {
          problems.push({
            line: 1,
            message: `"${embedElement}" (the folder name and "-story") is not a custom element name — set embed_element, e.g. my-story`,
          });
        }
        if (result.output.panel !== undefined) problems.push(...checkPanel(result.output.panel, known, yaml.lineOf));
        meta = toMeta(result.output, slug, embedElement);
      } else problems.push(...issuesToProblems(result.issues, yaml.lineOf, undefined));
    }
  }

  if (split.steps.length === 0 && split.problems.length === 0) {
    problems.push({ line: lineCount(source), message: 'the story has no steps — add a "```step" block' });
  }

  const defaults = meta?.defaults ?? FALLBACK_DEFAULTS;
  const ids: { id: string; line: number }[] = [];
  const steps: Step[] = [];
  for (const [index, block] of split.steps.entries()) {
    const step = parseStep(block, index, defaults, known, ids);
    if ('problems' in step) problems.push(...step.problems);
    else steps.push(step);
  }
  problems.push(...checkDuplicateIds(ids));

  if (problems.length > 0 || meta === undefined) {
    return { ok: false, errors: sortErrors(problems.map((problem) => ({ file, ...problem }))) };
  }
  return { ok: true, story: { meta, steps, registry: known.layers } };
}

function parseStep(
  block: StepBlock,
  index: number,
  defaults: StoryDefaults,
  known: KnownIds,
  ids: { id: string; line: number }[],
): Step | { problems: Problem[] } {
  const yaml = parseYaml(block.yaml);
  // When the YAML does not parse, the id line still names the step in the error.
  const stepId = rawId(yaml.value) ?? /^id:\s*["']?(.*?)["']?\s*(#.*)?$/m.exec(block.yaml.text)?.[1];
  const problems: Problem[] = [...yaml.problems.map((problem) => ({ ...problem, stepId }))];
  if (stepId !== undefined && rawId(yaml.value) !== undefined) ids.push({ id: stepId, line: yaml.lineOf(['id']) });

  const plain = plainText(block.body.text);
  if (plain.length > STORY_LIMITS.text) {
    problems.push({
      line: firstTextLine(block.body),
      stepId,
      field: 'text',
      message: `${count(plain.length)} characters is too long — allowed up to ${count(STORY_LIMITS.text)} per step; split it into more steps`,
    });
  }
  if (plain === '') {
    problems.push({
      line: block.fenceLine,
      stepId,
      field: 'text',
      message: 'step text is empty — write the article text for this step after its "```step" block',
    });
  } else {
    for (const problem of checkMarkdown(block.body.text)) {
      problems.push({ line: block.body.line + problem.line, stepId, field: 'text', message: problem.message });
    }
  }

  if (yaml.problems.length > 0) return { problems };
  if (yaml.value === null || yaml.value === undefined) {
    problems.push({
      line: block.fenceLine,
      stepId,
      message: 'step block is empty — a step needs at least id, camera and alt',
    });
    return { problems };
  }
  const result = v.safeParse(StepSchema, yaml.value);
  if (!result.success) {
    problems.push(...issuesToProblems(result.issues, yaml.lineOf, stepId));
    problems.push(...checkReferences(validKeys(yaml.value), stepId, yaml.lineOf, known));
    return { problems };
  }
  const input = result.output;
  problems.push(...checkReferences(input, stepId, yaml.lineOf, known));
  if (problems.length > 0) return { problems };

  return {
    id: input.id,
    index,
    line: block.fenceLine,
    html: renderMarkdown(block.body.text, input.cite),
    plain,
    alt: input.alt,
    camera: resolveCamera(input.camera, defaults, known),
    layers: input.layers,
    muted: input.muted,
    highlight: input.highlight,
    ...('frame' in input.camera ? { framed: input.camera.frame } : {}),
    cite: input.cite,
    ...(input.notes === undefined ? {} : { notes: input.notes }),
    ...(input.reveal === undefined ? {} : { reveal: input.reveal }),
  };
}

/** The keys of a step that failed its schema which are valid on their own. */
function validKeys(value: unknown): ReferenceInput {
  if (typeof value !== 'object' || value === null) return {};
  const raw = value as Record<string, unknown>;
  const valid = <const T extends v.GenericSchema>(schema: T, key: string): v.InferOutput<T> | undefined => {
    const result = v.safeParse(schema, raw[key]);
    return result.success ? result.output : undefined;
  };
  return {
    layers: valid(STEP_ENTRIES.layers, 'layers'),
    muted: valid(STEP_ENTRIES.muted, 'muted'),
    highlight: valid(STEP_ENTRIES.highlight, 'highlight'),
    reveal: valid(STEP_ENTRIES.reveal, 'reveal'),
    camera: valid(STEP_ENTRIES.camera, 'camera'),
  };
}

function rawId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('id' in value)) return undefined;
  return typeof value.id === 'string' ? value.id : undefined;
}

/** `story/my-story/story.md` → `my-story`; a file outside a story folder is named by itself. */
export function slugOf(file: string): string {
  const parts = file.split(/[\\/]/);
  const name = parts.at(-1) ?? file;
  return name === 'story.md' && parts.length > 1 ? (parts.at(-2) ?? name) : name.replace(/\.md$/, '');
}

/** The panel's features exist and are all in its dataset. */
function checkPanel(panel: PanelInput, known: KnownIds, lineOf: ParsedYaml['lineOf']): Problem[] {
  const datasets = new Set([...known.features.values()].map((feature) => feature.dataset));
  if (!datasets.has(panel.dataset)) {
    return [
      {
        line: lineOf(['panel', 'dataset']),
        field: 'panel.dataset',
        message: `unknown dataset "${panel.dataset}"${didYouMean(panel.dataset, datasets)} — allowed: ${[...datasets].sort().join(', ')}`,
      },
    ];
  }
  return panel.features.flatMap((id, i) => {
    const feature = known.features.get(id);
    if (feature?.dataset === panel.dataset) return [];
    const inDataset = [...known.features].filter(([, f]) => f.dataset === panel.dataset).map(([fid]) => fid);
    const message =
      feature === undefined
        ? `unknown feature "${id}"${didYouMean(id, inDataset)}`
        : `"${id}" is in ${feature.dataset}, not in the panel's dataset ${panel.dataset}`;
    return [{ line: lineOf(['panel', 'features', i]), field: `panel.features[${i}]`, message }];
  });
}

function toMeta(input: v.InferOutput<typeof FrontMatterSchema>, slug: string, embedElement: string): StoryMeta {
  const panel = input.panel;
  return {
    slug,
    embedElement,
    ...(input.how_to_read === undefined ? {} : { howToRead: input.how_to_read }),
    ...(panel === undefined
      ? {}
      : {
          panel: {
            title: panel.title,
            dataset: panel.dataset,
            features: panel.features,
            ...(panel.area_note === undefined ? {} : { areaNote: panel.area_note }),
            ...(panel.status === undefined ? {} : { status: panel.status }),
            codes: panel.codes,
          },
        }),
    title: input.title,
    dek: input.dek,
    publication: input.publication,
    date: input.date,
    credits: input.credits,
    ...(input.source_url === undefined ? {} : { sourceUrl: input.source_url }),
    defaults: input.defaults,
  };
}

/** The line where a step's words start, after the blank lines under its fence. */
function firstTextLine(body: StepBlock['body']): number {
  const blank = /^(?:[ \t]*\n)*/.exec(body.text)?.[0] ?? '';
  return body.line + blank.split('\n').length - 1;
}

function lineCount(source: string): number {
  return source.split(/\r?\n/).length;
}
