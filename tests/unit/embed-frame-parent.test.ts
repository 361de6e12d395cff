/**
 * The host page's side of the iframe embed: only the story's own iframe is heard, and only whole,
 * bounded numbers move the iframe or the host page (a fake parent, window and iframe).
 */
import { describe, expect, it, vi } from 'vitest';
import {
  MAX_FRAME_HEIGHT,
  guardParent,
  parseChildPosition,
  parseFrameHeight,
  type GuardedParent,
} from '../../src/app/embed/frame-parent.ts';

describe('parseFrameHeight', () => {
  it('reads the whole pixels the story sends', () => {
    expect(parseFrameHeight('1')).toBe(1);
    expect(parseFrameHeight('24816')).toBe(24816);
    expect(parseFrameHeight(String(MAX_FRAME_HEIGHT))).toBe(MAX_FRAME_HEIGHT);
  });

  it.each(['', '0', '-500', 'NaN', '1e9', '1000000000', String(MAX_FRAME_HEIGHT + 1), '12.5', ' 12', '12px', '0x10'])(
    'refuses %j',
    (message) => {
      expect(parseFrameHeight(message)).toBeNull();
    },
  );
});

describe('parseChildPosition', () => {
  it('keeps the position within the iframe', () => {
    expect(parseChildPosition('1200', 5000)).toBe(1200);
    expect(parseChildPosition('-40', 5000)).toBe(0);
    expect(parseChildPosition('999999999', 5000)).toBe(5000);
  });

  it.each(['', 'NaN', '1e9', '12.5', 'top', '9999999999'])('refuses %j', (message) => {
    expect(parseChildPosition(message, 5000)).toBeNull();
  });
});

function fakes() {
  const own = { name: 'story frame' };
  const listeners: Array<(event: MessageEvent) => void> = [];
  const process = vi.fn();
  const win = {
    scrollY: 300,
    scrollTo: vi.fn(),
    addEventListener: vi.fn((_type: string, listener: (event: MessageEvent) => void) => listeners.push(listener)),
    removeEventListener: vi.fn(),
  };
  const iframe = {
    contentWindow: own as unknown as Window,
    offsetHeight: 5000,
    setAttribute: vi.fn(),
    getBoundingClientRect: () => ({ top: 100 }) as DOMRect,
  };
  const navigate = vi.fn();
  const parent: GuardedParent = {
    iframe,
    messageHandlers: { height: [vi.fn()], scrollToChildPos: [vi.fn()], navigateTo: [navigate] },
    _processMessage: process,
  };
  guardParent(parent, win as unknown as Window);
  const send = (source: unknown) => {
    for (const listener of listeners) listener({ source, data: 'pym message' } as unknown as MessageEvent);
  };
  const handle = (type: string, message: string) => {
    for (const handler of parent.messageHandlers[type] ?? []) handler(message);
  };
  return { own, win, iframe, parent, process, send, handle };
}

describe('guardParent', () => {
  it("replaces pym's listener by one that hears only the story's own iframe", () => {
    const { own, win, process, send } = fakes();
    expect(win.removeEventListener).toHaveBeenCalledWith('message', process);
    send({ name: 'another window of the same origin' });
    send(null);
    send(win);
    expect(process).not.toHaveBeenCalled();
    send(own);
    expect(process).toHaveBeenCalledTimes(1);
  });

  it('sets the height the story asks for and ignores hostile heights', () => {
    const { iframe, handle } = fakes();
    for (const hostile of ['1000000000', '1e9', 'NaN', '-500']) handle('height', hostile);
    expect(iframe.setAttribute).not.toHaveBeenCalled();
    handle('height', '24816');
    expect(iframe.setAttribute).toHaveBeenCalledExactlyOnceWith('height', '24816px');
  });

  it('scrolls the host to a position within the iframe, and never navigates it', () => {
    const { win, parent, handle } = fakes();
    handle('scrollToChildPos', '1200');
    expect(win.scrollTo).toHaveBeenLastCalledWith(0, 100 + 300 + 1200);
    handle('scrollToChildPos', '99999999');
    expect(win.scrollTo).toHaveBeenLastCalledWith(0, 100 + 300 + 5000);
    handle('scrollToChildPos', 'NaN');
    expect(win.scrollTo).toHaveBeenCalledTimes(2);
    expect(parent.messageHandlers.navigateTo).toBeUndefined();
  });
});
