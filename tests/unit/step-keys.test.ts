/**
 * The story's keyboard (src/shared/scroll/step-keys.ts): one step per key, Home and End, `p` to
 * present, the intro above the first step, and the keys it must leave to controls, dialogs, the
 * explored map and the browser.
 */
import { describe, expect, it } from 'vitest';
import { stepKeyAction, takesKey, type StepKeyEvent, type StepKeyState } from '../../src/shared/scroll/step-keys.ts';

const COUNT = 19;

function key(name: string, extra: Partial<StepKeyEvent> = {}): StepKeyEvent {
  return {
    key: name,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    defaultPrevented: false,
    inDialog: false,
    inControl: false,
    ...extra,
  };
}

function state(extra: Partial<Omit<StepKeyState, 'readingIntro'>> & { intro?: boolean } = {}): StepKeyState {
  const { intro = false, ...rest } = extra;
  return {
    presenting: false,
    exploring: false,
    embedded: false,
    active: 5,
    count: COUNT,
    readingIntro: () => intro,
    ...rest,
  };
}

describe('one step at a time', () => {
  it.each(['ArrowDown', 'j', 'PageDown'])('%j goes to the next step', (name) => {
    expect(stepKeyAction(key(name), state())).toEqual({ kind: 'go', index: 6 });
  });

  it.each(['ArrowUp', 'k', 'PageUp'])('%j goes to the previous step', (name) => {
    expect(stepKeyAction(key(name), state())).toEqual({ kind: 'go', index: 4 });
  });

  it('stays on the last step going on, and on the first going back', () => {
    expect(stepKeyAction(key('ArrowDown'), state({ active: COUNT - 1 }))).toEqual({ kind: 'go', index: COUNT - 1 });
    expect(stepKeyAction(key('ArrowUp'), state({ active: 0 }))).toEqual({ kind: 'go', index: 0 });
  });

  it('End goes to the last step, Home back to the top of the page', () => {
    expect(stepKeyAction(key('End'), state())).toEqual({ kind: 'go', index: COUNT - 1 });
    expect(stepKeyAction(key('Home'), state())).toEqual({ kind: 'top' });
  });

  it('Home in an embed goes to its first step: the top of the host page is not the story’s', () => {
    expect(stepKeyAction(key('Home'), state({ embedded: true }))).toEqual({ kind: 'go', index: 0 });
  });
});

describe('the intro, above the first step', () => {
  it('the next step from the title is the first one', () => {
    expect(stepKeyAction(key('ArrowDown'), state({ active: 0, intro: true }))).toEqual({ kind: 'go', index: 0 });
  });

  it('going back is the page’s own scroll', () => {
    expect(stepKeyAction(key('ArrowUp'), state({ active: 0, intro: true }))).toEqual({ kind: 'none' });
  });

  it('reads the layout only for the keys that need it', () => {
    let reads = 0;
    const counting = { ...state(), readingIntro: () => (reads++, false) };
    stepKeyAction(key('x'), counting);
    stepKeyAction(key('End'), counting);
    stepKeyAction(key('p'), counting);
    expect(reads).toBe(0);
    stepKeyAction(key('ArrowDown'), counting);
    expect(reads).toBe(1);
  });
});

describe('present mode and exploring', () => {
  it('p starts presenting, except in an embed', () => {
    expect(stepKeyAction(key('p'), state())).toEqual({ kind: 'present' });
    expect(stepKeyAction(key('p'), state({ embedded: true }))).toEqual({ kind: 'none' });
  });

  it('while presenting the slides own every key', () => {
    for (const name of ['ArrowDown', 'End', 'Home', 'p', 'Escape']) {
      expect(stepKeyAction(key(name), state({ presenting: true }))).toEqual({ kind: 'none' });
    }
  });

  it('Esc ends exploring, from the map too, but not from a dialog', () => {
    expect(stepKeyAction(key('Escape', { inControl: true }), state({ exploring: true }))).toEqual({
      kind: 'stop-exploring',
    });
    expect(stepKeyAction(key('Escape', { inDialog: true, inControl: true }), state({ exploring: true }))).toEqual({
      kind: 'none',
    });
    expect(stepKeyAction(key('Escape'), state())).toEqual({ kind: 'none' });
  });
});

describe('keys left alone', () => {
  it.each([{ altKey: true }, { ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { defaultPrevented: true }])(
    'with %j',
    (extra) => {
      expect(stepKeyAction(key('ArrowDown', extra), state())).toEqual({ kind: 'none' });
    },
  );

  it('keys typed into controls, dialogs and the map stay theirs', () => {
    expect(stepKeyAction(key('ArrowDown', { inControl: true }), state())).toEqual({ kind: 'none' });
    expect(stepKeyAction(key('p', { inControl: true }), state())).toEqual({ kind: 'none' });
  });

  it('unknown keys', () => {
    expect(stepKeyAction(key('a'), state())).toEqual({ kind: 'none' });
    expect(stepKeyAction(key(' '), state())).toEqual({ kind: 'none' });
  });

  it('the page takes the key from the browser only when it moves', () => {
    expect(takesKey({ kind: 'go', index: 1 })).toBe(true);
    expect(takesKey({ kind: 'top' })).toBe(true);
    expect(takesKey({ kind: 'present' })).toBe(false);
    expect(takesKey({ kind: 'stop-exploring' })).toBe(false);
    expect(takesKey({ kind: 'none' })).toBe(false);
  });
});
