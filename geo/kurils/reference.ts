/**
 * Reference areas the computed islands are held to. Copied from geo/kurils/facts.md, which gives:
 * "Reference areas (MOFA, from the GSI 2020 survey; main island / with islets): Etorofu 3,167 / 3,168 km²,
 * Kunashiri 1,489 / 1,490, Shikotan 248 / 251, Habomai 93 / 95 (Shibotsu 58, Suishō 12, Taraku 11,
 * Yuri 10, Akiyuri 2), total 5,003 km². Source: mofa.go.jp "Information about the Northern Territories"."
 */

export const REFERENCE_SOURCE =
  'MOFA (GSI 2020 survey), mofa.go.jp "Information about the Northern Territories", via geo/kurils/facts.md';

export interface ReferenceArea {
  readonly label: string;
  /** land.geojson feature ids whose areas add up to what the reference measures. */
  readonly features: readonly string[];
  readonly km2: number;
  /** How many whole-km² figures the reference adds up (each carries ±0.5 km² of rounding). */
  readonly roundedTerms?: number;
}

const HABOMAI_NAMED = ['zelyony', 'tanfiliev', 'polonsky', 'yury', 'anuchina'] as const;

export const REFERENCE_AREAS: readonly ReferenceArea[] = [
  { label: 'Iturup (Etorofu), main island', features: ['iturup'], km2: 3167 },
  { label: 'Iturup (Etorofu), with islets', features: ['iturup', 'iturup-islets'], km2: 3168 },
  { label: 'Kunashir (Kunashiri), main island', features: ['kunashir'], km2: 1489 },
  { label: 'Kunashir (Kunashiri), with islets', features: ['kunashir', 'kunashir-islets'], km2: 1490 },
  { label: 'Shikotan, main island', features: ['shikotan'], km2: 248 },
  { label: 'Shikotan, with islets', features: ['shikotan', 'shikotan-islets'], km2: 251 },
  { label: 'Habomai, the five named islets', features: HABOMAI_NAMED, km2: 93, roundedTerms: 5 },
  { label: 'Habomai, with islets', features: [...HABOMAI_NAMED, 'habomai-islets'], km2: 95 },
  { label: 'Zelyony (Shibotsu)', features: ['zelyony'], km2: 58 },
  { label: 'Tanfiliev (Suishō)', features: ['tanfiliev'], km2: 12 },
  { label: 'Polonsky (Taraku)', features: ['polonsky'], km2: 11 },
  { label: 'Yury (Yuri)', features: ['yury'], km2: 10 },
  { label: 'Anuchina (Akiyuri)', features: ['anuchina'], km2: 2 },
  {
    label: 'All four (total)',
    features: [
      'iturup',
      'iturup-islets',
      'kunashir',
      'kunashir-islets',
      'shikotan',
      'shikotan-islets',
      ...HABOMAI_NAMED,
      'habomai-islets',
    ],
    km2: 5003,
  },
];

/** The limit. */
export const REFERENCE_TOLERANCE = 0.02;
/**
 * MOFA states areas to the whole km², so a 2 km² islet is anything from 1.5 to 2.5 km², and the
 * Habomai "93" is the sum of five such figures (58 + 12 + 11 + 10 + 2). Each comparison therefore
 * allows 2% plus half a km² per rounded figure; for the big islands that is 2% in effect.
 */
export const ROUNDING_ALLOWANCE_KM2 = 0.5;

export interface ReferenceComparison {
  readonly label: string;
  readonly features: readonly string[];
  readonly reference_km2: number;
  readonly computed_km2: number;
  readonly diff_pct: number;
  readonly allowed_km2: number;
  readonly ok: boolean;
}

/** Compares computed areas (by land feature id; absent ids count 0) with the references. */
export function compareWithReference(areas: ReadonlyMap<string, number>): ReferenceComparison[] {
  return REFERENCE_AREAS.map((ref) => {
    const computed = ref.features.reduce((sum, id) => sum + (areas.get(id) ?? 0), 0);
    const allowed = REFERENCE_TOLERANCE * ref.km2 + ROUNDING_ALLOWANCE_KM2 * (ref.roundedTerms ?? 1);
    return {
      label: ref.label,
      features: ref.features,
      reference_km2: ref.km2,
      computed_km2: Math.round(computed * 10) / 10,
      diff_pct: Math.round((computed / ref.km2 - 1) * 10000) / 100,
      allowed_km2: Math.round(allowed * 100) / 100,
      ok: Math.abs(computed - ref.km2) <= allowed,
    };
  });
}
