/**
 * The code's folders import each other one way only: a cycle between two folders (src/shared/map
 * importing src/shared/story and back) means their concerns are not apart. The layers themselves
 * (shared, app, build, entries) are kept apart by ESLint's no-restricted-imports (eslint.config.js).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderCycles } from './boundaries.ts';

const SRC = resolve(import.meta.dirname, '../../src');
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"?]+)|import\(\s*['"](\.{1,2}\/[^'"?]+)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

/** Folder → the folders its files import (relative imports inside src/ only). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, dirname(file));
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), match[1] ?? match[2]!);
      const to = relative(SRC, dirname(target));
      if (to !== from && !to.startsWith('..')) edges.add(to);
    }
  }
  return graph;
}

describe('folder boundaries', () => {
  it('finds a cycle where there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(folderCycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(folderCycles(new Map([['a', new Set(['b'])]]))).toEqual([]);
  });

  it('no two folders under src/ import each other, directly or round a loop', () => {
    const graph = folderGraph();
    expect(graph.size).toBeGreaterThan(10);
    expect(folderCycles(graph)).toEqual([]);
  });
});
