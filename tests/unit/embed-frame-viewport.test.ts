/**
 * The iframe's viewport, driven by a fake pym child: position messages parsed and validated, the
 * host's visible area in the iframe's coordinates, scroll requests sent back, settle callbacks.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storyUrlOf } from '../../src/app/embed/context.ts';
import {
  MAX_FRAME_OFFSET,
  MAX_VIEWPORT_SIDE,
  frameViewport,
  isFramed,
  parseHostPosition,
  type PymChildLike,
} from '../../src/app/embed/frame-viewport.ts';

class FakeChild implements PymChildLike {
  handlers = new Map<string, Array<(message: string) => void>>();
  asked = 0;
  scrolls: number[] = [];
  onMessage(type: string, callback: (message: string) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), callback]);
  }
  getParentPositionInfo() {
    this.asked++;
  }
  scrollParentToChildPos(position: number) {
    this.scrolls.push(position);
  }
  /** What pym's Child does with a parent message of this type. */
  receive(type: string, message: string) {
    for (const handler of this.handlers.get(type) ?? []) handler(message);
  }
}

beforeEach(() => {
  vi.stubGlobal('window', { innerHeight: 3000, scrollY: 0 });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('parseHostPosition', () => {
  it("reads pym's six numbers", () => {
    expect(parseHostPosition('1280 800 -1234.5 0 5000 1280')).toEqual({
      viewportWidth: 1280,
      viewportHeight: 800,
      top: -1234.5,
      left: 0,
      bottom: 5000,
      right: 1280,
    });
    expect(parseHostPosition('390 664 1.5e-7 16 9000.25 374')).toMatchObject({ top: 1.5e-7, bottom: 9000.25 });
  });

  it.each([
    '',
    '1280 800 0 0 5000',
    '1280 800 0 0 5000 1280 7',
    '1280 800 NaN 0 5000 1280',
    '1280 800 Infinity 0 5000 1280',
    '1280 800 0x10 0 5000 1280',
    '1280 800 1e999 0 5000 1280',
    '1280px 800 0 0 5000 1280',
    '1280,800,0,0,5000,1280',
    '0 800 0 0 5000 1280',
    '1280 0 0 0 5000 1280',
    '1280 800 100 0 50 1280',
    '1280 800 0 0 5000 1280\n<script>',
    // Hostile hosts: viewports no screen has, edges beyond any page, negative sizes.
    '1280 20000 0 0 5000 1280',
    '1280 1000000 0 0 5000 1280',
    '1e9 1e9 -1e9 0 1e9 0',
    '1280 -500 0 0 5000 1280',
    '-1280 800 0 0 5000 1280',
    '1280 800 -2e7 0 5000 1280',
    '1280 800 0 0 2e7 1280',
    '1280 0.5 0 0 5000 1280',
    `1280 800 0 0 5000 ${'1'.repeat(300)}`,
  ])('refuses %j', (message) => {
    expect(parseHostPosition(message)).toBeNull();
  });

  it('accepts the largest screens and the longest host pages', () => {
    expect(parseHostPosition(`${MAX_VIEWPORT_SIDE} ${MAX_VIEWPORT_SIDE} 0 0 1 1`)).not.toBeNull();
    expect(parseHostPosition(`1280 800 -${MAX_FRAME_OFFSET} 0 ${MAX_FRAME_OFFSET} 1280`)).not.toBeNull();
  });
});

describe('frameViewport', () => {
  it('asks the host for its position at once', () => {
    const child = new FakeChild();
    frameViewport(child);
    expect(child.asked).toBe(1);
  });

  it("uses the iframe's own window until the host answers", () => {
    const viewport = frameViewport(new FakeChild());
    expect(viewport.isWindow).toBe(false);
    expect(viewport.height()).toBe(3000);
    expect(viewport.top()).toBe(0);
  });

  it("follows the host: its viewport's height, and -iframeTop as the top, unclamped", () => {
    const child = new FakeChild();
    const viewport = frameViewport(child);
    child.receive('viewport-iframe-position', '1280 800 -1500 0 2500 1280');
    expect(viewport.height()).toBe(800);
    expect(viewport.top()).toBe(1500);
    // The iframe still below the host's top edge: the visible area starts above the iframe.
    child.receive('viewport-iframe-position', '1280 800 300 0 4300 1280');
    expect(viewport.top()).toBe(-300);
  });

  it("starts the visible area below a host's sticky header (top-offset)", () => {
    const child = new FakeChild();
    const viewport = frameViewport(child, 60);
    child.receive('viewport-iframe-position', '1280 800 -1500 0 2500 1280');
    expect(viewport.height()).toBe(740);
    expect(viewport.top()).toBe(1560);
    // Asked to show document position 2000 at the visible top, the host shows it 60 px down.
    viewport.scrollToDocumentY(2000);
    expect(child.scrolls).toEqual([1940]);
  });

  it('ignores hostile viewport numbers and keeps the last good position', () => {
    const child = new FakeChild();
    const viewport = frameViewport(child);
    child.receive('viewport-iframe-position', '1280 800 -100 0 3900 1280');
    for (const hostile of ['1280 20000 -100 0 3900 1280', '1e9 1e9 -1e9 0 1e9 0', '1280 -500 0 0 10 1280']) {
      child.receive('viewport-iframe-position', hostile);
    }
    expect(viewport.height()).toBe(800);
    expect(viewport.top()).toBe(100);
  });

  it('ignores malformed messages and keeps the last good position', () => {
    const child = new FakeChild();
    const viewport = frameViewport(child);
    const settled = vi.fn();
    viewport.onSettle(settled);
    child.receive('viewport-iframe-position', '1280 800 -100 0 3900 1280');
    child.receive('viewport-iframe-position', '1280 NaN -900 0 3100 1280');
    child.receive('viewport-iframe-position', 'garbage');
    expect(viewport.top()).toBe(100);
    expect(viewport.height()).toBe(800);
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it('settles on every valid position message until unsubscribed', () => {
    const child = new FakeChild();
    const viewport = frameViewport(child);
    const first = vi.fn();
    const second = vi.fn();
    const stop = viewport.onSettle(first);
    viewport.onSettle(second);
    child.receive('viewport-iframe-position', '1280 800 0 0 4000 1280');
    child.receive('viewport-iframe-position', '1280 800 -10 0 3990 1280');
    stop();
    child.receive('viewport-iframe-position', '1280 800 -20 0 3980 1280');
    expect(first).toHaveBeenCalledTimes(2);
    expect(second).toHaveBeenCalledTimes(3);
  });

  it('asks the host to scroll, in whole pixels of the iframe document', () => {
    const child = new FakeChild();
    const viewport = frameViewport(child);
    viewport.scrollToDocumentY(1234.6);
    viewport.scrollToDocumentY(-40);
    expect(child.scrolls).toEqual([1235, -40]);
  });

  it("measures elements in the iframe's document", () => {
    vi.stubGlobal('window', { innerHeight: 3000, scrollY: 7 });
    const viewport = frameViewport(new FakeChild());
    const element = { getBoundingClientRect: () => ({ top: 420 }) } as Element;
    expect(viewport.documentTopOf(element)).toBe(427);
  });

  it('keeps step positions linear in the host scroll', () => {
    const child = new FakeChild();
    const viewport = frameViewport(child);
    const tops = [600, 200, -200, -600].map((iframeTop) => {
      child.receive('viewport-iframe-position', `1280 800 ${iframeTop} 0 ${iframeTop + 4000} 1280`);
      return viewport.top();
    });
    expect(tops).toEqual([-600, -200, 200, 600]);
  });
});

describe('isFramed', () => {
  it('tells an iframe from a top-level page', () => {
    const top = {} as Window;
    expect(isFramed({ self: top, top } as unknown as Window)).toBe(false);
    expect(isFramed({ self: {}, top } as unknown as Window)).toBe(true);
  });

  it('counts a top that refuses access as framed', () => {
    const win = {
      self: {},
      get top(): Window {
        throw new DOMException('Blocked', 'SecurityError');
      },
    };
    expect(isFramed(win as unknown as Window)).toBe(true);
  });
});

describe('storyUrlOf', () => {
  it("drops the embed's query and hash, keeping the story's folder or page", () => {
    expect(storyUrlOf(new URL('https://cdn.example.org/kurils/?embed&theme=dark&childId=k-1#summit'))).toBe(
      'https://cdn.example.org/kurils/',
    );
    expect(storyUrlOf(new URL('https://cdn.example.org/kurils/index.html?embed'))).toBe(
      'https://cdn.example.org/kurils/index.html',
    );
  });
});
