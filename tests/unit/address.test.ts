/**
 * The address as the reader follows the story (src/shared/scroll/address.ts), and the steps an
 * embed's `start` leaves.
 */
import { describe, expect, it } from 'vitest';
import { addressForStep, stepsFrom } from '../../src/shared/scroll/address.ts';

const at = (hash: string, search = '') => ({ pathname: '/story/', search, hash });
const reading = { presenting: false, readingIntro: () => false };
const inIntro = { presenting: false, readingIntro: () => true };

describe('address after a step', () => {
  it('names the step being read', () => {
    expect(addressForStep('summit', at(''), reading)).toBe('#summit');
    expect(addressForStep('summit', at('#treaty'), reading)).toBe('#summit');
  });

  it('is left alone when it already names the step', () => {
    expect(addressForStep('summit', at('#summit'), reading)).toBeNull();
  });

  it('has no step while the reader is in the intro, keeping the query', () => {
    expect(addressForStep('first', at('#first', '?theme=dark'), inIntro)).toBe('/story/?theme=dark');
    expect(addressForStep('first', at('', '?theme=dark'), inIntro)).toBeNull();
  });

  it('always names the step while presenting, without asking the layout', () => {
    const never = () => {
      throw new Error('no layout read while presenting');
    };
    expect(addressForStep('first', at(''), { presenting: true, readingIntro: never })).toBe('#first');
  });
});

describe('steps from an embed’s start', () => {
  const steps = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('all of them without a start, from the first, or with an unknown one', () => {
    expect(stepsFrom(steps, undefined)).toBe(steps);
    expect(stepsFrom(steps, 'a')).toBe(steps);
    expect(stepsFrom(steps, 'zzz')).toBe(steps);
  });

  it('from the chosen step on', () => {
    expect(stepsFrom(steps, 'b').map((s) => s.id)).toEqual(['b', 'c']);
  });
});
