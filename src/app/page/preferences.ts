/**
 * The reader's preferences at startup and as they change: the motion and place-name choices they
 * made on an earlier visit, and the system's reduced-motion setting, followed live.
 */
import { readMotionChoice, type MotionChoice } from '../a11y/motion.ts';
import { readNameChoice } from '../map/names.ts';
import type { ChoiceStore } from '../dom/storage.ts';
import type { NameMode } from '../../shared/story/types.ts';

export function rememberedPreferences(
  store: ChoiceStore,
  defaultNames: NameMode,
): { motion: MotionChoice; names: NameMode } {
  return { motion: readMotionChoice(store), names: readNameChoice(store, defaultNames) };
}

type MediaQuery = Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'>;

/** Calls `report` with the system's reduced-motion setting now and on every change; returns the stop. */
export function followReducedMotion(
  report: (reduced: boolean) => void,
  query: (media: string) => MediaQuery = (media) => matchMedia(media),
): () => void {
  const list = query('(prefers-reduced-motion: reduce)');
  const onChange = (event: Pick<MediaQueryListEvent, 'matches'>) => report(event.matches);
  report(list.matches);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}
