/**
 * `compileAbout`: a story's about.md (the "About this map" section) in, HTML or every error out.
 * Markdown with fact slots (fact-slots.ts), `{.note}` / `{.source}` paragraph marks and ```table
 * blocks that lay a list of facts out as a table. Raw HTML is refused as in the story text; pure:
 * the caller reads the facts file the front matter names.
 */
import MarkdownIt from 'markdown-it';
import type { StateInline, Token } from 'markdown-it';
import * as v from 'valibot';
import { sortErrors, type Problem, type StoryError } from '../../shared/story/errors.ts';
import { didYouMean } from '../../shared/story/suggest.ts';
import { factAt, fillSlot, type FilledSlot } from './fact-slots.ts';
import { rawHtmlMessage } from './markdown.ts';
import { issuesToProblems } from './validate.ts';
import { parseYaml } from './yaml.ts';

export type AboutResult = { ok: true; html: string } | { ok: false; errors: StoryError[] };

/** Reads the facts file at the path the front matter gives (relative to about.md); throws if it cannot. */
export type LoadFacts = (path: string) => unknown;

const ALLOWED =
  'allowed: ### and #### headings, paragraphs, lists, *emphasis*, **strong**, `code`, [links](https://…), ' +
  '{{ fact | formatter }} slots, {.note} and {.source} paragraph marks and ```table blocks';

/** What a paragraph may end with to be styled as a note or a source line. */
const PARAGRAPH_CLASSES = ['note', 'source'] as const;
const PARAGRAPH_MARK = /\s*\{\.([a-z-]+)\}$/;

const BLOCK_MESSAGES: Readonly<Record<string, string>> = {
  blockquote_open: 'block quotes are not allowed in about.md',
  code_block: 'code blocks are not allowed in about.md (is the line indented by 4 spaces?)',
  hr: 'horizontal rules are not allowed in about.md',
  table_open: 'Markdown tables are not allowed in about.md — lay facts out with a ```table block',
};
const BLOCK_OK = new Set([
  'paragraph_open',
  'heading_open',
  'bullet_list_open',
  'ordered_list_open',
  'list_item_open',
  'inline',
  'fence',
]);
const INLINE_OK = new Set([
  'text',
  'softbreak',
  'hardbreak',
  'em_open',
  'em_close',
  'strong_open',
  'strong_close',
  'link_open',
  'link_close',
  'code_inline',
  'fact_slot',
]);

// ---------------------------------------------------------------------------------------------
// The Markdown reader: slots as tokens, paragraph marks as classes, ```table as its own block

/** `{{ … }}` as one token, so Markdown never reads the inside of a slot (underscores, dots). */
function slotRule(state: StateInline, silent: boolean): boolean {
  if (!state.src.startsWith('{{', state.pos)) return false;
  const end = state.src.indexOf('}}', state.pos + 2);
  if (end === -1) return false;
  if (!silent) state.push('fact_slot', '', 0).content = state.src.slice(state.pos + 2, end).trim();
  state.pos = end + 2;
  return true;
}

const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
md.validateLink = () => true; // the checker below names a bad link rather than markdown-it dropping it
md.inline.ruler.before('text', 'fact_slot', slotRule);
md.core.ruler.after('inline', 'paragraph_marks', (state) => {
  for (const [i, token] of state.tokens.entries()) {
    const inline = state.tokens[i + 1];
    const last = inline?.children?.at(-1);
    if (token.type !== 'paragraph_open' || last?.type !== 'text') continue;
    const mark = PARAGRAPH_MARK.exec(last.content);
    if (mark === null) continue;
    last.content = last.content.slice(0, mark.index);
    token.attrSet('class', mark[1] ?? '');
  }
});
// A slot that writes a list (a block) stands for its whole paragraph: no <p> around the list.
md.core.ruler.after('paragraph_marks', 'block_slots', (state) => {
  const { slots } = envOf(state.env);
  for (const [i, token] of state.tokens.entries()) {
    const children = state.tokens[i + 1]?.children ?? [];
    const only = children.length === 1 ? children[0] : undefined;
    if (token.type !== 'paragraph_open' || only?.type !== 'fact_slot') continue;
    if (slots.get(only.content)?.block !== true) continue;
    token.hidden = true;
    const close = state.tokens[i + 2];
    if (close !== undefined) close.hidden = true;
  }
});
md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  if (/^https?:/i.test(String(token?.attrGet('href')))) token?.attrSet('rel', 'noopener noreferrer');
  return self.renderToken(tokens, idx, options);
};

// A type, not an interface, so it fits markdown-it's `env` record.
type RenderEnv = {
  slots: Map<string, FilledSlot>;
  tables: Map<Token, string>;
};
const envOf = (env: unknown): RenderEnv => env as RenderEnv;

md.renderer.rules.fact_slot = (tokens, idx, _options, env) =>
  envOf(env).slots.get(tokens[idx]?.content ?? '')?.html ?? '';
md.renderer.rules.fence = (tokens, idx, _options, env) => {
  const token = tokens[idx];
  return token === undefined ? '' : (envOf(env).tables.get(token) ?? '');
};

// ---------------------------------------------------------------------------------------------
// ```table: a list of facts as a table

const FrontMatterSchema = v.strictObject(
  { facts: v.optional(v.pipe(v.string('facts must be a path, e.g. ../../geo/my-story/out/facts.json'), v.nonEmpty())) },
  (issue) =>
    issue.expected === 'never'
      ? `unknown front matter key ${String(issue.received)} — allowed keys: facts`
      : 'front matter must be a mapping, e.g. facts: ../../geo/my-story/out/facts.json',
);

const ColumnSchema = v.strictObject(
  {
    head: v.pipe(v.string('head must be text: the column heading'), v.nonEmpty('head must not be empty')),
    value: v.pipe(v.string('value must be a key of each row, e.g. label'), v.nonEmpty('value must not be empty')),
    format: v.optional(v.string('format must be a formatter, e.g. "number:0"')),
  },
  (issue) =>
    issue.expected === 'never'
      ? `unknown column key ${String(issue.received)} — allowed keys: head, value, format`
      : 'a column is { head, value, format }',
);

const TableSchema = v.strictObject(
  {
    caption: v.pipe(v.string('caption must be text: what the table shows, for screen readers'), v.nonEmpty()),
    rows: v.pipe(v.string('rows must be the key path of a list in the facts file'), v.nonEmpty()),
    columns: v.pipe(
      v.array(ColumnSchema, 'columns must be a list of { head, value, format }'),
      v.minLength(1, 'columns must not be empty'),
    ),
  },
  (issue) =>
    issue.expected === 'never'
      ? `unknown table key ${String(issue.received)} — allowed keys: caption, rows, columns`
      : 'a ```table block holds caption, rows and columns',
);

/**
 * The table's HTML: a visually hidden caption, a heading per column, and a row per item of the list,
 * its first cell the row's heading.
 */
function renderTable(fence: Token, line: number, facts: unknown, factsFile: string): string | Problem[] {
  const yaml = parseYaml({ text: fence.content.replace(/\n$/, ''), line: line + 1 });
  if (yaml.problems.length > 0) return [...yaml.problems];
  const parsed = v.safeParse(TableSchema, yaml.value ?? {});
  if (!parsed.success) return issuesToProblems(parsed.issues, yaml.lineOf, undefined);
  const { caption, rows, columns } = parsed.output;

  const list = factAt(facts, rows);
  const at = yaml.lineOf(['rows']);
  if ('missing' in list)
    return [{ line: at, field: 'rows', message: `no fact "${rows}" in ${factsFile}: ${list.missing}` }];
  if (!Array.isArray(list.value) || list.value.length === 0) {
    return [
      {
        line: at,
        field: 'rows',
        message: `"${rows}" must be a non-empty list of rows, not ${JSON.stringify(list.value)}`,
      },
    ];
  }
  const problems: Problem[] = [];
  const body = list.value.map((_, r) => {
    const cells = columns.map((column, c) => {
      const format = column.format === undefined ? '' : ` | ${column.format}`;
      const filled = fillSlot(`${rows}.${r}.${column.value}${format}`, facts, factsFile);
      if (!filled.ok) {
        problems.push({ line: yaml.lineOf(['columns', c]), field: `columns[${c}]`, message: filled.message });
        return '';
      }
      return c === 0 ? `<th scope="row">${filled.slot.html}</th>` : `<td>${filled.slot.html}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  if (problems.length > 0) return dedupe(problems);
  const escape = md.utils.escapeHtml;
  const heads = columns.map((column) => `<th scope="col">${escape(column.head)}</th>`).join('');
  return (
    `<table><caption class="visually-hidden">${escape(caption)}</caption>` +
    `<thead><tr>${heads}</tr></thead><tbody>${body.join('')}</tbody></table>\n`
  );
}

/** Each problem once: a table's bad column fails on every row. */
function dedupe(problems: readonly Problem[]): Problem[] {
  const byKey = new Map(problems.map((p) => [`${p.line}\0${p.message}`, p] as const));
  return [...byKey.values()];
}

// ---------------------------------------------------------------------------------------------
// The whole file

export function compileAbout(source: string, file: string, loadFacts: LoadFacts): AboutResult {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: Problem[] = [];

  // Front matter, optional: `facts:` names the file the slots read.
  let factsPath: string | undefined;
  let factsLine = 1;
  let bodyFrom = 0;
  if (lines[0]?.trimEnd() === '---') {
    const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
    if (close === -1)
      return fail(file, [{ line: 1, message: 'front matter is not closed — end it with a line "---"' }]);
    const yaml = parseYaml({ text: lines.slice(1, close).join('\n'), line: 2 });
    bodyFrom = close + 1;
    if (yaml.problems.length > 0) return fail(file, [...yaml.problems]);
    const parsed = v.safeParse(FrontMatterSchema, yaml.value ?? {});
    if (!parsed.success) return fail(file, issuesToProblems(parsed.issues, yaml.lineOf, undefined));
    factsPath = parsed.output.facts;
    factsLine = yaml.lineOf(['facts']);
  }

  let facts: unknown;
  if (factsPath !== undefined) {
    try {
      facts = loadFacts(factsPath);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return fail(file, [
        { line: factsLine, field: 'facts', message: `cannot read the facts file ${factsPath}: ${why}` },
      ]);
    }
  }
  const factsFile = factsPath ?? 'the facts file';

  // Every slot, filled once per distinct text and checked with its line.
  const slots = new Map<string, FilledSlot>();
  for (let i = bodyFrom; i < lines.length; i++) {
    const line = lines[i] ?? '';
    for (const match of line.matchAll(/\{\{(.*?)(\}\}|$)/g)) {
      const inside = (match[1] ?? '').trim();
      const shown = `{{ ${inside} }}`;
      if (match[2] !== '}}') {
        problems.push({
          line: i + 1,
          message: `${shown.slice(0, -3)}: the slot is not closed — end it with "}}" on the same line`,
        });
      } else if (factsPath === undefined) {
        problems.push({
          line: i + 1,
          message: `${shown}: no facts file to fill it from — name one in front matter: facts: path/to/facts.json`,
        });
      } else if (!slots.has(inside)) {
        const filled = fillSlot(inside, facts, factsFile);
        if (!filled.ok) problems.push({ line: i + 1, message: `${shown}: ${filled.message}` });
        else if (filled.slot.block && line.trim() !== match[0]) {
          problems.push({ line: i + 1, message: `${shown}: writes a list, so it must stand alone on its line` });
        } else slots.set(inside, filled.slot);
      }
    }
  }

  const body = lines.slice(bodyFrom).join('\n');
  const env: RenderEnv = { slots, tables: new Map() };
  const tokens = md.parse(body, env);
  problems.push(
    ...checkTokens(tokens, bodyFrom, lines, (fence, line) => {
      const table = renderTable(fence, line, facts, factsFile);
      if (typeof table === 'string') env.tables.set(fence, table);
      return typeof table === 'string' ? [] : table;
    }),
  );
  if (problems.length > 0) return fail(file, problems);
  return { ok: true, html: md.renderer.render(tokens, md.options, env).trim() };
}

function fail(file: string, problems: readonly Problem[]): AboutResult {
  return { ok: false, errors: sortErrors(dedupe([...problems]).map((problem) => ({ file, ...problem }))) };
}

/** Everything outside what About needs, with the line to fix; ```table blocks are checked by `table`. */
function checkTokens(
  tokens: readonly Token[],
  offset: number,
  lines: readonly string[],
  table: (fence: Token, line: number) => Problem[],
): Problem[] {
  const problems: Problem[] = [];
  for (const token of tokens) {
    const [start = 0, end = start + 1] = token.map ?? [];
    const line = offset + start + 1;
    if (token.type === 'html_block') {
      problems.push({
        line,
        message: rawHtmlMessage(token.content, 'about.md', 'use Markdown: *emphasis* for a title'),
      });
    } else if (token.type === 'fence') {
      if (token.info.trim() === 'table') problems.push(...table(token, line));
      else problems.push({ line, message: `"\`\`\`${token.info.trim()}" is not a block about.md knows — ${ALLOWED}` });
    } else if (token.type === 'heading_open' && token.tag !== 'h3' && token.tag !== 'h4') {
      problems.push({
        line,
        message: `${'#'.repeat(Number(token.tag.slice(1)))} heading — about.md uses ### and #### (the section's own title is the page's ## "About this map")`,
      });
    } else if (token.type === 'paragraph_open' && token.attrGet('class') !== null) {
      const mark = String(token.attrGet('class'));
      if (!(PARAGRAPH_CLASSES as readonly string[]).includes(mark)) {
        problems.push({
          line,
          message: `{.${mark}}${didYouMean(mark, PARAGRAPH_CLASSES)} — a paragraph may end with {.note} or {.source}`,
        });
      }
    } else if (!BLOCK_OK.has(token.type) && !token.type.endsWith('_close')) {
      problems.push({
        line,
        message: `${BLOCK_MESSAGES[token.type] ?? `"${token.type}" is not allowed in about.md`} — ${ALLOWED}`,
      });
    }
    for (const child of token.children ?? []) {
      const lineOf = (needle: string): number => {
        for (let i = start; i < end; i++) if (lines[offset + i]?.includes(needle)) return offset + i + 1;
        return line;
      };
      if (child.type === 'html_inline') {
        if (!child.content.startsWith('</')) {
          problems.push({
            line: lineOf(child.content),
            message: rawHtmlMessage(child.content, 'about.md', 'use Markdown: *emphasis* for a title'),
          });
        }
      } else if (child.type === 'link_open') {
        const href = String(child.attrGet('href') ?? '');
        if (!/^(https?:\/\/|#)/i.test(href)) {
          problems.push({
            line: lineOf(href),
            message: `links must use https:// (or http://, or #id on the page) — "${href}" is not allowed`,
          });
        }
      } else if (!INLINE_OK.has(child.type) && !child.type.endsWith('_close')) {
        const what = child.type === 'image' ? 'images are' : `"${child.markup || child.type}" is`;
        problems.push({ line: lineOf(child.markup || '!['), message: `${what} not allowed in about.md — ${ALLOWED}` });
      }
    }
  }
  return problems;
}
