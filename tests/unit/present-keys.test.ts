/**
 * Present mode's keys: every key named in issue 7, clicker keys, typed step numbers (in and out of
 * range, edited, interrupted), modifier combinations left to the browser, and which key events the
 * page must leave alone.
 */
import { describe, expect, it } from 'vitest';
import {
  clampIndex,
  initialKeyState,
  leaveKeyToPage,
  presentCommand,
  type KeyInput,
  type KeyResult,
  type PresentCommand,
} from '../../src/shared/present/keys.ts';

const COUNT = 19;

/** The command for one key from a clean state, at step `index`. */
function commandFor(key: string | KeyInput, index = 5, count = COUNT): PresentCommand | null {
  const input = typeof key === 'string' ? { key } : key;
  return presentCommand(initialKeyState, input, index, count).command;
}

/** Presses keys in order, from a clean state at step `index`; returns the last result. */
function press(keys: string[], index = 5, count = COUNT): KeyResult {
  let result: KeyResult = { command: null, state: initialKeyState, handled: false };
  for (const key of keys) result = presentCommand(result.state, { key }, index, count);
  return result;
}

describe('next and previous', () => {
  it.each(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar'])('%j goes to the next step', (key) => {
    expect(commandFor(key, 5)).toEqual({ kind: 'go', index: 6 });
  });

  it.each(['ArrowLeft', 'ArrowUp', 'PageUp'])('%j goes to the previous step', (key) => {
    expect(commandFor(key, 5)).toEqual({ kind: 'go', index: 4 });
  });

  it('takes Shift+Space back, as a browser scrolls back', () => {
    expect(commandFor({ key: ' ', shiftKey: true }, 5)).toEqual({ kind: 'go', index: 4 });
  });

  it('keeps other shifted navigation keys as they are', () => {
    expect(commandFor({ key: 'PageDown', shiftKey: true }, 5)).toEqual({ kind: 'go', index: 6 });
  });

  it('stays on the last step going forward and on the first going back, and still claims the key', () => {
    const last = presentCommand(initialKeyState, { key: 'PageDown' }, COUNT - 1, COUNT);
    expect(last.command).toEqual({ kind: 'go', index: COUNT - 1 });
    expect(last.handled).toBe(true);
    expect(commandFor('PageUp', 0)).toEqual({ kind: 'go', index: 0 });
    expect(commandFor(' ', COUNT - 1)).toEqual({ kind: 'go', index: COUNT - 1 });
  });

  it('marks the keys as handled, so Space does not also scroll the page', () => {
    for (const key of ['ArrowRight', 'PageDown', ' ', 'PageUp', 'Home', 'End']) {
      expect(presentCommand(initialKeyState, { key }, 5, COUNT).handled).toBe(true);
    }
  });
});

describe('Home and End', () => {
  it('go to the first and the last step', () => {
    expect(commandFor('Home', 7)).toEqual({ kind: 'go', index: 0 });
    expect(commandFor('End', 7)).toEqual({ kind: 'go', index: COUNT - 1 });
  });

  it('work in a one-step story', () => {
    expect(commandFor('End', 0, 1)).toEqual({ kind: 'go', index: 0 });
    expect(commandFor('ArrowRight', 0, 1)).toEqual({ kind: 'go', index: 0 });
  });
});

describe('other commands', () => {
  it.each([
    ['f', 'fullscreen'],
    ['F', 'fullscreen'],
    ['b', 'blank'],
    ['B', 'blank'],
    ['.', 'blank'],
    ['Escape', 'exit'],
    ['Esc', 'exit'],
    ['s', 'speaker'],
    ['S', 'speaker'],
  ])('%j is %s', (key, kind) => {
    const result = presentCommand(initialKeyState, { key }, 5, COUNT);
    expect(result.command).toEqual({ kind });
    expect(result.handled).toBe(true);
  });

  it.each(['x', 'p', 'Tab', 'Shift', 'Control', 'F5', 'Enter', 'Backspace', 'Delete', ','])(
    '%j is not ours: no command, not handled, state kept',
    (key) => {
      const state = { digits: '1' };
      const bare = presentCommand(initialKeyState, { key }, 5, COUNT);
      expect(bare).toEqual({ command: null, state: initialKeyState, handled: false });
      if (key !== 'Enter' && key !== 'Backspace') {
        expect(presentCommand(state, { key }, 5, COUNT).state).toBe(state);
      }
    },
  );
});

describe('modifier keys', () => {
  it.each([
    { key: 'ArrowLeft', altKey: true },
    { key: 'ArrowRight', metaKey: true },
    { key: 'r', ctrlKey: true },
    { key: 'f', metaKey: true },
    { key: 'b', ctrlKey: true },
    { key: ' ', ctrlKey: true },
    { key: '2', altKey: true },
    { key: 'Escape', ctrlKey: true },
    { key: 'Home', ctrlKey: true },
  ])('leaves %j to the browser', (input) => {
    const state = { digits: '12' };
    expect(presentCommand(state, input, 5, COUNT)).toEqual({ command: null, state, handled: false });
  });

  it('ignores modifiers that are present but false', () => {
    expect(commandFor({ key: 'PageDown', ctrlKey: false, altKey: false, metaKey: false }, 5)).toEqual({
      kind: 'go',
      index: 6,
    });
  });
});

describe('typed step numbers', () => {
  it('go to that step (1-based) on Enter', () => {
    expect(press(['3', 'Enter']).command).toEqual({ kind: 'go', index: 2 });
    expect(press(['1', '2', 'Enter']).command).toEqual({ kind: 'go', index: 11 });
    expect(press(['1', 'Enter'], 9).command).toEqual({ kind: 'go', index: 0 });
    expect(press(['1', '9', 'Enter']).command).toEqual({ kind: 'go', index: 18 });
  });

  it('collect digits without a command, but claim the keys', () => {
    const result = press(['1', '2']);
    expect(result).toEqual({ command: null, state: { digits: '12' }, handled: true });
  });

  it('clear the number after Enter', () => {
    expect(press(['3', 'Enter']).state).toEqual({ digits: '' });
  });

  it('clamp numbers past the end to the last step, and 0 to the first', () => {
    expect(press(['9', '9', 'Enter']).command).toEqual({ kind: 'go', index: COUNT - 1 });
    expect(press(['2', '0', 'Enter']).command).toEqual({ kind: 'go', index: COUNT - 1 });
    expect(press(['0', 'Enter'], 7).command).toEqual({ kind: 'go', index: 0 });
    expect(press(['0', '0', '0', '4', 'Enter']).command).toEqual({ kind: 'go', index: 3 });
  });

  it('keep only the last few digits, so a held key cannot grow the number forever', () => {
    const result = press(Array.from({ length: 50 }, () => '7'));
    expect(result.state.digits).toBe('7777');
  });

  it('can be edited with Backspace', () => {
    expect(press(['1', '2', 'Backspace']).state).toEqual({ digits: '1' });
    expect(press(['1', '5', 'Backspace', '2', 'Enter']).command).toEqual({ kind: 'go', index: 11 });
    expect(press(['1', 'Backspace']).handled).toBe(true);
  });

  it('leave Enter to the page when nothing was typed (it presses a focused button)', () => {
    expect(press(['1', 'Backspace', 'Enter'])).toEqual({ command: null, state: { digits: '' }, handled: false });
  });

  it('are dropped by any other command, which then acts as usual', () => {
    expect(press(['1', '2', 'PageDown'])).toEqual({
      command: { kind: 'go', index: 6 },
      state: { digits: '' },
      handled: true,
    });
    expect(press(['1', 'b']).state).toEqual({ digits: '' });
    expect(press(['1', 'Escape']).command).toEqual({ kind: 'exit' });
    expect(press(['1', 'Escape', 'Enter']).command).toBeNull();
    expect(press(['4', 'Home', 'Enter']).command).toBeNull();
  });

  it('survive keys that are not commands (Shift before a digit)', () => {
    expect(press(['1', 'Shift', '2', 'Enter']).command).toEqual({ kind: 'go', index: 11 });
  });

  it('come from the number row and the keypad alike (both report the digit as key)', () => {
    expect(press(['7', 'Enter']).command).toEqual({ kind: 'go', index: 6 });
  });
});

describe('an empty story', () => {
  it('has no commands at all', () => {
    for (const key of ['PageDown', 'Home', 'End', 'b', '1']) {
      expect(presentCommand(initialKeyState, { key }, 0, 0).command).toBeNull();
    }
  });
});

describe('clampIndex', () => {
  it('keeps an index within the steps', () => {
    expect(clampIndex(-3, 5)).toBe(0);
    expect(clampIndex(2, 5)).toBe(2);
    expect(clampIndex(9, 5)).toBe(4);
  });
});

describe('leaveKeyToPage', () => {
  /** A stand-in for an event target that matches the given selectors. */
  const target = (...matches: string[]) => ({
    closest: (selector: string) => (matches.some((m) => selector.includes(m)) ? {} : null),
  });
  const event = (key: string, t: unknown, defaultPrevented = false) => ({
    key,
    defaultPrevented,
    target: t as EventTarget,
  });

  it('leaves keys typed into a field', () => {
    expect(leaveKeyToPage(event('b', target('input')))).toBe(true);
    expect(leaveKeyToPage(event('ArrowRight', target('textarea')))).toBe(true);
  });

  it('leaves Space and Enter on a button or link to press it', () => {
    expect(leaveKeyToPage(event(' ', target('button')))).toBe(true);
    expect(leaveKeyToPage(event('Enter', target('a[href]')))).toBe(true);
  });

  it('takes the arrow keys even on a button, so Next keeps working after a click', () => {
    expect(leaveKeyToPage(event('ArrowRight', target('button')))).toBe(false);
    expect(leaveKeyToPage(event('PageDown', target('button')))).toBe(false);
  });

  it('takes keys on the page itself', () => {
    expect(leaveKeyToPage(event(' ', target()))).toBe(false);
    expect(leaveKeyToPage(event(' ', null))).toBe(false);
    expect(leaveKeyToPage(event(' ', {}))).toBe(false);
  });

  it('leaves keys that something else already handled', () => {
    expect(leaveKeyToPage(event('PageDown', target(), true))).toBe(true);
  });
});
