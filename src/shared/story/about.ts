/**
 * The "About this map" section's engine parts: the article's citations gathered from the steps, and
 * number formatting for readers (the formatters of about.md's fact slots, src/build/story/fact-slots.ts).
 * Pure, no DOM.
 */
import type { Step } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Citations

export interface CitingStep {
  /** The step's id, the target of an in-page link. */
  id: string;
  /** 1-based position in the story. */
  number: number;
  /** The step's opening words, so a link says where it leads. */
  excerpt: string;
}

export interface Citation {
  /** As the article writes it, e.g. "MID, December 3". */
  source: string;
  /** The steps citing it, in story order, each once. */
  steps: CitingStep[];
}

const EXCERPT_WORDS = 6;

/** The first `words` words of a step's plain text, with an ellipsis when there is more. */
export function excerptOf(plain: string, words = EXCERPT_WORDS): string {
  const all = plain.trim().split(/\s+/).filter(Boolean);
  if (all.length <= words) return all.join(' ');
  return `${all
    .slice(0, words)
    .join(' ')
    .replace(/[\s,;:.—–-]+$/u, '')}…`;
}

const normalise = (source: string): string => source.trim().replace(/\s+/g, ' ');

/**
 * Every distinct citation in the steps' `cite` lists, in the order the story first cites it.
 * Citations that differ only in spacing are one; different spellings ("Kommersant",
 * "Kommersant.ru") stay apart, as the article wrote them.
 */
export function collectCitations(steps: readonly Pick<Step, 'id' | 'cite' | 'plain'>[]): Citation[] {
  const bySource = new Map<string, Citation>();
  for (const [index, step] of steps.entries()) {
    for (const raw of step.cite) {
      const source = normalise(raw);
      if (source === '') continue;
      const citation = bySource.get(source) ?? { source, steps: [] };
      if (!citation.steps.some((s) => s.id === step.id)) {
        citation.steps.push({ id: step.id, number: index + 1, excerpt: excerptOf(step.plain) });
      }
      bySource.set(source, citation);
    }
  }
  return [...bySource.values()];
}

// ---------------------------------------------------------------------------------------------
// Numbers for readers

const MINUS = '\u2212';
const NBSP = '\u00a0';

/** Fixed decimals, comma thousands separators, a true minus sign; never "−0.0". */
export function formatNumber(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot format ${String(value)} as a number`);
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(fixed) !== 0 ? MINUS : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

export const formatKm = (value: number, decimals = 1): string => `${formatNumber(value, decimals)}${NBSP}km`;
export const formatKm2 = (value: number, decimals = 1): string => `${formatNumber(value, decimals)}${NBSP}km²`;

/** A percentage with one decimal, or none when it is whole (100%, not 100.0%). */
export function formatPercent(value: number): string {
  return `${formatNumber(value, Number.isInteger(value) ? 0 : 1)}%`;
}

/** A difference in percent with its sign: +0.4%, −0.3%, 0.0%. */
export function formatSignedPercent(value: number): string {
  const text = formatNumber(value, 1);
  return `${value > 0 && Number(value.toFixed(1)) !== 0 ? '+' : ''}${text}%`;
}

/** A box edge for readers: 144.95° E, 43.40° N. */
export function formatDegrees(value: number, axis: 'lon' | 'lat'): string {
  const hemisphere = axis === 'lon' ? (value < 0 ? 'W' : 'E') : value < 0 ? 'S' : 'N';
  return `${formatNumber(Math.abs(value), 2)}°${NBSP}${hemisphere}`;
}
