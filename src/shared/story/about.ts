/**
 * The "About this map" section's data: the article's citations gathered from the steps, the
 * figures read from `geo/kurils/out/facts.json`, and number formatting for readers. Pure, no DOM: the
 * section is prerendered on the server and hydrated in the browser from the same values.
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

// ---------------------------------------------------------------------------------------------
// The figures the section states, read from facts.json

export interface AreaRow {
  label: string;
  computedKm2: number;
  referenceKm2: number;
  diffPct: number;
}

export interface MissileReach {
  rangeKm: number;
  hokkaidoKm2InRange: number;
  hokkaidoSharePct: number;
  nemuroStraitSharePct: number;
}

export interface Distance {
  from: string;
  to: string;
  /** Measured on the map's coastline data. */
  km: number;
  /** Japan's government figure for the same crossing. */
  officialKm: number;
}

export interface Arm1945 {
  lengthKm: number;
  overLandKm: number;
}

/** A feature the map draws as approximate: what it is, why, and from what. */
export interface Approximate {
  id: string;
  name: string;
  reason: string;
  source: string;
}

export interface AboutFacts {
  areas: AreaRow[];
  offer1956: { disputedKm2: number; offeredKm2: number; sharePct: number };
  missiles: {
    hokkaidoKm2: number;
    nemuroStraitKm2: number;
    /** The sea box that defines the strait, `[west, south, east, north]` in degrees. */
    nemuroStraitBox: [west: number, south: number, east: number, north: number];
    bal: MissileReach;
    bastion: MissileReach;
  };
  distances: { nosappuKaigara: Distance; nosappuHabomai: Distance; hokkaidoKunashir: Distance };
  route1945: { north: Arm1945; south: Arm1945 };
  approximate: Approximate[];
}

export class FactsError extends Error {
  override name = 'FactsError';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Typed access to facts.json by key path; any gap is an error naming the key. */
class Reader {
  constructor(
    private readonly value: unknown,
    private readonly path: string,
  ) {}

  fail(problem: string): never {
    throw new FactsError(
      `geo/kurils/out/facts.json: "${this.path}" ${problem} — the "About this map" section needs it`,
    );
  }

  get(key: string | number): Reader {
    const path =
      this.path === '' ? String(key) : typeof key === 'number' ? `${this.path}[${key}]` : `${this.path}.${key}`;
    if (typeof key === 'number') {
      if (!Array.isArray(this.value)) this.fail('must be a list');
      return new Reader(this.value[key], path);
    }
    if (!isRecord(this.value)) {
      if (this.path === '') throw new FactsError('geo/kurils/out/facts.json must hold a JSON object');
      this.fail('must be an object');
    }
    if (!Object.hasOwn(this.value, key)) new Reader(undefined, path).fail('is missing');
    return new Reader(this.value[key], path);
  }

  number(): number {
    if (this.value === undefined) this.fail('is missing');
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) {
      this.fail(`must be a number, not ${JSON.stringify(this.value)}`);
    }
    return this.value;
  }

  text(): string {
    if (this.value === undefined) this.fail('is missing');
    if (typeof this.value !== 'string' || this.value.trim() === '') {
      this.fail(`must be non-empty text, not ${JSON.stringify(this.value)}`);
    }
    return this.value;
  }

  list(): Reader[] {
    if (this.value === undefined) this.fail('is missing');
    if (!Array.isArray(this.value) || this.value.length === 0) this.fail('must be a non-empty list');
    return this.value.map((_, i) => this.get(i));
  }

  /** The W, S, E, N box written in a definition such as "sea inside bbox 144.95, 43.4, 145.7, 44.35 …". */
  box(): [number, number, number, number] {
    const match = /bbox\s+(-?[\d.]+),\s*(-?[\d.]+),\s*(-?[\d.]+),\s*(-?[\d.]+)/.exec(this.text());
    const [w, s, e, n] = (match?.slice(1) ?? []).map(Number);
    if (w === undefined || s === undefined || e === undefined || n === undefined || !(w < e && s < n)) {
      this.fail('must name its box as "bbox W, S, E, N" with W < E and S < N');
    }
    return [w, s, e, n];
  }
}

function readAreas(rows: Reader): AreaRow[] {
  const seen = new Set<string>();
  return rows.list().map((row) => {
    const label = row.get('label').text();
    // The table is keyed by label.
    if (seen.has(label)) row.get('label').fail(`repeats "${label}" of an earlier row`);
    seen.add(label);
    return {
      label,
      computedKm2: row.get('computed_km2').number(),
      referenceKm2: row.get('reference_km2').number(),
      diffPct: row.get('diff_pct').number(),
    };
  });
}

function readReach(missiles: Reader, system: string): MissileReach {
  const reach = missiles.get('reach').get(system);
  return {
    rangeKm: reach.get('range_km').number(),
    hokkaidoKm2InRange: reach.get('hokkaido_km2_in_range').number(),
    hokkaidoSharePct: reach.get('hokkaido_share_pct').number(),
    nemuroStraitSharePct: reach.get('nemuro_strait_share_pct').number(),
  };
}

function readDistance(distances: Reader, id: string): Distance {
  const d = distances.get(id);
  return {
    from: d.get('from').text(),
    to: d.get('to').text(),
    km: d.get('km').number(),
    officialKm: d.get('official_km').number(),
  };
}

function readArm(arms: Reader, arm: string): Arm1945 {
  const a = arms.get(arm);
  return { lengthKm: a.get('length_km').number(), overLandKm: a.get('over_land_km').number() };
}

/**
 * The figures the section states, checked: throws a `FactsError` naming the first missing or
 * malformed key, so a geodata rebuild that drops a figure fails the build rather than printing
 * "undefined km".
 */
export function readFacts(raw: unknown): AboutFacts {
  const facts = new Reader(raw, '');
  const reference = facts.get('reference_comparison');
  const offer = facts.get('offer_1956');
  const missiles = facts.get('missiles_2016');
  const distances = facts.get('distances');
  const arms = facts.get('occupation_1945').get('arms');
  return {
    areas: readAreas(reference.get('rows')),
    offer1956: {
      disputedKm2: offer.get('disputed_km2').number(),
      offeredKm2: offer.get('offered_km2').number(),
      sharePct: offer.get('share_pct').number(),
    },
    missiles: {
      hokkaidoKm2: missiles.get('hokkaido_km2').number(),
      nemuroStraitKm2: missiles.get('nemuro_strait_km2').number(),
      nemuroStraitBox: missiles.get('nemuro_strait_definition').box(),
      bal: readReach(missiles, 'bal'),
      bastion: readReach(missiles, 'bastion'),
    },
    distances: {
      nosappuKaigara: readDistance(distances, 'nosappu-kaigara'),
      nosappuHabomai: readDistance(distances, 'nosappu-habomai'),
      hokkaidoKunashir: readDistance(distances, 'hokkaido-kunashir'),
    },
    route1945: { north: readArm(arms, 'north'), south: readArm(arms, 'south') },
    approximate: facts
      .get('approximate')
      .list()
      .map((thing) => ({
        id: thing.get('id').text(),
        name: thing.get('name').text(),
        reason: thing.get('reason').text(),
        source: thing.get('source').text(),
      })),
  };
}

/** A box edge for readers: 144.95° E, 43.40° N. */
export function formatDegrees(value: number, axis: 'lon' | 'lat'): string {
  const hemisphere = axis === 'lon' ? (value < 0 ? 'W' : 'E') : value < 0 ? 'S' : 'N';
  return `${formatNumber(Math.abs(value), 2)}°${NBSP}${hemisphere}`;
}
