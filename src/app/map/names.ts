/**
 * The reader's choice of language for place names, remembered like the motion choice. The story
 * file sets the default; a stored choice wins.
 */
import type { ChoiceStore } from '../dom/storage.ts';
import type { NameMode } from '../../shared/map/style.ts';

const KEY = 'names';
const MODES: readonly NameMode[] = ['both', 'en', 'ja', 'ru'];

export function readNameChoice(store: ChoiceStore, fallback: NameMode): NameMode {
  const value = store.get(KEY);
  return MODES.find((mode) => mode === value) ?? fallback;
}

export function saveNameChoice(store: ChoiceStore, mode: NameMode): void {
  store.set(KEY, mode);
}
