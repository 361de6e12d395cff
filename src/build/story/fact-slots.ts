/**
 * Fact slots: `{{ distances.nosappu-kaigara.km | km }}` in a story's about.md, filled at build time
 * from the facts JSON file the About text names. A slot is a key path into that file and a
 * formatter; this module reads the path, checks the value has the formatter's type and formats it
 * for readers (HTML, escaped). Pure: the caller reads the facts file.
 */
import MarkdownIt from 'markdown-it';
import {
  formatDegrees,
  formatKm,
  formatKm2,
  formatNumber,
  formatPercent,
  formatSignedPercent,
} from '../../shared/story/about.ts';
import { didYouMean } from '../../shared/story/suggest.ts';

const escapeHtml = new MarkdownIt().utils.escapeHtml;

type Accepts = 'number' | 'text' | 'list';

interface Formatter {
  readonly accepts: Accepts;
  /** What it writes, for FORMAT.md and the error that lists the formatters. */
  readonly help: string;
  /** Takes a number of decimals after a colon, e.g. `km:0`; the default is 1. */
  readonly decimals?: boolean;
  /** Writes a block (a list) and so must stand alone on its line. */
  readonly block?: boolean;
  readonly format: (value: never, decimals: number) => string;
}

const formatter = <T>(
  accepts: Accepts,
  help: string,
  format: (value: T, decimals: number) => string,
  flags: { decimals?: boolean; block?: boolean } = {},
): Formatter => ({ accepts, help, format: format as (value: never, decimals: number) => string, ...flags });

/** A thing the map draws approximately, as the geodata pipeline lists it: what, why and from what. */
interface ApproximateItem {
  name: string;
  reason: string;
  source: string;
}

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  text: formatter<string>('text', 'text as it is (the default for text)', (value) => escapeHtml(value)),
  number: formatter<number>('number', '3,179.9', (value, d) => formatNumber(value, d), { decimals: true }),
  km: formatter<number>('number', '16.2 km', (value, d) => formatKm(value, d), { decimals: true }),
  km2: formatter<number>('number', '5,019.2 km²', (value, d) => formatKm2(value, d), { decimals: true }),
  percent: formatter<number>('number', '6.9%, or 100% when whole', (value) => formatPercent(value)),
  'signed-percent': formatter<number>('number', '+0.4%, −0.3%', (value) => formatSignedPercent(value)),
  share: formatter<number>('number', 'a percentage, or "all" at 100', (value) =>
    value >= 100 ? 'all' : formatPercent(value),
  ),
  lon: formatter<number>('number', '144.95° E', (value) => formatDegrees(value, 'lon')),
  lat: formatter<number>('number', '43.40° N', (value) => formatDegrees(value, 'lat')),
  'approximate-list': formatter<ApproximateItem[]>(
    'list',
    'a list of {name, reason, source} items: "name: reason Source: source."',
    (items) =>
      `<ul class="approximate">\n${items
        .map(
          ({ name, reason, source }) =>
            `<li><strong>${escapeHtml(name)}</strong>: ${escapeHtml(reason)} <span class="source">Source: ${escapeHtml(source)}.</span></li>\n`,
        )
        .join('')}</ul>`,
    { block: true },
  ),
};

/** The formatters a slot may name, in the order FORMAT.md lists them. */
export const FORMATTER_NAMES = Object.keys(FORMATTERS);
const ALLOWED_FORMATTERS = `formatters: ${FORMATTER_NAMES.join(', ')} (number, km and km2 take decimals, e.g. km:0)`;

/** A slot's inside: `path | formatter` or `path | formatter:decimals`, or a bare path for text. */
const SLOT = /^([^\s|]+)\s*(?:\|\s*([a-z0-9-]+)(?::(\d+))?\s*)?$/;
const MAX_DECIMALS = 6;

export interface FilledSlot {
  readonly html: string;
  readonly block: boolean;
}

export type SlotResult = { ok: true; slot: FilledSlot } | { ok: false; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown): string =>
  Array.isArray(value) ? 'a list' : isRecord(value) ? 'an object' : JSON.stringify(value);

const keysOf = (value: Record<string, unknown>): string => {
  const keys = Object.keys(value);
  return keys.length > 12 ? `${keys.slice(0, 12).join(', ')}, …` : keys.join(', ');
};

/** The value at a dotted key path (`rows.0.label`: a number indexes a list), or why there is none. */
export function factAt(facts: unknown, path: string): { value: unknown } | { missing: string } {
  let value = facts;
  const walked: string[] = [];
  for (const key of path.split('.')) {
    const here = walked.length === 0 ? 'the facts file' : `"${walked.join('.')}"`;
    if (Array.isArray(value)) {
      const index = /^\d+$/.test(key) ? Number(key) : Number.NaN;
      if (!(index < value.length)) {
        return {
          missing: `${here} is a list of ${value.length}: "${key}" is not an index from 0 to ${value.length - 1}`,
        };
      }
      value = value[index];
    } else if (isRecord(value)) {
      if (!Object.hasOwn(value, key)) {
        return { missing: `${here} has no "${key}"${didYouMean(key, Object.keys(value))} (it has: ${keysOf(value)})` };
      }
      value = value[key];
    } else {
      return { missing: `${here} is ${describe(value)}, so it has no "${key}"` };
    }
    walked.push(key);
  }
  return { value };
}

function checkType(value: unknown, accepts: Accepts, name: string): string | undefined {
  if (accepts === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) {
    return `${name} formats a number, and this fact is ${describe(value)}`;
  }
  if (accepts === 'text' && (typeof value !== 'string' || value.trim() === '')) {
    const hint = typeof value === 'number' ? ' — a number needs a formatter, e.g. "| number" or "| km"' : '';
    return `${name} writes text, and this fact is ${describe(value)}${hint}`;
  }
  if (accepts === 'list') {
    if (!Array.isArray(value) || value.length === 0) return `${name} formats a non-empty list, not ${describe(value)}`;
    for (const [i, item] of value.entries()) {
      for (const key of ['name', 'reason', 'source']) {
        const field: unknown = isRecord(item) ? item[key] : undefined;
        if (typeof field !== 'string' || field.trim() === '') return `${name}: item ${i} has no text "${key}"`;
      }
    }
  }
  return undefined;
}

/** Fills one slot (the text between `{{` and `}}`) from the facts, or says what is wrong. */
export function fillSlot(inside: string, facts: unknown, factsFile: string): SlotResult {
  const match = SLOT.exec(inside.trim());
  if (match === null) {
    return { ok: false, message: `a slot is "{{ key.path | formatter }}" — ${ALLOWED_FORMATTERS}` };
  }
  const [, path = '', name = 'text', digits] = match;
  const chosen = FORMATTERS[name];
  if (chosen === undefined) {
    return {
      ok: false,
      message: `unknown formatter "${name}"${didYouMean(name, FORMATTER_NAMES)} — ${ALLOWED_FORMATTERS}`,
    };
  }
  if (digits !== undefined && (chosen.decimals !== true || Number(digits) > MAX_DECIMALS)) {
    return {
      ok: false,
      message:
        chosen.decimals === true
          ? `${name}:${digits} — allowed 0 to ${MAX_DECIMALS} decimals`
          : `${name} takes no decimals — only number, km and km2 do`,
    };
  }
  const found = factAt(facts, path);
  if ('missing' in found) return { ok: false, message: `no fact "${path}" in ${factsFile}: ${found.missing}` };
  const wrong = checkType(found.value, chosen.accepts, `"${name}"`);
  if (wrong !== undefined) return { ok: false, message: `"${path}": ${wrong}` };
  return {
    ok: true,
    slot: {
      html: chosen.format(found.value as never, digits === undefined ? 1 : Number(digits)),
      block: chosen.block === true,
    },
  };
}
