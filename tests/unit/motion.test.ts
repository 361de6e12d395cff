import { describe, expect, it } from 'vitest';
import { motionAllowed, readMotionChoice, saveMotionChoice } from '../../src/app/a11y/motion.ts';
import { readNameChoice, saveNameChoice } from '../../src/app/map/names.ts';
import { namespacedStore, safeStorage } from '../../src/app/dom/storage.ts';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  } as Storage;
}

/** Storage as a cross-site iframe with third-party storage blocked sees it: every call refused. */
const refused = () => {
  throw new DOMException(
    "Failed to read the 'localStorage' property from 'Window': Access is denied.",
    'SecurityError',
  );
};
const throwingStorage = { getItem: refused, setItem: refused } as unknown as Storage;

describe('safe storage', () => {
  it('stores and reads back through the Storage it opens', () => {
    const storage = memoryStorage();
    const store = safeStorage(() => storage);
    expect(store.get('k')).toBeNull();
    store.set('k', 'v');
    expect(store.get('k')).toBe('v');
    expect(storage.getItem('k')).toBe('v');
  });

  it('reads nothing and stores nothing, without throwing, when even opening storage is refused', () => {
    const store = safeStorage(refused);
    expect(store.get('k')).toBeNull();
    expect(() => store.set('k', 'v')).not.toThrow();
  });

  it('reads nothing and stores nothing when every call throws (a full quota, a sandbox)', () => {
    const store = safeStorage(() => throwingStorage);
    expect(store.get('k')).toBeNull();
    expect(() => store.set('k', 'v')).not.toThrow();
  });

  it('works without any storage at all', () => {
    const store = safeStorage(() => undefined);
    expect(store.get('k')).toBeNull();
    expect(() => store.set('k', 'v')).not.toThrow();
  });

  it('opens storage on every access, so a property that throws later is caught too', () => {
    let calls = 0;
    const storage = memoryStorage();
    const store = safeStorage(() => (++calls > 1 ? refused() : storage));
    store.set('k', 'v');
    expect(store.get('k')).toBeNull();
    expect(calls).toBe(2);
  });
});

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
    const store = safeStorage(() => storage);
    expect(readMotionChoice(store)).toBe('system');
    saveMotionChoice(store, 'off');
    expect(readMotionChoice(store)).toBe('off');
    storage.setItem('motion', 'sideways');
    expect(readMotionChoice(store)).toBe('system');
  });

  it('falls back to the system setting when storage is refused', () => {
    const store = safeStorage(refused);
    expect(() => saveMotionChoice(store, 'on')).not.toThrow();
    expect(readMotionChoice(store)).toBe('system');
  });
});

describe('namespacedStore', () => {
  it('keeps each story’s choices under its own prefix', () => {
    const storage = memoryStorage();
    const kurils = namespacedStore(
      safeStorage(() => storage),
      'kuril-story',
    );
    const other = namespacedStore(
      safeStorage(() => storage),
      'other-story',
    );
    saveMotionChoice(kurils, 'off');
    expect(storage.getItem('kuril-story:motion')).toBe('off');
    expect(readMotionChoice(other)).toBe('system');
    saveNameChoice(other, 'ja');
    expect(storage.getItem('other-story:names')).toBe('ja');
    expect(readNameChoice(kurils, 'both')).toBe('both');
  });
});

describe('name language preference', () => {
  it('uses the story default until the reader chooses, then remembers', () => {
    const storage = memoryStorage();
    const store = safeStorage(() => storage);
    expect(readNameChoice(store, 'both')).toBe('both');
    saveNameChoice(store, 'ru');
    expect(readNameChoice(store, 'both')).toBe('ru');
    storage.setItem('names', 'klingon');
    expect(readNameChoice(store, 'ja')).toBe('ja');
  });

  it("keeps the story's default when storage is refused", () => {
    const store = safeStorage(() => throwingStorage);
    expect(() => saveNameChoice(store, 'ru')).not.toThrow();
    expect(readNameChoice(store, 'en')).toBe('en');
  });
});
