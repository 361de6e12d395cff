/**
 * The reader's motion preference: the OS setting by default, overridden by the visible toggle,
 * which is remembered when storage allows (the only thing, with the name mode, that the story stores).
 */
import type { ChoiceStore } from '../dom/storage.ts';

export type MotionChoice = 'system' | 'on' | 'off';

const KEY = 'motion';

export function readMotionChoice(store: ChoiceStore): MotionChoice {
  const value = store.get(KEY);
  return value === 'on' || value === 'off' ? value : 'system';
}

export function saveMotionChoice(store: ChoiceStore, choice: MotionChoice): void {
  store.set(KEY, choice);
}

/** Whether camera flights and fades run, given the reader's choice and the OS setting. */
export function motionAllowed(choice: MotionChoice, systemPrefersReduced: boolean): boolean {
  return choice === 'system' ? !systemPrefersReduced : choice === 'on';
}
