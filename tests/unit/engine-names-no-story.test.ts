/**
 * The engine serves any story: nothing under src/ may name the Kuril story, its islands or its
 * files. Fails listing each file:line that does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const STORY_WORDS = /kuril|iturup|kunashir|shikotan|habomai/i;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** `file:line: text` for every line of `files` that names the story. */
function storyNames(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (STORY_WORDS.test(line) ? [`${relative(root, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('src/ names no story', () => {
  it('finds the words it looks for', () => {
    expect(storyNames([join(root, 'story/kurils/about.md')]).length).toBeGreaterThan(5);
  });

  it('has no Kuril word in any file of the engine', () => {
    const files = filesUnder(join(root, 'src'));
    expect(files.length).toBeGreaterThan(50);
    expect(storyNames(files)).toEqual([]);
  });
});
