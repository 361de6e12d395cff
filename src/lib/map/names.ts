/**
 * The reader's choice of language for place names, remembered like the motion choice. The story
 * file sets the default; a stored choice wins.
 */
import type { NameMode } from './style.ts';

const KEY = 'kuril-story:names';
const MODES: readonly NameMode[] = ['both', 'en', 'ja', 'ru'];

export function readNameChoice(storage: Pick<Storage, 'getItem'> | undefined, fallback: NameMode): NameMode {
  try {
    const value = storage?.getItem(KEY);
    return MODES.find((mode) => mode === value) ?? fallback;
  } catch {
    return fallback;
  }
}

export function saveNameChoice(storage: Pick<Storage, 'setItem'> | undefined, mode: NameMode): void {
  try {
    storage?.setItem(KEY, mode);
  } catch {
    // Storage is refused in sandboxed iframes and some private modes; the choice lasts the visit.
  }
}
