/**
 * Present mode's keys, as a pure function of the key pressed, the digits typed so far, the current
 * step and the step count. Knows nothing of the DOM, so every key can be unit-tested.
 *
 * Next: → ↓ PageDown Space (clickers send PageDown). Previous: ← ↑ PageUp Shift+Space.
 * Home / End: first / last step. Digits then Enter: that step (1-based). f: fullscreen.
 * b or .: blank the screen (clickers' "blank" button sends one of them). Esc: back to the story.
 * s: speaker view.
 */
export type PresentCommand =
  { kind: 'go'; index: number } | { kind: 'fullscreen' } | { kind: 'blank' } | { kind: 'exit' } | { kind: 'speaker' };

/** The step number being typed, as digits, before Enter. */
export interface KeyState {
  digits: string;
}

/** The parts of a KeyboardEvent that decide the command. */
export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}

export interface KeyResult {
  /** `go` always carries an index within 0..count-1; it may equal the current one (next on the last step). */
  command: PresentCommand | null;
  state: KeyState;
  /** Whether the key was ours: the caller then calls preventDefault (Space must not scroll the page). */
  handled: boolean;
}

export const initialKeyState: KeyState = { digits: '' };

// Longer numbers cannot name a step; capping keeps a held-down key from growing the buffer forever.
const MAX_DIGITS = 4;

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

export function clampIndex(index: number, count: number): number {
  return Math.min(Math.max(0, index), count - 1);
}

export function presentCommand(state: KeyState, input: KeyInput, index: number, count: number): KeyResult {
  // Ctrl/Alt/Meta combinations belong to the browser and the OS (Ctrl+R, Alt+←, Cmd+F).
  if (input.ctrlKey || input.altKey || input.metaKey || count < 1) return ignored(state);

  const cleared: KeyState = { digits: '' };
  const go = (target: number): KeyResult => ({
    command: { kind: 'go', index: clampIndex(target, count) },
    state: cleared,
    handled: true,
  });
  const other = (kind: 'fullscreen' | 'blank' | 'exit' | 'speaker'): KeyResult => ({
    command: { kind },
    state: cleared,
    handled: true,
  });
  const { key } = input;

  if (/^[0-9]$/.test(key)) {
    const digits = (state.digits + key).slice(-MAX_DIGITS);
    return { command: null, state: { digits }, handled: true };
  }
  if (key === 'Backspace') {
    if (state.digits === '') return ignored(state);
    return { command: null, state: { digits: state.digits.slice(0, -1) }, handled: true };
  }
  if (key === 'Enter') {
    // Enter alone is left to the browser, so it still presses a focused button.
    if (state.digits === '') return ignored(state);
    return go(Number(state.digits) - 1);
  }
  // Shift+Space goes back, as it scrolls back in a browser.
  if ((key === ' ' || key === 'Spacebar') && input.shiftKey) return go(index - 1);
  if (NEXT.has(key)) return go(index + 1);
  if (PREVIOUS.has(key)) return go(index - 1);
  if (key === 'Home') return go(0);
  if (key === 'End') return go(count - 1);
  if (key === 'Escape' || key === 'Esc') return other('exit');

  switch (key.toLowerCase()) {
    case 'f':
      return other('fullscreen');
    case 'b':
    case '.':
      return other('blank');
    case 's':
      return other('speaker');
    default:
      // Shift, Tab and the like neither act nor lose the number being typed.
      return ignored(state);
  }
}

function ignored(state: KeyState): KeyResult {
  return { command: null, state, handled: false };
}

/**
 * Whether a key event should be left alone: already handled, typed into a field, or Space/Enter
 * on a button or link (which would otherwise both press it and change the step).
 */
export function leaveKeyToPage(event: { key: string; defaultPrevented: boolean; target: EventTarget | null }): boolean {
  if (event.defaultPrevented) return true;
  const target = event.target as { closest?: (selector: string) => unknown } | null;
  if (typeof target?.closest !== 'function') return false;
  if (target.closest('input, select, textarea, [contenteditable]:not([contenteditable="false"])')) return true;
  const activates = event.key === ' ' || event.key === 'Spacebar' || event.key === 'Enter';
  return activates && Boolean(target.closest('button, a[href], summary, [role="button"]'));
}
