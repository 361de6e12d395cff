/** YAML blocks parsed with node positions, so schema issues map back to absolute file lines. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from '../../shared/story/errors.ts';
import type { Block } from './split.ts';

export type PathKey = string | number;

export interface ParsedYaml {
  readonly value: unknown;
  /**
   * Absolute line of the node at `path`, or of its nearest existing ancestor. With `atKey`, the line
   * of the last key itself (for unknown keys, whose value may start lines later).
   */
  readonly lineOf: (path: readonly PathKey[], atKey?: boolean) => number;
  readonly problems: readonly Problem[];
}

export interface YamlOptions {
  /** Allow merge keys (`<<: *name`), for files that reuse pieces through anchors. */
  merge?: boolean;
  /** How many alias expansions are allowed: a guard against exponential "billion laughs" documents. */
  maxAliasCount?: number;
}

export function parseYaml(block: Block, { merge = false, maxAliasCount = 100 }: YamlOptions = {}): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(block.text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true, merge });
  const toLine = (offset: number): number => block.line + counter.linePos(offset).line - 1;

  // Only the first syntax error: the ones after it are usually the same mistake seen again.
  const problems: Problem[] = doc.errors.slice(0, 1).map((error) => {
    const line = error.linePos === undefined ? 0 : error.linePos[0].line - 1;
    const hint = quoteHint(error.code, block.text.split('\n')[line] ?? '');
    return { line: block.line + line, message: `YAML syntax error: ${firstLine(error.message)}${hint}` };
  });
  const value: unknown = problems.length === 0 ? doc.toJS({ maxAliasCount }) : undefined;

  return { value, lineOf: (path, atKey = false) => lineOfPath(doc, path, atKey, toLine, block.line), problems };
}

/** yaml's pretty message repeats the position and a code excerpt; the file:line prefix already says where. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * `alt: Note: the map shows…` is a nested mapping to YAML; the fix is quotes, which its message
 * does not say. The hint shows the start of the value quoted.
 */
function quoteHint(code: string, line: string): string {
  if (code !== 'BLOCK_AS_IMPLICIT_KEY') return '';
  const item = /^\s*-\s+([^\s"'[{|>&*!#-][^:]*?:)\s/.exec(line);
  const pair = /^\s*([A-Za-z_][\w-]*):\s+([^\s"'[{|>&*!#-][^:]*?:)\s/.exec(line);
  const quoted = item !== null ? `- "${item[1]} …"` : pair !== null ? `${pair[1]}: "${pair[2]} …"` : undefined;
  return quoted === undefined ? '' : ` — a value containing ": " must be in quotes: ${quoted}`;
}

function lineOfPath(
  doc: Document.Parsed,
  path: readonly PathKey[],
  atKey: boolean,
  toLine: (offset: number) => number,
  fallback: number,
): number {
  let node: unknown = doc.contents;
  let line = rangeStart(node, toLine) ?? fallback;
  for (const [i, key] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (pair === undefined) break;
      const keyLine = rangeStart(pair.key, toLine);
      const valueLine = rangeStart(pair.value, toLine);
      line = (last && atKey ? keyLine : (valueLine ?? keyLine)) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item: unknown = node.items[key];
      if (item === undefined) break;
      line = rangeStart(item, toLine) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

function rangeStart(node: unknown, toLine: (offset: number) => number): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range?.[0] === undefined ? undefined : toLine(range[0]);
}
