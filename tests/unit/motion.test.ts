import { describe, expect, it } from 'vitest';
import { motionAllowed, readMotionChoice, saveMotionChoice } from '../../src/lib/a11y/motion.ts';
import { readNameChoice, saveNameChoice } from '../../src/lib/map/names.ts';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  } as Storage;
}

describe('motion preference', () => {
  it('follows the system setting until the reader chooses', () => {
    expect(motionAllowed('system', true)).toBe(false);
    expect(motionAllowed('system', false)).toBe(true);
  });

  it("lets the reader's choice override the system either way", () => {
    expect(motionAllowed('on', true)).toBe(true);
    expect(motionAllowed('off', false)).toBe(false);
  });

  it('remembers the choice and ignores junk', () => {
    const storage = memoryStorage();
    expect(readMotionChoice(storage)).toBe('system');
    saveMotionChoice(storage, 'off');
    expect(readMotionChoice(storage)).toBe('off');
    storage.setItem('kuril-story:motion', 'sideways');
    expect(readMotionChoice(storage)).toBe('system');
  });

  it('works when storage throws (sandboxed iframes)', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    } as unknown as Storage;
    expect(readMotionChoice(throwing)).toBe('system');
    expect(() => saveMotionChoice(throwing, 'on')).not.toThrow();
  });
});

describe('name language preference', () => {
  it('uses the story default until the reader chooses, then remembers', () => {
    const storage = memoryStorage();
    expect(readNameChoice(storage, 'both')).toBe('both');
    saveNameChoice(storage, 'ru');
    expect(readNameChoice(storage, 'both')).toBe('ru');
    storage.setItem('kuril-story:names', 'klingon');
    expect(readNameChoice(storage, 'ja')).toBe('ja');
  });
});
