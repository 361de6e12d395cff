/**
 * Step text: a Markdown subset (paragraphs, *emphasis*, **strong**, [links](https://…)) rendered to
 * HTML at build time. Anything else is an error rather than silently dropped or passed through.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

export interface TextProblem {
  /** 0-based line inside the text. */
  readonly line: number;
  readonly message: string;
}

const OPTIONS = { html: false, linkify: false, typographer: false } as const;

// Parses raw HTML as HTML and accepts every link scheme, so the checker can name what it found.
const inspector = new MarkdownIt('default', { ...OPTIONS, html: true });
inspector.validateLink = () => true;

const renderer = new MarkdownIt('default', OPTIONS);
renderer.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx]?.attrSet('rel', 'noopener noreferrer');
  return self.renderToken(tokens, idx, options);
};

const ALLOWED = 'allowed: paragraphs, *emphasis*, **strong** and [links](https://…)';

const BLOCK_MESSAGES: Readonly<Record<string, string>> = {
  heading_open: 'headings are not allowed in step text',
  bullet_list_open: 'lists are not allowed in step text',
  ordered_list_open: 'lists are not allowed in step text (a line starting "1. " is a list; write "1\\. ")',
  blockquote_open: 'block quotes are not allowed in step text',
  code_block: 'code blocks are not allowed in step text (is the line indented by 4 spaces?)',
  fence: 'code blocks are not allowed in step text',
  hr: 'horizontal rules are not allowed in step text',
  table_open: 'tables are not allowed in step text',
};

const INLINE_MESSAGES: Readonly<Record<string, string>> = {
  image: 'images are not allowed in step text',
  code_inline: 'inline code is not allowed in step text',
  s_open: 'strikethrough is not allowed in step text',
};

const BLOCK_OK = new Set(['paragraph_open', 'paragraph_close', 'inline']);
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
]);
const CLOSERS = /_close$/;

export function checkMarkdown(text: string): TextProblem[] {
  const lines = text.split('\n');
  const env: Parameters<typeof inspector.parse>[1] = {};
  const problems: TextProblem[] = [];
  const seen = new Set<string>();
  const report = (line: number, message: string): void => {
    const key = `${line}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ line, message });
  };

  for (const token of inspector.parse(text, env)) {
    const line = token.map?.[0] ?? 0;
    if (token.type === 'html_block') {
      report(line, rawHtmlMessage(token.content));
    } else if (token.level === 0 && !BLOCK_OK.has(token.type) && !CLOSERS.test(token.type)) {
      // Only the outermost construct is reported: a list's items or a table's rows add nothing.
      report(line, `${BLOCK_MESSAGES[token.type] ?? `"${token.type}" is not allowed in step text`} — ${ALLOWED}`);
    }
    const [start, end] = token.map ?? [0, lines.length];
    for (const child of token.children ?? []) checkInline(child, lines, start, end, report);
  }

  if (env.references !== undefined && Object.keys(env.references).length > 0) {
    const at = lines.findIndex((l) => /^ {0,3}\[[^\]]+\]:/.test(l));
    report(Math.max(at, 0), 'link reference definitions are not allowed — write links inline: [text](https://…)');
  }
  return problems.sort((a, b) => a.line - b.line);
}

function checkInline(
  token: Token,
  lines: readonly string[],
  start: number,
  end: number,
  report: (line: number, message: string) => void,
): void {
  // Inline tokens carry no position; the first line of their paragraph holding the markup is close enough.
  const lineOf = (needle: string): number => {
    for (let i = start; i < end; i++) if (lines[i]?.includes(needle)) return i;
    return start;
  };
  if (token.type === 'html_inline') {
    if (/^<\//.test(token.content)) return; // the opening tag was reported
    report(lineOf(token.content), rawHtmlMessage(token.content));
  } else if (token.type === 'link_open') {
    const href = String(token.attrGet('href') ?? '');
    if (!/^https?:\/\//i.test(href)) {
      report(lineOf(href), `links must use http:// or https:// — "${href}" is not allowed`);
    }
  } else if (token.type === 'image') {
    report(lineOf('!['), `${INLINE_MESSAGES.image} — ${ALLOWED}`);
  } else if (!INLINE_OK.has(token.type)) {
    const markup = token.markup === '' ? token.type : token.markup;
    const known = INLINE_MESSAGES[token.type] ?? `"${markup}" is not allowed in step text`;
    if (!CLOSERS.test(token.type)) report(lineOf(token.markup), `${known} — ${ALLOWED}`);
  }
}

/** One rule for raw HTML everywhere, step text and plain-text fields: what markdown-it reads as HTML. */
export function rawHtmlMessage(html: string, where = 'step text', fix = 'use Markdown'): string {
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(html.trim())?.[1];
  const shown = tag === undefined ? html.trim().slice(0, 24) : `<${tag.toLowerCase()}>`;
  return `raw HTML is not allowed in ${where}: ${shown} — ${fix}`;
}

/** The first raw HTML (tag, comment, …) in a plain-text field, found by the step text's parser. */
export function findRawHtml(text: string): string | undefined {
  const tokens = inspector.parseInline(text, {})[0]?.children ?? [];
  return tokens.find((token) => token.type === 'html_inline')?.content;
}

/**
 * Call only on text that `checkMarkdown` accepted. Parenthetical citations made only of the
 * step's `cite` entries, e.g. "(MID, December 3; Kommersant, November 22)", become source tags;
 * their words and brackets stay in the text (copying and screen readers get the article as written).
 */
export function renderMarkdown(text: string, cite: readonly string[] = []): string {
  return tagCitations(renderer.render(text).trim(), cite);
}

function tagCitations(html: string, cite: readonly string[]): string {
  if (cite.length === 0) return html;
  const cited = new Set(cite.map((source) => renderer.utils.escapeHtml(source.trim())));
  return html.replace(/\(([^()<>]+)\)/g, (whole, inner: string) =>
    inner.split('; ').every((part) => cited.has(part.trim()))
      ? `<span class="source-tag"><span class="source-bracket">(</span>${inner}<span class="source-bracket">)</span></span>`
      : whole,
  );
}

/** The Markdown source, one paragraph per block, lines of a paragraph joined by a space. */
export function plainText(text: string): string {
  return text
    .trim()
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join(' '),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
