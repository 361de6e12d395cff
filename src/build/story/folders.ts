/**
 * Node only: which stories a build serves. A story is a folder holding a `story.md`; every such
 * folder of `story/` is one, named by its slug (the folder's name). `story/stories.yaml` says which
 * one is the default, served at the root; the others are served at `/<slug>/`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { suggest } from '../../shared/story/suggest.ts';

export const STORY_FILE = 'story.md';
export const STORIES_CONFIG = 'stories.yaml';

export interface StoryFolder {
  /** The folder's name: the story's path in a build with several stories (`/<slug>/`). */
  slug: string;
  /** Absolute path of the story's folder. */
  dir: string;
  /** Absolute path of its story file. */
  file: string;
}

/** A slug is a path segment of the built site, beside the default story's own `assets/` folder. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RESERVED_SLUGS = new Set(['assets']);

export class StoryFolderError extends Error {
  override name = 'StoryFolderError';
}

/**
 * The story in `dir` (a folder holding `story.md`), wherever it is: under `story/` or elsewhere (a
 * test fixture). `root` is the project root, where `geo/` is.
 */
export function storyFolder(root: string, dir: string): StoryFolder {
  const absolute = resolve(root, dir);
  const slug = basename(absolute);
  const file = join(absolute, STORY_FILE);
  if (!existsSync(file))
    throw new StoryFolderError(`${relative(root, absolute) || '.'}: no ${STORY_FILE} in this folder`);
  if (!SLUG.test(slug) || RESERVED_SLUGS.has(slug)) {
    throw new StoryFolderError(
      `${relative(root, absolute)}: "${slug}" cannot name a story — a story folder's name is its path in the built site: use lowercase letters, digits and single hyphens${RESERVED_SLUGS.has(slug) ? ', and not "assets" (the build\'s own folder)' : ''}`,
    );
  }
  return { slug, dir: absolute, file };
}

/** Every story under `storiesDir` (default `<root>/story`), sorted by slug. */
export function storyFolders(root: string, storiesDir = join(root, 'story')): StoryFolder[] {
  if (!existsSync(storiesDir)) return [];
  return readdirSync(storiesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(storiesDir, entry.name, STORY_FILE)))
    .map((entry) => entry.name)
    .sort()
    .map((name) => storyFolder(root, join(storiesDir, name)));
}

export interface Stories {
  /** Served at the root of the build. */
  default: StoryFolder;
  /** Every story, the default among them, sorted by slug. */
  all: StoryFolder[];
}

/** The stories of `story/` and which is the default, as `story/stories.yaml` says. */
export function readStories(root: string, storiesDir = join(root, 'story')): Stories {
  const all = storyFolders(root, storiesDir);
  const configPath = join(storiesDir, STORIES_CONFIG);
  const name = relative(root, configPath);
  if (!existsSync(configPath)) {
    throw new StoryFolderError(`${name} is missing: it names the story served at the root, e.g. "default: my-story"`);
  }
  const slug = defaultSlug(readFileSync(configPath, 'utf8'), name);
  const found = all.find((story) => story.slug === slug.value);
  if (found === undefined) {
    const slugs = all.map((story) => story.slug);
    const hint = suggest(slug.value, slugs);
    throw new StoryFolderError(
      `${name}:${slug.line}: default: "${slug.value}" names no story folder — ${
        hint === undefined ? '' : `did you mean "${hint}"? `
      }${slugs.length === 0 ? `no folder of ${relative(root, storiesDir)}/ holds a ${STORY_FILE}` : `story folders: ${slugs.join(', ')}`}`,
    );
  }
  return { default: found, all };
}

/** `default: <slug>` from the text of stories.yaml, with its line; anything else is an error. */
export function defaultSlug(text: string, name: string): { value: string; line: number } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax !== undefined) {
    const line = syntax.linePos?.[0].line ?? 1;
    throw new StoryFolderError(`${name}:${line}: YAML syntax error: ${syntax.message.split('\n')[0]}`);
  }
  const value: unknown = doc.toJS();
  const lineOf = (key: string): number => {
    const node = doc.get(key, true) as { range?: [number, number, number] } | undefined;
    return node?.range === undefined ? 1 : counter.linePos(node.range[0]).line;
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StoryFolderError(`${name}:1: must be a mapping with one key, "default: <story folder>"`);
  }
  for (const key of Object.keys(value)) {
    if (key !== 'default') {
      throw new StoryFolderError(`${name}:${lineOf(key)}: unknown key "${key}" — allowed: default`);
    }
  }
  const slug: unknown = (value as Record<string, unknown>)['default'];
  if (typeof slug !== 'string' || slug === '') {
    throw new StoryFolderError(
      `${name}:${'default' in value ? lineOf('default') : 1}: default: required — the name of the story folder served at the root`,
    );
  }
  return { value: slug, line: lineOf('default') };
}
