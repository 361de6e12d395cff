/**
 * The story's keyboard, as a pure decision (the page applies it): one whole step at a time, Home
 * and End to the first and last step, `p` to present. Keys typed into controls, dialogs or the
 * map being explored stay theirs. Present mode's own keys are src/shared/present/keys.ts.
 */

/** What the page needs to know of a keydown. */
export interface StepKeyEvent {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  defaultPrevented: boolean;
  /** The key was pressed inside a dialog. */
  inDialog: boolean;
  /** The key was pressed in a control, a dialog, the map or its tools: it is theirs. */
  inControl: boolean;
}

export interface StepKeyState {
  presenting: boolean;
  exploring: boolean;
  /** Embedded in a host page: no present mode, and Home stays in the story. */
  embedded: boolean;
  active: number;
  count: number;
  /** Whether the reader is above the first step (a layout read, so only asked when it matters). */
  readingIntro: () => boolean;
}

export type StepKeyAction =
  | { kind: 'none' }
  | { kind: 'stop-exploring' }
  | { kind: 'present' }
  /** Back to the top of the page, the intro. */
  | { kind: 'top' }
  | { kind: 'go'; index: number };

const STEP_KEYS: Readonly<Record<string, number | 'first' | 'last'>> = {
  ArrowDown: 1,
  j: 1,
  PageDown: 1,
  ArrowUp: -1,
  k: -1,
  PageUp: -1,
  Home: 'first',
  End: 'last',
};

const NONE: StepKeyAction = { kind: 'none' };

export function stepKeyAction(event: StepKeyEvent, state: StepKeyState): StepKeyAction {
  // While presenting the slides own the keys.
  if (state.presenting) return NONE;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return NONE;
  if (event.key === 'Escape' && state.exploring && !event.inDialog) return { kind: 'stop-exploring' };
  if (event.inControl) return NONE;
  if (event.key === 'p' && !state.embedded) return { kind: 'present' };
  const move = STEP_KEYS[event.key];
  if (move === undefined) return NONE;
  // Above the first step, going back is the page's own scroll.
  if (move === -1 && state.readingIntro()) return NONE;
  if (move === 'first') return state.embedded ? { kind: 'go', index: 0 } : { kind: 'top' };
  if (move === 'last') return { kind: 'go', index: state.count - 1 };
  // From the title, the next step is the first one.
  const from = state.readingIntro() ? state.active - 1 : state.active;
  return { kind: 'go', index: Math.min(Math.max(from + move, 0), state.count - 1) };
}

/** Whether the page takes the key from the browser (no scroll of its own). */
export function takesKey(action: StepKeyAction): boolean {
  return action.kind === 'top' || action.kind === 'go';
}
