import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatArea, islandFacts, statusLine } from '../../src/shared/map/islands.ts';

const land = JSON.parse(readFileSync('geo/kurils/out/land.geojson', 'utf8'));

describe('islandFacts', () => {
  const facts = islandFacts(land);

  it('covers the four disputed islands and the named Habomai islets, with three scripts each', () => {
    const ids = facts.map((f) => f.id);
    for (const id of ['iturup', 'kunashir', 'shikotan', 'zelyony', 'tanfiliev', 'polonsky', 'yury', 'anuchina']) {
      expect(ids).toContain(id);
    }
    const iturup = facts.find((f) => f.id === 'iturup')!;
    expect(iturup).toMatchObject({
      nameEn: 'Iturup',
      nameJa: '択捉島',
      nameJaRomaji: 'Etorofu',
      nameRu: 'Итуруп',
      admin: 'RU',
      claimedBy: 'JP',
    });
    expect(iturup.areaKm2).toBeGreaterThan(3100);
  });

  it('leaves out land without a dispute status or a full set of names', () => {
    expect(facts.map((f) => f.id)).not.toContain('hokkaido');
    expect(islandFacts({ features: [{ properties: { id: 'x', name_en: 'X' } }] })).toEqual([]);
  });
});

describe('wording', () => {
  it('states the status the same way for every island', () => {
    expect(statusLine({ admin: 'RU', claimedBy: 'JP' })).toBe('Administered by Russia since 1945; claimed by Japan.');
  });

  it('rounds areas for reading', () => {
    expect(formatArea(3179.9)).toBe('3,180 km²');
    expect(formatArea(12.64)).toBe('12.6 km²');
  });
});
