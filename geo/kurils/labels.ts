/**
 * labels.geojson: where names go. Islands are labelled inside their polygon (computed); seas,
 * straits and countries at hand-placed points checked to be at sea or inside the country.
 */
import type { Feature, MultiPolygon as GeoMultiPolygon, Point, Polygon as GeoPolygon } from 'geojson';
import { REGION_DECIMALS } from './config.ts';
import { PipelineError } from './errors.ts';
import { NAMED_LAND } from './gazetteer.ts';
import { areaKm2, labelPoint, pointInPolygon, polygonsOf, type Position, roundPosition } from './geom.ts';
import type { LandFeature } from './islands.ts';
import type { LabelProps, WorldProps } from './schema.ts';

type LabelFeature = Feature<Point, LabelProps>;

/** Story weight: 1 shows first when zoomed out. */
const ISLAND_RANK: Record<string, LabelProps['rank']> = {
  hokkaido: 2,
  sakhalin: 2,
  kamchatka: 2,
  honshu: 3,
  iturup: 2,
  kunashir: 2,
  shikotan: 2,
  urup: 3,
  shumshu: 3,
  paramushir: 3,
};

interface FixedLabel {
  readonly id: string;
  readonly kind: LabelProps['kind'];
  readonly at: Position;
  readonly nameEn: string;
  readonly nameJa?: string;
  readonly nameJaRomaji?: string;
  readonly nameRu?: string;
  readonly rank: LabelProps['rank'];
  readonly target?: string;
  /** 'sea' labels must not sit on land; 'in' labels must sit inside this world feature. */
  readonly check: 'sea' | { in: string };
  readonly source: string;
}

const WIKI = (title: string): string => `names: Wikipedia (en/ja/ru), "${title}"; label position placed by hand`;

const FIXED: readonly FixedLabel[] = [
  {
    id: 'label-kuril-islands',
    kind: 'island-group',
    at: [151.3, 48.2],
    nameEn: 'Kuril Islands',
    nameJa: '千島列島',
    nameRu: 'Курильские острова',
    rank: 1,
    check: 'sea',
    source: WIKI('Kuril Islands'),
  },
  {
    id: 'label-habomai',
    kind: 'island-group',
    at: [146.22, 43.3],
    nameEn: 'Habomai Islands',
    nameJa: '歯舞群島',
    nameJaRomaji: 'Habomai',
    nameRu: 'Хабомаи',
    rank: 2,
    check: 'sea',
    source: 'names: geo/kurils/facts.md (names table); label position placed by hand',
  },
  {
    id: 'label-sea-of-okhotsk',
    kind: 'sea',
    at: [149.5, 51.5],
    nameEn: 'Sea of Okhotsk',
    nameJa: 'オホーツク海',
    nameRu: 'Охотское море',
    rank: 1,
    check: 'sea',
    source: WIKI('Sea of Okhotsk'),
  },
  {
    id: 'label-pacific-ocean',
    kind: 'sea',
    at: [153.5, 44.0],
    nameEn: 'Pacific Ocean',
    nameJa: '太平洋',
    nameRu: 'Тихий океан',
    rank: 1,
    check: 'sea',
    source: WIKI('Pacific Ocean'),
  },
  {
    id: 'label-sea-of-japan',
    kind: 'sea',
    at: [135.5, 40.5],
    nameEn: 'Sea of Japan',
    nameJa: '日本海',
    nameRu: 'Японское море',
    rank: 1,
    check: 'sea',
    source: WIKI('Sea of Japan'),
  },
  {
    id: 'label-friza-strait',
    kind: 'strait',
    at: [149.15, 45.62],
    nameEn: 'Friza (Vries) Strait',
    nameJa: '択捉水道',
    nameRu: 'пролив Фриза',
    rank: 3,
    target: 'border-1855',
    check: 'sea',
    source:
      'names: Wikipedia (en), "Friza Strait"; Wikipedia (ja), "択捉水道" (フリース海峡 redirects to it; Russian пролив Фриза); label position placed by hand',
  },
  {
    id: 'label-first-kuril-strait',
    kind: 'strait',
    at: [156.58, 50.85],
    nameEn: 'First Kuril Strait',
    nameJa: '占守海峡',
    nameRu: 'Первый Курильский пролив',
    rank: 3,
    target: 'border-1875',
    check: 'sea',
    source:
      'names: Wikipedia (en), "First Kuril Strait"; Wikipedia (ja), "占守海峡" (ロシア語: Первый Курильский пр.); label position placed by hand',
  },
  {
    id: 'label-nemuro-strait',
    kind: 'strait',
    at: [145.25, 43.85],
    nameEn: 'Nemuro Strait',
    nameJa: '根室海峡',
    nameRu: 'Кунаширский пролив',
    rank: 3,
    check: 'sea',
    source:
      'names: Wikipedia (en), "Nemuro Strait"; Wikipedia (ja), "根室海峡" (Russian: Кунаширский пролив north of Kunashir\'s southern end; its narrowest part, off the Notsuke peninsula, пролив Измены); label position placed by hand',
  },
  {
    id: 'label-russia',
    kind: 'country',
    // In the Far East, inland of Ayan, not at the country's middle: the steps that name Russia frame
    // Moscow–Tokyo and Tokyo–San Francisco, and both show it here. The second shows Russia only east of
    // about 115°E on a phone (at 100°E the name was cut by the screen's left edge), east of Tokyo's
    // meridian less 4° in its wide still picture, and south of about 60°N on a desktop.
    at: [136, 57],
    nameEn: 'Russia',
    nameJa: 'ロシア',
    nameRu: 'Россия',
    rank: 1,
    target: 'country-russia',
    check: { in: 'country-russia' },
    source: WIKI('Russia'),
  },
  {
    id: 'label-japan',
    kind: 'country',
    // In northern Honshu, not by Tokyo: the steps that name Japan mark Tokyo too, whose dot and name
    // took the room of a country name in central Honshu at world scale (a phone's still of Tokyo–San Francisco).
    at: [140.5, 39.5],
    nameEn: 'Japan',
    nameJa: '日本',
    nameRu: 'Япония',
    rank: 1,
    target: 'country-japan',
    check: { in: 'country-japan' },
    source: WIKI('Japan'),
  },
  {
    id: 'label-china',
    kind: 'country',
    at: [104, 35],
    nameEn: 'China',
    nameJa: '中国',
    nameRu: 'Китай',
    rank: 1,
    target: 'country-china',
    check: { in: 'country-china' },
    source: WIKI('China'),
  },
  {
    id: 'label-ukraine',
    kind: 'country',
    at: [31.2, 49.2],
    nameEn: 'Ukraine',
    nameJa: 'ウクライナ',
    nameRu: 'Украина',
    rank: 1,
    target: 'country-ukraine',
    check: { in: 'country-ukraine' },
    source: WIKI('Ukraine'),
  },
  {
    id: 'label-united-states',
    kind: 'country',
    // In Oregon, by the West Coast, not at the country's middle: the steps that name the United States
    // frame Tokyo–San Francisco, whose east edge is just past San Francisco.
    at: [-120, 44.5],
    nameEn: 'United States',
    nameJa: 'アメリカ合衆国',
    nameRu: 'США',
    rank: 1,
    target: 'country-united-states',
    check: { in: 'country-united-states' },
    source: WIKI('United States'),
  },
];

function largestPolygon(f: LandFeature): ReturnType<typeof polygonsOf>[number] {
  const [largest] = polygonsOf(f.geometry).sort((a, b) => areaKm2(b) - areaKm2(a));
  if (!largest) throw new PipelineError('geo/kurils/labels.ts', f.properties.id, 'no polygon to label');
  return largest;
}

/** Labels of land Japan claims, and of the Habomai group: they carry the name in all three scripts. */
export const DISPUTED_LABEL_IDS: readonly string[] = [
  ...NAMED_LAND.filter((l) => l.claimedBy === 'JP').map((l) => `label-${l.id}`),
  'label-habomai',
];

function missingNames(p: LabelProps): string[] {
  return (['name_en', 'name_ja', 'name_ja_romaji', 'name_ru'] as const).filter((k) => !p[k]);
}

export function labels(
  land: readonly LandFeature[],
  world: readonly Feature<GeoPolygon | GeoMultiPolygon, WorldProps>[],
): LabelFeature[] {
  const out: LabelFeature[] = [];
  for (const named of NAMED_LAND) {
    const f = land.find((l) => l.properties.id === named.id);
    if (!f) throw new PipelineError('geo/kurils/labels.ts', named.id, 'named island missing from land');
    const habomaiIslet = named.group === 'habomai';
    // The Japanese reading goes on Kuril labels only ("Iturup / Etorofu"); Hokkaido, Sakhalin and the
    // rest are labelled as they are known in English.
    const romaji = named.group !== 'other' ? named.nameJaRomaji : undefined;
    out.push({
      type: 'Feature',
      properties: {
        id: `label-${named.id}`,
        kind: named.kind === 'mainland' ? 'peninsula' : 'island',
        name_en: named.nameEn,
        ...(named.nameJa ? { name_ja: named.nameJa } : {}),
        ...(romaji ? { name_ja_romaji: romaji } : {}),
        ...(named.nameRu ? { name_ru: named.nameRu } : {}),
        rank: ISLAND_RANK[named.id] ?? (habomaiIslet ? 5 : 4),
        target: named.id,
        source: `names: ${named.nameSource}; position: inside the island polygon (computed)`,
      },
      geometry: { type: 'Point', coordinates: labelPoint(largestPolygon(f), REGION_DECIMALS) },
    });
  }
  for (const l of FIXED) {
    const at = roundPosition(l.at, REGION_DECIMALS);
    if (l.check === 'sea') {
      const hit = land.find((f) => polygonsOf(f.geometry).some((p) => pointInPolygon(at, p)));
      if (hit) throw new PipelineError('geo/kurils/labels.ts', l.id, `sea label is on land (${hit.properties.id})`);
    } else {
      const target = l.check.in;
      const country = world.find((w) => w.properties.id === target);
      if (!country || !polygonsOf(country.geometry).some((p) => pointInPolygon(at, p))) {
        throw new PipelineError('geo/kurils/labels.ts', l.id, `label is not inside ${target}`);
      }
    }
    out.push({
      type: 'Feature',
      properties: {
        id: l.id,
        kind: l.kind,
        name_en: l.nameEn,
        ...(l.nameJa ? { name_ja: l.nameJa } : {}),
        ...(l.nameJaRomaji ? { name_ja_romaji: l.nameJaRomaji } : {}),
        ...(l.nameRu ? { name_ru: l.nameRu } : {}),
        rank: l.rank,
        ...(l.target ? { target: l.target } : {}),
        source: l.source,
      },
      geometry: { type: 'Point', coordinates: at },
    });
  }
  for (const id of DISPUTED_LABEL_IDS) {
    const label = out.find((l) => l.properties.id === id);
    const missing = label ? missingNames(label.properties) : ['the label'];
    if (missing.length > 0)
      throw new PipelineError('geo/kurils/labels.ts', id, `a disputed island's label needs ${missing.join(', ')}`);
  }
  return out;
}
