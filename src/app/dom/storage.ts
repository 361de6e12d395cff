/**
 * The reader's remembered choices (motion, place-name language) in the browser's storage, when it
 * allows it. Storage is refused in many places a story runs: a cross-site iframe with third-party
 * storage blocked (there even reading `window.localStorage` throws), sandboxed frames, private
 * modes, a full quota. Every access goes through here and none throws: without storage the story
 * works the same and simply does not remember.
 */
export interface ChoiceStore {
  /** The stored value, or null when there is none or storage is refused. */
  get(key: string): string | null;
  /** Stores the value if storage allows it; otherwise nothing happens. */
  set(key: string, value: string): void;
}

/** A store over the Storage that `open` returns (the page's localStorage by default), opened on every access. */
export function safeStorage(open: () => Storage | null | undefined = () => globalThis.localStorage): ChoiceStore {
  return {
    get(key) {
      try {
        const value = open()?.getItem(key);
        return typeof value === 'string' ? value : null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        open()?.setItem(key, value);
      } catch {
        // Refused or full: the choice lasts as long as the page.
      }
    },
  };
}

/** The same store with every key under `prefix:`, so stories served from one origin keep their own choices. */
export function namespacedStore(store: ChoiceStore, prefix: string): ChoiceStore {
  return {
    get: (key) => store.get(`${prefix}:${key}`),
    set: (key, value) => store.set(`${prefix}:${key}`, value),
  };
}
