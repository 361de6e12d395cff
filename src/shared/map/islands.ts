/**
 * The facts the island panel shows, taken from the land dataset's properties: only islands that
 * carry names in all three scripts and a dispute status (the four southern Kurils and the named
 * Habomai islets). Pure, for the build-time plugin and the tests.
 */
export interface IslandFact {
  id: string;
  nameEn: string;
  nameJa: string;
  nameJaRomaji: string;
  nameRu: string;
  areaKm2: number;
  /** Who governs it now (ISO country code). */
  admin: string;
  /** Who claims it (ISO country code). */
  claimedBy: string;
  group: string;
}

interface LandFeature {
  properties: Record<string, unknown>;
}

export function islandFacts(land: { features: LandFeature[] }): IslandFact[] {
  return land.features.flatMap(({ properties: p }) => {
    const text = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : undefined);
    const [id, nameEn, nameJa, nameJaRomaji, nameRu, admin, claimedBy, group] = [
      'id',
      'name_en',
      'name_ja',
      'name_ja_romaji',
      'name_ru',
      'admin',
      'claimed_by',
      'group',
    ].map(text);
    const areaKm2 = typeof p.area_km2 === 'number' ? p.area_km2 : undefined;
    if (
      !id ||
      !nameEn ||
      !nameJa ||
      !nameJaRomaji ||
      !nameRu ||
      !admin ||
      !claimedBy ||
      !group ||
      areaKm2 === undefined
    ) {
      return [];
    }
    return [{ id, nameEn, nameJa, nameJaRomaji, nameRu, areaKm2, admin, claimedBy, group }];
  });
}

const COUNTRY: Record<string, string> = { RU: 'Russia', JP: 'Japan' };

/** One plain sentence of status, the same wording for every island so neither side is favoured. */
export function statusLine(island: Pick<IslandFact, 'admin' | 'claimedBy'>): string {
  const admin = COUNTRY[island.admin] ?? island.admin;
  const claimant = COUNTRY[island.claimedBy] ?? island.claimedBy;
  return `Administered by ${admin} since 1945; claimed by ${claimant}.`;
}

export function formatArea(km2: number): string {
  const rounded = km2 >= 100 ? Math.round(km2) : Math.round(km2 * 10) / 10;
  return `${rounded.toLocaleString('en-GB')} km²`;
}
