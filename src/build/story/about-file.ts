/**
 * Node only: a story folder's about.md, compiled with the facts file it names. A story without an
 * about.md has no "About this map" text of its own (the engine still lists its sources and credits).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { compileAbout, type AboutResult } from './about.ts';

export const ABOUT_FILE = 'about.md';

export interface AboutFile {
  /** Absolute paths of about.md and the facts file it read, for the dev server to watch. */
  readonly inputs: string[];
  /** Undefined when the story has no about.md. */
  readonly result: AboutResult | undefined;
}

/** `storyFile` is the story's file (absolute, or relative to `root`); about.md sits beside it. */
export function readAbout(storyFile: string, root: string = process.cwd()): AboutFile {
  const folder = dirname(resolve(root, storyFile));
  const path = join(folder, ABOUT_FILE);
  if (!existsSync(path)) return { inputs: [], result: undefined };
  const shown = join(dirname(storyFile), ABOUT_FILE);
  const inputs = [path];
  const result = compileAbout(readFileSync(path, 'utf8'), shown, (facts) => {
    const factsPath = resolve(folder, facts);
    inputs.push(factsPath);
    return JSON.parse(readFileSync(factsPath, 'utf8'));
  });
  return { inputs, result };
}
