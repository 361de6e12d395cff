/**
 * The page's small browser modules (src/app/page): the reader's remembered and system
 * preferences, the still pictures fetched for print, present mode's address, and the work left
 * to after the first frame.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followReducedMotion, rememberedPreferences } from '../../src/app/page/preferences.ts';
import { picturesEagerForPrint } from '../../src/app/page/print.ts';
import { enterPresentAddress, leavePresentAddress, opensPresenting } from '../../src/app/page/present-entry.ts';
import { afterFirstFrame } from '../../src/app/page/after-first-frame.ts';
import { onFirstEngagement } from '../../src/app/page/first-engagement.ts';
import { saveMotionChoice } from '../../src/app/a11y/motion.ts';
import { saveNameChoice } from '../../src/app/map/names.ts';
import type { ChoiceStore } from '../../src/app/dom/storage.ts';

function memoryStore(): ChoiceStore {
  const data = new Map<string, string>();
  return { get: (key) => data.get(key) ?? null, set: (key, value) => void data.set(key, value) };
}

describe('reader preferences', () => {
  it('a first visit has the system’s motion and the story’s names', () => {
    expect(rememberedPreferences(memoryStore(), 'both')).toEqual({ motion: 'system', names: 'both' });
  });

  it('a later visit has the choices the reader made', () => {
    const store = memoryStore();
    saveMotionChoice(store, 'off');
    saveNameChoice(store, 'ru');
    expect(rememberedPreferences(store, 'both')).toEqual({ motion: 'off', names: 'ru' });
  });

  it('follows the system’s reduced-motion setting now and as it changes, until stopped', () => {
    const list = Object.assign(new EventTarget(), { matches: true });
    const reports: boolean[] = [];
    const stop = followReducedMotion(
      (reduced) => reports.push(reduced),
      () => list,
    );
    list.dispatchEvent(Object.assign(new Event('change'), { matches: false }));
    stop();
    list.dispatchEvent(Object.assign(new Event('change'), { matches: true }));
    expect(reports).toEqual([true, false]);
  });
});

describe('print', () => {
  it('fetches every still picture before printing, not before', () => {
    const images = [{ loading: 'lazy' }, { loading: 'lazy' }];
    const selectors: string[] = [];
    const root = {
      querySelectorAll: (selector: string) => {
        selectors.push(selector);
        return images;
      },
    } as unknown as ParentNode;
    const window = new EventTarget();
    const stop = picturesEagerForPrint(window, root);
    expect(images.map((i) => i.loading)).toEqual(['lazy', 'lazy']);
    window.dispatchEvent(new Event('beforeprint'));
    expect(images.map((i) => i.loading)).toEqual(['eager', 'eager']);
    expect(selectors).toEqual(['.static-map img']);
    stop();
    images[0]!.loading = 'lazy';
    window.dispatchEvent(new Event('beforeprint'));
    expect(images[0]!.loading).toBe('lazy');
  });
});

describe('present mode’s address', () => {
  function page(href: string) {
    const history = {
      state: { kept: true },
      replaceState: vi.fn((_state: unknown, _title: string, url: string) => void (location.href = url)),
    };
    const location = { href };
    return { location, history };
  }

  it('a page opened with ?present starts presenting; an embed never does', () => {
    expect(opensPresenting('https://example.org/story/?present#summit', false)).toBe(true);
    expect(opensPresenting('https://example.org/story/#summit', false)).toBe(false);
    expect(opensPresenting('https://example.org/story/?present', true)).toBe(false);
  });

  it('entering keeps the step and the other parameters, and the history entry', () => {
    const p = page('https://example.org/story/?theme=dark#intro-step');
    enterPresentAddress(p, 'summit');
    expect(p.location.href).toBe('https://example.org/story/?theme=dark&present#summit');
    expect(p.history.replaceState).toHaveBeenCalledWith({ kept: true }, '', p.location.href);
  });

  it('leaving goes back to the story at the same step, out of full screen', () => {
    const p = page('https://example.org/story/?present#summit');
    const fullscreen = { fullscreenElement: {} as Element, exitFullscreen: vi.fn(() => Promise.resolve()) };
    leavePresentAddress(p, 'summit', fullscreen);
    expect(p.location.href).toBe('https://example.org/story/#summit');
    expect(fullscreen.exitFullscreen).toHaveBeenCalledOnce();
  });

  it('leaving without full screen does not ask to exit it', () => {
    const p = page('https://example.org/story/?present#summit');
    const fullscreen = { fullscreenElement: null, exitFullscreen: vi.fn(() => Promise.resolve()) };
    leavePresentAddress(p, 'summit', fullscreen);
    expect(fullscreen.exitFullscreen).not.toHaveBeenCalled();
  });
});

describe('after the first frame', () => {
  afterEach(() => void vi.unstubAllGlobals());

  function frames() {
    const callbacks: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => callbacks.push(callback));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => void (callbacks[id - 1] = () => {}));
    return () => callbacks.splice(0).forEach((callback) => callback(0));
  }

  it('runs the work in a task of its own after the next frame, not before', async () => {
    const drawFrame = frames();
    const work = vi.fn();
    afterFirstFrame(work);
    await Promise.resolve();
    expect(work).not.toHaveBeenCalled();
    drawFrame();
    expect(work).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(work).toHaveBeenCalledOnce();
  });

  it('never runs once cancelled, before or after the frame', async () => {
    const drawFrame = frames();
    const before = vi.fn();
    const after = vi.fn();
    afterFirstFrame(before)();
    const cancelAfter = afterFirstFrame(after);
    drawFrame();
    cancelAfter();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(before).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
  });
});

describe('the reader’s first move', () => {
  it.each(['scroll', 'wheel', 'touchstart', 'pointerdown', 'pointermove', 'keydown'])('%s engages, once', (type) => {
    const target = new EventTarget();
    const engaged = vi.fn();
    onFirstEngagement(target, engaged);
    target.dispatchEvent(new Event(type));
    target.dispatchEvent(new Event(type));
    target.dispatchEvent(new Event('keydown'));
    expect(engaged).toHaveBeenCalledOnce();
  });

  it('other events do not, and nothing does once stopped', () => {
    const target = new EventTarget();
    const engaged = vi.fn();
    const stop = onFirstEngagement(target, engaged);
    target.dispatchEvent(new Event('focus'));
    target.dispatchEvent(new Event('resize'));
    stop();
    target.dispatchEvent(new Event('pointerdown'));
    expect(engaged).not.toHaveBeenCalled();
  });
});
