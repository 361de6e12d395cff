import { describe, expect, it } from 'vitest';
import { legendFor, timelineFor } from '../../src/shared/story/reading-aids.ts';
import { kurils } from './kurils.ts';

const registry = kurils.layers.registry;

const steps = [
  { id: 'summit', layers: [], muted: [] },
  { id: 'occupation', layers: ['occupation-1945'], muted: ['disputed'] },
  { id: 'offer', layers: ['offer-1956'], muted: ['occupation-1945'] },
] as const;
const mutable = steps.map((s) => ({ ...s, layers: [...s.layers], muted: [...s.muted] }));

describe('legendFor', () => {
  it('lists only what the step shows, muted layers last and marked', () => {
    expect(legendFor(mutable[1]!, registry)).toEqual([
      {
        id: 'occupation-1945',
        key: 'occupation-1945-north',
        part: 'north',
        label: 'Soviet occupation 1945, north from Petropavlovsk-Kamchatsky, 18–31 Aug: schematic route',
        swatch: expect.objectContaining({ kind: 'line' }),
        muted: false,
      },
      {
        id: 'occupation-1945',
        key: 'occupation-1945-south',
        part: 'south',
        label: 'Soviet occupation 1945, south from Otomari (Korsakov), 28 Aug – 5 Sep: schematic route',
        swatch: expect.objectContaining({ kind: 'line' }),
        muted: false,
      },
      {
        id: 'disputed',
        key: 'disputed',
        label: 'Islands claimed by Japan, held by Russia since 1945',
        swatch: expect.objectContaining({ kind: 'area' }),
        muted: true,
      },
    ]);
  });

  it('says on the 1951 layer that what the Kurile Islands include is disputed', () => {
    const [item] = legendFor({ layers: ['renounced-1951'], muted: [] }, registry);
    expect(item?.label).toMatch(/four southern groups is disputed/);
    expect(legendFor(mutable[0]!, registry)).toEqual([]);
  });
});

describe('timelineFor', () => {
  it('links each year to the first step that shows it in full, and marks what is on the map now', () => {
    const rail = timelineFor(mutable, mutable[2]!, registry);
    expect(rail.map((y) => y.year)).toEqual([1855, 1875, 1945, 1951, 1956, 2016]);
    const byYear = Object.fromEntries(rail.map((y) => [y.year, y]));
    expect(byYear[1945]).toEqual({ year: 1945, stepId: 'occupation', shown: true });
    expect(byYear[1956]).toEqual({ year: 1956, stepId: 'offer', shown: true });
    expect(byYear[2016]).toEqual({ year: 2016, stepId: undefined, shown: false });
  });
});
