/**
 * The reader's motion preference: the OS setting by default, overridden by the visible toggle,
 * which is remembered in localStorage (the only thing, with the name mode, that the story stores).
 */
export type MotionChoice = 'system' | 'on' | 'off';

const KEY = 'kuril-story:motion';

export function readMotionChoice(storage: Pick<Storage, 'getItem'> | undefined): MotionChoice {
  const value = safely(() => storage?.getItem(KEY));
  return value === 'on' || value === 'off' ? value : 'system';
}

export function saveMotionChoice(storage: Pick<Storage, 'setItem'> | undefined, choice: MotionChoice): void {
  safely(() => storage?.setItem(KEY, choice));
}

/** Whether camera flights and fades run, given the reader's choice and the OS setting. */
export function motionAllowed(choice: MotionChoice, systemPrefersReduced: boolean): boolean {
  return choice === 'system' ? !systemPrefersReduced : choice === 'on';
}

// Storage throws in sandboxed iframes and some privacy modes; the story works without it.
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
